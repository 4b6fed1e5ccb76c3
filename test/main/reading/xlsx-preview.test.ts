import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../../src-core/reading/detect-header';
import type { WorkbookProgress } from '../../../src-main/reading/workbook-jobs';
import { decodeExceljsWholeCharacters } from '../../../src-main/reading/exceljs-parts';
import {
  readWorkbook,
  type ReadWorkbookJob,
  type ReadWorkbookResult,
  type WorkbookPreview,
} from '../../../src-main/reading/workbook-jobs';
import { listXlsxSheets } from '../../../src-main/reading/workbook-sheets';
import { runWorkbookJob } from '../../../src-main/reading/workbook-source';
import {
  readXlsxPreview,
  SHARED_STRINGS_BUDGET_BYTES,
} from '../../../src-main/reading/xlsx-preview';
import { listZip } from '../../../src-main/reading/zip-file';
import { tempHome } from '../../harness/temp-home';

/**
 * The fast XLSX preview against the full read by exceljs: for every workbook here, the preview's
 * records must be exactly the first records the full read writes. The full read runs in the
 * reading worker, as in the app (a fresh thread, where exceljs decodes whole characters).
 */

const fixtures = join(import.meta.dirname, '../../fixtures/reading');
const dir = tempHome('courier-xlsx-preview-', { shared: true });

async function jobFor(
  path: string,
  previewRecords: number,
  sheet?: string
): Promise<ReadWorkbookJob> {
  const fileName = path.split('/').at(-1)!;
  const entries = await listZip(path, fileName, (await stat(path)).size);
  const sheets = await listXlsxSheets(path, fileName, entries);
  const out = join(dir.path, `${fileName}-${Math.random().toString(36).slice(2)}.jsonl`);
  return {
    job: 'read-workbook',
    path,
    fileName,
    format: 'xlsx',
    entries,
    sheets,
    sheet,
    previewRecords,
    out,
    checkpointEvery: 1000,
  };
}

async function firstRecords(file: string, n: number): Promise<RawRecord[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean).slice(0, n);
  return lines.map(l => {
    const [line, ...cells] = JSON.parse(l) as [number, ...string[]];
    return { line, cells };
  });
}

/** The fast preview (in this thread) and the full read (in the worker) of one workbook. */
async function bothReads(path: string, previewRecords = 300, sheet?: string) {
  const job = await jobFor(path, previewRecords, sheet);
  const wanted = sheet !== undefined ? job.sheets.filter(s => s.name === sheet) : job.sheets;
  const declined: string[] = [];
  const fast = await readXlsxPreview(job, wanted, previewRecords, {
    onDecline: why => declined.push(why),
  });
  let posted: WorkbookPreview | undefined;
  const result = await runWorkbookJob<ReadWorkbookResult>(job, job.fileName, {
    onProgress: p => void (posted ??= p.preview),
  });
  const full = await firstRecords(job.out, previewRecords);
  return { fast, declined, full, result, posted, sheets: job.sheets.map(s => s.name) };
}

/** Asserts the fast preview was made, and equals the full read's first records and sheet. */
async function expectSame(
  path: string,
  previewRecords = 300,
  sheet?: string
): Promise<RawRecord[]> {
  const { fast, declined, full, result, posted, sheets } = await bothReads(
    path,
    previewRecords,
    sheet
  );
  expect(declined).toEqual([]);
  expect(full.length).toBeGreaterThan(0);
  expect(fast).toEqual({ sheet: result.sheet, records: full });
  // What the worker posted (its own fast preview, checked against its full read) is the same.
  expect(posted).toEqual({ sheets, sheet: result.sheet, records: full });
  return full;
}

// ---- workbooks written by exceljs -------------------------------------------------------------

type Book = ExcelJS.Workbook;

async function exceljs() {
  return (await import('exceljs')).default;
}

