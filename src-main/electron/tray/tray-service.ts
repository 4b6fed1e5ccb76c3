import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';

/** What the tray icon shows. */
export type TrayState = 'idle' | 'running' | 'attention';

/** The parts of Electron's Tray the service uses (tests pass a fake). */
export type TrayLike = Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'destroy'> & {
  on(event: 'click', listener: () => void): unknown;
};

/** A job as the tray's “run a job now” menu lists it. */
export type TrayJob = Readonly<{ id: string; name: string; enabled: boolean }>;

/** Everything the tray shows, handed over whenever it changes. */
export type TrayView = Readonly<{
  jobs: readonly TrayJob[];
  /** The next scheduled runs, soonest first. */
  upcoming: readonly Readonly<{ jobId: string; jobName: string; at: Date }>[];
  paused: boolean;
  /** Jobs running now, with their progress (0..1) when known. */
  running: readonly Readonly<{ jobId: string; jobName: string; progress?: number }>[];
  /** Why a person is needed (a failed run, rows held for review), or null. */
  attention: string | null;
}>;

export type TrayServiceDeps = Readonly<{
  createTray: (iconPath: string) => TrayLike;
  createMenu: (template: MenuItemConstructorOptions[]) => Menu;
  /** The icon file for a state (see `assets/`). */
  iconPath: (state: TrayState) => string;
  openWindow: () => void;
  runJob: (jobId: string) => void;
  setPaused: (paused: boolean) => void;
  quit: () => void;
  /** How a time is shown in the menu (the app passes the user's locale). */
  formatTime?: (at: Date) => string;
}>;

const MAX_UPCOMING = 5;

const defaultFormat = (at: Date): string =>
  at.toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * Courier's icon in the tray (notification area, menu bar): its state, tooltip and menu.
 *
 * Closing the window leaves Courier here; the menu opens Courier, shows the next runs, runs a job
 * now, pauses all jobs, and quits. The Electron objects come through `createTray`/`createMenu`,
 * so the service runs under plain Node with fakes in the tests.
 */
export class TrayService {
  private readonly deps: TrayServiceDeps;
  private readonly tray: TrayLike;
  private view: TrayView = { jobs: [], upcoming: [], paused: false, running: [], attention: null };
  private currentState: TrayState = 'idle';
  private currentTooltip = '';

  constructor(deps: TrayServiceDeps) {
    this.deps = deps;
    this.tray = deps.createTray(deps.iconPath('idle'));
    this.tray.on('click', () => deps.openWindow());
    this.render();
  }

  get state(): TrayState {
    return this.currentState;
  }

  get tooltip(): string {
    return this.currentTooltip;
  }

  /** Shows a new view (jobs, next runs, running jobs, pause switch, attention). */
  update(view: Partial<TrayView>): void {
    this.view = { ...this.view, ...view };
    this.render();
  }

  /** Updates one running job's progress (0..1) without rebuilding the menu. */
  setProgress(jobId: string, progress: number): void {
    this.view = {
      ...this.view,
      running: this.view.running.map(r => (r.jobId === jobId ? { ...r, progress } : r)),
    };
    this.applyState();
  }

  /** The person has seen what needed them (they opened the window or the run). */
  acknowledge(): void {
    this.update({ attention: null });
  }

  destroy(): void {
    this.tray.destroy();
  }

  private applyState(): void {
    const { running, attention, paused, upcoming } = this.view;
    const state: TrayState = running.length > 0 ? 'running' : attention ? 'attention' : 'idle';
    let tooltip: string;
    if (running.length > 0) {
      tooltip = `Courier — sending ${running
        .map(r =>
          r.progress === undefined
            ? `“${r.jobName}”…`
            : `“${r.jobName}” ${Math.round(Math.min(1, Math.max(0, r.progress)) * 100)}%`
        )
        .join(', ')}`;
    } else if (attention) tooltip = `Courier — needs you: ${attention}`;
    else if (paused) tooltip = 'Courier — all jobs paused';
    else if (upcoming[0])
      tooltip = `Courier — next: “${upcoming[0].jobName}” ${(this.deps.formatTime ?? defaultFormat)(upcoming[0].at)}`;
    else tooltip = 'Courier';
    if (state !== this.currentState) this.tray.setImage(this.deps.iconPath(state));
    if (tooltip !== this.currentTooltip) this.tray.setToolTip(tooltip);
    this.currentState = state;
    this.currentTooltip = tooltip;
  }

  private render(): void {
    this.applyState();
    this.tray.setContextMenu(this.deps.createMenu(this.template()));
  }

  /** The menu, as plain Electron menu-item options. */
  template(): MenuItemConstructorOptions[] {
    const { jobs, upcoming, paused, running, attention } = this.view;
    const format = this.deps.formatTime ?? defaultFormat;
    const runningIds = new Set(running.map(r => r.jobId));
    const next: MenuItemConstructorOptions[] = paused
      ? [{ label: 'All jobs are paused', enabled: false }]
      : upcoming.length === 0
        ? [{ label: 'No scheduled runs', enabled: false }]
        : upcoming
            .slice(0, MAX_UPCOMING)
            .map(u => ({ label: `${u.jobName} — ${format(u.at)}`, enabled: false }));
    const runNow: MenuItemConstructorOptions[] =
      jobs.length === 0
        ? [{ label: 'No jobs yet', enabled: false }]
        : jobs.map(job => ({
            label: runningIds.has(job.id) ? `${job.name} (running)` : job.name,
            enabled: !runningIds.has(job.id),
            click: () => this.deps.runJob(job.id),
          }));
    return [
      {
        label: attention ? 'Open Courier (needs you)' : 'Open Courier',
        click: () => this.deps.openWindow(),
      },
      { type: 'separator' },
      { label: 'Next runs', enabled: false },
      ...next,
      { type: 'separator' },
      { label: 'Run a job now', submenu: runNow },
      {
        label: 'Pause all jobs',
        type: 'checkbox',
        checked: paused,
        click: () => this.deps.setPaused(!paused),
      },
      { type: 'separator' },
      { label: 'Quit Courier', click: () => this.deps.quit() },
    ];
  }
}
