import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exportFromArgv } from '../../files/launch-file';
import type {
  MenuItemConstructorOptions,
  Menu,
  NativeImage,
  NotificationConstructorOptions,
} from 'electron';
import type { Run } from '../../../src-core/history/run';
import type { AppJobs } from '../../jobs/app-jobs';
import type { Logger } from '../../logging/logger';
import { toPlainError } from '../../../src-core/errors';
import {
  NotificationService,
  notificationKind,
  notificationText,
  type NotificationLike,
} from '../notifications/notification-service';
import { TrayService, type TrayLike, type TrayState } from './tray-service';

/** The Electron pieces the background needs; the entry point passes the real ones, tests fakes. */
export type BackgroundElectron = Readonly<{
  createTray: (image: NativeImage | string) => TrayLike;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  createNotification: (options: NotificationConstructorOptions) => NotificationLike;
  notificationsSupported: () => boolean;
  /** Electron's powerMonitor: `resume` after sleep, `unlock-screen`. */
  powerMonitor: Readonly<{
    on: (event: 'resume' | 'unlock-screen', listener: () => void) => unknown;
  }>;
}>;

export type BackgroundDeps = Readonly<{
  electron: BackgroundElectron;
  jobs: AppJobs;
  /**
   * The folder of the tray and notification icons: `assets/tray` in development, `tray` in the
   * packaged app's resources (electron-builder.yml copies it there).
   */
  iconsDir: string;
  openWindow: () => void;
  /** Opens the window on one run (a notification was clicked). */
  openRun: (runId: string) => void;
  /** Quits for real (the tray's Quit). */
  quit: () => void;
  /** Whether to be told about successful runs too (default: the user's saved choice). */
  notifyOnSuccess?: () => boolean;
  platform?: NodeJS.Platform;
  /** How often the job list is re-read from disk (default one minute). */
  refreshEveryMs?: number;
  /** The user's language (Electron's `app.getLocale()`), for notifications that have words in it. */
  locale?: string;
  /** Where a tray action that failed is written (the app's log). */
  logger?: Pick<Logger, 'warn' | 'error'>;
}>;

/** The running background: tray, notifications, schedules. */
export type Background = Readonly<{
  tray: TrayService;
  notifications: NotificationService;
  /** Refreshes the tray from the jobs (after a change the service did not announce). */
  refresh: () => Promise<void>;
  stop: () => void;
}>;

/** The tray icon file for a state; macOS uses its black template image. */
export function trayIconPath(
  iconsDir: string,
  state: TrayState,
  platform: NodeJS.Platform = process.platform
): string {
  return platform === 'darwin'
    ? join(iconsDir, 'trayTemplate.png')
    : join(iconsDir, `tray-${state}.png`);
}

/**
 * Starts Courier's background life: the schedules, the tray icon and the notifications.
 *
 * The tray shows what runs and what needs a person; a finished job run that calls for a person
 * notifies and turns the tray to “needs attention” until the window is opened. After sleep the
 * schedules look at the clock at once, so a missed run is made once at wake-up.
 */