async function save(name: string, fill: (book: Book) => void, date1904 = false): Promise<string> {
  const ExcelJS = await exceljs();
  const book = new ExcelJS.Workbook();
  if (date1904) book.properties.date1904 = true;
  fill(book);
  const path = join(dir.path, name);
  await writeFile(path, new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

const when = (y: number, m: number, d: number, h = 0, min = 0, s = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min, s));

const dateFormats = [
  'yyyy-mm-dd',
  'dd/mm/yyyy hh:mm',
  'mm-dd-yy',
  'd-mmm-yy',
  'h:mm:ss',
  'h:mm AM/PM',
  '[h]:mm:ss',
  'mmm d, yyyy',
  '[$-409]dddd, mmmm d, yyyy',
  'yyyy\\-mm\\-dd',
  'm/d/yy "h":mm',
  'ss.0',
];
const numberFormats = [
  '0',
  '00000',
  '0.00',
  '#,##0',
  '#,##0.00',
  '0%',
  '0.0%',
  '0.00E+00',
  '"€ "#,##0.00',
  '0.00\\ "kg"',
  '# ?/?',
  '@',
  'General',
  '#,##0,"k"',
  '0;[Red]-0;"zero"',
];

function allKinds(book: Book): void {
  const sheet = book.addWorksheet('Kinds');
  sheet.addRow(['Kind', 'Value', 'Other']);
  const values: [string, unknown, string?][] = [
    ['date', when(2026, 11, 20)],
    ['date and time', when(2026, 11, 20, 14, 5, 30)],
    ['time of day', when(1899, 12, 30, 8, 15)],
    ['old date', when(1900, 2, 28)],
    ['bool true', true],
    ['bool false', false],
    ['error', { error: '#N/A' }],
    ['error div', { error: '#DIV/0!' }],
    ['formula number', { formula: '1+1', result: 2 }],
    ['formula zero', { formula: '1-1', result: 0 }],
    ['formula string', { formula: 'A1&"x"', result: 'Kindx' }],
    ['formula empty string', { formula: 'T(1)', result: '' }],
    ['formula bool', { formula: 'TRUE()', result: true }],
    ['formula error', { formula: 'NA()', result: { error: '#N/A' } }],
    ['formula date', { formula: 'TODAY()', result: when(2026, 1, 2) }],
    ['formula no result', { formula: 'RAND()' }],
    [
      'rich text',
      {
        richText: [
          { text: 'Very ' },
          { text: 'important', font: { bold: true } },
          { text: ' & <sure>' },
        ],
      },
    ],
    ['hyperlink', { text: 'site', hyperlink: 'https://example.com' }],
    ['entities', `<tag a="1"> & 'quotes' &amp; &lt;`],
    ['line breaks', 'one\ntwo\r\nthree\rfour'],
    ['spaces', '  leading and trailing  '],
    ['unicode', 'Zoë Lefèvre – Ærø 漢字 😀 ﬁ'],
    ['escape-like', 'a _x000D_ b _x0041_'],
    ['long', 'x'.repeat(32_000)],
    ['long id', 1234567890123456],
    ['negative', -1234.5678],
    ['tiny', 0.000001234],
    ['big', 1.5e21],
    ['leading zero text', '007'],
    ['empty string', ''],
  ];
  for (const [kind, value] of values) sheet.addRow([kind, value, kind.length % 2 ? null : 'x']);
  // Number formats, each on a date, a number and a negative number.
  for (const numFmt of [...dateFormats, ...numberFormats]) {
    const row = sheet.addRow([`format ${numFmt}`, 46346.59375, -2.5]);
    row.getCell(2).numFmt = numFmt;
    row.getCell(3).numFmt = numFmt;
    const dateRow = sheet.addRow([`date ${numFmt}`, when(2026, 11, 20, 18, 30), when(2001, 1, 2)]);
    dateRow.getCell(2).numFmt = numFmt;
    dateRow.getCell(3).numFmt = numFmt;
  }
  // Blanks and gaps: empty rows, a row with only a styled empty cell, cells far to the right.
  sheet.addRow([]);
  sheet.getRow(sheet.rowCount + 3).getCell(5).value = 'after a gap';
  const styled = sheet.getRow(sheet.rowCount + 1);
  styled.getCell(8).numFmt = '0.00';
  styled.getCell(2).value = 'styled cell after';
  const wide = sheet.getRow(sheet.rowCount + 1);
  wide.getCell(1).value = 'wide';
  wide.getCell(40).value = 'AN';
  wide.getCell(703).value = 'AAA';
}

describe('fast XLSX preview = the full read', () => {
  it('every XLSX fixture', async () => {
    const names = (await readdir(fixtures)).filter(f => f.endsWith('.xlsx'));
    const zipped = unzipSync(new Uint8Array(await readFile(join(fixtures, 'zipped-xlsx.zip'))));
    for (const [name, data] of Object.entries(zipped)) {
      if (!name.endsWith('.xlsx')) continue;
      await writeFile(join(dir.path, `from-zip-${name.split('/').at(-1)}`), data);
    }
    let compared = 0;
    for (const path of [
      ...names.map(n => join(fixtures, n)),
      join(
        dir.path,
        `from-zip-${Object.keys(zipped)
          .find(n => n.endsWith('.xlsx'))!
          .split('/')
          .at(-1)}`
      ),
    ]) {
      const head = (await readFile(path)).subarray(0, 2).toString('latin1');
      if (head !== 'PK') continue; // encrypted.xlsx is an OLE file: the zip reader refuses it first
      await expectSame(path);
      await expectSame(path, 2);
      const { sheets } = await jobFor(path, 1);
      if (sheets.some(s => s.name === 'Other sheet')) await expectSame(path, 300, 'Other sheet');
      compared++;
    }
    // contacts.xlsx (also zipped), odd-part-paths.xlsx, no-cell-refs.xlsx.
    expect(compared).toBe(4);
  });

  it('dates in many formats, times, booleans, errors, formulas, rich text, entities, long strings, gaps', async () => {
    const path = await save('kinds.xlsx', allKinds);
    const records = await expectSame(path);
    const byKind = new Map(records.map(r => [r.cells[0], r.cells]));
    // Spot checks that the comparison is about real values, not two empty reads.
    expect(byKind.get('date')?.[1]).toBe('2026-11-20');
    expect(byKind.get('bool true')?.[1]).toBe('TRUE');
    expect(byKind.get('error')?.[1]).toBe('#N/A');
    expect(byKind.get('rich text')?.[1]).toBe('Very important & <sure>');
    expect(byKind.get('entities')?.[1]).toBe(`<tag a="1"> & 'quotes' &amp; &lt;`);
    expect(byKind.get('long')?.[1]).toHaveLength(32_000);
    expect(records.at(-1)?.cells).toHaveLength(703);
  });

  it('the 1904 date system', async () => {
    const path = await save(
      '1904.xlsx',
      book => {
        const sheet = book.addWorksheet('Dates');
        sheet.addRow(['When', 'Formula date']);
        sheet.addRow([when(2026, 11, 20), { formula: 'A2', result: when(2026, 11, 20) }]);
        sheet.addRow([when(1904, 1, 1, 12), null]);
        sheet.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm';
      },
      true
    );
    const records = await expectSame(path);
    expect(records[1]!.cells[0]).toBe('2026-11-20');
  });

  it('inline strings and string cells (a workbook streamed without shared strings), 10,000 rows', async () => {
    const ExcelJS = await exceljs();
    const path = join(dir.path, 'inline.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
      useStyles: true,
    });
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(['Email', 'Name', 'Note', 'Amount']).commit();
    for (let i = 0; i < 10_000; i++) {
      const note =
        i % 3 === 0
          ? { richText: [{ text: `rich ${i} ` }, { text: '& <b>', font: { italic: true } }] }
          : `plain &amp; ${i}`;
      const row = sheet.addRow([`u${i}@example.be`, `Zoë ${i}`, note, i / 7]);
      row.getCell(4).numFmt = '#,##0.000';
      row.commit();
    }
    sheet.commit();
    await book.commit();
    const records = await expectSame(path);
    expect(records).toHaveLength(300);
    await expectSame(path, 5000);
  });

  it('10,000 rows with shared strings in first-use order: reads only the start of them', async () => {
    const ExcelJS = await exceljs();
    const path = join(dir.path, 'shared.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: true,
      useStyles: true,
    });
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(['Email', 'City', 'Signed up']).commit();
    for (let i = 0; i < 10_000; i++) {
      const row = sheet.addRow([
        `u${i}@example.be`,
        ['Liège', 'Gent', 'Köln'][i % 3],
        when(2026, 1, 1 + (i % 28)),
      ]);
      row.getCell(3).numFmt = 'dd/mm/yyyy';
      row.commit();
    }
    sheet.commit();
    await book.commit();
    await expectSame(path);
    await expectSame(path, 1);
  });
});

