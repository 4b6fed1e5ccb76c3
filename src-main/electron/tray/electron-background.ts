import {
  app,
  Menu,
  Notification,
  Tray,
  nativeImage,
  powerMonitor,
  type BrowserWindow,
} from 'electron';
import type { AppJobs } from '../../jobs/app-jobs';
import type { Logger } from '../../logging/logger';
import { toPlainError } from '../../../src-core/errors';
import { setLinuxAutostart } from './autostart';
import { startBackground, type Background } from './background-app';

/**
 * The Electron side of the background, kept thin: real Tray, Menu, Notification and powerMonitor
 * handed to `startBackground`, close-to-tray, and start at login.
 *
 * Call once the app is ready: `const bg = await installBackground({ home, iconsDir, … })`, then
 * `bg.keepInTray(window)` for the main window. Quitting is explicit (the tray's Quit, or the
 * app menu), so closing the window leaves Courier running in the tray.
 */
export async function installBackground(options: {
  /** The app's jobs (from `createServices`). */
  jobs: AppJobs;
  /** The tray icons: `assets/tray` in development, `join(process.resourcesPath, 'tray')` when packaged. */
  iconsDir: string;
  showMainWindow: () => void;
  /** Opens the window on one run (the renderer shows it). */
  openRun: (runId: string) => void;
  /** The app's log, for what fails with no window to say it in. */
  logger?: Pick<Logger, 'warn' | 'error'>;
}): Promise<{
  background: Background;
  keepInTray: (window: BrowserWindow) => void;
  isQuitting: () => boolean;
}> {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  const { jobs } = options;
  const applyLogin = (startAtLogin: boolean) => {
    if (process.platform === 'win32' || process.platform === 'darwin') {
      app.setLoginItemSettings({ openAtLogin: startAtLogin, args: ['--hidden'] });
    } else if (app.isPackaged) {
      // Electron's login items do not cover Linux: an XDG autostart entry does.
      void setLinuxAutostart(startAtLogin, process.env.APPIMAGE ?? process.execPath).catch(
        error =>
          options.logger?.warn('The start-at-login entry could not be written', {
            error: toPlainError(error),
          })
      );
    }
  };
  applyLogin((await jobs.settings.get()).startAtLogin);
  jobs.settings.onChange(settings => applyLogin(settings.startAtLogin));
  const background = await startBackground({
    electron: {
      createTray: image =>
        new Tray(typeof image === 'string' ? nativeImage.createFromPath(image) : image),
      buildMenu: template => Menu.buildFromTemplate(template),
      createNotification: notificationOptions => new Notification(notificationOptions),
      notificationsSupported: () => Notification.isSupported(),
      powerMonitor: {
        on: (event, listener) =>
          event === 'resume'
            ? powerMonitor.on('resume', listener)
            : powerMonitor.on('unlock-screen', listener),
      },
    },
    jobs,
    iconsDir: options.iconsDir,
    openWindow: options.showMainWindow,
    openRun: options.openRun,
    locale: app.getLocale(),
    ...(options.logger ? { logger: options.logger } : {}),
    quit: () => {
      quitting = true;
      background.stop();
      app.quit();
    },
  });
  return {
    background,
    isQuitting: () => quitting,
    keepInTray: window => {
      window.on('close', event => {
        if (quitting) return;
        event.preventDefault();
        window.hide();
      });
    },
  };
}