export async function startBackground(deps: BackgroundDeps): Promise<Background> {
  const { electron, jobs } = deps;
  const { service } = jobs;
  const platform = deps.platform ?? process.platform;
  const running = new Map<string, { jobId: string; jobName: string; progress?: number }>();
  // The tray keeps what it showed; the next change or the minute's poll tries again.
  const refreshFailed = (error: unknown) =>
    deps.logger?.warn('The tray could not re-read the jobs', { error: toPlainError(error) });
  let successWanted = (await jobs.settings.get()).notifyOnSuccess;

  const tray = new TrayService({
    createTray: path => electron.createTray(path),
    createMenu: template => electron.buildMenu(template),
    iconPath: state => trayIconPath(deps.iconsDir, state, platform),
    openWindow: () => {
      tray.acknowledge();
      deps.openWindow();
    },
    // A run that cannot start (the job was removed meanwhile, its lock unreadable) is logged: the
    // tray has no window to say it in, and a run that starts records its own outcome in History.
    runJob: jobId =>
      void service.runNow(jobId).catch(error =>
        deps.logger?.error('A job could not be started from the tray', {
          job: jobId,
          error: toPlainError(error),
        })
      ),
    setPaused: paused => service.setPaused(paused),
    quit: deps.quit,
  });
  const notifications = new NotificationService({
    createNotification: electron.createNotification,
    isSupported: electron.notificationsSupported,
    openRun: runId => {
      tray.acknowledge();
      deps.openRun(runId);
    },
    notifyOnSuccess: deps.notifyOnSuccess ?? (() => successWanted),
    ...(deps.locale ? { locale: deps.locale } : {}),
    ...(existsSync(join(deps.iconsDir, 'icon.png'))
      ? { iconPath: join(deps.iconsDir, 'icon.png') }
      : {}),
  });

  const names = new Map<string, string>();
  // The running state and the pause switch go to the tray at once; the job list follows.
  function showRunning(state: { paused: boolean; running: readonly string[] }): void {
    for (const id of state.running)
      if (!running.has(id)) running.set(id, { jobId: id, jobName: names.get(id) ?? 'job' });
    for (const id of [...running.keys()]) if (!state.running.includes(id)) running.delete(id);
    tray.update({ running: [...running.values()], paused: state.paused });
  }

  async function refresh(): Promise<void> {
    const overview = await service.overview();
    for (const job of overview.jobs) names.set(job.id, job.name);
    for (const entry of running.values()) entry.jobName = names.get(entry.jobId) ?? entry.jobName;
    tray.update({
      jobs: overview.jobs.map(j => ({ id: j.id, name: j.name, enabled: j.enabled })),
      upcoming: service.upcoming(),
    });
    showRunning({ paused: service.scheduler.paused, running: service.scheduler.runningJobs() });
  }

  const needsPerson = (run: Run): string | null => {
    const kind = notificationKind(run);
    return kind && kind !== 'sent' ? notificationText(run, kind, deps.locale).title : null;
  };

  const unsubscribe = [
    jobs.settings.onChange(settings => {
      successWanted = settings.notifyOnSuccess;
    }),
    jobs.onChange(state => {
      showRunning(state);
      void refresh().catch(refreshFailed);
    }),
    jobs.onProgress((jobId, fraction) => tray.setProgress(jobId, fraction)),
    jobs.onJobRun(run => {
      notifications.notifyRun(run);
      const attention = needsPerson(run);
      if (attention) tray.update({ attention });
    }),
    // A receipt comes back later, for a job's run or a send from the window alike.
    jobs.onRunUpdated(run => {
      if (run.receipt.status !== 'rejected') return;
      notifications.notifyRun(run);
      tray.update({ attention: needsPerson(run) });
    }),
  ];
  const wake = () => service.scheduler.check();
  electron.powerMonitor.on('resume', wake);
  electron.powerMonitor.on('unlock-screen', wake);

  await service.start();
  await refresh();
  // Jobs added or changed from the command line while the app runs are picked up within a minute.
  const poll = setInterval(
    () => void refresh().catch(refreshFailed),
    deps.refreshEveryMs ?? 60_000
  );
  poll.unref();
  return {
    tray,
    notifications,
    refresh,
    stop: () => {
      clearInterval(poll);
      for (const off of unsubscribe) off();
      service.stop();
      tray.destroy();
    },
  };
}

/**
 * The file a second launch was asked to open (`courier-app export.csv`, or a file dropped on the
 * app's icon), so the first instance can open it: the last argument that names an existing file.
 */
export function fileFromArgv(argv: readonly string[], cwd: string): string | null {
  // The rules are pure and unit-tested in `files/launch-file.ts`; this adds the real disk.
  return exportFromArgv(argv, cwd, { platform: process.platform, exists: existsSync });
}