// ---- workbooks written by hand, as Excel and other tools write them ------------------------

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}">
  <numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.00\\ &quot;kg&quot;"/><numFmt numFmtId="166" formatCode="[$-F400]h:mm:ss\\ AM/PM"/></numFmts>
  <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
  <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
  <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
  <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
  <cellXfs count="8">
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
    <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf>
    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  </cellXfs>
  <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
  <dxfs count="1"><dxf><numFmt numFmtId="167" formatCode="0.000"/></dxf></dxfs>
  <tableStyles count="0" defaultTableStyle="TableStyleMedium2"/>
</styleSheet>`;

type Parts = Record<string, string>;

function workbookParts(
  sheet: string,
  sst: string | null,
  options: { date1904?: boolean; workbookRoot?: string } = {}
): Parts {
  const parts: Parts = {
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ''} defaultThemeVersion="124226"/><bookViews><workbookView/></bookViews>
<sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    // As Excel writes them: the sheet before the shared strings and the styles.
    'xl/worksheets/sheet1.xml': sheet,
    'xl/styles.xml': styles,
  };
  if (sst !== null) parts['xl/sharedStrings.xml'] = sst;
  return parts;
}

async function handMade(name: string, parts: Parts): Promise<string> {
  const path = join(dir.path, name);
  const files = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)]));
  await writeFile(path, zipSync(files));
  return path;
}

const sheetXml = (rows: string, root = 'worksheet') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root} xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"><dimension ref="A1:H20"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="2" width="20" style="2" customWidth="1"/></cols><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${root}>`;

