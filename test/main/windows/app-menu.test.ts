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

describe('the application menu: commands, shortcuts and recent files', () => {
  const withCommands = (platform: NodeJS.Platform, ran: string[], extra: Partial<AppMenuOptions> = {}) =>
    appMenuTemplate({
      ...base,
      platform,
      command: c => void ran.push(c),
      copyDiagnostics: () => void ran.push('copy-diagnostics'),
      recentFiles: [
        { path: '/data/contacts.csv', missing: false },
        { path: '/data/gone.xlsx', missing: true },
      ],
      openRecent: path => void ran.push(`recent:${path}`),
      ...extra,
    });
  const byId = (menu: MenuItemConstructorOptions[], id: string) => items(menu).find(i => i.id === id)!;
  const click = (item: MenuItemConstructorOptions) =>
    (item.click as unknown as () => void)();

  it('shows the window’s shortcuts; on Windows and Linux the window handles the keys (not registered twice)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const menu = withCommands(platform, []);
      expect(byId(menu, 'open-file')).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: platform === 'darwin' });
      expect(byId(menu, 'destinations')).toMatchObject({ accelerator: 'CmdOrCtrl+,' });
      expect(byId(menu, 'history')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+H' });
      expect(byId(menu, 'shortcuts')).toMatchObject({ accelerator: 'F1' });
      // No shortcut of ours takes one the OS or the Edit menu uses (⌘H hides on a Mac, Ctrl+Y redoes).
      const ours = items(menu).filter(i => i.id && i.accelerator).map(i => String(i.accelerator));
      for (const taken of ['CmdOrCtrl+H', 'CmdOrCtrl+Y', 'CmdOrCtrl+C', 'CmdOrCtrl+V', 'CmdOrCtrl+Q', 'CmdOrCtrl+W'])
        expect(ours).not.toContain(taken);
    }
  });

  it('each command is asked of the window; Help copies the diagnostic information', () => {
    const ran: string[] = [];
    const menu = withCommands('linux', ran);
    for (const id of ['open-file', 'destinations', 'history', 'shortcuts', 'about', 'copy-diagnostics'])
      click(byId(menu, id));
    expect(ran).toEqual(['open-file', 'destinations', 'history', 'shortcuts', 'about', 'copy-diagnostics']);
    const help = menu.find(m => m.role === 'help')!;
    expect((help.submenu as MenuItemConstructorOptions[]).map(i => i.id ?? i.type)).toEqual([
      'shortcuts',
      'show-log',
      'copy-diagnostics',
      'separator',
      'about',
    ]);
    expect(withCommands('linux', [], { locale: 'nl-BE' }).find(m => m.role === 'help')!.submenu).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'Diagnostische gegevens kopiëren' })])
    );
  });

  it('File → Open Recent lists the recent files (a missing one greyed out) on Windows and Linux', () => {
    const ran: string[] = [];
    const menu = withCommands('win32', ran);
    const recent = byId(menu, 'open-recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map(i => [i.label, i.enabled])).toEqual([
      ['/data/contacts.csv', true],
      ['/data/gone.xlsx', false],
    ]);
    click(recent[0]!);
    expect(ran).toEqual(['recent:/data/contacts.csv']);
    const none = byId(withCommands('linux', [], { recentFiles: [] }), 'open-recent').submenu as MenuItemConstructorOptions[];
    expect(none).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('macOS uses its own recent documents, and About and Destinations sit in the app menu', () => {
    const menu = withCommands('darwin', []);
    expect(roles(menu)).toEqual(expect.arrayContaining(['recentDocuments', 'clearRecentDocuments']));
    const appMenu = menu[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.slice(0, 3).map(i => i.id ?? i.type)).toEqual(['about', 'separator', 'destinations']);
    expect(menu.map(m => m.label)).toEqual(['Courier', 'File', 'Edit', 'Window', 'Help']);
  });
});
