import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourierError } from '../../../src-core/errors';
import { readErrorCodes } from '../../../src-core/reading/read-errors';
import { openSource } from '../../../src-main/reading/open-source';
import { tempHome } from '../../harness/temp-home';

// Zip bombs, ZIP64 and a full temporary disk, through the reading service (open + full read).

const fixtures = join(import.meta.dirname, '../../fixtures/reading');
const MB = 1024 * 1024;
const dir = tempHome('courier-zip-');

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir.path, name);
  await writeFile(path, content);
  return path;
}

/** Opens and reads in full; returns every row's cells. */
async function readAll(path: string): Promise<{ columns: readonly string[]; rows: string[][] }> {
  const source = await openSource(path);
  try {
    const rows: string[][] = [];
    for await (const row of source.rows()) rows.push([...row.cells]);
    return { columns: source.columns, rows };
  } finally {
    await source.dispose?.();
  }
}

/** Opens and reads in full; returns the reading error (and how many rows came before it). */
async function failure(path: string): Promise<CourierError & { rowsRead: number }> {
  let rowsRead = 0;
  try {
    const source = await openSource(path);
    try {
      for await (const _row of source.rows()) rowsRead++;
    } finally {
      await source.dispose?.();
    }
  } catch (error) {
    expect(error).toBeInstanceOf(CourierError);
    expect(readErrorCodes).toContain((error as CourierError).code);
    return Object.assign(error as CourierError, { rowsRead });
  }
  throw new Error(`${path} was read without an error (${rowsRead} rows)`);
}

/** Rewrites the size one entry declares (local header and central directory), as a hostile zip would. */
function lieAboutSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const name = strToU8(entryName);
  const named = (at: number) => name.every((b, i) => out[at + i] === b);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && named(i + 30))
      view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && named(i + 46))
      view.setUint32(i + 24, size, true);
  }
  return out;
}