const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${MAIN}" count="12" uniqueCount="9">
  <si><t>Email</t></si>
  <si><t xml:space="preserve">  Name with spaces  </t></si>
  <si><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t>Bold</t></r><r><rPr><sz val="11"/></rPr><t xml:space="preserve"> and plain</t></r></si>
  <si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>
  <si><t>line&#10;break &amp; &lt;tag&gt; &quot;q&quot; &apos;a&apos; &#x20AC; &#8364;</t></si>
  <si><t>crlf\r\ninside</t></si>
  <si><t>_x000D_ kept as written</t></si>
  <si><t/></si>
  <si><t>Zoë Lefèvre</t></si>
</sst>`;

const excelLike = sheetXml(`
<row r="1" spans="1:8"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c></row>
<row r="2" spans="1:8"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>7</v></c><c r="E2" t="s"><v>8</v></c><c r="F2" t="s"><v>99</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>a &amp;amp; b &amp;lt;c&amp;gt; &amp;unknown;</t></is></c><c r="B3" t="inlineStr"><is><r><t>first run</t></r><r><rPr><b/></rPr><t>second run</t></r></is></c><c r="C3" t="str"><f>A3&amp;"x"</f><v>s &amp;amp; t</v></c><c r="D3"><f>1-1</f><v>0</v></c><c r="E3"><f t="shared" ref="E3:E4" si="0">1-1</f><v>0</v></c></row>
<row r="4"><c r="E4"><f t="shared" si="0"/><v>0</v></c><c r="F4"><f t="shared" si="0"/><v>7</v></c><c r="G4" t="b"><f>TRUE()</f><v>1</v></c><c r="H4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
<row r="6"><c r="A6" t="b"><v>1</v></c><c r="B6" t="b"><v>0</v></c><c r="C6" t="e"><v>#N/A</v></c><c r="D6" t="n"><v>42</v></c><c r="E6"><v>1.5E+3</v></c><c r="F6"><v>-0.5</v></c><c r="G6" s="6"><v>7</v></c><c r="H6" t="d"><v>2026-11-20</v></c></row>
<row r="7"><c r="A7" s="1"><v>46346</v></c><c r="B7" s="2"><v>46346.5</v></c><c r="C7" s="3"><v>12.345</v></c><c r="D7" s="4"><v>0.5</v></c><c r="E7" s="5"><v>0.75</v></c><c r="F7" s="7"><v>46346.25</v></c><c r="G7" s="99"><v>3</v></c><c r="H7" s="0"><v>46346</v></c></row>
<row r="8" s="1" customFormat="1"><c r="A8"><v>46346</v></c><c r="B8" s="3"><v>46346</v></c><c r="C8" s="0"><v>46346</v></c></row>
<row r="9"/>
<row r="10"><c r="C10" s="3"/><c r="F10" t="s"><v>7</v></c></row>
<row r="11">
  <c r="A11" t="s">
    <v>8</v>
  </c>
  <c r="B11" t="str">
    <v>padded</v>
  </c>
  <c r="C11"><f>SUM(1)</f>
    <v>1</v></c>
