import { readFile, stat } from 'node:fs/promises';
import { CourierError } from '../../src-core/errors';

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
