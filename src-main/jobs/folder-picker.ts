import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CourierError } from '../../src-core/errors';
import { appendJsonLine, readJsonLines } from '../history/json-lines';

/** A file a watched folder offers for sending: stable, matching, and never picked before. */
export type PickedFile = Readonly<{
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}>;

/** A watched folder as the picker sees it. */
export type WatchedFolder = Readonly<{
  folder: string;
  pattern: string;
  pick: 'newest' | 'each-new';
}>;

type LedgerEntry = PickedFile & Readonly<{ jobId: string; pickedAt: string }>;

export type FolderPicker = Readonly<{
  /** The files to send now (at most one for `newest`), oldest first; empty when there is nothing new. */
  pick: (source: WatchedFolder, jobId: string) => Promise<PickedFile[]>;
  /** Records that a job has taken a file, so it is never picked again. */
  markPicked: (file: PickedFile, jobId: string) => Promise<void>;
}>;

export type FolderPickerOptions = Readonly<{
  /**
   * How long a file's size and modification time must stay the same before it counts as
   * finished (default 2 s). An export still being written keeps changing.
   */
  settleMs?: number;
  /** Waits between the two looks at the folder (tests keep the real one). */
  wait?: (ms: number) => Promise<void>;
  now?: () => Date;
}>;

/** Turns a file-name pattern (`*`, `?`, `[abc]`, `[!abc]`, `{csv,txt}`) into a case-insensitive RegExp. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '[^/\\\\]*';
    else if (c === '?') out += '[^/\\\\]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|\\/]/g, m => `\\${m}`);
  }
  if (braces > 0)
    throw new CourierError(
      'jobs.invalid-pattern',
      `The file pattern “${pattern}” has an unclosed “{”.`,
      { params: { pattern } }
    );
  return new RegExp(`^${out}$`, 'i');
}

/** SHA-256 of a file, read as a stream. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Uint8Array);
  return hash.digest('hex');
}

/**
 * Picks files from watched folders.
 *
 * A file is offered only once its size and modification time have stayed the same for
 * `settleMs` (an export still being written is left alone) and only if it was never picked
 * before by that job: the ledger `<home>/picked.jsonl` remembers path, size, modification time
 * and SHA-256, so neither the same file nor a copy of it under another name is sent twice.
 */
export function createFolderPicker(home: string, options: FolderPickerOptions = {}): FolderPicker {
  const ledgerFile = join(home, 'picked.jsonl');
  const settleMs = options.settleMs ?? 2000;
  const wait =
    options.wait ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
  const now = options.now ?? (() => new Date());

  async function ledger(jobId: string): Promise<LedgerEntry[]> {
    return (await readJsonLines(ledgerFile)).filter(
      (e): e is LedgerEntry => !!e && typeof e === 'object' && (e as LedgerEntry).jobId === jobId
    );
  }

  async function snapshot(
    folder: string,
    match: RegExp
  ): Promise<Map<string, { size: number; mtimeMs: number }>> {
    let names: string[];
    try {
      names = (await readdir(folder, { withFileTypes: true }))
        .filter(e => e.isFile() && match.test(e.name))
        .map(e => e.name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new CourierError(
          'jobs.folder-missing',
          `The watched folder ${folder} does not exist (any more). Check the job's source.`,
          { params: { folder } }
        );
      if (code === 'EACCES' || code === 'EPERM')
        throw new CourierError(
          'jobs.folder-unreadable',
          `Courier may not read the watched folder ${folder}. Check its permissions.`,
          { params: { folder } }
        );
      throw error;
    }
    const out = new Map<string, { size: number; mtimeMs: number }>();
    for (const name of names) {
      try {
        const s = await stat(join(folder, name));
        out.set(name, { size: s.size, mtimeMs: s.mtimeMs });
      } catch {
        // Deleted between listing and looking: not a candidate.
      }
    }
    return out;
  }

  return {
    pick: async (source, jobId) => {
      const match = globToRegExp(source.pattern);
      const seen = await ledger(jobId);
      const known = (path: string, size: number, mtimeMs: number): boolean =>
        seen.some(e => e.path === path && e.size === size && e.mtimeMs === mtimeMs);

      const first = await snapshot(source.folder, match);
      let names = [...first.keys()];
      if (source.pick === 'newest') {
        const newest = names.sort(
          (a, b) => first.get(b)!.mtimeMs - first.get(a)!.mtimeMs || (a < b ? 1 : -1)
        )[0];
        names = newest === undefined ? [] : [newest];
      }
      names = names.filter(n => {
        const s = first.get(n)!;
        return s.size > 0 && !known(join(source.folder, n), s.size, s.mtimeMs);
      });
      if (names.length === 0) return [];

      await wait(settleMs);
      const second = await snapshot(source.folder, match);
      const picked: PickedFile[] = [];
      for (const name of names) {
        const a = first.get(name)!;
        const b = second.get(name);
        // Still changing, or touched too recently to be sure the writer has finished.
        if (
          !b ||
          b.size !== a.size ||
          b.mtimeMs !== a.mtimeMs ||
          now().getTime() - b.mtimeMs < settleMs
        )
          continue;
        if (source.pick === 'newest' && [...second.values()].some(s => s.mtimeMs > b.mtimeMs))
          continue;
        const path = join(source.folder, name);
        const sha256 = await hashFile(path);
        // Gone since it was hashed: not a candidate this time.
        const after = await stat(path).catch(() => null);
        if (!after || after.size !== b.size || after.mtimeMs !== b.mtimeMs) continue;
        if (seen.some(e => e.sha256 === sha256)) continue;
        picked.push({ path, name, size: b.size, mtimeMs: b.mtimeMs, sha256 });
      }
      return picked.sort((x, y) => x.mtimeMs - y.mtimeMs);
    },
    markPicked: async (file, jobId) => {
      const entry: LedgerEntry = { ...file, jobId, pickedAt: now().toISOString() };
      await appendJsonLine(ledgerFile, entry);
    },
  };
}