</row>
<row r="12"><c r="B12" t="s"><v>8</v></c><c r="B12" t="s"><v>0</v></c></row>`);

describe('fast XLSX preview of hand-written workbooks = the full read', () => {
  it('Excel-like parts: shared strings after the sheet, rich text, phonetic runs, entities, formulas, styles, gaps, whitespace', async () => {
    const records = await expectSame(
      await handMade('excel-like.xlsx', workbookParts(excelLike, sst))
    );
    // Row 10 holds only a styled empty cell and an empty shared string: blank, in both reads.
    expect(records.map(r => r.line)).toEqual([1, 2, 3, 4, 6, 7, 8, 11, 12]);
    expect(records[0]!.cells).toEqual([
      'Email',
      '  Name with spaces  ',
      'Bold and plain',
      '',
      'カンジ',
    ]);
    expect(records[1]!.cells[0]).toBe('line\nbreak & <tag> "q" \'a\' € €');
  });

  it('the 1904 date system, and a workbook without shared strings', async () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>When</t></is></c></row><row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" s="7"><v>45000.5</v></c><c r="C2" s="4"><v>0.25</v></c></row>`;
    const records = await expectSame(
      await handMade('1904.xlsx', workbookParts(sheetXml(rows), null, { date1904: true }))
    );
    // Serial 45,000 counted from 1904-01-01 (it would be 2023-03-15 from 1900).
    expect(records[1]!.cells[0]).toBe('2027-03-16');
  });

  it('an empty first sheet is skipped, as the full read does', async () => {
    const parts = workbookParts(
      sheetXml('<row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c></row>'),
      null
    );
    parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace(
      '<sheets>',
      '<sheets><sheet name="Blank" sheetId="2" r:id="rId3"/>'
    );
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!.replace(
      '</Relationships>',
      `<Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`
    );
    parts['xl/worksheets/sheet2.xml'] = sheetXml(
      '<row r="1"><c r="A1" s="3"/></row><row r="2"><c r="B2" t="inlineStr"><is><t>   </t></is></c></row>'
    );
    const { fast, full, result } = await bothReads(await handMade('blank-first.xlsx', parts));
    expect(result.sheet).toBe('Export');
    expect(fast).toEqual({ sheet: 'Export', records: full });
  });
});

