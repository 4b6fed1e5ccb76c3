import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempHome } from '../../harness/temp-home';
import type { Menu, MenuItemConstructorOptions, NotificationConstructorOptions } from 'electron';
import { createServices } from '../../../src-main/services/services';
import {
  fileFromArgv,
  startBackground,
  trayIconPath,
  type Background,
} from '../../../src-main/electron/tray/background-app';
import type { TrayLike } from '../../../src-main/electron/tray/tray-service';

const iconsDir = join(__dirname, '../../../assets/tray');

class FakeTray implements TrayLike {
  image = '';
  tooltip = '';
  template: MenuItemConstructorOptions[] = [];
  destroyed = false;
  constructor(image: unknown) {
    this.image = String(image);
  }
  setImage(image: unknown) {
    this.image = String(image);
  }
  setToolTip(tooltip: string) {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: Menu | null) {
    this.template = (menu as unknown as { template: MenuItemConstructorOptions[] }).template;
  }
  destroy() {
    this.destroyed = true;
  }
  on() {
    return this;
  }
}

const temp = tempHome('courier-background-');
let background: Background | null = null;
afterEach(() => {
  background?.stop();
  background = null;
});

describe('background (schedules, tray, notifications) with fake Electron objects', () => {
  it('runs a job from the tray menu, notifies the failure, shows attention until the person looks', async () => {
    const source = join(temp.path, 'export.csv');
    await writeFile(source, 'Email;Language\nwendy@example.be;nl\n');
    await mkdir(join(temp.path, 'home'));
    const { jobs } = createServices(join(temp.path, 'home'));
    await jobs.service.save({
      name: 'Nightly',
      source: { kind: 'file', path: source },
      // A platform not set up yet (no server): the run fails before connecting.
      destination: 'hello-customer',
      scheduleText: 'every day at 02:00',
    });

    let tray: FakeTray | null = null;
    const shown: { options: NotificationConstructorOptions; click: () => void }[] = [];
    let notified: () => void = () => undefined;
    const notifiedOnce = new Promise<void>(resolve => (notified = resolve));
    const power = new Map<string, () => void>();
    const opened: string[] = [];
    background = await startBackground({
      electron: {
        createTray: image => (tray = new FakeTray(image)),
        buildMenu: template => ({ template }) as unknown as Menu,
        createNotification: options => {
          const listeners = new Map<string, () => void>();
          const entry = { options, click: () => listeners.get('click')?.() };
          return {
            show: () => {
              shown.push(entry);
              notified();
            },
            close: () => undefined,
            on: (event: string, listener: () => void) => listeners.set(event, listener),
          };
        },
        notificationsSupported: () => true,
        powerMonitor: { on: (event, listener) => power.set(event, listener) },
      },
      jobs,
      iconsDir,
      openWindow: () => opened.push('window'),
      openRun: id => opened.push(`run:${id}`),
      quit: () => opened.push('quit'),
      platform: 'linux',
    });

    expect(tray!.image).toBe(join(iconsDir, 'tray-idle.png'));
    expect(tray!.tooltip).toMatch(/^Courier — next: “Nightly” /);
    expect(power.has('resume')).toBe(true);
    power.get('resume')!();

    const runNow = tray!.template.find(i => i.label === 'Run a job now')!
      .submenu as MenuItemConstructorOptions[];
    (runNow.find(i => i.label === 'Nightly')!.click as unknown as () => void)();
    await notifiedOnce;
    await jobs.service.scheduler.whenIdle();

    expect(shown).toHaveLength(1);
    expect(shown[0]!.options.title).toBe('“Nightly” failed');
    expect(String(shown[0]!.options.body)).toContain('no complete connection settings');
    expect(tray!.image).toBe(join(iconsDir, 'tray-attention.png'));
    expect(tray!.tooltip).toBe('Courier — needs you: “Nightly” failed');

    const [run] = await jobs.service.history.listRuns();
    expect(run).toMatchObject({ trigger: 'user', outcome: 'failed', job: { name: 'Nightly' } });
    shown[0]!.click();
    expect(opened).toEqual([`run:${run!.id}`]);
    expect(tray!.image).toBe(join(iconsDir, 'tray-idle.png'));

    (tray!.template.find(i => i.label === 'Pause all jobs')!.click as unknown as () => void)();
    expect(jobs.service.scheduler.paused).toBe(true);
    await background.refresh();
    expect(tray!.tooltip).toBe('Courier — all jobs paused');
    (tray!.template.find(i => i.label === 'Quit Courier')!.click as unknown as () => void)();
    expect(opened.at(-1)).toBe('quit');
    // The platform's receipt comes back rejected later: notified, and the tray needs the person.
    await jobs.service.history.recordReceipt(run!.id, {
      status: 'rejected',
      summary: 'Digitaleo rejected the file.',
    });
    expect(shown.at(-1)!.options).toMatchObject({
      title: '“Nightly”: the platform rejected the file',
      body: 'Digitaleo rejected the file. Click to see the run.',
    });
    expect(tray!.image).toBe(join(iconsDir, 'tray-attention.png'));
    background.stop();
    background = null;
    expect(tray!.destroyed).toBe(true);
  });

  it('uses the template image on macOS and finds the file a second launch was given', async () => {
    expect(trayIconPath(iconsDir, 'running', 'darwin')).toBe(join(iconsDir, 'trayTemplate.png'));
    expect(trayIconPath(iconsDir, 'running', 'win32')).toBe(join(iconsDir, 'tray-running.png'));
    await writeFile(join(temp.path, 'drop.xlsx'), 'x');
    expect(fileFromArgv(['/opt/Courier/courier', '--hidden', 'drop.xlsx'], temp.path)).toBe(
      join(temp.path, 'drop.xlsx')
    );
    expect(fileFromArgv(['/opt/Courier/courier', 'missing.csv'], temp.path)).toBeNull();
  });

  it('logs a tray run that cannot start (the job was removed from the command line meanwhile)', async () => {
    await mkdir(join(temp.path, 'home-removed'));
    const { jobs } = createServices(join(temp.path, 'home-removed'));
    await jobs.service.save({
      name: 'Gone soon',
      source: { kind: 'file', path: join(temp.path, 'export.csv') },
      destination: 'hello-customer',
      scheduleText: 'every day at 02:00',
    });
    let tray: FakeTray | null = null;
    const logged: Array<{ level: string; message: string; fields: unknown }> = [];
    let wrote: () => void = () => undefined;
    const written = new Promise<void>(resolve => (wrote = resolve));
    background = await startBackground({
      electron: {
        createTray: image => (tray = new FakeTray(image)),
        buildMenu: template => ({ template }) as unknown as Menu,
        createNotification: () => ({
          show: () => undefined,
          close: () => undefined,
          on: () => undefined,
        }),
        notificationsSupported: () => true,
        powerMonitor: { on: () => undefined },
      },
      jobs,
      iconsDir,
      openWindow: () => undefined,
      openRun: () => undefined,
      quit: () => undefined,
      platform: 'linux',
      logger: {
        warn: (message, fields) => void logged.push({ level: 'warn', message, fields }),
        error: (message, fields) => {
          logged.push({ level: 'error', message, fields });
          wrote();
        },
      },
    });
    const runNow = tray!.template.find(i => i.label === 'Run a job now')!
      .submenu as MenuItemConstructorOptions[];
    // `courier jobs remove` in another process: the tray's menu still shows the job.
    await jobs.service.store.removeJob('Gone soon');
    (runNow.find(i => i.label === 'Gone soon')!.click as unknown as () => void)();
    await written;
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'A job could not be started from the tray',
        fields: expect.objectContaining({
          error: expect.objectContaining({ code: expect.any(String) }),
        }),
      }),
    ]);
  });
});
