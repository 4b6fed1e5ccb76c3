import { proxyIdentity, type ProxySetting } from '../../src-core/destinations/proxy-setting';
import { serverIdentity, type ServerParts } from '../../src-core/destinations/server-identity';

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

/** The secrets one login needs, read up front (so a worker thread can be handed them). */
export type LoginSecrets = Readonly<{
  password?: string;
  passphrase?: string;
  privateKey?: string;
  proxyPassword?: string;
}>;

/**
 * Reads the password, passphrase and private key of a destination for a login to `transport`'s
 * server (missing ones are left out). The keychain refuses secrets entered for another server.
 */
export async function readLoginSecrets(
  secrets: SecretReader,
  destinationName: string,
  transport: ServerParts & Readonly<{ proxy?: ProxySetting }>
): Promise<LoginSecrets> {
  const server = serverIdentity(transport);
  const proxy = transport.proxy;
  const [password, passphrase, privateKey, proxyPassword] = await Promise.all([
    secrets.get(destinationName, 'password', server),
    secrets.get(destinationName, 'passphrase', server),
    secrets.get(destinationName, 'private-key', server),
    // A proxy password is bound to the proxy (and its user), not to the destination's server.
    proxy && (proxy.kind === 'http' || proxy.kind === 'socks5') && proxy.user !== undefined
      ? secrets.get(destinationName, 'proxy-password', proxyIdentity(proxy))
      : null,
  ]);
  return {
    ...(proxyPassword !== null ? { proxyPassword } : {}),
    ...(password !== null ? { password } : {}),
    ...(passphrase !== null ? { passphrase } : {}),
    ...(privateKey !== null ? { privateKey } : {}),
  };
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
