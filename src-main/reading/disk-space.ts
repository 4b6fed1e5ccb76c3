import { statfs } from 'node:fs/promises';
import type { CourierError } from '../../src-core/errors';
import { readError } from '../../src-core/reading/read-errors';

/** Whether a file-system error means the disk (or the user's quota on it) is full. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** `read.disk-full`: reading `fileName` needs temporary space that `folder` does not have. */
export const diskFullError = (fileName: string, folder: string): CourierError =>
  readError('disk-full', fileName, folder);

/**
 * Refuses at once, with `read.disk-full`, to write `bytes` into `folder` when its disk has less
 * free space than that: better than filling the disk and failing half-way. When the free space
 * cannot be measured, the write is tried (and a full disk is still reported as such).
 */
export async function ensureFreeSpace(
  folder: string,
  bytes: number,
  fileName: string
): Promise<void> {
  const info = await statfs(folder).catch(() => null);
  if (info && info.bavail * info.bsize < bytes) throw diskFullError(fileName, folder);
}
