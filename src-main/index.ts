import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
import { registerIpc, sendEvent } from './ipc/electron-ipc';
import { createWindow } from './windows/window-factory';
import { createMainHandlers } from './services/main-handlers';
import { ensureHome, resolveHome } from './settings/home';

/**
 * The Electron entry point: deliberately thin. It wires Electron objects to the services in
 * `services/`, which hold the logic and run under plain Node in the tests.
 */

const windows = new Set<BrowserWindow>();
let mainWindow: BrowserWindow | null = null;

function pageUrl(): string {
  // electron-vite sets this while developing; the built app loads its bundled page.
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href;
}

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  mainWindow = createWindow(BrowserWindow, {
    preloadPath: join(here, '../preload/preload.cjs'),
    pageUrl: pageUrl(),
    openExternal: url => void shell.openExternal(url),
  });
  windows.add(mainWindow);
  const created = mainWindow;
  created.on('closed', () => {
    windows.delete(created);
    if (mainWindow === created) mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showMainWindow());
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', event => event.preventDefault());
  });
  void app.whenReady().then(async () => {
    const home = await ensureHome(resolveHome(undefined));
    const handlers = createMainHandlers({
      home,
      appVersion: app.getVersion(),
      locale: app.getLocale(),
      emit: (channel, payload) => sendEvent([...windows].map(w => w.webContents), channel, payload),
      pickFile: async () => {
        const options: Electron.OpenDialogOptions = {
          properties: ['openFile'],
          filters: [
            { name: 'Exports', extensions: ['csv', 'tsv', 'txt', 'xls', 'xlsx', 'zip'] },
            { name: 'All files', extensions: ['*'] },
          ],
        };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    });
    const devOrigin = process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL).origin : null;
    registerIpc(ipcMain, handlers, {
      webContentsIds: () => new Set([...windows].map(w => w.webContents.id)),
      allowedOrigins: devOrigin ? [devOrigin] : ['file://'],
    });
    showMainWindow();
    app.on('activate', () => showMainWindow());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
