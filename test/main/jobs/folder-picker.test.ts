import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { appendFile, copyFile, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFolderPicker, globToRegExp } from '../../../src-main/jobs/folder-picker';
import { tempHome } from '../../harness/temp-home';

const root = tempHome('courier-picker-');
let home: string;
let inbox: string;
beforeEach(async () => {
  home = join(root.path, 'home');
  inbox = join(root.path, 'inbox');
  await mkdir(home);
  await mkdir(inbox);
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const csv = (n: number) =>
  `email,name\n${Array.from({ length: n }, (_, i) => `p${i}@example.org,P${i}`).join('\n')}\n`;

/** An export written slowly: a chunk every 30 ms for about 600 ms. Resolves when the writer has finished. */
async function writeSlowly(path: string, chunks: number): Promise<string> {
  let written = '';
  for (let i = 0; i < chunks; i++) {
    const chunk = `row-${i},${'x'.repeat(200)}\n`;
    await appendFile(path, chunk);
    written += chunk;
    await new Promise(resolve => setTimeout(resolve, 30));
  }
  return written;
}

/** Backdates a finished file so it counts as settled at once (other tests than the slow-writer one). */
async function settled(path: string, content: string, secondsAgo = 60): Promise<void> {
  await writeFile(path, content);
  const t = new Date(Date.now() - secondsAgo * 1000);
  await utimes(path, t, t);
}

describe('watched folder picker', () => {
  it('leaves a file alone while it is being written and picks it once it is stable, only once', async () => {
    const picker = createFolderPicker(home, { settleMs: 150 });
    const source = { folder: inbox, pattern: 'export-*.csv', pick: 'newest' as const };
    const path = join(inbox, 'export-1.csv');
    let done = false;
    const writer = writeSlowly(path, 20).then(content => {
      done = true;
      return content;
    });
    let looks = 0;
    while (!done) {
      const picked = await picker.pick(source, 'job-a');
      // A look that started while the writer was still writing must not offer the file.
      if (!done) expect(picked).toEqual([]);
      looks++;
    }
    expect(looks).toBeGreaterThanOrEqual(2);
    const content = await writer;
    const picked = await picker.pick(source, 'job-a');
    expect(picked).toHaveLength(1);
    expect(picked[0]).toMatchObject({
      path,
      name: 'export-1.csv',
      size: Buffer.byteLength(content),
      sha256: sha(content),
    });
    await picker.markPicked(picked[0]!, 'job-a');
    expect(await picker.pick(source, 'job-a')).toEqual([]);
    // Another job watching the same folder has its own ledger.
    expect(await picker.pick(source, 'job-b')).toHaveLength(1);
    expect(
      (await readFile(join(home, 'picked.jsonl'), 'utf8')).split('\n').filter(Boolean)
    ).toHaveLength(1);
  });

  it('each-new takes every new matching file, oldest first, and never a copy of one already sent', async () => {
    const picker = createFolderPicker(home, { settleMs: 50 });
    const source = { folder: inbox, pattern: '*.{csv,txt}', pick: 'each-new' as const };
    await settled(join(inbox, 'b.csv'), csv(2), 100);
    await settled(join(inbox, 'a.CSV'), csv(3), 200);
    await settled(join(inbox, 'notes.md'), 'not an export', 50);
    await settled(join(inbox, 'empty.csv'), '', 50);
    const first = await picker.pick(source, 'j');
    expect(first.map(f => f.name)).toEqual(['a.CSV', 'b.csv']);
    for (const f of first) await picker.markPicked(f, 'j');
    expect(await picker.pick(source, 'j')).toEqual([]);

    // The same content under a new name is not sent again; new content is.
    await copyFile(join(inbox, 'a.CSV'), join(inbox, 'a-copy.csv'));
    await utimes(
      join(inbox, 'a-copy.csv'),
      new Date(Date.now() - 30_000),
      new Date(Date.now() - 30_000)
    );
    await settled(join(inbox, 'c.txt'), csv(4), 20);
    expect((await picker.pick(source, 'j')).map(f => f.name)).toEqual(['c.txt']);
  });

  it('newest waits for the newest file rather than sending an older one', async () => {
    const fresh = join(inbox, 'export-new.csv');
    let writing = true;
    // The exporter is still appending to the newest file while the picker looks twice.
    const picker = createFolderPicker(home, {
      settleMs: 100,
      wait: async ms => {
        if (writing) await appendFile(fresh, 'row,more\n');
        await new Promise(resolve => setTimeout(resolve, ms));
      },
    });
    const source = { folder: inbox, pattern: 'export-*.csv', pick: 'newest' as const };
    await settled(join(inbox, 'export-old.csv'), csv(2), 3600);
    await settled(fresh, csv(3), 5);
    expect(await picker.pick(source, 'j')).toEqual([]);
    writing = false;
    const t = new Date(Date.now() - 10_000);
    await utimes(fresh, t, t);
    expect((await picker.pick(source, 'j')).map(f => f.name)).toEqual(['export-new.csv']);
  });

  it('says so plainly when the folder is missing, and survives a torn ledger line', async () => {
    const picker = createFolderPicker(home, { settleMs: 10 });
    await expect(
      picker.pick({ folder: join(root.path, 'gone'), pattern: '*', pick: 'newest' }, 'j')
    ).rejects.toMatchObject({ code: 'jobs.folder-missing' });
    await settled(join(inbox, 'x.csv'), csv(1));
    const [file] = await picker.pick({ folder: inbox, pattern: '*', pick: 'newest' }, 'j');
    await writeFile(join(home, 'picked.jsonl'), '{"path":"/tmp/half');
    await picker.markPicked(file!, 'j');
    expect(await picker.pick({ folder: inbox, pattern: '*', pick: 'newest' }, 'j')).toEqual([]);
  });

  it('matches file-name patterns', () => {
    expect(globToRegExp('export-*.csv').test('Export-2026-11-22.CSV')).toBe(true);
    expect(globToRegExp('export-*.csv').test('export.csv')).toBe(false);
    expect(globToRegExp('data?.{csv,xlsx}').test('data1.xlsx')).toBe(true);
    expect(globToRegExp('[!a]*.txt').test('a1.txt')).toBe(false);
    expect(globToRegExp('[!a]*.txt').test('b1.txt')).toBe(true);
    expect(globToRegExp('a+b (1).csv').test('a+b (1).csv')).toBe(true);
  });
});
