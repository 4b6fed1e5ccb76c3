import type { Handler } from '../ipc/ipc-router';
import { checkSetup, type SetupSecrets } from './setup-check';

/** The app's "Check setup" on a destination: the same check as `courier doctor NAME`. */
export function createSetupCheckHandlers(
  home: string,
  secrets: SetupSecrets
): { 'destinations:check-setup': Handler<'destinations:check-setup'> } {
  return {
    'destinations:check-setup': ({ name }) => checkSetup(home, secrets, name),
  };
}
