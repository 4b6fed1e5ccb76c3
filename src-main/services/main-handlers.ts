import type { Emit, Handlers } from '../ipc/ipc-router';
import { createUiHandlers } from '../ui/ui-handlers';
import { createSecretHandlers } from '../secrets/secret-handlers';
import { destinationSecretHooks } from '../secrets/destination-secret-hooks';
import { createReadingHandlers } from '../reading/reading-handlers';
import { createPreparationHandlers } from '../preparation/preparation-handlers';
import { appJobs } from '../jobs/app-jobs';
import { createJobHandlers } from '../jobs/job-handlers';
import { createSendHandlers } from '../pipeline/send-handlers';
import { createTransferHandlers } from '../transfers/transfer-handlers';
import { SecretStore } from '../secrets/secret-store';
import type { PickSaveTarget } from '../files/save-copy';
import { onSettingsProblem } from '../settings/settings-file';
import { OpenedFiles } from '../files/opened-files';
import { guardFiles, guardSecrets, type ConfirmKeepSecret } from './trust-guards';

/** What the main-process services need from their surroundings. */
export type ServiceContext = Readonly<{
  /** The settings folder (see `settings/home.ts`). */
  home: string;
  /** Sends an event to the renderer. */
  emit: Emit;
  /** The app's version and the user's locale (Electron's `app` in the app, fixed values in tests). */
  appVersion: string;
  locale: string;
  /** Shows the system file chooser (Electron's dialog in the app); absent where there is none. */
  pickFile?: () => Promise<string | null>;
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
  const secrets = new SecretStore();
  const handlers: Handlers = {
    'app:info': () => ({
      name: 'Courier',
      version: context.appVersion,
      platform: process.platform,
      locale: context.locale,
      home: context.home,
    }),
    ...createUiHandlers(context),
    ...createSecretHandlers(secrets, context.home),
    ...createReadingHandlers(context),
    ...createPreparationHandlers(context, destinationSecretHooks()),
    ...createJobHandlers(appJobs(context.home), context.emit),
    ...createSendHandlers(context),
    ...createTransferHandlers(context, secrets),
  };
  // Main, not the page, decides which files may be read and where a saved secret may go.
  const guarded = guardSecrets(handlers, {
    home: context.home,
    store: secrets,
    confirmKeepSecret: context.confirmKeepSecret,
  });
  return guardFiles(guarded, context.openedFiles ?? new OpenedFiles());
}
