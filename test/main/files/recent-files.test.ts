import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../harness/temp-home';
import { createServices } from '../../../src-main/services/services';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { OpenedFiles } from '../../../src-main/files/opened-files';
import { recentFilesFile, RECENT_FILES_LIMIT } from '../../../src-main/files/recent-files';
import { onSettingsProblem } from '../../../src-main/settings/settings-file';

const temp = tempHome('courier-recent-');

/** The app's handlers for a settings folder, with the events and menu refreshes they cause. */
function app(home: string) {
  const events: string[] = [];
  const refreshed: Array<string | undefined> = [];
  const openedFiles = new OpenedFiles();
  const handlers = createMainHandlers({
    services: createServices(home),
    emit: channel => void events.push(channel),
    appVersion: '0.1.0',
    locale: 'en-GB',
    openedFiles,
    onRecentFilesChanged: added => void refreshed.push(added),
  });
  return { handlers, openedFiles, events, refreshed };
}

/** An export the person chose and opened through `files:open`, as the window does. */
async function openExport(a: ReturnType<typeof app>, path: string): Promise<void> {
  a.openedFiles.add(path, 'dialog');
  const opened = await a.handlers['files:open']({ path });
  await a.handlers['files:close']({ sourceId: opened.sourceId });
}

describe('recent files', () => {
  it('remembers the files that opened, newest first, once each, at most ten', async () => {
    const a = app(temp.path);
    const paths: string[] = [];
    for (let i = 0; i < RECENT_FILES_LIMIT + 2; i++) {
      const path = join(temp.path, `export-${i}.csv`);
      await writeFile(path, 'email\nann@example.com\n');
      paths.push(path);
      await openExport(a, path);
    }
    await openExport(a, paths[5]!); // opened again: back on top, not twice
    const { files } = await a.handlers['recent:list'](undefined);
    expect(files.map(f => f.fileName)).toEqual([
      'export-5.csv',
      'export-11.csv',
      'export-10.csv',
      'export-9.csv',
      'export-8.csv',
      'export-7.csv',
      'export-6.csv',
      'export-4.csv',
      'export-3.csv',
      'export-2.csv',
    ]);
    expect(files.every(f => !f.missing && f.folder === temp.path)).toBe(true);
    // The menu and the OS's recent documents are told of each file that opened.
    expect(a.refreshed.at(-1)).toBe(paths[5]);
    expect(a.events).toContain('recent:changed');
    // Kept in the settings folder, so a restart (a new app) has them.
    expect((await app(temp.path).handlers['recent:list'](undefined)).files).toHaveLength(10);
  });

  it('does not remember a file that failed to open, nor one the window was not given', async () => {
    const a = app(temp.path);
    // Chosen, then gone before it could be read.
    const bad = join(temp.path, 'bad.csv');
    a.openedFiles.add(bad, 'dialog');
    await expect(a.handlers['files:open']({ path: bad })).rejects.toBeTruthy();
    const other = join(temp.path, 'other.csv');
    await writeFile(other, 'a\n1\n');
    await expect(a.handlers['files:open']({ path: other })).rejects.toMatchObject({
      code: 'files.not-chosen',
    });
    expect((await a.handlers['recent:list'](undefined)).files).toEqual([]);
  });

  it('marks a file that is gone as missing, and removes it on request', async () => {
    const a = app(temp.path);
    const kept = join(temp.path, 'kept.csv');
    const gone = join(temp.path, 'gone.csv');
    for (const path of [kept, gone]) {
      await writeFile(path, 'email\nann@example.com\n');
      await openExport(a, path);
    }
    await rm(gone);
    const { files } = await a.handlers['recent:list'](undefined);
    expect(files.map(f => [f.fileName, f.missing])).toEqual([
      ['gone.csv', true],
      ['kept.csv', false],
    ]);
    const after = await a.handlers['recent:remove']({ path: gone });
    expect(after.files.map(f => f.fileName)).toEqual(['kept.csv']);
  });

  it('lets the window open a recent file after a restart, and no other path', async () => {
    const first = app(temp.path);
    const path = join(temp.path, 'contacts.csv');
    await writeFile(path, 'email\nann@example.com\n');
    await openExport(first, path);
    // A new session: the window was given nothing yet.
    const next = app(temp.path);
    await expect(next.handlers['files:open']({ path })).rejects.toMatchObject({
      code: 'files.not-chosen',
    });
    expect(await next.handlers['recent:open']({ path })).toEqual({ path });
    expect((await next.handlers['files:open']({ path })).fileName).toBe('contacts.csv');
    // A path that is not on the list stays refused (the page cannot read what it likes).
    const secret = join(temp.path, 'secret.csv');
    await writeFile(secret, 'x\n');
    await expect(next.handlers['recent:open']({ path: secret })).rejects.toMatchObject({
      code: 'files.not-chosen',
    });
    await expect(next.handlers['files:open']({ path: secret })).rejects.toMatchObject({
      code: 'files.not-chosen',
    });
  });

  it('keeps a damaged list aside (and says so) instead of writing over it', async () => {
    await writeFile(recentFilesFile(temp.path), '{ not json');
    const told: string[] = [];
    const stop = onSettingsProblem(p => void told.push(p.code));
    try {
      const a = app(temp.path);
      expect((await a.handlers['recent:list'](undefined)).files).toEqual([]);
      const path = join(temp.path, 'a.csv');
      await writeFile(path, 'email\nann@example.com\n');
      await openExport(a, path);
      expect(told).toContain('settings.damaged');
      const saved = JSON.parse(await readFile(recentFilesFile(temp.path), 'utf8')) as {
        files: Array<{ path: string }>;
      };
      expect(saved.files.map(f => f.path)).toEqual([path]);
    } finally {
      stop();
    }
  });
});
