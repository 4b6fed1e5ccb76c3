import { randomBytes } from 'node:crypto';
import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';
import { CourierError } from '../../src-core/errors';
import { redact, registerSecret } from '../logging/redact';

/** The secrets a destination (or a key identity of the same name) can have. */
export const secretKinds = ['password', 'passphrase', 'private-key', 'proxy-password'] as const;
/** The secrets bound to the destination's server (a proxy password is bound to its proxy). */
const serverSecretKinds: readonly SecretKind[] = ['password', 'passphrase', 'private-key'];
/** One kind of destination secret. */
export type SecretKind = (typeof secretKinds)[number];

/**
 * What the transfer code needs: a destination's secret by kind, or null when none is saved.
 *
 * `null` is only returned once the keychain is known to be usable; a locked or missing keychain
 * is a CourierError instead.
 */
export type SecretReader = Readonly<{
  /** `server` is where the secret is about to be sent (`serverIdentity`); another server's secret is refused. */
  get: (destinationName: string, kind: SecretKind, server: string) => Promise<string | null>;
}>;

/** Whether the keychain can be used now, in words for the user when it cannot. */
export type KeychainStatus = Readonly<
  | { usable: true; backend: string }
  | { usable: false; backend: string; code: string; message: string }
>;

/** How a SecretStore is set up (the defaults are right for the app and the CLI). */
export type SecretStoreOptions = Readonly<{
  /** The keychain service name; "Courier" in the app (tests may isolate themselves with another). */
  service?: string;
  platform?: NodeJS.Platform;
  /** How long to wait for the keychain before giving up (an unlock prompt counts). */
  timeoutMs?: number;
}>;

/** The service name under which Courier's entries appear in the keychain. */
export const KEYCHAIN_SERVICE = 'Courier';

/** The account prefix of probe entries; it has no `/`, so it can never be a destination's account. */
const PROBE_ACCOUNT = 'courier-keychain-probe';

const LOCKED_MESSAGE = 'Your system keychain is locked. Unlock it and try again.';

/** The keychain's name as people know it on each system. */
export function keychainName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service (GNOME Keyring, KWallet or KeePassXC)';
}

/**
 * Turns a keychain library error into a sentence for the user.
 *
 * The library reports everything as "GenericFailure" with the platform's own text, so the text is
 * what tells a locked keychain (an unlock prompt dismissed, `IsLocked`) from a missing one (no
 * D-Bus session, nobody owning `org.freedesktop.secrets`, no default collection).
 */
export function keychainError(
  error: unknown,
  platform: NodeJS.Platform = process.platform
): CourierError {
  if (error instanceof CourierError) return error;
  const text =
    error instanceof Error
      ? `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}`
      : String(error);
  if (
    /\block(ed)?\b|IsLocked|prompt was dismissed|user canceled|user cancelled|interaction is not allowed/i.test(
      text
    )
  ) {
    return new CourierError('secrets.locked', LOCKED_MESSAGE, { cause: error });
  }
  if (/no result found|no such object|NoSuchObject/i.test(text)) {
    return new CourierError(
      'secrets.unavailable',
      'Your system keychain has no keyring to keep passwords in. Open your passwords app (for example "Passwords and Keys") to create the default keyring, then try again. Courier never keeps passwords in a file.',
      { cause: error }
    );
  }
  if (
    /dbus|d-bus|autolaunch|failed to connect|ServiceUnknown|not provided by any|no platform|no storage|platform failure|NoStorageAccess/i.test(
      text
    )
  ) {
    const where =
      platform === 'linux'
        ? ' On Linux Courier needs a Secret Service such as GNOME Keyring, KWallet or KeePassXC running in your session.'
        : '';
    return new CourierError(
      'secrets.unavailable',
      `Courier cannot reach your system keychain, so it cannot save or read passwords.${where} Courier never keeps passwords in a file.`,
      { cause: error }
    );
  }
  if (/timed out|timeout|abort/i.test(text)) {
    return new CourierError(
      'secrets.timeout',
      'Your system keychain did not answer. If it is asking for your password, answer it, then try again.',
      { cause: error }
    );
  }
  return new CourierError(
    'secrets.refused',
    `Your system keychain refused the request: ${redact(text.trim())}`,
    { cause: error }
  );
}

const accountOf = (destinationName: string, kind: SecretKind): string =>
  `${destinationName}/${kind}`;

// A secret bound to its server is kept as one header line naming the server, then the secret:
// one keychain entry, so the two can never be written apart. (The keychain library offers no
// attributes to hold it.) An entry without the header was saved before secrets were bound.
const BOUND_HEADER = 'courier-server:';

/** A stored entry: the secret and the server it belongs to (null: saved before binding existed). */
type StoredSecret = Readonly<{ value: string; server: string | null }>;

