import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDestination, type Destination } from '../../../src-core/destinations/destination';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { prepareFile, writePreparedFiles } from '../../../src-main/preparation/prepare-file';
import { openSource } from '../../../src-main/reading/open-source';
import { excelDateFormat } from '../../../src-core/output/workbook-cells';
import { tempHome } from '../../harness/temp-home';

// Issue 16, CustomerGauge: XLS and XLSX output. One sheet, the header row, text cells where the
// column is not a number or a date (leading zeros, long ids and phone numbers survive Excel),
// real dates, and the row limit splitting the rows into several workbooks like CSV parts. The
// written workbooks are read back with Courier's own readers and compared with golden files.

const GOLDEN = join(import.meta.dirname, '../../fixtures/golden-workbooks');
const NOW = new Date(2026, 10, 22, 8, 5, 9);

function contacts(format: 'xls' | 'xlsx'): Destination {
  return parseDestination({
    ...destinationFromPreset('customergauge', `CustomerGauge ${format}`),
    columns: [
      { name: 'Email', rule: 'email', required: true },
      { name: 'Mobile', rule: 'phone' },
      { name: 'Customer ID', rule: 'reference' },
      { name: 'Postcode' },
      { name: 'Score', rule: 'number' },
      { name: 'Visit date', rule: 'date', dateFormat: 'DD/MM/YYYY' },
      { name: 'Note' },
    ],
    duplicateKey: [],
    output: { format },
    limits: { maxRows: 2, maxBytes: null },
    fileName: 'contacts_{date:YYYYMMDD}_{counter}.csv',
  });
}

const SOURCE = [
  'Email,Mobile,Customer ID,Postcode,Score,Visit date,Note',
  'anne@example.be,0470 12 34 56,00012345678901234567,0800,"3,5",20/11/2026,=1+1',
  'bart@example.be,+32 471 00 00 01,000042,1000,7,01/03/2026,"Line ""quoted"", with comma"',
  'chloe@example.be,,123456789012345678,08000,-2.25,29/02/2028,Zoë & Co <b>',
  'dirk@example.be,0470000002,7,,,,',
  'eva@example.be,0470000003,0,0010,1.234,31/12/1999,',
].join('\n');

/** Every sheet row as Courier's reader gives it back, per workbook. */
async function readBack(paths: readonly string[]) {
  const books = [];
  for (const path of paths) {
    const source = await openSource(path);
    try {
      const rows: string[][] = [];
      for await (const row of source.rows()) rows.push([...row.cells]);
      books.push({ name: basename(path), columns: [...source.columns], rows });
    } finally {
      await source.dispose?.();
    }
  }
  return books;
}

async function golden(name: string, actual: unknown) {
  const file = join(GOLDEN, `${name}.json`);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    await mkdir(GOLDEN, { recursive: true });
    await writeFile(file, text);
  }
  expect(text).toBe(await readFile(file, 'utf8'));
}

describe('workbook output', () => {
  const dir = tempHome('courier-workbooks-', { shared: true });
  let source: string;
  beforeAll(async () => {
    source = join(dir.path, 'contacts.csv');
    await writeFile(source, SOURCE);
  });

  for (const format of ['xlsx', 'xls'] as const) {
    it(`${format}: one sheet per part, header, text cells, numbers and real dates; read back as golden`, async () => {
      const d = contacts(format);
      const result = await prepareFile(source, d, { now: NOW });
      expect(result.issues.filter(i => i.severity === 'error')).toEqual([]);
      expect(result.files.map(f => [f.name, f.rows])).toEqual([
        [`contacts_20261122_1.${format}`, 2],
        [`contacts_20261122_2.${format}`, 2],
        [`contacts_20261122_3.${format}`, 1],
      ]);
      const out = join(dir.path, format);
      const paths = await writePreparedFiles(result, out);
      const books = await readBack(paths);
      for (const book of books) expect(book.columns).toEqual(d.columns.map(c => c.name));
      // The same cells whatever the workbook kind: one golden file for both.
      await golden(
        'customergauge-contacts',
        books.map(b => ({ ...b, name: b.name.replace(/\.xlsx?$/, '.<xls|xlsx>') }))
      );
      expect(books[0]!.rows[0]).toEqual([
        'anne@example.be',
        '+32470123456',
        '00012345678901234567',
        '0800',
        '3.5',
        '2026-11-20',
        '=1+1',
      ]);
      // The review shows the first rows as text, not workbook bytes.
      expect(result.files[0]!.firstLines?.[0]).toBe(d.columns.map(c => c.name).join(' | '));
    });
  }

  it('xlsx: text cells carry the Text format, numbers are numbers, dates are dates in the destination’s format', async () => {
    const d = contacts('xlsx');
    const result = await prepareFile(source, d, { now: NOW });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(result.files[0]!.bytes) as unknown as ArrayBuffer);
    expect(book.worksheets).toHaveLength(1);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const row = sheet.getRow(2);
    expect(row.getCell(3).value).toBe('00012345678901234567');
    expect(row.getCell(3).numFmt).toBe('@');
    expect(row.getCell(2).value).toBe('+32470123456');
    expect(row.getCell(4).numFmt).toBe('@');
    expect(row.getCell(5).value).toBe(3.5);
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2026, 10, 20)));
    expect(row.getCell(6).numFmt).toBe('dd/mm/yyyy');
    // A text cell is never a formula in a workbook: written as it is, not neutralised.
    expect(row.getCell(7).value).toBe('=1+1');
    expect(book.creator).toBe('Courier');
  });

  it('xls: a BIFF8 workbook whose cells are typed the same way', async () => {
    const d = contacts('xls');
    const result = await prepareFile(source, d, { now: NOW });
    const bytes = result.files[1]!.bytes;
    // The BIFF8 compound file signature: an Excel 97–2003 file, not an xlsx renamed.
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const book = XLSX.read(bytes, { type: 'array', cellNF: true });
    expect(book.SheetNames).toEqual(['Sheet1']);
    const sheet = book.Sheets.Sheet1!;
    expect(sheet.C2).toMatchObject({ t: 's', v: '123456789012345678', z: '@' });
    expect(sheet.D2).toMatchObject({ t: 's', v: '08000' });
    expect(sheet.E2).toMatchObject({ t: 'n', v: -2.25 });
    expect(sheet.F2).toMatchObject({ t: 'n', z: 'dd/mm/yyyy' });
    expect(XLSX.SSF.format('yyyy-mm-dd', sheet.F2!.v as number)).toBe('2028-02-29');
  });

  it('the byte limit is checked on the written workbook, in plain words', async () => {
    const d = parseDestination({ ...contacts('xlsx'), limits: { maxRows: 2, maxBytes: 1000 } });
    await expect(prepareFile(source, d, { now: NOW })).rejects.toMatchObject({
      code: 'output.file-too-large',
      message: expect.stringContaining('Lower the rows per file'),
    });
  });

  it('Excel number formats from destination date formats', () => {
    expect(excelDateFormat('DD/MM/YYYY')).toBe('dd/mm/yyyy');
    expect(excelDateFormat('YYYY-MM-DDTHH:mm:ss')).toBe('yyyy-mm-dd"T"hh:mm:ss');
    expect(excelDateFormat('D.M.YY HH:mm')).toBe('d.m.yy hh:mm');
  });
});
