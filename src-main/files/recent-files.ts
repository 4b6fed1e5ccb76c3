import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../../src-core/desktop/desktop-ipc';
import { withFileLock, writeFileAtomic } from '../settings/file-lock';
import { keepDamagedAndTell, readSettingsJson } from '../settings/settings-file';

/** How many opened files Courier remembers. */
export const RECENT_FILES_LIMIT = 10;

const Stored = z.object({
  version: z.literal(1),
  files: z.array(z.object({ path: z.string().min(1), openedAt: z.string() })),
});
type Stored = z.infer<typeof Stored>;

/** The settings file of the recent files (beside the other settings: `<home>/recent-files.json`). */
export const recentFilesFile = (home: string): string => join(home, 'recent-files.json');

/**
 * The export files the person opened last (Start screen, File → Open Recent, the OS's recent
 * documents): newest first, at most ten, one entry per file. Kept in the settings folder, read and
 * written under its lock so the app and a second window never lose each other's entries.
 */
export type RecentFiles = Readonly<{
  /** The list, newest first, each marked missing when the file is no longer there. */
  list: () => Promise<RecentFile[]>;
  /** Puts a file at the top of the list (called once it opened). */
  add: (path: string, now?: Date) => Promise<void>;
  /** Takes a file off the list. */
  remove: (path: string) => Promise<void>;
  /** Whether a path is on the list (a recent file is one the person chose before). */
  has: (path: string) => Promise<boolean>;
}>;

/** The recent files of a settings folder. */
export function createRecentFiles(home: string): RecentFiles {
  const file = recentFilesFile(home);
  const read = async (): Promise<Stored['files']> => {
    const found = await readSettingsJson(file, value => Stored.safeParse(value).data ?? null);
    return found.kind === 'ok' ? found.value.files : [];
  };
  const change = (edit: (files: Stored['files']) => Stored['files']) =>
    withFileLock(
      `${file}.lock`,
      async held => {
        const found = await readSettingsJson(file, value => Stored.safeParse(value).data ?? null);
        // A damaged file is kept aside (and said), never written over.
        if (found.kind === 'damaged') await keepDamagedAndTell(file, 'the list of recent files');
        const files = edit(found.kind === 'ok' ? found.value.files : []);
        await writeFileAtomic(file, `${JSON.stringify({ version: 1, files }, null, 2)}\n`, held);
      },
      { what: 'the list of recent files' }
    );
  return {
    list: async () =>
      Promise.all(
        (await read()).map(async entry => ({
          path: entry.path,
          fileName: basename(entry.path),
          folder: dirname(entry.path),
          openedAt: entry.openedAt,
          missing: !(await stat(entry.path).then(
            s => s.isFile(),
            () => false
          )),
        }))
      ),
    add: (path, now = new Date()) =>
      change(files =>
        [
          { path: resolve(path), openedAt: now.toISOString() },
          ...files.filter(f => f.path !== resolve(path)),
        ].slice(0, RECENT_FILES_LIMIT)
      ),
    remove: path => change(files => files.filter(f => f.path !== resolve(path))),
    has: async path => (await read()).some(f => f.path === resolve(path)),
  };
}
