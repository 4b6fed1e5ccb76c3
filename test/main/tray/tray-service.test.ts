import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions } from 'electron';
import { TrayService, type TrayLike, type TrayState } from '../../../src-main/electron/tray/tray-service';

/** A fake Electron Tray that records what was done to it. */
class FakeTray implements TrayLike {
  image: string;
  tooltip = '';
  menu: MenuItemConstructorOptions[] = [];
  destroyed = false;
  imageChanges = 0;
  private clickListeners: (() => void)[] = [];
  constructor(image: string) {
    this.image = image;
  }
  setImage(image: unknown): void {
    this.image = String(image);
    this.imageChanges++;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: Menu | null): void {
    this.menu =
      (menu as unknown as { template: MenuItemConstructorOptions[] } | null)?.template ?? [];
  }
  destroy(): void {
    this.destroyed = true;
  }
  on(_event: 'click', listener: () => void): this {
    this.clickListeners.push(listener);
    return this;
  }
  click(): void {
    for (const l of this.clickListeners) l();
  }
}

const assets = join(__dirname, '../../../assets');
const iconPath = (state: TrayState) => join(assets, 'tray', `tray-${state}.png`);

function setup() {
  let tray: FakeTray | null = null;
  const calls: string[] = [];
  const service = new TrayService({
    createTray: image => (tray = new FakeTray(image)),
    // A fake Menu that keeps the template so the test can read and click it.
    createMenu: template => ({ template }) as unknown as Menu,
    iconPath,
    openWindow: () => calls.push('open'),
    runJob: id => calls.push(`run:${id}`),
    setPaused: paused => calls.push(`paused:${paused}`),
    quit: () => calls.push('quit'),
    formatTime: at => at.toISOString().slice(11, 16),
  });
  return { service, tray: () => tray!, calls };
}

const item = (menu: MenuItemConstructorOptions[], label: string) => {
  const found = menu.find(i => i.label === label);
  if (!found) throw new Error(`no menu item “${label}” in ${menu.map(i => i.label).join(', ')}`);
  return found;
};
const click = (entry: MenuItemConstructorOptions) => (entry.click as unknown as () => void)();

describe('TrayService', () => {
  it('starts idle with the idle icon and opens Courier on a click', () => {
    const { tray, calls } = setup();
    expect(tray().image).toBe(iconPath('idle'));
    expect(tray().tooltip).toBe('Courier');
    tray().click();
    click(item(tray().menu, 'Open Courier'));
    expect(calls).toEqual(['open', 'open']);
  });

  it('shows the next runs, runs a job now, pauses all jobs and quits from the menu', () => {
    const { service, tray, calls } = setup();
    service.update({
      jobs: [
        { id: 'a', name: 'Nightly', enabled: true },
        { id: 'b', name: 'Weekly', enabled: true },
      ],
      upcoming: [
        { jobId: 'a', jobName: 'Nightly', at: new Date('2026-11-23T02:00:00Z') },
        { jobId: 'b', jobName: 'Weekly', at: new Date('2026-11-26T07:30:00Z') },
      ],
    });
    const labels = tray().menu.map(i => i.label ?? i.type);
    expect(labels).toEqual([
      'Open Courier',
      'separator',
      'Next runs',
      'Nightly — 02:00',
      'Weekly — 07:30',
      'separator',
      'Run a job now',
      'Pause all jobs',
      'separator',
      'Quit Courier',
    ]);
    expect(tray().tooltip).toBe('Courier — next: “Nightly” 02:00');
    const runNow = item(tray().menu, 'Run a job now').submenu as MenuItemConstructorOptions[];
    click(item(runNow, 'Weekly'));
    const pause = item(tray().menu, 'Pause all jobs');
    expect(pause.checked).toBe(false);
    click(pause);
    click(item(tray().menu, 'Quit Courier'));
    expect(calls).toEqual(['run:b', 'paused:true', 'quit']);

    service.update({ paused: true });
    expect(item(tray().menu, 'Pause all jobs').checked).toBe(true);
    expect(item(tray().menu, 'All jobs are paused').enabled).toBe(false);
    expect(tray().tooltip).toBe('Courier — all jobs paused');
    click(item(tray().menu, 'Pause all jobs'));
    expect(calls.at(-1)).toBe('paused:false');
  });

  it('shows running with progress in the tooltip, then needs attention, then idle again', () => {
    const { service, tray } = setup();
    service.update({
      jobs: [{ id: 'a', name: 'Nightly', enabled: true }],
      running: [{ jobId: 'a', jobName: 'Nightly' }],
    });
    expect(service.state).toBe('running');
    expect(tray().image).toBe(iconPath('running'));
    expect(tray().tooltip).toBe('Courier — sending “Nightly”…');
    const runNow = item(tray().menu, 'Run a job now').submenu as MenuItemConstructorOptions[];
    expect(item(runNow, 'Nightly (running)').enabled).toBe(false);
    service.setProgress('a', 0.424);
    expect(tray().tooltip).toBe('Courier — sending “Nightly” 42%');
    service.setProgress('a', 0.5);
    expect(tray().imageChanges).toBe(1);

    service.update({ running: [], attention: '“Nightly” failed' });
    expect(service.state).toBe('attention');
    expect(tray().image).toBe(iconPath('attention'));
    expect(tray().tooltip).toBe('Courier — needs you: “Nightly” failed');
    expect(tray().menu[0]!.label).toBe('Open Courier (needs you)');
    service.acknowledge();
    expect(service.state).toBe('idle');
    expect(tray().image).toBe(iconPath('idle'));
    service.destroy();
    expect(tray().destroyed).toBe(true);
  });

  it('has a PNG icon for every state at 16 and 32 px, and a 512 px app icon', () => {
    const size = (file: string) => {
      const bytes = readFileSync(file);
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    for (const state of ['idle', 'running', 'attention']) {
      expect(existsSync(iconPath(state as TrayState))).toBe(true);
      expect(size(join(assets, 'tray', `tray-${state}.png`))).toEqual([16, 16]);
      expect(size(join(assets, 'tray', `tray-${state}@2x.png`))).toEqual([32, 32]);
    }
    expect(size(join(assets, 'tray', 'trayTemplate@2x.png'))).toEqual([32, 32]);
    expect(size(join(assets, 'tray', 'courier.png'))).toEqual([256, 256]);
    expect(size(join(assets, 'icon.png'))).toEqual([512, 512]);
  });
});
