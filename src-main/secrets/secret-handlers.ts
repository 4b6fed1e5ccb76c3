import { CourierError } from '../../src-core/errors';
import type { Handlers } from '../ipc/ipc-router';
import type { SecretStore } from './secret-store';
import { SshIdentities } from './ssh-identity';
import { readKeyFile } from './key-file';
import type { DestinationService } from '../destinations/destination-service';

type SecretChannels =
  | 'secrets:set'
  | 'secrets:has'
  | 'keys:generate'
  | 'keys:public'
  | 'keys:import'
  | 'keychain:status';

/**
 * The keychain's IPC handlers: the renderer can set, replace, delete and ask about secrets, make
 * and import SSH identities and see public keys, but no handler ever returns a secret.
 */
export function createSecretHandlers(
  store: SecretStore,
  /** Saves a secret bound to the server (or proxy) of the destination it is set for. */
  destinations: Pick<DestinationService, 'setSecret'>
): Pick<Handlers, SecretChannels> {
  const identities = new SshIdentities(store);
  return {
    'secrets:set': async ({ destination, kind, value }) => {
      await destinations.setSecret(destination, kind, value);
      return {};
    },
    'secrets:has': async ({ destination }) => {
      const has = await store.hasAll(destination);
      return { password: has.password, passphrase: has.passphrase, privateKey: has['private-key'] };
    },
    'keys:generate': async ({ name, passphrase, replace }) => ({
      publicKey: await identities.generate(name, { passphrase: passphrase || undefined, replace }),
    }),
    'keys:public': async ({ name }) => ({ publicKey: await identities.publicKey(name) }),
    'keys:import': async ({ name, path, text, passphrase }) => {
      if ((path === undefined) === (text === undefined)) {
        throw new CourierError('keys.no-file', 'Choose a private key file or paste the key text.');
      }
      const keyText = path !== undefined ? await readKeyFile(path) : text!;
      return { publicKey: await identities.importKey(name, keyText, passphrase || undefined) };
    },
    'keychain:status': async () => {
      const status = await store.status();
      return status.usable ? { usable: true, backend: status.backend } : status;
    },
  };
}
