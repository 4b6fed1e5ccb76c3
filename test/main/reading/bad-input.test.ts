import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CourierError } from '../../../src-core/errors';
import { readErrorCodes } from '../../../src-core/reading/read-errors';
import { openSource } from '../../../src-main/reading/open-source';
import { indexSource } from '../../../src-main/reading/source-index';
import { runWorkbookJob } from '../../../src-main/reading/workbook-source';
import { tempHome } from '../../harness/temp-home';

const fixtures = join(import.meta.dirname, '../../fixtures/reading');
const repo = join(import.meta.dirname, '../../..');
const dir = tempHome('courier-bad-');

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir.path, name);
  await writeFile(path, content);
  return path;
}

/** Opens (and reads in full) and returns the error, which must be a plain reading error. */
async function failure(path: string, options: Parameters<typeof openSource>[1] = {}): Promise<CourierError> {
  try {
    const source = await openSource(path, options);
    try {
      for await (const _row of source.rows()) {
        // read everything: some problems only show further down the file
      }
    } finally {
      await source.dispose?.();
    }
  } catch (error) {
    expect(error).toBeInstanceOf(CourierError);
    const e = error as CourierError;
    expect(readErrorCodes).toContain(e.code);
    expect(e.message.length).toBeGreaterThan(20);
    return e;
  }
  throw new Error(`${path} was read without an error`);
}

