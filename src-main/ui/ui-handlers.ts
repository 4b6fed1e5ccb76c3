import { CourierError } from '../../src-core/errors';
import type { Handlers } from '../ipc/ipc-router';
import type { ServiceContext } from '../services/main-handlers';

/**
 * Calls the app's screens need that are thin adapters over what main already has.
 *
 * `files:pick` shows the system file chooser the entry point provides (`context.pickFile`).
 */
export function createUiHandlers(context: ServiceContext): Pick<Handlers, 'files:pick'> {
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
  };
}
