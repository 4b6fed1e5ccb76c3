/** The kinds of secret a destination's login can use. */
export type SecretKind = 'password' | 'passphrase' | 'private-key';

/**
 * Reads a destination's secrets (the OS keychain in the app: `SecretStore` in src-main/secrets).
 *
 * The transfer engine only ever reads; it never logs, stores or returns what it gets.
 */
export type SecretReader = Readonly<{
  get: (destinationName: string, kind: SecretKind) => Promise<string | null>;
}>;

/** The secrets one login needs, read up front (so a worker thread can be handed them). */
export type LoginSecrets = Readonly<{ password?: string; passphrase?: string; privateKey?: string }>;

/** Reads the password, passphrase and private key of a destination (missing ones are left out). */
export async function readLoginSecrets(secrets: SecretReader, destinationName: string): Promise<LoginSecrets> {
  const [password, passphrase, privateKey] = await Promise.all([
    secrets.get(destinationName, 'password'),
    secrets.get(destinationName, 'passphrase'),
    secrets.get(destinationName, 'private-key'),
  ]);
  return {
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
  };
  return { get: async (_name, kind) => byKind[kind] ?? null };
}
