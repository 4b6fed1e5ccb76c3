import { CourierError, toPlainError } from '../../src-core/errors';
import type { DestinationStoreHooks } from '../settings/destination-store';
import type { SecretStore } from './secret-store';

/**
 * The destination store's hooks that keep keychain entries in step with destinations: removing a
 * destination deletes its secrets, renaming one moves them.
 *
 * The store calls them after the file changed; when the keychain refuses, the error says what
 * happened so the person can re-enter the password instead of wondering where it went.
 */
export function destinationSecretHooks(
  store: SecretStore
): DestinationStoreHooks {
  return {
    onRemove: async name => {
      try {
        await store.deleteAll(name);
      } catch (error) {
        const plain = toPlainError(error);
        throw new CourierError(
          plain.code,
          `“${name}” was removed, but its secrets could not be deleted from the keychain: ${plain.message}`,
          { cause: error, params: { ...plain.params, name } }
        );
      }
    },
    onRename: async (from, to) => {
      try {
        await store.rename(from, to);
      } catch (error) {
        const plain = toPlainError(error);
        throw new CourierError(
          plain.code,
          `“${from}” was renamed to “${to}”, but its secrets could not be moved in the keychain: ${plain.message} Enter its password again.`,
          { cause: error, params: { ...plain.params, name: to } }
        );
      }
    },
  };
}
