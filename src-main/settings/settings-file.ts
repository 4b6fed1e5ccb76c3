import { lstat, mkdir, readFile, rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { CourierError, type PlainError } from '../../src-core/errors';

/**
 * The one way settings files (jobs, job state, queue, ledger, history…) are read and written when
 * they may be damaged: a file that does not exist is "nothing yet", but a file that exists and
 * cannot be read is never taken for "nothing" and never written over. It is kept (moved aside to
 * `<name>.damaged-<time>`, or its unknown lines carried forward untouched) and the person is told
 * through `onSettingsProblem` (the CLI prints it on stderr, the app shows it as a notice).
 */

/** What reading a settings file found. */
export type SettingsText =
  | Readonly<{ kind: 'missing' }>
  | Readonly<{ kind: 'text'; text: string }>
  /** It exists but cannot be read: a folder in its place, no permission, a disk error. */
  | Readonly<{ kind: 'unreadable'; errno: string }>;

/** A problem with a settings file, told to the person (a PlainError naming the file). */
export type SettingsProblem = PlainError & Readonly<{ file: string }>;

// Process-wide on purpose: any store that meets a damaged settings file tells the one window.
const listeners = new Set<(problem: SettingsProblem) => void>();

/** Tells every listener (CLI stderr, app notice) about a problem with a settings file. */
export function tellSettingsProblem(problem: SettingsProblem): void {
  for (const listener of [...listeners]) {
    try {
      listener(problem);
    } catch {
      // A listener's failure (a closed window) must not fail the read.
    }
  }
}

/**
 * Listens for problems with settings files, each told once to this listener however often the
 * file is read (a command, the app's run); returns an unsubscribe.
 */
export function onSettingsProblem(listener: (problem: SettingsProblem) => void): () => void {
  const told = new Set<string>();
  const own = (problem: SettingsProblem) => {
    const key = `${problem.code}\n${problem.file}\n${problem.message}`;
    if (told.has(key)) return;
    told.add(key);
    listener(problem);
  };
  listeners.add(own);
  return () => {
    listeners.delete(own);
  };
}

/** Reads a settings file, saying apart "not there yet" from "there but unreadable". */
export async function readSettingsText(file: string): Promise<SettingsText> {
  try {
    return { kind: 'text', text: await readFile(file, 'utf8') };
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (errno === 'ENOENT') return { kind: 'missing' };
    // ENOTDIR: a file stands where the settings folder should be; it is said when writing.
    if (errno === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', errno };
  }
}

/** A file name safe time stamp: 2026-12-02T17-04-47-123Z. */
const stamp = (now: Date): string => now.toISOString().replace(/[:.]/g, '-');

/**
 * Moves a damaged settings file (or a folder standing in its place) aside to
 * `<name>.damaged-<time>`, so a fresh one can be written without losing it; returns the new path.
 */
export async function keepDamaged(file: string, now: Date = new Date()): Promise<string> {
  for (let n = 1; ; n++) {
    const kept = `${file}.damaged-${stamp(now)}${n === 1 ? '' : `-${n}`}`;
    // Never over an earlier kept copy (a rename would replace it).
    if (await exists(kept)) continue;
    try {
      await rename(file, kept);
    } catch (error) {
      throw settingsWriteError(error, file);
    }
    return kept;
  }
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false
  );

/** The error `settings.unreadable` for a settings file that exists but cannot be read. */
export function unreadableSettings(file: string, what: string, consequence: string): CourierError {
  return new CourierError(
    'settings.unreadable',
    `Courier cannot read ${what} (“${file}”): something else is in its place (a folder for a file, or a file for a folder), or Courier may not open it. ${consequence} Ask your IT colleague to check the file.`,
    { params: { file: basename(file), folder: dirname(file) } }
  );
}

const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);
const NOT_A_FOLDER = new Set(['ENOTDIR', 'EEXIST']);

/**
 * The plain error for a failed write in the settings folder: read-only (`settings.read-only`),
 * full (`settings.disk-full`), a file where a folder should be (`settings.not-a-folder`), a folder
 * where a file should be (`settings.unreadable`); anything else is returned unchanged.
 */
export function settingsWriteError(
  error: unknown,
  file: string,
  folder: string = dirname(file)
): unknown {
  if (error instanceof CourierError) return error;
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof errno !== 'string') return error;
  const params = { folder, file: basename(file) };
  if (READ_ONLY.has(errno)) {
    return new CourierError(
      'settings.read-only',
      `Courier may not write in its settings folder “${folder}” (it is read-only or locked). Nothing was saved. Make the folder writable, or choose another one with --home or COURIER_HOME.`,
      { params, cause: error }
    );
  }
  if (FULL.has(errno)) {
    return new CourierError(
      'settings.disk-full',
      `The disk holding Courier's settings folder “${folder}” is full. Nothing was saved. Free some space, then try again.`,
      { params, cause: error }
    );
  }
  if (NOT_A_FOLDER.has(errno)) {
    return new CourierError(
      'settings.not-a-folder',
      `Courier's settings folder “${folder}” is not a folder (a file is in its place). Nothing was saved. Move that file away, or choose another folder with --home or COURIER_HOME.`,
      { params, cause: error }
    );
  }
  if (errno === 'EISDIR') return unreadableSettings(file, 'a settings file', 'Nothing was saved.');
  return error;
}

/** Runs a write in the settings folder, turning its failure into a plain settings error. */
export async function settingsWrite<T>(
  file: string,
  task: () => Promise<T>,
  folder?: string
): Promise<T> {
  try {
    return await task();
  } catch (error) {
    throw settingsWriteError(error, file, folder);
  }
}

/** Creates a folder of the settings folder (private to the user), with plain errors. */
export async function ensureSettingsFolder(folder: string): Promise<void> {
  await settingsWrite(folder, () => mkdir(folder, { recursive: true, mode: 0o700 }), folder);
}

/** A settings JSON file as read: missing, its value, or damaged (exists, cannot be read as one). */
export type SettingsJson<T> =
  | Readonly<{ kind: 'missing' }>
  | Readonly<{ kind: 'ok'; value: T }>
  | Readonly<{ kind: 'damaged' }>;

/**
 * Reads a settings JSON file through `parse` (null: not what this file holds). A damaged one is
 * reported as such, never as missing: keep it aside with `keepDamaged` before writing a new one.
 */
export async function readSettingsJson<T>(
  file: string,
  parse: (value: unknown) => T | null
): Promise<SettingsJson<T>> {
  const found = await readSettingsText(file);
  if (found.kind === 'missing') return found;
  if (found.kind === 'text') {
    try {
      const value = parse(JSON.parse(found.text.replace(/^\uFEFF/, '')));
      if (value !== null) return { kind: 'ok', value };
    } catch {
      // Not JSON: damaged.
    }
  }
  return { kind: 'damaged' };
}

/**
 * Keeps a damaged settings file aside before a new one is written over its name, and tells the
 * person (`settings.damaged`) what it held and where it now is.
 */
export async function keepDamagedAndTell(file: string, what: string): Promise<string> {
  const kept = await keepDamaged(file);
  tellSettingsProblem({
    code: 'settings.damaged',
    message: `Courier could not read ${what} (“${file}”). It kept the file as “${kept}”, untouched, and saved a new one; check your settings.`,
    params: { file: basename(file), kept: basename(kept) },
    file,
  });
  return kept;
}
