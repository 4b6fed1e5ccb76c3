import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource, type OpenedSource } from '../../../src-main/reading/open-source';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/reading', name);

async function read(source: OpenedSource): Promise<{ line: number; cells: readonly string[] }[]> {
  const out: { line: number; cells: readonly string[] }[] = [];
  for await (const row of source.rows()) out.push({ line: row.line, cells: row.cells });
  await source.dispose?.();
  return out;
}

const french = [
  ['Lefèvre', 'Zoë', '1,5'],
  ['Müller', 'Jürgen', '€ 2,25'],
];

describe('text exports as real files', () => {
  it.each([
    ['utf8-bom.csv', 'csv', 'utf-8-bom', ';'],
    ['utf16le-bom.txt', 'tsv', 'utf-16le', '\t'],
    ['utf16be-bom.txt', 'tsv', 'utf-16be', '\t'],
  ])('%s: encoding and delimiter', async (name, format, encoding, delimiter) => {
    const source = await openSource(fixture(name));
    expect(source.format).toEqual({ format, encoding, delimiter, sheet: null, sheets: [], headerRow: 1 });
    expect(source.columns).toEqual(['Nom', 'Prénom', 'Montant']);
    expect((await read(source)).map(r => r.cells)).toEqual(french);
  });

  it('decodes Windows-1252 with the characters 0x80–0x9F intact (€, ’, “ ”)', async () => {
    const source = await openSource(fixture('windows-1252.csv'));
    expect(source.format.encoding).toBe('windows-1252');
    expect((await read(source)).map(r => r.cells)).toEqual([...french, ['O’Brien', '“Dan”', '3']]);
  });

  it('reads CR-only line endings, and pipes', async () => {
    const source = await openSource(fixture('cr-only.csv'));
    expect(source.format.delimiter).toBe('|');
    expect(await read(source)).toEqual([
      { line: 2, cells: ['Ann', 'Gent'] },
      { line: 3, cells: ['Bob', 'Liège'] },
    ]);
  });

  it('keeps LF line breaks inside cells of a CRLF file, and counts lines as an editor does', async () => {
    const source = await openSource(fixture('mixed-crlf-lf-in-cells.csv'));
    expect(await read(source)).toEqual([
      { line: 2, cells: ['1', 'line one\nline two', 'Gent'] },
      { line: 4, cells: ['2', 'plain', 'Liège\nBelgium'] },
      { line: 6, cells: ['3', 'last', 'Brugge'] },
    ]);
  });

  it('honours the sep= line and reads decimal commas as text', async () => {
    const source = await openSource(fixture('sep-line.csv'));
    expect(source.format).toMatchObject({ delimiter: ';', headerRow: 2 });
    expect((await read(source)).map(r => r.cells)).toEqual([
      ['Ann', '1,5'],
      ['Bob', '2,75'],
    ]);
  });

  it('finds the header under title lines; blank and repeated names get readable names; trailing blank lines go', async () => {
    const source = await openSource(fixture('title-lines.csv'));
    expect(source.format.headerRow).toBe(4);
    expect(source.columns).toEqual(['Email', 'Name', 'Column 3', 'Email (2)']);
    expect(await read(source)).toEqual([
      { line: 5, cells: ['ann@x.be', 'Ann', '', 'a2@x.be'] },
      { line: 6, cells: ['bob@x.be', 'Bob', '', ''] },
    ]);
  });

  it('lets the user choose another header row', async () => {
    const source = await openSource(fixture('title-lines.csv'), { headerRow: 5 });
    expect(source.format.headerRow).toBe(5);
    expect(source.columns).toEqual(['ann@x.be', 'Ann', 'Column 3', 'a2@x.be']);
    expect((await read(source)).map(r => r.cells)).toEqual([['bob@x.be', 'Bob', '', '']]);
  });

  it('keeps a stray quote inside an unquoted field as text', async () => {
    const source = await openSource(fixture('stray-quote.csv'));
    expect((await read(source)).map(r => r.cells)).toEqual([
      ['Ann', '5"10'],
      ['Bob 12" screen', '1'],
    ]);
  });

  it('never alters leading zeros, phone numbers or long ids', async () => {
    const source = await openSource(fixture('leading-zeros.csv'));
    expect((await read(source)).map(r => r.cells)).toEqual([['01234', '0612345678', '00012345678901234567']]);
  });

  it('reads a zip holding one CSV as that CSV (ignoring macOS clutter)', async () => {
    const source = await openSource(fixture('one-csv.zip'));
    try {
      expect(source.path).toBe(fixture('one-csv.zip'));
      expect(source.format).toMatchObject({ format: 'csv', delimiter: ',' });
      expect((await read(source)).map(r => r.cells)).toEqual([
        ['1', '2'],
        ['3', '4'],
      ]);
    } finally {
      await source.dispose?.();
    }
  });
});