const encodeStored = (value: string, server: string | null): string =>
  server === null ? value : `${BOUND_HEADER}${server}\n${value}`;

function decodeStored(raw: string): StoredSecret {
  if (!raw.startsWith(BOUND_HEADER)) return { value: raw, server: null };
  const end = raw.indexOf('\n');
  if (end < 0) return { value: raw, server: null };
  return { value: raw.slice(end + 1), server: raw.slice(BOUND_HEADER.length, end) };
}

const checkName = (destinationName: string): void => {
  if (!destinationName.trim())
    throw new CourierError(
      'secrets.no-name',
      'A secret needs the name of the destination it belongs to.'
    );
};

/**
 * Passwords, key passphrases and private keys of destinations, kept in the OS keychain only.
 *
 * One keychain entry per secret: service "Courier", account `<destination>/<kind>`. On Linux the
 * entry is always pinned to the Secret Service; without the pin the library silently falls back
 * to the kernel keyring, which forgets everything at logout. There is no file fallback: when the
 * keychain is missing or locked the caller gets a plain-language CourierError.
 *
 * Every value set or read is registered with the redactor, so it cannot reach a log or message.
 * `get` is for the main process only; no IPC channel returns a secret.
 */
export class SecretStore implements SecretReader {
  readonly service: string;
  private readonly platform: NodeJS.Platform;
  private readonly timeoutMs: number;
  private readonly entryOptions: EntryOptions | undefined;
  private probing: Promise<void> | null = null;

  constructor(options: SecretStoreOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.platform = options.platform ?? process.platform;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.entryOptions =
      this.platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined;
  }

  /**
   * Saves (or replaces) a secret, bound to `server` (`serverIdentity` of the destination it was
   * entered for): it will only be handed out for that server. An empty value deletes it.
   */
  async set(
    destinationName: string,
    kind: SecretKind,
    value: string,
    server: string | null
  ): Promise<void> {
    checkName(destinationName);
    if (value === '') {
      await this.delete(destinationName, kind);
      return;
    }
    registerSecret(value);
    await this.write(destinationName, kind, { value, server });
  }

  private async write(
    destinationName: string,
    kind: SecretKind,
    stored: StoredSecret
  ): Promise<void> {
    await this.call(accountOf(destinationName, kind), (entry, signal) =>
      entry.setPassword(encodeStored(stored.value, stored.server), signal)
    );
  }

  /** The stored entry as it is, or null (main process only; never leaves this module). */
  private async read(destinationName: string, kind: SecretKind): Promise<StoredSecret | null> {
    checkName(destinationName);
    const raw = await this.call(accountOf(destinationName, kind), (entry, signal) =>
      entry.getPassword(signal)
    );
    if (raw === null || raw === undefined) {
      await this.checkUsable();
      return null;
    }
    const stored = decodeStored(raw);
    registerSecret(stored.value);
    return stored;
  }

  /** The server each stored secret of a destination is bound to (null: not bound yet); absent kinds are left out. */
  async boundServers(destinationName: string): Promise<Partial<Record<SecretKind, string | null>>> {
    const result: Partial<Record<SecretKind, string | null>> = {};
    for (const kind of secretKinds) {
      const stored = await this.read(destinationName, kind);
      if (stored) result[kind] = stored.server;
    }
    return result;
  }

  /**
   * Binds every stored secret of a destination to `server`: the ones saved before binding
   * existed, or all of them when the person confirmed that the new server should get them
   * (`rebind`). Returns how many were bound.
   */
  async bind(
    destinationName: string,
    server: string,
    options: Readonly<{ rebind?: boolean; kinds?: readonly SecretKind[] }> = {}
  ): Promise<number> {
    let count = 0;
    for (const kind of options.kinds ?? serverSecretKinds) {
      const stored = await this.read(destinationName, kind);
      if (!stored || stored.server === server || (stored.server !== null && !options.rebind))
        continue;
      await this.write(destinationName, kind, { value: stored.value, server });
      count++;
    }
    return count;
  }

  /**
   * Reads a secret; null when none is saved. Main process only: never hand the result to the renderer.
   *
   * Some Secret Services answer "nothing" for a locked collection instead of failing, so an
   * empty answer is only believed after the keychain has proved it is usable.
   */
  async get(destinationName: string, kind: SecretKind, server: string): Promise<string | null> {
    const stored = await this.read(destinationName, kind);
    if (stored === null) return null;
    if (stored.server === null) {
      // Saved before secrets were bound: it belongs to the server it is first used with (a
      // destination's server cannot change without binding its secrets first, see `bind`).
      await this.write(destinationName, kind, { value: stored.value, server });
      return stored.value;
    }
    if (stored.server !== server) {
      throw new CourierError(
        'secrets.other-server',
        `The saved ${kind === 'password' ? 'password' : kind === 'proxy-password' ? 'proxy password' : 'key'} of “${destinationName}” was entered for ${stored.server}, not for ${server}. Courier does not send it to another server: enter it again for the new server.`,
        { params: { name: destinationName, server } }
      );
    }
    return stored.value;
  }

