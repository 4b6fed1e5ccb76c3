import { randomBytes } from 'node:crypto';
import { copyFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CourierError } from '../../src-core/errors';

/**
 * Asks the user where to save a file (Electron's save dialog in the app, a fake in tests).
 *
 * `defaultPath` is a full path or just a file name; null means the user cancelled.
 */
export type PickSaveTarget = (options: Readonly<{ defaultPath: string; title: string }>) => Promise<string | null>;

/**
 * Where to save when there is no dialog to ask: the suggested path itself, or `name (2).csv`,
 * `name (3).csv`… so that an earlier file is never replaced without the user choosing to.
 */
export async function freePath(path: string): Promise<string> {
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? path : `${stem} (${n})${ext}`;
    if (!(await stat(candidate).catch(() => null))) return candidate;
  }
  throw new CourierError('files.no-free-name', `Courier found no free name for ${basename(path)} in ${dirname(path)}.`, {
    params: { file: basename(path), folder: dirname(path) },
  });
}

/** The target the user chose, or a free name beside the suggestion when no dialog can be shown. */
export async function chooseSaveTarget(pick: PickSaveTarget | undefined, defaultPath: string, title: string): Promise<string | null> {
  return pick ? pick({ defaultPath, title }) : freePath(defaultPath);
}

// The files this process saved for the user: the only ones `files:reveal` shows (the renderer
// cannot make main probe or open any other path, such as a network share).
const savedForUser = new Set<string>();

/** Whether this file was saved by Courier for the user in this session (see `saveWhole`). */
export const wasSavedForUser = (path: string): boolean => savedForUser.has(resolve(path));

/**
 * Whether `path` is a file Courier saved for the user in this session and it is still there: the
 * only files the window may ask main to show in the file manager.
 */
export async function savedFileStillThere(path: string): Promise<boolean> {
  if (!wasSavedForUser(path)) return false;
  const found = await stat(path).catch(() => null); // gone or unreadable: not there
  return found?.isFile() ?? false;
}

/**
 * Records a file saved for the user by a worker thread (which has its own copy of this module):
 * the main thread, which answers `files:reveal`, must know it too.
 */
export const markSavedForUser = (path: string): void => void savedForUser.add(resolve(path));

/**
 * Writes a file the user asked to keep, whole or not at all: under a hidden temporary name in
 * the same folder, then renamed (a full disk or a cut leaves the old file, if any, intact).
 */
export async function saveWhole(target: string, bytes: Uint8Array | { copyOf: string }): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.part`);
  try {
    if (bytes instanceof Uint8Array) await writeFile(tmp, bytes);
    else {
      try {
        await copyFile(bytes.copyOf, tmp);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || (await stat(dirname(tmp)).catch(() => null)) === null) throw error;
        throw new CourierError('files.source-gone', 'The rows left out by this send are no longer kept, so there is nothing to copy.', { params: { file: basename(bytes.copyOf) } });
      }
    }
    await rename(tmp, target);
    savedForUser.add(resolve(target));
  } catch (error) {
    await rm(tmp, { force: true });
    if (error instanceof CourierError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') && (await stat(target).catch(() => null))?.isFile()) {
      throw new CourierError('files.in-use', `${basename(target)} is open in another program, or may not be replaced. Close it, or choose another name.`, {
        params: { file: basename(target) },
      });
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new CourierError('files.save-denied', `Courier may not write to ${dirname(target)}. Choose another folder.`, { params: { folder: dirname(target) } });
    }
    if (code === 'ENOSPC') {
      throw new CourierError('files.disk-full', `The disk holding ${dirname(target)} is full. Free some space or choose another place.`, { params: { folder: dirname(target) } });
    }
    if (code === 'ENOENT') {
      throw new CourierError('files.folder-missing', `The folder ${dirname(target)} does not exist any more. Choose another place.`, { params: { folder: dirname(target) } });
    }
    throw error;
  }
}
