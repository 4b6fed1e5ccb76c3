import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { languageForLocale } from '../../src-core/words/i18n';
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventChannel, EventPayload } from '../../src-core/ipc/contract';
import { registerDrops, registerIpc, sendEvent } from './ipc/electron-ipc';
import { OpenedFiles } from '../files/opened-files';
import { keepSecretQuestion } from '../secrets/keep-secret-question';
import { CONTENT_SECURITY_POLICY, createWindow } from './windows/window-factory';
import { registerAppScheme, serveAppScheme } from './protocol/app-protocol';
import { APP_ORIGIN, APP_PAGE_URL } from '../protocol/app-scheme';
import { createMainHandlers } from '../services/main-handlers';
import { createServices } from '../services/services';
import { ensureHome, resolveHome } from '../settings/home';
import { installBackground } from './tray/electron-background';
import { fileFromArgv } from './tray/background-app';
import { isExportFileName } from '../files/launch-file';
import { resumeQueueInWorker } from '../pipeline/worker-upload';
import { installCrashRedaction } from '../logging/crash';
import { createLogger, logFilePath } from '../logging/logger';
import { redact } from '../logging/redact';
import { appMenuTemplate } from './app-menu';
import { installSystemProxy } from './system-proxy';
import { openHelpLink } from './help-link-opener';
import { diagnosticsCopied } from './support/support-words';
import {
  cliHandoff,
  commandInstallPlan,
  installCommand,
  systemAdministratorRunner,
} from './command/install-command';

/**
 * The Electron entry point and the app's composition root: deliberately thin. It builds the
 * services once (`createServices`, shared with the CLI and the test harness) and wires Electron
 * objects to them and to `electron/tray/`; the logic runs under plain Node in the tests.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | null = null;
let keepInTray: ((window: BrowserWindow) => void) | null = null;
/** A file to open once the window's page is ready (launch argument or second launch). */
let pendingFile: string | null = fileFromArgv(process.argv, process.cwd());
/** The files the person chose (dialog, drop, command line): the only paths the window may use. */
const openedFiles = new OpenedFiles();

function pageUrl(): string {
  // electron-vite sets this while developing; the built app loads its bundled page from app://.
  return process.env.ELECTRON_RENDERER_URL ?? APP_PAGE_URL;
}

/** Notices told before a window could show them (the queue is resumed at start-up). */
const heldNotices: Array<EventPayload<'app:notice'>> = [];

function emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
  const ready = [...windows].filter(w => !w.webContents.isLoading());
  if (channel === 'app:notice' && ready.length === 0) {
    heldNotices.push(payload as EventPayload<'app:notice'>);
    return;
  }
  sendEvent(
    [...windows].map(w => w.webContents),
    channel,
    payload
  );
}

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    openPendingFile();
    return;
  }
  mainWindow = createWindow(BrowserWindow, {
    preloadPath: join(here, '../preload/preload.cjs'),
    pageUrl: pageUrl(),
    openExternal: url => void openHelpLink(shell, url),
  });
  windows.add(mainWindow);
  keepInTray?.(mainWindow);
  const created = mainWindow;
  created.webContents.once('did-finish-load', openPendingFile);
  created.on('closed', () => {
    windows.delete(created);
    if (mainWindow === created) mainWindow = null;
  });
}

function openPendingFile(): void {
  for (const notice of heldNotices.splice(0)) emit('app:notice', notice);
  if (!pendingFile || !mainWindow || mainWindow.webContents.isLoading()) return;
  // Given on the command line or to a second launch: the person chose it.
  openedFiles.add(pendingFile, 'command-line');
  emit('app:open-file', { path: pendingFile });
  pendingFile = null;
}

/** Started as `courier …` through the AppImage's script: run the CLI, open no window. */
const handoff = app.isPackaged
  ? cliHandoff(process.argv, { execPath: process.execPath, resourcesPath: process.resourcesPath })
  : null;