const contactsRows = [
  ['zoe@example.com', 'Zoë', '01234', '1,234.50', '2026-11-20', '2026-11-20T14:05:00', '1234567890123', '0612345678', 'z2@example.com', '', 'TRUE', '25.6%', 'Very important'],
  ['jan@example.be', 'Jan', '09000', '-5.00', '2001-01-02', '2001-01-02T08:00:30', '42', '+32 475 12 34 56', '', '', 'FALSE', '100.0%', 'jan@example.be!'],
  ['', 'No email', '75001', '0.10', '', '', '', '', '', '', '', '', 'site'],
];

describe('workbooks as real files', () => {
  it('XLSX: skips the empty first sheet, finds the header under a title, shows cells as Excel does', async () => {
    const source = await openSource(fixture('contacts.xlsx'));
    expect(source.format).toEqual({ format: 'xlsx', encoding: null, delimiter: null, sheet: 'Contacts', sheets: ['Cover', 'Contacts', 'Other sheet'], headerRow: 3 });
    expect(source.columns).toEqual(['Email', 'First name', 'Zip', 'Amount', 'Signed up', 'Last call', 'Customer id', 'Phone', 'Email (2)', 'Column 10', 'Active', 'Share', 'Note']);
    expect(source.preview.map(r => r.cells)).toEqual(contactsRows);
    expect(source.preview.map(r => r.line)).toEqual([4, 5, 6]);
    const batched = [];
    for await (const batch of source.batches()) batched.push(...batch);
    expect(batched).toEqual(source.preview);
    expect((await read(source)).map(r => r.cells)).toEqual(contactsRows);
  });

  it('XLSX: reads the sheet the user chooses', async () => {
    const source = await openSource(fixture('contacts.xlsx'), { sheet: 'Other sheet' });
    expect(source.format).toMatchObject({ sheet: 'Other sheet', headerRow: 1 });
    expect(source.columns).toEqual(['Code', 'Label']);
    expect((await read(source)).map(r => r.cells)).toEqual([['A', 'Alpha']]);
  });

  it('XLS (legacy, SheetJS): formats, dates and long ids', async () => {
    const source = await openSource(fixture('contacts.xls'));
    expect(source.format).toEqual({ format: 'xls', encoding: null, delimiter: null, sheet: 'People', sheets: ['People', 'Second'], headerRow: 1 });
    expect(source.columns).toEqual(['Email', 'Name', 'Zip', 'Amount', 'Born', 'Customer id']);
    expect((await read(source)).map(r => r.cells)).toEqual([
      ['anne@example.fr', 'Anne-Sophie Lefèvre', '01000', '1,234.50', '2026-11-20', '9876543210'],
      ['bob@example.com', 'Bob', '75001', '2.00', '2000-01-03', '1'],
    ]);
  });

  it('reads a zip holding one XLSX as that workbook', async () => {
    const source = await openSource(fixture('zipped-xlsx.zip'));
    try {
      expect(source.format).toMatchObject({ format: 'xlsx', sheet: 'Contacts' });
      expect(source.preview.map(r => r.cells)).toEqual(contactsRows);
    } finally {
      await source.dispose?.();
    }
  });
});
