import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, type AppMenuOptions } from '../../../src-main/electron/app-menu';

/** Every item of a menu template, submenus included. */
function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap(item => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const roles = (menu: MenuItemConstructorOptions[]) =>
  items(menu)
    .map(i => i.role)
    .filter(Boolean);
const base: AppMenuOptions = {
  platform: 'linux',
  locale: 'en-US',
  appName: 'Courier',
  development: false,
  showLog: () => undefined,
  installCommand: null,
};

describe('the application menu', () => {
  it('has no developer tools or reload in a release, on every OS', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const found = roles(appMenuTemplate({ ...base, platform }));
      for (const role of ['toggleDevTools', 'reload', 'forceReload'])
        expect(found).not.toContain(role);
    }
  });

  it('keeps the developer tools in development', () => {
    expect(roles(appMenuTemplate({ ...base, development: true }))).toContain('toggleDevTools');
  });

  it('has the Edit roles (copy and paste in fields), Window and Help', () => {
    const menu = appMenuTemplate(base);
    expect(menu.map(m => m.label)).toEqual(['File', 'Edit', 'Window', 'Help']);
    expect(roles(menu)).toEqual(
      expect.arrayContaining([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'minimize',
        'quit',
      ])
    );
    expect(appMenuTemplate({ ...base, locale: 'fr-BE' }).map(m => m.label)).toEqual([
      'Fichier',
      'Édition',
      'Fenêtre',
      'Aide',
    ]);
  });

  it('Help → Show the log opens the log folder', () => {
    let shown = 0;
    const menu = appMenuTemplate({ ...base, showLog: () => void shown++ });
    const item = items(menu).find(i => i.id === 'show-log')!;
    expect(item.label).toBe('Show the log');
    (item.click as () => void)();
    expect(shown).toBe(1);
  });

  it('offers "Install the courier command" only when this build can install it', () => {
    let installs = 0;
    const install = () => void installs++;
    expect(items(appMenuTemplate(base)).some(i => i.id === 'install-command')).toBe(false);
    // macOS: in the app menu; Linux (AppImage): under Help.
    const mac = appMenuTemplate({ ...base, platform: 'darwin', installCommand: install });
    expect(mac[0]!.label).toBe('Courier');
    expect(items([mac[0]!]).some(i => i.id === 'install-command')).toBe(true);
    const linux = appMenuTemplate({ ...base, installCommand: install });
    const item = items([linux.at(-1)!]).find(i => i.id === 'install-command')!;
    (item.click as () => void)();
    expect(installs).toBe(1);
  });
});