describe('the fast preview steps aside when unsure, and the full read answers as before', () => {
  const declines: [string, () => Parts][] = [
    [
      'a prefixed (strict-style) sheet',
      () =>
        workbookParts(
          sheetXml(
            '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>',
            'x:worksheet'
          ).replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`),
          null
        ),
    ],
    [
      'strict OOXML',
      () =>
        workbookParts(
          sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>').replace(
            MAIN,
            'http://purl.oclc.org/ooxml/spreadsheetml/main'
          ),
          null
        ),
    ],
    [
      'CDATA in the shared strings',
      () =>
        workbookParts(
          sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
          `<sst xmlns="${MAIN}"><si><t><![CDATA[hidden]]></t></si></sst>`
        ),
    ],
    [
      'no styles part',
      () => {
        const parts = workbookParts(
          sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'),
          null
        );
        delete parts['xl/styles.xml'];
        return parts;
      },
    ],
    [
      'a shared string without the shared strings part',
      () => workbookParts(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), null),
    ],
    [
      'a DOCTYPE',
      () =>
        workbookParts(
          sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>').replace(
            '<worksheet',
            '<!DOCTYPE worksheet>\n<worksheet'
          ),
          null
        ),
    ],
    [
      'a sheet cut short',
      () =>
        workbookParts(
          sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>').replace(
            /<\/sheetData>.*/s,
            ''
          ),
          null
        ),
    ],
    [
      'a row far too wide',
      () =>
        workbookParts(
          sheetXml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="XFD1" t="inlineStr"><is><t>z</t></is></c></row>'
          ),
          null
        ),
    ],
  ];
  it.each(declines)('%s', async (name, parts) => {
    const path = await handMade(`${name.replace(/\W+/g, '-')}.xlsx`, parts());
    const job = await jobFor(path, 300);
    const declined: string[] = [];
    expect(
      await readXlsxPreview(job, job.sheets, 300, { onDecline: why => declined.push(why) })
    ).toBeNull();
    expect(declined).toHaveLength(1);
    // The full read decides alone: a result or its own plain error, and no preview of ours.
    const outcome = await runWorkbookJob<ReadWorkbookResult>(job, job.fileName).then(
      r => r.sheet,
      (e: { code?: string }) => e.code
    );
    expect(typeof outcome).toBe('string');
  });
});

// ---- styles that exceljs's list reader reads its own way -------------------------------------

const xf = (numFmtId: number) =>
  `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
const ymd = '<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>';
const stylesWith = (numFmts: string, cellXfs: string) => `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="${MAIN}">${numFmts}<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${cellXfs}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
/** A header, then serial 45,296 (2024-01-05) in a cell of style 1. */
const dateSheet = sheetXml(
  '<row r="1"><c r="A1" t="inlineStr"><is><t>When</t></is></c></row><row r="2"><c r="A2" s="1"><v>45296</v></c></row>'
);

describe('styles exceljs reads its own way: the fast preview steps aside, the read goes on', () => {
  it('(control) one list of each: a date in both reads', async () => {
    const parts = workbookParts(dateSheet, null);
    parts['xl/styles.xml'] = stylesWith(
      `<numFmts count="1">${ymd}</numFmts>`,
      `<cellXfs count="2">${xf(0)}${xf(164)}</cellXfs>`
    );
    const records = await expectSame(await handMade('styles-control.xlsx', parts));
    expect(records[1]!.cells[0]).toBe('2024-01-05');
  });

  // In each, exceljs loses the date format of style 1 (a list cleared or cut short).
  const quirks: [string, string, string][] = [
    [
      'a second <cellXfs>',
      '',
      `<cellXfs count="2">${xf(0)}${xf(14)}</cellXfs><cellXfs count="1">${xf(0)}</cellXfs>`,
    ],
    ['another element in <cellXfs>', '', `<cellXfs count="2">${xf(0)}<extLst/>${xf(14)}</cellXfs>`],
    [
      'a second <numFmts>',
      `<numFmts count="1">${ymd}</numFmts><numFmts count="1"><numFmt numFmtId="165" formatCode="0.00"/></numFmts>`,
      `<cellXfs count="2">${xf(0)}${xf(164)}</cellXfs>`,
    ],
    [
      'another element in <numFmts>',
      `<numFmts count="1"><extLst/>${ymd}</numFmts>`,
      `<cellXfs count="2">${xf(0)}${xf(164)}</cellXfs>`,
    ],
    [
      'an element inside a <numFmt>',
      `<numFmts count="2"><numFmt numFmtId="165" formatCode="0.00"><extLst/></numFmt>${ymd}</numFmts>`,
      `<cellXfs count="2">${xf(0)}${xf(164)}</cellXfs>`,
    ],
  ];
  it.each(quirks)('%s', async (name, numFmts, cellXfs) => {
    const parts = workbookParts(dateSheet, null);
    parts['xl/styles.xml'] = stylesWith(numFmts, cellXfs);
    const path = await handMade(`styles-${name.replace(/\W+/g, '-')}.xlsx`, parts);
    const { fast, declined, full, posted, sheets } = await bothReads(path);
    expect(fast).toBeNull();
    expect(declined).toHaveLength(1);
    // The full read shows the number (exceljs's reading), and the preview posted is the same.
    expect(full[1]!.cells).toEqual(['45296']);
    expect(posted).toEqual({ sheets, sheet: 'Export', records: full });
  });
});

// ---- reading no more than the preview needs ----------------------------------------------------

describe('the fast preview reads no more than it needs', () => {
  it('rows after the last one needed do not matter, even in the same chunk', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Email</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>a@example.be</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>wide</t></is></c><c r="XFD3" t="inlineStr"><is><t>z</t></is></c></row>';
    const path = await handMade('wide-third-row.xlsx', workbookParts(sheetXml(rows), null));
    const job = await jobFor(path, 2);
    const declined: string[] = [];
    const fast = await readXlsxPreview(job, job.sheets, 2, {
      onDecline: why => declined.push(why),
    });
    expect(declined).toEqual([]);
    expect(fast).toEqual({
      sheet: 'Export',
      records: [
        { line: 1, cells: ['Email'] },
        { line: 2, cells: ['a@example.be'] },
      ],
    });
    // The third row is what the full read refuses, as it did before (the preview is no judge).
    await expect(runWorkbookJob<ReadWorkbookResult>(job, job.fileName)).rejects.toMatchObject({
      code: 'read.too-many-columns',
    });
  });

  it('a first row using a shared string listed far down: the full read answers alone', async () => {
    // Inflated, the shared strings run past the look-ahead budget by about a megabyte.
    const count = Math.ceil((SHARED_STRINGS_BUDGET_BYTES + 1024 * 1024) / 100);
    const items: string[] = [];
    for (let i = 0; i < count; i++) items.push(`<si><t>${`string ${i} `.padEnd(87, '.')}</t></si>`);
    const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">${items.join('')}</sst>`;
    const sheetWith = (first: number) =>
      sheetXml(
        `<row r="1"><c r="A1" t="s"><v>${first}</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>`
      );
    const late = await bothReads(
      await handMade('late-string.xlsx', workbookParts(sheetWith(count - 1), strings))
    );
    expect(late.fast).toBeNull();
    expect(late.declined).toEqual(['too many shared strings before the preview']);
    expect(late.full[0]!.cells[0]).toMatch(new RegExp(`^string ${count - 1} \\.+$`));
    expect(late.posted).toEqual({ sheets: late.sheets, sheet: 'Export', records: late.full });
    // (control) Strings listed early: the preview reads only the start of the same part. (One
    // record, so the sheet is not read to its end: a sheet that small has all its strings read.)
    const early = await expectSame(
      await handMade('early-string.xlsx', workbookParts(sheetWith(0), strings)),
      1
    );
    expect(early[0]!.cells[0]).toMatch(/^string 0 \.+$/);
  });
});

// ---- characters split between two inflated chunks ---------------------------------------------

describe('characters whose bytes straddle two inflated chunks', () => {
  async function euros(): Promise<{ path: string; texts: string[] }> {
    const texts = Array.from({ length: 120 }, (_, i) => `${i} ${'€'.repeat(700 + i)}`);
    const path = await save('euros.xlsx', book => {
      const sheet = book.addWorksheet('Prices');
      for (const text of texts) sheet.addRow([text]);
    });
    return { path, texts };
  }

  it('exceljs alone garbles some (the bug), the full read in the worker keeps every one', async () => {
    const { path, texts } = await euros();
    // Precondition: this file does hit the exceljs bug (this thread loaded exceljs unchanged).
    const ExcelJS = await exceljs();
    let garbled = 0;
    for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      worksheets: 'emit',
    })) {
      for await (const row of sheet) if (String(row.getCell(1).value).includes('\uFFFD')) garbled++;
    }
    expect(garbled).toBeGreaterThan(0);
    const job = await jobFor(path, 300);
    const result = await runWorkbookJob<ReadWorkbookResult>(job, job.fileName);
    expect(result.recordCount).toBe(texts.length);
    expect((await firstRecords(job.out, 300)).map(r => r.cells[0])).toEqual(texts);
    await expectSame(path);
  });

  it('exceljs loaded before the fix could apply: no fast preview, the full read answers alone', async () => {
    const { path, texts } = await euros();
    await exceljs();
    // In this thread exceljs was loaded unchanged: its read garbles, the preview would not.
    expect(decodeExceljsWholeCharacters()).toBe(false);
    const job = await jobFor(path, 300);
    const progress: WorkbookProgress[] = [];
    const result = await readWorkbook(job, {
      signal: new AbortController().signal,
      progress: p => void progress.push(p),
    });
    const previews = progress.filter(p => p.preview);
    expect(previews).toHaveLength(1);
    // Posted by the full read (a fast preview is posted before any record is read)...
    expect(previews[0]!.rowsRead).toBeGreaterThan(0);
    // ...so what is shown is what is sent: the full read without exceljs keeps every character.
    const sent = await firstRecords(job.out, 300);
    expect(previews[0]!.preview!.records).toEqual(sent);
    expect(sent.map(r => r.cells[0])).toEqual(texts);
    expect(result.recordCount).toBe(120);
  });
});

