import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../src-core/desktop/desktop-ipc';

/** The words of the app menu the app writes itself (Electron names the role items in the OS's language). */
const labels = {
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    showLog: 'Show the log',
    installCommand: 'Install the courier command…',
    open: 'Open…',
    openRecent: 'Open Recent',
    noRecent: 'No recent files',
    destinations: 'Destinations…',
    history: 'History',
    shortcuts: 'Keyboard shortcuts',
    copyDiagnostics: 'Copy diagnostic information',
    about: 'About Courier',
  },
  fr: {
    file: 'Fichier',
    edit: 'Édition',
    view: 'Affichage',
    window: 'Fenêtre',
    help: 'Aide',
    showLog: 'Afficher le journal',
    installCommand: 'Installer la commande courier…',
    open: 'Ouvrir…',
    openRecent: 'Ouvrir un fichier récent',
    noRecent: 'Aucun fichier récent',
    destinations: 'Destinations…',
    history: 'Historique',
    shortcuts: 'Raccourcis clavier',
    copyDiagnostics: 'Copier les informations de diagnostic',
    about: 'À propos de Courier',
  },
  nl: {
    file: 'Bestand',
    edit: 'Bewerken',
    view: 'Beeld',
    window: 'Venster',
    help: 'Help',
    showLog: 'Logboek tonen',
    installCommand: 'De opdracht courier installeren…',
    open: 'Openen…',
    openRecent: 'Recent geopend',
    noRecent: 'Geen recente bestanden',
    destinations: 'Bestemmingen…',
    history: 'Geschiedenis',
    shortcuts: 'Sneltoetsen',
    copyDiagnostics: 'Diagnostische gegevens kopiëren',
    about: 'Over Courier',
  },
} as const;

/** What the app menu needs from the app. */
export type AppMenuOptions = Readonly<{
  platform: NodeJS.Platform;
  /** The UI language (`app.getLocale()`); English unless French or Dutch. */
  locale: string;
  appName: string;
  /** Development builds keep reload and the developer tools; a release has neither. */
  development: boolean;
  /** Opens the folder of the (redacted) log in the file manager. */
  showLog: () => void;
  /** Installs the `courier` command (macOS, AppImage); null where the installer does it. */
  installCommand: (() => void) | null;
  /** Asks the window to do a command (open a file, Destinations, the shortcuts list, About). */
  command?: (command: AppCommand) => void;
  /** Puts the diagnostic information on the clipboard (the same service as `courier diagnostics`). */
  copyDiagnostics?: () => void;
  /** The recent files for File → Open Recent (Windows, Linux; macOS has its own list). */
  recentFiles?: ReadonlyArray<Readonly<{ path: string; missing: boolean }>>;
  openRecent?: (path: string) => void;
}>;

/**
 * The window's keyboard shortcuts, shown in the menu. The window handles the keys itself
 * (`src-renderer/src/desktop/shortcuts.ts`, tested in Chromium), so on Windows and Linux the menu
 * does not register them a second time; on macOS the page sees a key before the menu does.
 */
export const MENU_SHORTCUTS: Readonly<Partial<Record<AppCommand, string>>> = {
  'open-file': 'CmdOrCtrl+O',
  destinations: 'CmdOrCtrl+,',
  history: 'CmdOrCtrl+Shift+H',
  shortcuts: 'F1',
};

/**
 * The application menu: the usual Edit roles (copy and paste in fields), Window, and Help with
 * "Show the log"; developer tools only in development (a release must not open them).
 */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const words = labels[options.locale.slice(0, 2) as keyof typeof labels] ?? labels.en;
  const mac = options.platform === 'darwin';
  const install: MenuItemConstructorOptions[] = options.installCommand
    ? [{ id: 'install-command', label: words.installCommand, click: options.installCommand }]
    : [];
  const command = options.command;
  const commandItem = (id: AppCommand, label: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(MENU_SHORTCUTS[id] ? { accelerator: MENU_SHORTCUTS[id], registerAccelerator: mac } : {}),
    click: () => command?.(id),
  });
  const recent: MenuItemConstructorOptions = mac
    ? {
        label: words.openRecent,
        role: 'recentDocuments',
        submenu: [{ role: 'clearRecentDocuments' }],
      }
    : {
        id: 'open-recent',
        label: words.openRecent,
        submenu:
          (options.recentFiles ?? []).length === 0
            ? [{ label: words.noRecent, enabled: false }]
            : (options.recentFiles ?? []).map(file => ({
                label: file.path,
                enabled: !file.missing,
                click: () => options.openRecent?.(file.path),
              })),
      };
  const fileItems: MenuItemConstructorOptions[] = command
    ? [commandItem('open-file', words.open), recent, { type: 'separator' }]
    : [];
  const menu: MenuItemConstructorOptions[] = [];
  if (mac) {
    menu.push({
      label: options.appName,
      submenu: [
        command ? commandItem('about', words.about) : { role: 'about' },
        ...(command
          ? [{ type: 'separator' } as const, commandItem('destinations', words.destinations)]
          : []),
        ...(install.length > 0 ? [{ type: 'separator' } as const, ...install] : []),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  } else {
    menu.push({ label: words.file, submenu: [...fileItems, { role: 'quit' }] });
  }
  if (mac && command) menu.push({ label: words.file, submenu: fileItems.slice(0, -1) });
  menu.push({
    label: words.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  if (options.development) {
    menu.push({
      label: words.view,
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  menu.push({
    label: words.window,
    submenu: [
      ...(command
        ? [
            ...(mac ? [] : [commandItem('destinations', words.destinations)]),
            commandItem('history', words.history),
            { type: 'separator' } as const,
          ]
        : []),
      ...(mac
        ? ([
            { role: 'minimize' },
            { role: 'zoom' },
            { type: 'separator' },
            { role: 'front' },
          ] as const)
        : ([{ role: 'minimize' }, { role: 'close' }] as const)),
    ],
  });
  menu.push({
    role: 'help',
    label: words.help,
    submenu: [
      ...(command ? [commandItem('shortcuts', words.shortcuts)] : []),
      { id: 'show-log', label: words.showLog, click: options.showLog },
      ...(options.copyDiagnostics
        ? [{ id: 'copy-diagnostics', label: words.copyDiagnostics, click: options.copyDiagnostics }]
        : []),
      ...(mac ? [] : install),
      ...(command && !mac
        ? [{ type: 'separator' } as const, commandItem('about', words.about)]
        : []),
    ],
  });
  return menu;
}