  /**
   * Reads a secret for work on this computer only (deriving a public key from a private key),
   * whatever server it belongs to. Never for a login: that is `get`.
   */
  async getForThisComputer(destinationName: string, kind: SecretKind): Promise<string | null> {
    return (await this.read(destinationName, kind))?.value ?? null;
  }

  /** Whether a secret of this kind is saved (the answer is safe to show anywhere). */
  async has(destinationName: string, kind: SecretKind): Promise<boolean> {
    return (await this.read(destinationName, kind)) !== null;
  }

  /** Which secrets a destination has. */
  async hasAll(destinationName: string): Promise<Readonly<Record<SecretKind, boolean>>> {
    const result = {
      password: false,
      passphrase: false,
      'private-key': false,
      'proxy-password': false,
    };
    for (const kind of secretKinds) result[kind] = await this.has(destinationName, kind);
    return result;
  }

  /** Deletes a secret; true when there was one. */
  async delete(destinationName: string, kind: SecretKind): Promise<boolean> {
    checkName(destinationName);
    return this.call(accountOf(destinationName, kind), (entry, signal) =>
      entry.deleteCredential(signal)
    );
  }

  /** Deletes every secret of a destination (when the destination is removed); returns how many. */
  async deleteAll(destinationName: string): Promise<number> {
    let count = 0;
    for (const kind of secretKinds) if (await this.delete(destinationName, kind)) count++;
    return count;
  }

  /**
   * Moves every secret of a destination to its new name.
   *
   * Copies all first and deletes the old entries only after every copy succeeded, so a failure
   * halfway leaves the secrets readable under the old name. Refuses to overwrite secrets that
   * already belong to the new name.
   */
  async rename(from: string, to: string): Promise<number> {
    checkName(from);
    checkName(to);
    if (from === to) return 0;
    const target = await this.hasAll(to);
    if (secretKinds.some(kind => target[kind])) {
      throw new CourierError(
        'secrets.name-taken',
        `The keychain already holds secrets for “${to}”. Remove that destination first or choose another name.`,
        { params: { name: to } }
      );
    }
    const moving: Array<[SecretKind, StoredSecret]> = [];
    for (const kind of secretKinds) {
      const stored = await this.read(from, kind);
      if (stored !== null) moving.push([kind, stored]);
    }
    // The entries move as they are: a secret keeps the server it belongs to.
    for (const [kind, stored] of moving) await this.write(to, kind, stored);
    for (const [kind] of moving) await this.delete(from, kind);
    return moving.length;
  }

  /**
   * Throws a plain-language CourierError unless the keychain can store and return a secret now.
   *
   * Concurrent callers (three parallel `get`s that all found nothing) share one probe.
   */
  checkUsable(): Promise<void> {
    this.probing ??= this.probe().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async probe(): Promise<void> {
    const account = `${PROBE_ACCOUNT}-${randomBytes(6).toString('hex')}`;
    const value = `probe-${randomBytes(12).toString('hex')}`;
    await this.call(account, (entry, signal) => entry.setPassword(value, signal));
    const back = await this.call(account, (entry, signal) => entry.getPassword(signal));
    // The probe holds no secret: one left behind is harmless, and the answer is what was read back.
    await this.call(account, (entry, signal) => entry.deleteCredential(signal)).catch(() => false);
    // A store that accepts a write and then answers nothing (or something else) is locked.
    if (back !== value) throw new CourierError('secrets.locked', LOCKED_MESSAGE);
  }

  /** The keychain's state, for the settings screen and `keychain:status`. */
  async status(): Promise<KeychainStatus> {
    const backend = keychainName(this.platform);
    try {
      await this.checkUsable();
      return { usable: true, backend };
    } catch (error) {
      const plain = keychainError(error, this.platform);
      return { usable: false, backend, code: plain.code, message: plain.message };
    }
  }

  private async call<T>(
    account: string,
    action: (entry: AsyncEntry, signal: AbortSignal) => Promise<T>
  ): Promise<T> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      // Loaded on first use: a command that touches no secret starts without the native module.
      const { AsyncEntry } = await import('@napi-rs/keyring');
      // The constructor itself throws when there is no D-Bus session at all.
      const entry = new AsyncEntry(this.service, account, this.entryOptions);
      return await action(entry, signal);
    } catch (error) {
      throw keychainError(error, this.platform);
    }
  }
}
