import { basename } from 'node:path';
import { CourierError } from '../../src-core/errors';
import type { Handlers } from '../ipc/ipc-router';
import { savedFileStillThere } from '../files/save-copy';

/** What the UI handlers need from the entry point: its file chooser and file manager, if any. */
export type UiContext = Readonly<{
  /** Shows the system file chooser (Electron's dialog in the app); absent where there is none. */
  pickFile?: () => Promise<string | null>;
  /** Shows the system folder chooser (a job's watched folder); absent where there is none. */
  pickFolder?: () => Promise<string | null>;
  /** Shows a file in the system's file manager (Electron's `shell.showItemInFolder`). */
  revealFile?: (path: string) => void;
}>;

/**
 * Calls the app's screens need that are thin adapters over what main already has.
 *
 * `files:pick` shows the system file chooser the entry point provides (`context.pickFile`);
 * `files:reveal` shows a file Courier saved in the system's file manager.
 */
export function createUiHandlers(context: UiContext): Pick<Handlers, 'files:pick' | 'files:pick-folder' | 'files:reveal'> {
  return {
    'files:pick': async () => {
      if (!context.pickFile) {
        throw new CourierError(
          'files.pick-unavailable',
          'Courier cannot show a file chooser here. Drag the file onto the window instead.'
        );
      }
      return { path: await context.pickFile() };
    },
    'files:pick-folder': async () => {
      if (!context.pickFolder) {
        throw new CourierError('files.pick-unavailable', 'Courier cannot show a folder chooser here.');
      }
      return { path: await context.pickFolder() };
    },
    'files:reveal': async ({ path }) => {
      // Only a file Courier saved for the user, still there: the renderer cannot make main probe
      // or open any other path.
      if (!(await savedFileStillThere(path))) {
        throw new CourierError('files.not-found', `Courier cannot find ${basename(path)} any more. It may have been moved or deleted.`, {
          params: { file: basename(path) },
        });
      }
      context.revealFile?.(path);
      return { shown: context.revealFile !== undefined };
    },
  };
}
