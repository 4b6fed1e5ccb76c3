import type { Readable } from 'node:stream';
import { CourierError } from '../../src-core/errors';
import { registerSecret } from '../logging/redact';

/** The most standard input Courier reads for secrets (a private key is a few kilobytes). */
const MAX_STDIN_BYTES = 256 * 1024;

/**
 * Reads secrets from standard input, one per line (`--password-stdin`, `--passphrase-stdin`).
 *
 * Secrets never come from command-line arguments, which other users can see in the process list
 * and which shells keep in their history. A final line break is not part of a secret; a `\r`
 * before it (Windows pipes) is not either. Each value is registered with the redactor.
 */
export async function readSecretLines(
  stdin: Readable,
  labels: readonly string[]
): Promise<string[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES)
      throw new CourierError(
        'input.stdin-too-large',
        'Standard input is too large to hold a password or passphrase.'
      );
    chunks.push(buffer);
    // Stop as soon as every needed line has arrived, so an open terminal does not wait forever.
    if (Buffer.concat(chunks).toString('utf8').split('\n').length > labels.length) break;
  }
  const lines = Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .map(l => l.replace(/\r$/, ''));
  const values = labels.map((label, i) => {
    const value = lines[i] ?? '';
    if (value === '') {
      throw new CourierError(
        'input.stdin-empty',
        `No ${label} arrived on standard input. Pipe it in, one line per secret (${labels.join(', then ')}).`
      );
    }
    return value;
  });
  values.forEach(v => registerSecret(v));
  return values;
}
