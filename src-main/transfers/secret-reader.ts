import {
  proxyIdentity,
  type ProxySetting,
  type ProxyUrl,
} from '../../src-core/destinations/proxy-setting';
import type { SecretSource } from '../../src-core/destinations/secret-source';
import { serverIdentity, type ServerParts } from '../../src-core/destinations/server-identity';
import type { Transport } from '../../src-core/destinations/transport';
import { readFromSource, type SourceOptions } from '../secrets/secret-sources';
import { defaultPort } from '../../src-core/destinations/transport';
import { resolveSystemProxy } from './system-proxy';

/** The kinds of secret a destination's login can use. */
export type SecretKind = 'password' | 'passphrase' | 'private-key' | 'proxy-password';

/**
 * Reads a destination's secrets (the OS keychain in the app: `SecretStore` in src-main/secrets).
 *
 * The transfer engine only ever reads; it never logs, stores or returns what it gets.
 */
export type SecretReader = Readonly<{
  /** `server` is where the secret will be sent (`serverIdentity`): a secret of another server is refused. */
  get: (destinationName: string, kind: SecretKind, server: string) => Promise<string | null>;
}>;

/**
 * The secrets one login needs, read up front (so a worker thread can be handed them). `agent` is
 * the SSH agent's socket when the key stays in the agent.
 */
export type LoginSecrets = Readonly<{
  password?: string;
  passphrase?: string;
  privateKey?: string;
  proxyPassword?: string;
  agent?: string;
  /**
   * For a destination whose proxy is `system`: what the computer's settings chose for this
   * server (null: direct), resolved in the main thread (`resolveSystemProxy`). Not a secret.
   */
  systemProxy?: ProxyUrl | null;
}>;

/** What the reader needs to know of the connection: its server, login kind, secret source and proxy. */
export type LoginTarget = ServerParts &
  Partial<Pick<Transport, 'auth'>> & { secretSource?: SecretSource; proxy?: ProxySetting };

/**
 * Reads the password, passphrase and private key of a destination for a login to `transport`'s
 * server (missing ones are left out), from the destination's secret source (the keychain when
 * none is set). The keychain refuses secrets entered for another server.
 */
export async function readLoginSecrets(
  secrets: SecretReader,
  destinationName: string,
  transport: LoginTarget,
  options: SourceOptions = {}
): Promise<LoginSecrets> {
  const server = serverIdentity(transport);
  const proxy = transport.proxy;
  // A proxy password is bound to the proxy (and its user), not to the destination's server; it
  // is kept in the keychain whatever the source of the server's own secret.
  const proxyPassword =
    proxy && (proxy.kind === 'http' || proxy.kind === 'socks5') && proxy.user !== undefined
      ? await secrets.get(destinationName, 'proxy-password', proxyIdentity(proxy))
      : null;
  const systemProxy =
    proxy?.kind === 'system' && transport.host && transport.protocol
      ? await resolveSystemProxy(
          transport.host,
          transport.port ?? defaultPort[transport.protocol],
          options.env
        )
      : undefined;
  const withProxy = <T extends LoginSecrets>(login: T): LoginSecrets => ({
    ...login,
    ...(proxyPassword !== null ? { proxyPassword } : {}),
    ...(systemProxy !== undefined ? { systemProxy } : {}),
  });
  const source = transport.secretSource;
  if (source && source.kind !== 'keychain') {
    const auth = transport.auth ?? 'password';
    const fromKeychain = (kind: SecretKind) => secrets.get(destinationName, kind, server);
    const sourced = await readFromSource(source, options);
    switch (sourced.kind) {
      case 'value':
        // The value is the password, or the private key when the login uses a key only.
        return withProxy(
          auth === 'key' ? { privateKey: sourced.value } : { password: sourced.value }
        );
      case 'agent': {
        // The key stays in the agent; a password, when the server also asks one, is the keychain's.
        const password = auth === 'key-and-password' ? await fromKeychain('password') : null;
        return withProxy({ agent: sourced.socket, ...(password !== null ? { password } : {}) });
      }
      case 'key': {
        const [passphrase, password] = await Promise.all([
          sourced.encrypted ? fromKeychain('passphrase') : null,
          auth === 'key-and-password' ? fromKeychain('password') : null,
        ]);
        return withProxy({
          privateKey: sourced.privateKey,
          ...(passphrase !== null ? { passphrase } : {}),
          ...(password !== null ? { password } : {}),
        });
      }
    }
  }
  const [password, passphrase, privateKey] = await Promise.all([
    secrets.get(destinationName, 'password', server),
    secrets.get(destinationName, 'passphrase', server),
    secrets.get(destinationName, 'private-key', server),
  ]);
  return withProxy({
    ...(password !== null ? { password } : {}),
    ...(passphrase !== null ? { passphrase } : {}),
    ...(privateKey !== null ? { privateKey } : {}),
  });
}

/** A SecretReader over secrets already read (worker threads, tests of non-keychain behaviour). */
export function fixedSecrets(values: LoginSecrets): SecretReader {
  const byKind: Record<SecretKind, string | undefined> = {
    password: values.password,
    passphrase: values.passphrase,
    'private-key': values.privateKey,
    'proxy-password': values.proxyPassword,
  };
  return { get: async (_name, kind) => byKind[kind] ?? null };
}
