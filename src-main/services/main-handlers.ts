import type { Emit, Handlers } from '../ipc/ipc-router';
import { createUiHandlers } from '../ui/ui-handlers';
import { createSecretHandlers } from '../secrets/secret-handlers';
import { createDestinationHandlers } from '../destinations/destination-handlers';
import { createDestinationEditorHandlers } from '../destinations/destination-editor-handlers';
import { createReadingHandlers } from '../reading/reading-handlers';
import { createPreparationHandlers } from '../preparation/preparation-handlers';
import { createJobHandlers } from '../jobs/job-handlers';
import { createSendHandlers } from '../pipeline/send-handlers';
import { createTransferHandlers } from '../transfers/transfer-handlers';
import { createSetupCheckHandlers } from '../destinations/setup-check-handlers';
import { createReportHandlers } from '../reports/report-handlers';
import { createRefusedHandlers } from '../reports/refused-handlers';
import type { PickSaveTarget } from '../files/save-copy';
import { onSettingsProblem } from '../settings/settings-file';
import { OpenedFiles } from '../files/opened-files';
import { guardFiles, type ConfirmKeepSecret } from './trust-guards';
import type { Services } from './services';
import { createDesktopHandlers, rememberOpenedFiles } from '../support/desktop-handlers';
import { createRecentFiles } from '../files/recent-files';

/** What the IPC handlers are built from: the services, and what the entry point provides around them. */
export type ServiceContext = Readonly<{
  /** The services, built once by the entry point (`createServices`). */
  services: Services;
  /** Sends an event to the renderer. */
  emit: Emit;
  /** The app's version and the user's locale (Electron's `app` in the app, fixed values in tests). */
  appVersion: string;
  locale: string;
  /** Shows the system file chooser (Electron's dialog in the app); absent where there is none. */
  pickFile?: () => Promise<string | null>;
  /** Shows the system folder chooser (Electron's dialog in the app); absent where there is none. */
  pickFolder?: () => Promise<string | null>;
  /** Asks where to save a file (Electron's save dialog in the app); without it, a free name beside the suggestion. */
  pickSaveTarget?: PickSaveTarget;
  /** Where saved copies go by default (the user's Documents folder in the app). */
  documentsFolder?: string;
  /** Shows a file in the system's file manager (Electron's `shell.showItemInFolder`). */
  revealFile?: (path: string) => void;
  /** The files the person chose (dialog, drop, command line); the window may name no other path. */
  openedFiles?: OpenedFiles;
  /** Asks, in main's own dialog, whether a destination's saved secrets may go to its new server. */
  confirmKeepSecret?: ConfirmKeepSecret;
  /** Puts text on the system clipboard (Electron's `clipboard`); absent where there is none. */
  copyText?: (text: string) => void;
  /** Told when the recent files changed, with the file just opened (app menu, OS recent documents). */
  onRecentFilesChanged?: (added?: string) => void;
}>;

/**
 * Builds every IPC handler from the real main-process services.
 *
 * The Electron entry point registers these on `ipcMain`; the browser tests put the very same
 * handlers behind a Playwright binding. Each domain contributes its own handlers object.
 */
export function createMainHandlers(context: ServiceContext): Handlers {
  // A settings file kept aside (or left untouched) is said in the window, in the user's language.
  onSettingsProblem(({ code, message, params }) =>
    context.emit('app:notice', { code, message, ...(params ? { params } : {}) })
  );
  const { services } = context;
  const withHome = { ...context, home: services.home };
  const openedFiles = context.openedFiles ?? new OpenedFiles();
  const recentFiles = createRecentFiles(services.home);
  const handlers: Handlers = {
    'app:info': () => ({
      name: 'Courier',
      version: context.appVersion,
      platform: process.platform,
      locale: context.locale,
      home: services.home,
    }),
    ...createUiHandlers(context),
    ...createSecretHandlers(services.secrets, services.destinations),
    ...createReadingHandlers(context),
    ...createPreparationHandlers({ ...withHome, mappings: services.mappings }),
    ...createDestinationHandlers(services.destinations, context),
    ...createDestinationEditorHandlers(services.destinations, context),
    ...createJobHandlers(services.jobs, context.emit),
    ...createSendHandlers(
      { ...withHome, history: services.history },
      services.secrets,
      services.upload
    ),
    ...createTransferHandlers(withHome, services.secrets),
    ...createSetupCheckHandlers(services.home, services.secrets),
    ...createDesktopHandlers({ ...context, recentFiles, openedFiles }),
    ...createReportHandlers(withHome, services.destinations, services.secrets),
    ...createRefusedHandlers(context, services.history, services.refusedFiles),
  };
  // Main, not the page, decides which files may be read (where a saved secret may go is the
  // destination service's to decide, for the CLI too).
  // A file that opened (after the guard let it) goes to the top of the recent files.
  return rememberOpenedFiles(guardFiles(handlers, openedFiles), recentFiles, added => {
    context.emit('recent:changed', {});
    context.onRecentFilesChanged?.(added);
  });
}