/** What the menu does beyond Electron's roles, set once the services exist. */
type MenuActions = Readonly<{
  copyDiagnostics: () => void;
  recentFiles: ReadonlyArray<Readonly<{ path: string; missing: boolean }>>;
}>;
let menuActions: MenuActions | null = null;

/** The application menu: File, Edit roles, Window, Help; developer tools in development only. */
function installAppMenu(home: string): void {
  const platform = process.platform;
  const plan = commandInstallPlan({
    platform,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    env: process.env,
  });
  const logFolder = dirname(logFilePath(home));
  const template = appMenuTemplate({
    platform,
    locale: app.getLocale(),
    appName: app.getName(),
    development: !app.isPackaged,
    showLog: () =>
      void mkdir(logFolder, { recursive: true, mode: 0o700 }).then(() => shell.openPath(logFolder)),
    // The window does the command (its shortcuts are its own): show it first.
    command: command => {
      showMainWindow();
      emit('app:command', { command });
    },
    copyDiagnostics: menuActions?.copyDiagnostics,
    recentFiles: menuActions?.recentFiles ?? [],
    openRecent: path => {
      // On the recent list, so one the person chose before.
      openedFiles.add(path, 'recent');
      pendingFile = path;
      showMainWindow();
    },
    installCommand:
      plan &&
      (() =>
        void installCommand(plan, {
          platform,
          runAsAdministrator: systemAdministratorRunner(platform),
        }).then(
          () =>
            dialog.showMessageBox({
              type: 'info',
              message: `The courier command is installed as ${plan.link}.`,
            }),
          error =>
            dialog.showMessageBox({
              type: 'error',
              message: `The courier command could not be installed as ${plan.link}.`,
              detail: redact(error instanceof Error ? error.message : String(error)),
            })
        )),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

if (handoff) {
  // The binary runs itself in Node mode (see packaging/bin/courier) and passes the exit code on.
  const cli = spawn(handoff.command, handoff.args, {
    stdio: 'inherit',
    env: { ...process.env, ...handoff.env },
  });
  cli.on('exit', code => app.exit(code ?? 1));
  cli.on('error', () => app.exit(1));
} else if (!app.requestSingleInstanceLock()) {
  // One instance only: the first one gets our arguments (and the file, if any) and shows itself.
  app.quit();
} else {
  // Before ready (Electron's rule): the page's own privileged scheme instead of file://.
  registerAppScheme(protocol);
  installCrashRedaction({ logger: createLogger({ home: resolveHome(undefined) }) });
  // macOS: a file dropped on the Dock icon or opened with "Open with Courier" (may come before ready).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (!isExportFileName(path)) return;
    pendingFile = path;
    if (app.isReady()) showMainWindow();
  });
  app.on('second-instance', (_event, argv, cwd) => {
    pendingFile = fileFromArgv(argv, cwd) ?? pendingFile;
    showMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', event => event.preventDefault());
  });
  void app.whenReady().then(async () => {
    serveAppScheme(protocol, join(here, '../renderer'), CONTENT_SECURITY_POLICY);
    const home = await ensureHome(resolveHome(undefined));
    installAppMenu(home);
    // Destinations set to the `system` proxy follow the computer's proxy settings (PAC included).
    installSystemProxy(session.defaultSession);
    // The composition root: every service is built here once and passed down.
    // Scheduled jobs keep the rows they leave out in the system's language, as the window speaks.
    const services = createServices(home, { language: languageForLocale(app.getLocale()) });
    const { logger } = services;
    logger.info('Courier started', { version: app.getVersion() });
    const refreshMenu = async (added?: string) => {
      // The OS's recent documents (macOS Dock and File menu, Windows jump list) and File → Open Recent.
      if (added) app.addRecentDocument(added);
      const recentFiles = await Promise.resolve(handlers['recent:list'](undefined)).then(
        r => r.files,
        () => []
      );
      menuActions = { copyDiagnostics, recentFiles };
      installAppMenu(home);
    };
    const copyDiagnostics = () =>
      void Promise.resolve(handlers['support:diagnostics']({ copy: true })).then(
        () => dialog.showMessageBox({ type: 'info', message: diagnosticsCopied(app.getLocale()) }),
        error =>
          logger.error('The diagnostic information could not be made', { error: String(error) })
      );
    const handlers = createMainHandlers({
      services,
      appVersion: app.getVersion(),
      locale: app.getLocale(),
      emit,
      copyText: text => clipboard.writeText(text),
      onRecentFilesChanged: added => void refreshMenu(added),
      pickFile: async () => {
        const options: Electron.OpenDialogOptions = {
          properties: ['openFile'],
          filters: [
            { name: 'Exports', extensions: ['csv', 'tsv', 'txt', 'xls', 'xlsx', 'xlsm', 'zip'] },
            { name: 'Courier destinations', extensions: ['json'] },
            { name: 'All files', extensions: ['*'] },
          ],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickFolder: async () => {
        const options: Electron.OpenDialogOptions = { properties: ['openDirectory'] };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickSaveTarget: async ({ defaultPath, title }) => {
        const options: Electron.SaveDialogOptions = {
          title,
          defaultPath,
          // A destination file is JSON; everything else Courier saves for the person is CSV.
          filters: defaultPath.endsWith('.json')
            ? [{ name: 'Courier destination', extensions: ['json'] }]
            : [{ name: 'CSV', extensions: ['csv'] }],
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        };
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      documentsFolder: app.getPath('documents'),
      revealFile: path => shell.showItemInFolder(path),
      openedFiles,
      confirmKeepSecret: async change => {
        const question = keepSecretQuestion(app.getLocale(), change);
        const options: Electron.MessageBoxOptions = {
          type: 'warning',
          ...question,
          defaultId: 1,
          cancelId: 1,
          noLink: true,
        };
        const answer = mainWindow
          ? await dialog.showMessageBox(mainWindow, options)
          : await dialog.showMessageBox(options);
        return answer.response === 0;
      },
    });
    const devOrigin = process.env.ELECTRON_RENDERER_URL
      ? new URL(process.env.ELECTRON_RENDERER_URL).origin
      : null;
    const trust = {
      webContentsIds: () => new Set([...windows].map(w => w.webContents.id)),
      allowedOrigins: devOrigin ? [devOrigin] : [APP_ORIGIN],
    };
    registerIpc(ipcMain, handlers, trust);
    void refreshMenu();
    registerDrops(ipcMain, paths => paths.forEach(path => openedFiles.add(path, 'drop')), trust);

    // The tray, schedules and notifications; closing the window leaves Courier in the tray.
    const background = await installBackground({
      jobs: services.jobs,
      iconsDir: app.isPackaged
        ? join(process.resourcesPath, 'tray')
        : join(here, '../../assets/tray'),
      showMainWindow,
      openRun: id => {
        showMainWindow();
        emit('history:show', { id });
      },
      logger,
    });
    keepInTray = background.keepInTray;
    if (mainWindow) keepInTray(mainWindow);

    // Uploads cut short by a quit, a crash or a sleeping laptop continue from what the server has,
    // in the transfer worker (the window and tray stay responsive).
    void resumeQueueInWorker(home, services.secrets, { logger }).then(
      outcomes =>
        outcomes.forEach(
          o =>
            o.error &&
            logger.warn('A queued upload could not be resumed yet', {
              destination: o.destination,
              error: o.error,
            })
        ),
      error => logger.error('The upload queue could not be resumed', { error: String(error) })
    );

    // Started at login: stay in the tray until the user opens the window.
    if (!process.argv.includes('--hidden')) showMainWindow();
    app.on('activate', () => showMainWindow());
  });
  // Courier keeps running in the tray when its windows close; quitting is explicit.
  app.on('window-all-closed', () => undefined);
}