describe('the full read and the fast preview, when something goes wrong', () => {
  const contacts = async (name: string) =>
    save(name, book => {
      const sheet = book.addWorksheet('Contacts');
      sheet.addRow(['Email', 'Name']);
      for (let i = 0; i < 50; i++) sheet.addRow([`u${i}@example.be`, `Zoë ${i}`]);
    });

  it('exceljs is pinned to the version whose parser the decoding fix replaces', async () => {
    const load = createRequire(import.meta.url);
    const pkg = JSON.parse(
      await readFile(join(import.meta.dirname, '../../../package.json'), 'utf8')
    ) as { dependencies: Record<string, string> };
    const installed = (load('exceljs/package.json') as { version: string }).version;
    expect(pkg.dependencies.exceljs).toBe(installed);
    expect(load.resolve('exceljs/lib/utils/parse-sax.js')).toBeTruthy();
  });

  it('the decoding fix cannot be put in place: no fast preview, the workbook still reads', async () => {
    const path = await contacts('no-fix.xlsx');
    const job = await jobFor(path, 300);
    const progress: WorkbookProgress[] = [];
    let previewsMade = 0;
    const result = await readWorkbook(job, {
      signal: new AbortController().signal,
      progress: p => void progress.push(p),
      seams: {
        decodeWholeCharacters: () => {
          throw new Error("Cannot find module 'exceljs/lib/utils/parse-sax.js'");
        },
        readXlsxPreview: async (...args) => {
          previewsMade++;
          return readXlsxPreview(...args);
        },
      },
    });
    expect(previewsMade).toBe(0);
    expect(result.recordCount).toBe(51);
    const previews = progress.filter(p => p.preview);
    expect(previews).toHaveLength(1);
    expect(previews[0]!.rowsRead).toBe(51);
    expect(previews[0]!.preview!.records).toEqual(await firstRecords(job.out, 300));
    expect(previews[0]!.preview!.records[1]!.cells).toEqual(['u0@example.be', 'Zoë 0']);
  });

  it('a full read that disagrees with the fast preview fails rather than leave a wrong preview', async () => {
    const path = await contacts('disagrees.xlsx');
    const job = await jobFor(path, 300);
    const previews: WorkbookPreview[] = [];
    const run = readWorkbook(job, {
      signal: new AbortController().signal,
      progress: p => void (p.preview && previews.push(p.preview)),
      seams: {
        decodeWholeCharacters: () => true,
        // A preview one cell off, as a quirk of exceljs not copied would make it.
        readXlsxPreview: async (...args) => {
          const preview = await readXlsxPreview(...args);
          return (
            preview && {
              ...preview,
              records: [{ line: 1, cells: ['Email', 'Nom'] }, ...preview.records.slice(1)],
            }
          );
        },
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'read.workbook-corrupt' });
    expect(previews).toHaveLength(1);
  });
});

// ---- packages laid out otherwise, rows and cells without `r` ---------------------------------

describe('workbooks that Excel opens though they are not laid out as it writes them', () => {
  it('follows relationships to parts outside xl/ (absolute, backslashed, other-case targets)', async () => {
    const people = await expectSame(join(fixtures, 'odd-part-paths.xlsx'));
    expect(people.map(r => r.cells)).toEqual([
      ['Email', 'Name', 'Zip', 'Signed up'],
      ['anne@example.fr', 'Anne', '01000', '2026-11-20'],
      ['bob@example.com', 'Bob', '75001', '2000-01-03'],
    ]);
    const other = await expectSame(join(fixtures, 'odd-part-paths.xlsx'), 300, 'Other');
    expect(other.map(r => r.cells)).toEqual([['Code'], ['A']]);
  });

  it('numbers rows and cells that leave out r, in order, in the preview and the full read', async () => {
    const records = await expectSame(join(fixtures, 'no-cell-refs.xlsx'));
    expect(records).toEqual([
      { line: 1, cells: ['Email', 'Name', 'Zip', 'Signed up'] },
      { line: 2, cells: ['anne@example.fr', 'Anne', '01000', '2026-11-20'] },
      // r="5" on the row, C5 on its second cell: the cells after it follow on from there.
      { line: 5, cells: ['bob@example.com', '', '75001', '2000-01-03'] },
      { line: 6, cells: ['cleo@example.be', 'Cléo'] },
    ]);
  });

  it('reads a long sheet without any r to its end (chunk boundaries, past the preview)', async () => {
    const rows = [
      '<row><c t="inlineStr"><is><t>Email</t></is></c><c t="inlineStr"><is><t>Amount</t></is></c></row>',
    ];
    for (let i = 1; i <= 5000; i++)
      rows.push(
        `<row><c t="inlineStr"><is><t>user${i}@example.com</t></is></c><c><v>${i}.5</v></c></row>`
      );
    const path = await handMade('long-no-refs.xlsx', workbookParts(sheetXml(rows.join('')), null));
    const full = await expectSame(path, 300);
    expect(full[300 - 1]).toEqual({ line: 300, cells: ['user299@example.com', '299.5'] });
    const job = await jobFor(path, 300);
    const result = await runWorkbookJob<ReadWorkbookResult>(job, job.fileName);
    expect(result.recordCount).toBe(5001);
    const all = await firstRecords(job.out, 6000);
    expect(all.at(-1)).toEqual({ line: 5001, cells: ['user5000@example.com', '5000.5'] });
  });

  it('reads the data of a macro-enabled workbook', async () => {
    const records = await expectSame(join(fixtures, 'macros.xlsm'));
    expect(records.map(r => r.cells)).toEqual([
      ['Email', 'Name'],
      ['anne@example.fr', 'Anne'],
    ]);
  });
});
