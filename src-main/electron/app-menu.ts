import type { MenuItemConstructorOptions } from 'electron';

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
  },
  fr: {
    file: 'Fichier',
    edit: 'Édition',
    view: 'Affichage',
    window: 'Fenêtre',
    help: 'Aide',
    showLog: 'Afficher le journal',
    installCommand: 'Installer la commande courier…',
  },
  nl: {
    file: 'Bestand',
    edit: 'Bewerken',
    view: 'Beeld',
    window: 'Venster',
    help: 'Help',
    showLog: 'Logboek tonen',
    installCommand: 'De opdracht courier installeren…',
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
}>;

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
  const menu: MenuItemConstructorOptions[] = [];
  if (mac) {
    menu.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
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
    menu.push({ label: words.file, submenu: [{ role: 'quit' }] });
  }
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
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });
  menu.push({
    role: 'help',
    label: words.help,
    submenu: [
      { id: 'show-log', label: words.showLog, click: options.showLog },
      ...(mac ? [] : install),
    ],
  });
  return menu;
}