/** A workbook of one sheet with `rows` rows of inline strings (no shared strings, no styles). */
function workbook(rows: number): Uint8Array {
  const parts: string[] = [
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  parts.push(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Email</t></is></c></row>'
  );
  for (let r = 2; r <= rows + 1; r++) {
    parts.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Person ${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>person${r}@example.com</t></is></c></row>`
    );
  }
  parts.push('</sheetData></worksheet>');
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
      ),
      'xl/workbook.xml': strToU8(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>'
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
      ),
      'xl/worksheets/sheet1.xml': strToU8(parts.join('')),
    },
    { level: 6 }
  );
}

describe('zip bombs are stopped by the bytes actually inflated, on every path', () => {
  it('a workbook whose sheet declares 1 MB but inflates to ~24 MB is refused on the full read, after about 1 MB', async () => {
    const honest = workbook(200_000);
    const path = await file('liar.xlsx', lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 1 * MB));
    const e = await failure(path);
    expect(e.code).toBe('read.zip-bomb');
    expect(e.params?.limitBytes).toBe(1 * MB);
    // Stopped within one inflated chunk of the declared size, not after the 200,000 rows.
    expect(e.params?.inflatedBytes).toBeGreaterThan(1 * MB);
    expect(e.params?.inflatedBytes).toBeLessThan(2 * MB);
    expect(e.rowsRead).toBe(0);
  });

  it('the same workbook, honest about its size, is read in full (the limit is the declared size)', async () => {
    const { columns, rows } = await readAll(await file('honest.xlsx', workbook(20_000)));
    expect(columns).toEqual(['Name', 'Email']);
    expect(rows).toHaveLength(20_000);
    expect(rows[19_999]).toEqual(['Person 20001', 'person20001@example.com']);
  });

  it('a zipped CSV that declares 1,000 bytes is stopped after about that, with nothing extracted past it', async () => {
    const zeros = zipSync({ 'contacts.csv': new Uint8Array(40 * MB) }, { level: 9 });
    const e = await failure(await file('liar.zip', lieAboutSize(zeros, 'contacts.csv', 1000)));
    expect(e.code).toBe('read.zip-bomb');
    expect(e.params?.limitBytes).toBe(1000);
    expect(e.params?.inflatedBytes).toBeLessThan(1 * MB);
  });
});

describe('what is inflated must be what the zip declares', () => {
  it('a zipped CSV whose checksum does not match its bytes is damaged, not read', async () => {
    const zip = zipSync({ 'contacts.csv': strToU8('Name,Email\nAnn,ann@example.com\n') });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i < zip.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 14, view.getUint32(i + 14, true) ^ 1, true);
      if (sig === 0x02014b50) view.setUint32(i + 16, view.getUint32(i + 16, true) ^ 1, true);
    }
    const e = await failure(await file('damaged.zip', zip));
    expect(e.code).toBe('read.zip-corrupt');
    expect(e.message).toContain('checksum');
  });
});

describe('damaged compressed data', () => {
  it('is said as what it means, not in zlib’s words', async () => {
    const zip = zipSync({ 'contacts.csv': strToU8('Name,Email\n'.repeat(200)) }, { level: 6 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const data = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    // The first deflate block made of the reserved type (11): zlib says “invalid block type”.
    zip[data] = 0xff;
    const e = await failure(await file('bad-block.zip', zip));
    expect(e.code).toBe('read.zip-corrupt');
    expect(e.message).toBe(
      'The zip file “bad-block.zip” is damaged and cannot be opened (a file inside is damaged).'
    );
  });
});

describe('ZIP64 archives', () => {
  it('a CSV zipped with `zip -fz` is read', async () => {
    const csv = await file(
      'contacts.csv',
      'Name,Email\nAnn,ann@example.com\nBob,bob@example.com\n'
    );
    const zipped = join(dir.path, 'contacts.zip');
    const made = spawnSync('zip', ['-q', '-j', '-fz', zipped, csv]);
    expect(made.status, String(made.stderr)).toBe(0);
    const { columns, rows } = await readAll(zipped);
    expect(columns).toEqual(['Name', 'Email']);
    expect(rows).toEqual([
      ['Ann', 'ann@example.com'],
      ['Bob', 'bob@example.com'],
    ]);
  });

  it('a workbook rezipped with `zip -fz` reads as the original', async () => {
    const original = join(fixtures, 'contacts.xlsx');
    const parts = join(dir.path, 'parts');
    await mkdir(parts);
    expect(spawnSync('unzip', ['-q', original, '-d', parts]).status).toBe(0);
    const zipped = join(dir.path, 'contacts64.xlsx');
    const made = spawnSync('zip', ['-q', '-r', '-fz', zipped, '.'], { cwd: parts });
    expect(made.status, String(made.stderr)).toBe(0);
    expect((await readFile(zipped)).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(await readAll(zipped)).toEqual(await readAll(original));
  });
});

describe('a full temporary disk is said as such', () => {
  const mount = tempHome('courier-full-');
  let savedTmp: string | undefined;
  beforeEach(async () => {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mount.path]);
    expect(mounted.status, `mounting a small tmpfs needs root: ${String(mounted.stderr)}`).toBe(0);
    savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = mount.path;
  });
  afterEach(async () => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    // A reader that failed may still hold a file there for a moment: detach the mount then.
    if (spawnSync('umount', [mount.path]).status !== 0) spawnSync('umount', ['-l', mount.path]);
  });

  it('a zipped CSV larger than the free temporary space', async () => {
    const rows = ['Name,Email'];
    for (let i = 0; i < 60_000; i++) rows.push(`Person ${i},person${i}@example.com`);
    const zip = zipSync({ 'contacts.csv': strToU8(rows.join('\n')) });
    const e = await failure(await file('contacts.zip', zip));
    expect(e.code).toBe('read.disk-full');
    expect(e.params?.folder).toContain(mount.path);
    expect(e.message).toContain('not enough disk space');
  });

  it('a workbook whose rows do not fit in the temporary folder', async () => {
    const e = await failure(await file('big.xlsx', workbook(60_000)));
    expect(e.code).toBe('read.disk-full');
    expect(e.params?.folder).toContain(mount.path);
  });
});
