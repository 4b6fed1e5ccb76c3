import ssh2, { type ParsedKey } from 'ssh2';
import { CourierError } from '../../src-core/errors';
import { registerSecret } from '../logging/redact';
import type { SecretStore } from './secret-store';

// ssh2 is CommonJS: Node's ESM loader (the CLI under tsx) offers only its default export.
const { utils } = ssh2;

/** A freshly made key pair: the private key (OpenSSH format) and its one-line public key. */
export type KeyPair = Readonly<{ privateKey: string; publicKey: string }>;

/**
 * Generates an ed25519 key pair in OpenSSH format, encrypted with the passphrase when one is given.
 *
 * Uses ssh2's asynchronous generator so the main process never blocks on it. A key is kept only
 * once it reads back: ssh2 writes about 1 ed25519 key in 300 that its own parser then refuses
 * ("Malformed OpenSSH private key"), which would leave an identity that can never log in.
 */
export async function generateKeyPair(
  options: Readonly<{ comment: string; passphrase?: string }>
): Promise<KeyPair> {
  for (let attempt = 1; ; attempt++) {
    const pair = await generateOnce(options);
    if (!(utils.parseKey(pair.privateKey, options.passphrase) instanceof Error)) return pair;
    if (attempt >= MAX_GENERATE_ATTEMPTS)
      throw new CourierError(
        'keys.generate-failed',
        'Courier could not make a key pair that reads back. Try again.'
      );
  }
}

/** How many key pairs are made before giving up on one that reads back (1 in 300 fails once). */
const MAX_GENERATE_ATTEMPTS = 8;

function generateOnce(
  options: Readonly<{ comment: string; passphrase?: string }>
): Promise<KeyPair> {
  const settings = options.passphrase
    ? { comment: options.comment, passphrase: options.passphrase, cipher: 'aes256-ctr' }
    : { comment: options.comment };
  return new Promise((resolve, reject) => {
    utils.generateKeyPair('ed25519', settings, (error, pair) => {
      if (error)
        reject(
          new CourierError(
            'keys.generate-failed',
            `Courier could not make a key pair: ${error.message}`
          )
        );
      else {
        registerSecret(pair.private);
        resolve({ privateKey: pair.private, publicKey: pair.public.trim() });
      }
    });
  });
}

/**
 * Opens a private key (OpenSSH, PEM or PuTTY) with its passphrase, with plain-language errors.
 *
 * Fails with `keys.passphrase-needed`, `keys.wrong-passphrase`, `keys.not-private` (a public key
 * was given) or `keys.unreadable`.
 */
export function openPrivateKey(text: string, passphrase?: string): ParsedKey {
  registerSecret(text);
  if (passphrase) registerSecret(passphrase);
  let parsed: ParsedKey | ParsedKey[] | Error;
  try {
    parsed = utils.parseKey(text, passphrase || undefined) as ParsedKey | ParsedKey[] | Error;
  } catch (error) {
    parsed = error instanceof Error ? error : new Error(String(error));
  }
  if (Array.isArray(parsed)) parsed = parsed[0] ?? new Error('no key');
  if (parsed instanceof Error) {
    const message = parsed.message;
    if (/no passphrase given|encrypted/i.test(message) && !passphrase) {
      throw new CourierError(
        'keys.passphrase-needed',
        'This private key is protected by a passphrase. Give its passphrase too.'
      );
    }
    if (/bad passphrase|integrity check failed|bad decrypt|passphrase/i.test(message)) {
      throw new CourierError(
        'keys.wrong-passphrase',
        'The passphrase does not open this private key. Check it and try again.'
      );
    }
    throw new CourierError(
      'keys.unreadable',
      'This is not a private key Courier can read. Use an OpenSSH or PEM private key file (the one without “.pub”).'
    );
  }
  if (!parsed.isPrivateKey()) {
    throw new CourierError(
      'keys.not-private',
      'This is a public key. Courier needs the private key (usually the same file name without “.pub”).'
    );
  }
  return parsed;
}

/** The OpenSSH one-line public key (`ssh-ed25519 AAAA… comment`) of a parsed key. */
export function publicKeyLine(key: ParsedKey, comment = key.comment): string {
  const line = `${key.type} ${key.getPublicSSH().toString('base64')}`;
  return comment ? `${line} ${comment}` : line;
}

/**
 * SSH identities kept in the keychain.
 *
 * An identity shares its name with the destination that uses it: the private key is the
 * destination's `private-key` secret and its passphrase the `passphrase` secret, so
 * `courier keys generate evaluagent` followed by adding a destination "evaluagent" with key
 * authentication needs no key file anywhere on disk. The public key is derived from the private
 * key whenever it is asked for, so nothing about the identity is kept in the settings folder.
 */
export class SshIdentities {
  constructor(private readonly store: SecretStore) {}

  /** Generates an ed25519 identity, stores it in the keychain and returns its public key line. */
  async generate(
    name: string,
    options: Readonly<{ passphrase?: string; comment?: string; replace?: boolean }> = {}
  ): Promise<string> {
    if (!options.replace && (await this.store.has(name, 'private-key'))) {
      throw new CourierError(
        'keys.exists',
        `“${name}” already has a private key in the keychain. Choose another name, or replace it on purpose.`,
        { params: { name } }
      );
    }
    const pair = await generateKeyPair({
      comment: options.comment ?? `courier-${name.replace(/\s+/g, '-')}`,
      passphrase: options.passphrase,
    });
    await this.save(name, pair.privateKey, options.passphrase);
    return pair.publicKey;
  }

  /**
   * Imports an existing private key (OpenSSH or PEM) after checking the passphrase opens it.
   *
   * The key text goes to the keychain as given (still encrypted when it was), never to a file.
   * Returns the public key line.
   */
  async importKey(name: string, privateKeyText: string, passphrase?: string): Promise<string> {
    const text = privateKeyText.replace(/\r\n/g, '\n').trim() + '\n';
    const key = openPrivateKey(text, passphrase);
    await this.save(name, text, passphrase);
    return publicKeyLine(key);
  }

  /** The public key line of a stored identity; `keys.none` when there is no private key. */
  async publicKey(name: string): Promise<string> {
    const text = await this.store.getForThisComputer(name, 'private-key');
    if (text === null) {
      throw new CourierError(
        'keys.none',
        `There is no private key called “${name}” in the keychain. Generate one with “courier keys generate ${name}” or import one.`,
        { params: { name } }
      );
    }
    const passphrase = (await this.store.getForThisComputer(name, 'passphrase')) ?? undefined;
    return publicKeyLine(openPrivateKey(text, passphrase));
  }

  private async save(name: string, privateKey: string, passphrase?: string): Promise<void> {
    // Bound to a server on first use, or when its destination's server is first changed.
    await this.store.set(name, 'private-key', privateKey, null);
    if (passphrase) await this.store.set(name, 'passphrase', passphrase, null);
    else await this.store.delete(name, 'passphrase');
  }
}
