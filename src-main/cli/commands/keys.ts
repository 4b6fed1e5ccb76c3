import { toPlainError } from '../../../src-core/errors';
import {
  ExitCode,
  UsageError,
  printJson,
  type CliCommand,
  type CliIo,
  parseCommandArgs,
} from '../cli-io';
import { redact } from '../../logging/redact';
import { readKeyFile } from '../../secrets/key-file';
import { readSecretLines } from '../../secrets/secret-input';
import { SshIdentities } from '../../secrets/ssh-identity';
import { keysUsage } from './usage';

const usage = keysUsage;

/**
 * The exit code for a keychain or key failure: a keychain that is missing or locked is an
 * authentication failure (3); a secret missing from standard input is a usage error (2); a key
 * file that cannot be used is a problem with the input (1).
 */
export function secretFailureExit(error: unknown): number {
  const code = toPlainError(error).code;
  if (code.startsWith('secrets.')) return ExitCode.transfer;
  if (code.startsWith('input.')) return ExitCode.usage;
  return ExitCode.blocked;
}

/** Prints an error after redaction, as a sentence or as `{"error"}` with --json. */
export function printSecretError(io: CliIo, error: unknown, json: boolean): number {
  const plain = toPlainError(error);
  const safe = { code: plain.code, message: redact(plain.message) };
  if (json) printJson(io, { error: safe });
  else io.stderr.write(`courier: ${safe.message}\n`);
  return secretFailureExit(error);
}

/** `courier keys`: generate, import and show SSH identities kept in the keychain. */
export const keysCommand: CliCommand = {
  name: 'keys',
  summary: 'make, import and show SSH keys kept in the system keychain',
  usage,
  run: async ({ args, io, services }) => {
    const { values, positionals } = parseCommandArgs(args, {
      'passphrase-stdin': { type: 'boolean' },
      replace: { type: 'boolean' },
      comment: { type: 'string' },
      key: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [action, name, ...extra] = positionals;
    if (!action || !['generate', 'import', 'show'].includes(action))
      throw new UsageError('choose generate, import or show.');
    if (!name) throw new UsageError(`keys ${action} needs the identity's NAME.`);
    if (extra.length > 0) throw new UsageError(`unexpected “${extra.join(' ')}”.`);
    if (action !== 'import' && values.key !== undefined)
      throw new UsageError('--key belongs to “keys import”.');
    if (action === 'show' && values['passphrase-stdin'])
      throw new UsageError('“keys show” needs no passphrase.');
    const json = values.json === true;
    const identities = new SshIdentities(services.secrets);
    const log = services.logger.child({ scope: 'cli', command: `keys ${action}` });
    try {
      let publicKey: string;
      const passphrase = values['passphrase-stdin']
        ? (await readSecretLines(io.stdin, ['passphrase']))[0]
        : undefined;
      if (action === 'generate') {
        publicKey = await identities.generate(name, {
          passphrase,
          replace: values.replace === true,
          comment: values.comment,
        });
      } else if (action === 'import') {
        if (!values.key) throw new UsageError('keys import needs --key FILE.');
        publicKey = await identities.importKey(name, await readKeyFile(values.key), passphrase);
      } else {
        publicKey = await identities.publicKey(name);
      }
      if (action !== 'show')
        log.info(action === 'generate' ? 'key pair generated' : 'private key imported', {
          name,
          publicKey,
        });
      if (json) printJson(io, { name, publicKey });
      else {
        io.stdout.write(`${publicKey}\n`);
        if (action !== 'show') {
          io.stderr.write(
            `The private key of “${name}” is in your system keychain. Send the public key above to the vendor.\n`
          );
        }
      }
      return ExitCode.ok;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      log.warn('keys command failed', { error: toPlainError(error) });
      return printSecretError(io, error, json);
    } finally {
      await log.flush();
    }
  },
};
