import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EventChannel, EventPayload } from '../../src-core/ipc/contract';
import { registerDrops, registerIpc, sendEvent } from './ipc/electron-ipc';
import { OpenedFiles } from '../files/opened-files';
import { keepSecretQuestion } from '../secrets/keep-secret-question';
import { createWindow } from './windows/window-factory';
import { createMainHandlers } from '../services/main-handlers';
import { createServices } from '../services/services';
import { ensureHome, resolveHome } from '../settings/home';
import { installBackground } from './tray/electron-background';
import { fileFromArgv } from './tray/background-app';
import { resumeQueueInWorker } from '../pipeline/worker-upload';
import { installCrashRedaction } from '../logging/crash';
import { createLogger } from '../logging/logger';

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
  // electron-vite sets this while developing; the built app loads its bundled page.
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href;
}

/** Notices told before a window could show them (the queue is resumed at start-up). */
const heldNotices: Array<EventPayload<'app:notice'>> = [];

function emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
  const ready = [...windows].filter(w => !w.webContents.isLoading());
  if (channel === 'app:notice' && ready.length === 0) {
    heldNotices.push(payload as EventPayload<'app:notice'>);
    return;
  }
  sendEvent([...windows].map(w => w.webContents), channel, payload);
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
    openExternal: url => void shell.openExternal(url),
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

if (!app.requestSingleInstanceLock()) {
  // One instance only: the first one gets our arguments (and the file, if any) and shows itself.
  app.quit();
} else {
  installCrashRedaction({ logger: createLogger({ home: resolveHome(undefined) }) });
  app.on('second-instance', (_event, argv, cwd) => {
    pendingFile = fileFromArgv(argv, cwd) ?? pendingFile;
    showMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', event => event.preventDefault());
  });
  void app.whenReady().then(async () => {
    const home = await ensureHome(resolveHome(undefined));
    // The composition root: every service is built here once and passed down.
    const services = createServices(home);
    const { logger } = services;
    logger.info('Courier started', { version: app.getVersion() });
    const handlers = createMainHandlers({
      services,
      appVersion: app.getVersion(),
      locale: app.getLocale(),
      emit,
      pickFile: async () => {
        const options: Electron.OpenDialogOptions = {
          properties: ['openFile'],
          filters: [
            { name: 'Exports', extensions: ['csv', 'tsv', 'txt', 'xls', 'xlsx', 'xlsm', 'zip'] },
            { name: 'All files', extensions: ['*'] },
          ],
        };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickSaveTarget: async ({ defaultPath, title }) => {
        const options: Electron.SaveDialogOptions = {
          title,
          defaultPath,
          filters: [{ name: 'CSV', extensions: ['csv'] }],
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        };
        const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      documentsFolder: app.getPath('documents'),
      revealFile: path => shell.showItemInFolder(path),
      openedFiles,
      confirmKeepSecret: async change => {
        const question = keepSecretQuestion(app.getLocale(), change);
        const options: Electron.MessageBoxOptions = { type: 'warning', ...question, defaultId: 1, cancelId: 1, noLink: true };
        const answer = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
        return answer.response === 0;
      },
    });
    const devOrigin = process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL).origin : null;
    const trust = {
      webContentsIds: () => new Set([...windows].map(w => w.webContents.id)),
      allowedOrigins: devOrigin ? [devOrigin] : ['file://'],
    };
    registerIpc(ipcMain, handlers, trust);
    registerDrops(ipcMain, paths => paths.forEach(path => openedFiles.add(path, 'drop')), trust);

    // The tray, schedules and notifications; closing the window leaves Courier in the tray.
    const background = await installBackground({
      jobs: services.jobs,
      iconsDir: app.isPackaged ? join(process.resourcesPath, 'tray') : join(here, '../../assets/tray'),
      showMainWindow,
      openRun: id => {
        showMainWindow();
        emit('history:show', { id });
      },
    });
    keepInTray = background.keepInTray;
    if (mainWindow) keepInTray(mainWindow);

    // Uploads cut short by a quit, a crash or a sleeping laptop continue from what the server has,
    // in the transfer worker (the window and tray stay responsive).
    void resumeQueueInWorker(home, services.secrets, { logger }).then(
      outcomes => outcomes.forEach(o => o.error && logger.warn('A queued upload could not be resumed yet', { destination: o.destination, error: o.error })),
      error => logger.error('The upload queue could not be resumed', { error: String(error) })
    );

    // Started at login: stay in the tray until the user opens the window.
    if (!process.argv.includes('--hidden')) showMainWindow();
    app.on('activate', () => showMainWindow());
  });
  // Courier keeps running in the tray when its windows close; quitting is explicit.
  app.on('window-all-closed', () => undefined);
}
