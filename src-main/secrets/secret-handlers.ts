import { readFile, stat } from 'node:fs/promises';
import { CourierError } from '../../src-core/errors';
import type { Handlers } from '../ipc/ipc-router';
import type { SecretStore } from './secret-store';
import { SshIdentities } from './ssh-identity';
import { getDestination } from '../settings/destination-store';
import { proxyIdentity } from '../../src-core/destinations/proxy-setting';
import { serverIdentity } from '../../src-core/destinations/server-identity';

type SecretChannels =
  | 'secrets:set'
  | 'secrets:has'
  | 'keys:generate'
  | 'keys:public'
  | 'keys:import'
  | 'keychain:status';

/** The largest private key file Courier will read (real keys are a few kilobytes). */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/** Reads a private key file the user picked, refusing anything that cannot be a key. */
export async function readKeyFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile())
    throw new CourierError('keys.no-file', `There is no key file at “${path}”.`, {
      params: { file: path },
    });
  if (info.size > MAX_KEY_FILE_BYTES)
    throw new CourierError(
      'keys.unreadable',
      'This file is too large to be a private key. Choose the private key file (the one without “.pub”).'
    );
  return readFile(path, 'utf8');
}

/**
 * The keychain's IPC handlers: the renderer can set, replace, delete and ask about secrets, make
 * and import SSH identities and see public keys, but no handler ever returns a secret.
 */
export function createSecretHandlers(
  store: SecretStore,
  /** The settings folder: a secret is bound to the server of the saved destination it is set for. */
  home?: string
): Pick<Handlers, SecretChannels> {
  const identities = new SshIdentities(store);
  return {
    'secrets:set': async ({ destination, kind, value }) => {
      const saved = home === undefined ? null : await getDestination(home, destination);
      // A proxy password belongs to the destination's proxy (and its user), not to its server.
      const proxy = saved?.transport.proxy;
      const boundTo =
        kind === 'proxy-password'
          ? proxy && (proxy.kind === 'http' || proxy.kind === 'socks5')
            ? proxyIdentity(proxy)
            : null
          : saved
            ? serverIdentity(saved.transport)
            : null;
      await store.set(destination, kind, value, boundTo);
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