/** Rewrites the sizes a zip declares for its (single) entry, as a hostile zip would. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i < out.length - 4; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('damaged text is read and said, never replaced or refused whole (issue 13)', () => {
  async function rowsOf(path: string) {
    const source = await openSource(path);
    const rows: Array<{ index: number; line: number; cells: readonly string[] }> = [];
    try {
      for await (const row of source.rows()) rows.push(row);
    } finally {
      await source.dispose?.();
    }
    return { source, rows };
  }

  it('a NUL and other control characters in a 2,000-row export: read, kept in their cells', async () => {
    const lines = ['Email;Name'];
    for (let i = 0; i < 2000; i++) lines.push(`p${i}@example.com;${i === 700 ? 'Ja\x00n' : i === 1200 ? 'Piet\x1b[0m' : 'Jan'}`);
    const { source, rows } = await rowsOf(await file('export.csv', `${lines.join('\r\n')}\r\n`));
    expect(source.format).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    expect(rows).toHaveLength(2000);
    expect(rows[700]).toEqual({ index: 700, line: 702, cells: ['p700@example.com', 'Ja\x00n'] });
    expect(rows[1200]!.cells[1]).toBe('Piet\x1b[0m');
  });

  it('bytes that are not UTF-8 three megabytes in are kept as themselves, and row windows stay exact after them', async () => {
    const lines = ['Email,Name'];
    for (let i = 0; lines.length < 60_000; i++) lines.push(`person${i}@example.com,Zoé Lefèvre ${i}`);
    const head = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    const tail = Buffer.from(Array.from({ length: 3000 }, (_, i) => `late${i}@example.com,Zoë Dupré ${i}\n`).join(''), 'latin1');
    expect(head.length).toBeGreaterThan(1 << 20);
    const path = await file('appended.csv', Buffer.concat([head, tail]));
    const { source, rows } = await rowsOf(path);
    expect(source.format.encoding).toBe('utf-8');
    expect(rows).toHaveLength(59_999 + 3000);
    const late = rows[59_999]!;
    expect(late.cells).toEqual(['late0@example.com', 'Zo\uDCEB Dupr\uDCE9 0']);
    expect(rows.some(r => r.cells.some(c => c.includes('\uFFFD')))).toBe(false);
    // Resume points after the invalid bytes land on the right rows (one byte each, not three).
    const index = indexSource(source, { checkpointEvery: 500 });
    expect(await index.finished).toBe(rows.length);
    for (const start of [59_990, 60_500, 61_999, 62_990]) expect(await index.getRows(start, start + 5)).toEqual(rows.slice(start, start + 5));
    await index.close();
  }, 60_000);

  it('a quote that is never closed: the line is said, whatever the size of the file', async () => {
    const small = await failure(await file('quote.csv', '"Email,Name\nzoe@example.com,Zoé\n'));
    expect(small.code).toBe('read.unclosed-quote');
    expect(small.message).toBe('In “quote.csv”, a quote (") in the row on line 1 is never closed, so everything after it would be read as one value. Close or remove that quote, or export the file again.');
    expect(small.params).toMatchObject({ file: 'quote.csv', line: 1 });
    // Far into a file: found by the full read, after the preview's rows were shown.
    const rows = Array.from({ length: 500 }, (_, i) => `p${i}@example.com,Name ${i}`);
    rows.splice(300, 0, 'broken@example.com,"Never closed');
    const far = await failure(await file('far.csv', `Email,Name\n${rows.join('\n')}\n`));
    expect(far.code).toBe('read.unclosed-quote');
    expect(far.params).toMatchObject({ line: 302 });
  });
});

describe('bad input gets a clear error and nothing else', () => {
  it('an empty file', async () => {
    const e = await failure(await file('empty.csv', ''));
    expect(e.code).toBe('read.empty-file');
    expect(e.message).toContain('empty.csv');
  });

  it('a file of blank lines', async () => {
    expect((await failure(await file('blank.csv', '\r\n  \n\t\n'))).code).toBe('read.no-data');
  });

  it('an image renamed .csv', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const e = await failure(await file('photo.csv', png));
    expect(e.code).toBe('read.not-text');
    expect(e.message).toContain('PNG image');
  });

  it('binary noise with no known signature', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect((await failure(await file('noise.csv', noise))).code).toBe('read.not-text');
  });

  it('a password-protected workbook', async () => {
    const e = await failure(join(fixtures, 'encrypted.xlsx'));
    expect(e.code).toBe('read.workbook-encrypted');
    expect(e.message).toContain('password');
  });

  it('a workbook cut short', async () => {
    const whole = await readFile(join(fixtures, 'contacts.xlsx'));
    expect((await failure(await file('cut.xlsx', whole.subarray(0, 3000)))).code).toBe('read.workbook-corrupt');
  });

  it('a workbook whose sheet is not XML', async () => {
    const zip = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><<<<garbage'),
    });
    expect((await failure(await file('garbage.xlsx', zip))).code).toBe('read.workbook-corrupt');
  });

  it('a legacy workbook that is damaged', async () => {
    const ole = new Uint8Array(8192).map((_, i) => (i * 31) % 251);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    expect((await failure(await file('broken.xls', ole))).code).toBe('read.workbook-corrupt');
  });

  it('a legacy workbook cut short is said without the reading library’s JavaScript errors', async () => {
    // Cut where SheetJS, walking the damaged structure, threw “Cannot set properties of undefined
    // (setting 'name')” and “The first argument must be of type string…” (found by mutating the
    // fixtures): those words say nothing about the file to the person reading the sentence.
    for (const [fixture, cut] of [
      ['contacts.xls', 1997],
      ['excel5-biff5.xls', 2963],
    ] as const) {
      const whole = await readFile(join(fixtures, fixture));
      const e = await failure(await file(`cut-${fixture}`, whole.subarray(0, cut)));
      expect(e.code).toBe('read.workbook-corrupt');
      expect(e.message).toBe(
        `“cut-${fixture}” looks like an Excel workbook but it is damaged and cannot be read. Open it in Excel and save it again, or export it as CSV.`
      );
    }
  });

  it('a legacy workbook’s damage is said in words, not in the reading library’s', async () => {
    const whole = await readFile(join(fixtures, 'contacts.xls'));
    // SheetJS: "CFB file size … < …" (cut inside the header) and "Cannot find Workbook stream".
    for (const [cut, words] of [
      [100, 'its contents are cut short or damaged'],
      [1595, 'it holds no workbook'],
    ] as const) {
      const e = await failure(await file(`cut-${cut}.xls`, whole.subarray(0, cut)));
      expect(e.message).toBe(
        `“cut-${cut}.xls” looks like an Excel workbook but it is damaged and cannot be read (${words}). Open it in Excel and save it again, or export it as CSV.`
      );
    }
  });

  it('a zip with several files, an empty zip, a zip of something else', async () => {
    const several = await failure(join(fixtures, 'several.zip'));
    expect(several.code).toBe('read.zip-several-files');
    expect(several.message).toContain('one.csv, two.csv');
    expect((await failure(join(fixtures, 'empty.zip'))).code).toBe('read.zip-empty');
    expect((await failure(join(fixtures, 'image-in-zip.zip'))).code).toBe('read.zip-unsupported');
  });

  it('a zip bomb, whether it declares its size or lies about it', async () => {
    const zeros = zipSync({ 'contacts.csv': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect((await failure(await file('bomb.zip', zeros))).code).toBe('read.zip-bomb');
    expect((await failure(await file('liar.zip', lieAboutSize(zeros, 1000)))).code).toBe('read.zip-bomb');
  });

  it('a line of 100 MB', async () => {
    const path = await file('long.csv', 'x'.repeat(100 * 1024 * 1024));
    expect((await failure(path)).code).toBe('read.line-too-long');
  });

  it('a line of 100 MB further down, or a quote never closed, stops the full read', async () => {
    const path = await file('long-later.csv', `name,note\nAnn,ok\nBob,"${'y'.repeat(10 * 1024 * 1024)}\nEve,ok\n`);
    const source = await openSource(path);
    expect(source.preview.map(r => r.cells)).toEqual([['Ann', 'ok']]);
    const index = indexSource(source, { inProcess: true });
    await expect(index.finished).rejects.toMatchObject({ code: 'read.line-too-long' });
    const e = await failure(path);
    expect(e.message).toContain('line 3');
  });

  it('10,000 columns', async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
    const e = await failure(await file('wide.csv', `${header}\n${header}\n`));
    expect(e.code).toBe('read.too-many-columns');
    expect(e.message).toContain('10,000');
  });

  it('a file Courier may not read', async () => {
    const path = await file('locked.csv', 'a,b\n1,2\n');
    await chmod(path, 0o000);
    if (process.getuid?.() !== 0) {
      expect((await failure(path)).code).toBe('read.permission-denied');
      return;
    }
    // As root every file is readable: ask an unprivileged user to open it instead.
    await chmod(dir.path, 0o755);
    const script = `import { openSource } from ${JSON.stringify(join(repo, 'src-main/reading/open-source.ts'))};
      try { await openSource(${JSON.stringify(path)}); console.log('opened'); } catch (e) { console.log(e.code); }`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      uid: 65534,
      gid: 65534,
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 30_000,
    });
    expect(child.stdout.trim()).toBe('read.permission-denied');
  });

  it('a folder, a missing file', async () => {
    await mkdir(join(dir.path, 'folder.csv'));
    expect((await failure(join(dir.path, 'folder.csv'))).code).toBe('read.not-a-file');
    expect((await failure(join(dir.path, 'missing.csv'))).code).toBe('read.not-found');
  });

  it('a sheet or a header row that does not exist', async () => {
    const e = await failure(join(fixtures, 'contacts.xlsx'), { sheet: 'Nope' });
    expect(e.code).toBe('read.sheet-not-found');
    expect(e.message).toContain('Nope');
    const copy = join(dir.path, 'contacts.csv');
    await copyFile(join(fixtures, 'title-lines.csv'), copy);
    expect((await failure(copy, { headerRow: 99 })).code).toBe('read.header-row-out-of-range');
  });

  it('a workbook parse that overruns its time is stopped', async () => {
    const job = {
      job: 'read-workbook',
      path: join(fixtures, 'contacts.xls'),
      fileName: 'contacts.xls',
      format: 'xls',
      entries: [],
      sheets: [],
      previewRecords: 10,
      out: join(dir.path, 'records.jsonl'),
      checkpointEvery: 100,
    } as const;
    await expect(runWorkbookJob(job, 'contacts.xls', { timeoutMs: 1 })).rejects.toMatchObject({ code: 'read.too-slow' });
    await expect(openSource(join(fixtures, 'contacts.xlsx'), { workbookTimeoutMs: 1 })).rejects.toMatchObject({ code: 'read.too-slow' });
  });
});
