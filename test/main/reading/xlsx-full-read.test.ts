import { readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeExceljsWholeCharacters } from '../../../src-main/reading/exceljs-parts';
import { readWorkbook, type ReadWorkbookJob } from '../../../src-main/reading/workbook-jobs';
import { listXlsxSheets, readXlsxPackage } from '../../../src-main/reading/workbook-sheets';
import { XmlOutsideSubset, XmlScanner, type XmlNode } from '../../../src-main/reading/xml-scanner';
import {
  CompactStrings,
  eachXlsxSheetFast,
  FastReadDeclined,
} from '../../../src-main/reading/xlsx-sheet-reader';
import { listZip } from '../../../src-main/reading/zip-file';
import { tempHome } from '../../harness/temp-home';

/**
 * The full XLSX read without exceljs against exceljs's own read, record for record and to the
 * end of the sheet (not only the preview's first rows): same sheet, same records file, same
 * resume points. exceljs is set to decode whole characters before it is first loaded here, as in
 * the reading worker.
 */

const fixtures = join(import.meta.dirname, '../../fixtures/reading');
const dir = tempHome('courier-xlsx-full-', { shared: true });
beforeAll(async () => {
  expect(decodeExceljsWholeCharacters()).toBe(true);
});

async function jobFor(path: string, tag: string): Promise<ReadWorkbookJob> {
  const fileName = path.split('/').at(-1)!;
  const entries = await listZip(path, fileName, (await stat(path)).size);
  const sheets = await listXlsxSheets(path, fileName, entries);
  return {
    job: 'read-workbook',
    path,
    fileName,
    format: 'xlsx',
    entries,
    sheets,
    previewRecords: 50,
    out: join(dir.path, `${fileName}-${tag}.jsonl`),
    checkpointEvery: 7,
  };
}

async function read(path: string, exceljsOnly: boolean) {
  const job = await jobFor(path, exceljsOnly ? 'exceljs' : 'fast');
  const result = await readWorkbook(job, {
    signal: new AbortController().signal,
    progress: () => undefined,
    seams: { exceljsOnly },
  });
  return { result, text: await readFile(job.out, 'utf8') };
}

/** Whether the fast read takes the workbook itself (rather than leaving it to exceljs). */
async function fastTakes(path: string): Promise<boolean> {
  const job = await jobFor(path, 'direct');
  const pkg = await readXlsxPackage(job.path, job.fileName, job.entries);
  try {
    await eachXlsxSheetFast(
      job,
      pkg,
      job.sheets,
      new AbortController().signal,
      async (_sheet, records) => {
        for await (const _record of records);
        return true;
      }
    );
    return true;
  } catch (error) {
    if (error instanceof FastReadDeclined) return false;
    throw error;
  }
}

/** Asserts the fast read and exceljs's read of `path` write the same records; returns them. */
async function expectSameAsExceljs(path: string, fastExpected = true): Promise<string[][]> {
  expect(await fastTakes(path)).toBe(fastExpected);
  const reference = await read(path, true);
  const fast = await read(path, false);
  expect(fast.result).toEqual(reference.result);
  expect(fast.text).toEqual(reference.text);
  return fast.text
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as string[]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}">
  <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.00\\ &quot;kg&quot;"/></numFmts>
  <fonts count="1"><font><sz val="11"/></font></fonts>
  <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
  <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="21"/></cellXfs>
</styleSheet>`;

async function handMade(name: string, sheetRows: string, sst: string | null): Promise<string> {
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?>\r\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- written by hand -->\r\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetRows}</sheetData></worksheet>`,
    'xl/styles.xml': styles,
  };
  if (sst !== null) parts['xl/sharedStrings.xml'] = sst;
  const path = join(dir.path, name);
  await writeFile(
    path,
    zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])))
  );
  return path;
}

describe('the full XLSX read without exceljs writes what exceljs read', () => {
  it.each(['contacts.xlsx', 'no-cell-refs.xlsx', 'odd-part-paths.xlsx', 'macros.xlsm'])(
    'fixture %s',
    async name => {
      await expectSameAsExceljs(join(fixtures, name));
    }
  );

  it('a workbook exceljs wrote: dates, 1904-free formats, formulas, rich text, booleans, errors, links, long accented text', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Empty');
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow([
      'Id',
      'Name',
      'When',
      'Amount',
      'Formula',
      'Rich',
      'Flag',
      'Error',
      'Link',
      'Note',
    ]);
    for (let i = 0; i < 3000; i++) {
      const row = sheet.addRow([
        i,
        i % 5 === 0 ? `Zoë “${i}” & <Lefèvre>` : `Name ${i % 17}`,
        new Date(Date.UTC(2026, 0, 1 + (i % 300), i % 24)),
        i * 1.25,
        { formula: `A${i + 2}*2`, result: i * 2 },
        { richText: [{ text: 'bold ', font: { bold: true } }, { text: `plain ${i % 3}` }] },
        i % 2 === 0,
        { error: '#N/A' },
        { text: 'site', hyperlink: 'https://example.com' },
        i % 7 === 0 ? `${'€'.repeat(500 + (i % 40))}\nline two\r\nthree` : null,
      ]);
      row.getCell(4).numFmt = i % 3 === 0 ? '0.00' : '#,##0.0 "kg"';
      if (i % 11 === 0) row.getCell(3).numFmt = 'hh:mm';
    }
    const path = join(dir.path, 'exceljs-written.xlsx');
    await book.xlsx.writeFile(path);
    const records = await expectSameAsExceljs(path);
    expect(records).toHaveLength(3001);
  });

  it('hand-written parts: whitespace and line breaks between elements, CRLF in text, comments, references, phonetic runs, inline strings', async () => {
    const sst = `<?xml version="1.0" encoding="UTF-8"?>\r\n<sst xmlns="${MAIN}">\r\n  <si><t>Email</t></si>\r\n  <si><t xml:space="preserve">  spaced  </t></si>\r\n  <si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> plain</t></r></si>\r\n  <si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si>\r\n  <si><t>line&#10;break &amp; &lt;tag&gt; &quot;q&quot; &apos;a&apos; &#x20AC;&#8364; &#x1F600;</t></si>\r\n  <si><t>crlf\r\ninside\rlone</t></si>\r\n  <!-- a comment -->\r\n  <si><t/></si>\r\n</sst>`;
    const rows = `
<row r="1" spans="1:8"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>99</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>a &amp;amp; b &amp;lt;c&amp;gt;</t></is></c><c r="B2" t="inlineStr">
  <is><r><t>first</t></r><r><t>second</t></r></is>
</c><c r="C2" t="str"><f>A2&amp;"x"</f><v>s &amp;amp; t</v></c><c r="D2"><f>1-1</f><v>0</v></c><c r='E2' t='b'><v>1</v></c><c r="F2" t="e"><v>#DIV/0!</v></c></row>
<row r="4"><c r="A4" s="1"><v>46346</v></c><c r="B4" s="2"><v>46346.5</v></c><c r="C4" s="3"><v>12.345</v></c><c r="D4" s="4"><v>0.5</v></c><c r="E4" s="9"><v>3</v></c><c r="F4"><v>1.5E+3</v></c></row>
<?processing instruction?>
<row r="5" s="1" customFormat="1"><c r="A5"><v>46346</v></c><c r="B5"/><c r="C5" s="0"><v>46346</v></c></row>
<row r="6"/>
<row r="7">
  <c r="A7" t="s">
    <v>4</v>
  </c>
  <c r="B7" t="str">
    <v>padded</v>
  </c>
</row>
<row r="8"><c r="B8" t="s"><v>0</v></c><c r="B8" t="s"><v>3</v></c></row>`;
    const records = await expectSameAsExceljs(await handMade('hand.xlsx', rows, sst));
    expect(records[0]!.slice(1, 8)).toEqual([
      'Email',
      '  spaced  ',
      'Bold plain',
      'カンジ',
      'line\nbreak & <tag> "q" \'a\' €€ 😀',
      'crlf\ninside\nlone',
      '',
    ]);
  });

  it('rows and cells without r, numbered in order', async () => {
    const rows =
      '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row/><row><c/><c t="inlineStr"><is><t>b</t></is></c></row>';
    await expectSameAsExceljs(await handMade('no-r.xlsx', rows, null));
  });

  it('a sheet the fast read is not sure of (CDATA) is read by exceljs, as before', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<hidden>]]></t></is></c><c r="B1"><v>2</v></c></row>';
    await expectSameAsExceljs(await handMade('cdata.xlsx', rows, null), false);
  });

  it('a sheet not sure only far down: what was written first is dropped, exceljs starts over', async () => {
    const many = Array.from(
      { length: 5000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`
    ).join('');
    const rows = `${many}<row r="5001"><c r="A5001" t="inlineStr"><is><t><![CDATA[late]]></t></is></c></row>`;
    const records = await expectSameAsExceljs(await handMade('late-cdata.xlsx', rows, null), false);
    // exceljs drops CDATA sections: the last row reads blank, and is left out.
    expect(records).toHaveLength(5000);
  });
});

describe('XmlScanner', () => {
  type Event = [string, string, Record<string, string>?];
  function scan(xml: string, chunk = 7): Event[] {
    const events: Event[] = [];
    const scanner = new XmlScanner({
      open: (n: XmlNode) => events.push(['open', n.name, { ...n.attributes }]),
      text: t => events.push(['text', t]),
      close: (n: XmlNode) => events.push(['close', n.name]),
    });
    for (let i = 0; i < xml.length; i += chunk) scanner.write(xml.slice(i, i + chunk));
    scanner.end();
    return events;
  }
  function saxes(xml: string): Event[] {
    const load = createRequire(import.meta.url);
    const fromExceljs = createRequire(load.resolve('exceljs'));
    const { SaxesParser } = fromExceljs('saxes') as {
      SaxesParser: new () => {
        on(e: string, h: (v: never) => void): void;
        write(s: string): void;
        close(): void;
      };
    };
    const events: Event[] = [];
    const parser = new SaxesParser();
    parser.on('opentag', (n: XmlNode) => events.push(['open', n.name, { ...n.attributes }]));
    parser.on('text', (t: string) => events.push(['text', t]));
    parser.on('closetag', (n: XmlNode) => events.push(['close', n.name]));
    parser.on('error', (e: Error) => {
      throw e;
    });
    parser.write(xml);
    parser.close();
    return events;
  }
  // Adjacent text events joined: saxes may split a text node, the readers only ever append.
  const joined = (events: Event[]) =>
    events.reduce<Event[]>((out, e) => {
      const last = out.at(-1);
      if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
      else out.push([...e] as Event);
      return out;
    }, []);

  it('hands on the events saxes does, in chunks of any size', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>\r\n<!-- c --><root a="1" b='x &amp; &#233;'>\r\n <c r="A1" s = "2" t="s"><v>1</v></c><c r="B1"/>text &lt;&#x20AC;\r\nmore<?pi x?><t xml:space="preserve">  </t></root>\n`;
    for (const chunk of [1, 2, 3, 7, 64, 10_000])
      expect(joined(scan(xml, chunk))).toEqual(joined(saxes(xml)));
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE x><x/>'],
    ['CDATA', '<x><![CDATA[a]]></x>'],
    ['an unknown entity', '<x>&nbsp;</x>'],
    ['a bare ampersand', '<x>a & b</x>'],
    ['a mismatched end tag', '<x><y></x></y>'],
    ['an unclosed element', '<x><y></y>'],
    ['a control character', '<x>\u0001</x>'],
    ['a reference to a character XML forbids', '<x>&#0;</x>'],
    ['another encoding', '<?xml version="1.0" encoding="windows-1252"?><x/>'],
    ['a line break in an attribute', '<x a="1\n2"/>'],
    ['an attribute twice', '<x a="1" a="2"/>'],
    ['text after the root', '<x/>tail'],
  ])('steps aside on %s', (_why, xml) => {
    expect(() => scan(xml)).toThrow(XmlOutsideSubset);
  });
});

describe('CompactStrings', () => {
  it('gives back every string pushed, across pages, and an empty text past the end', () => {
    const strings = new CompactStrings();
    const texts = Array.from({ length: 10_000 }, (_, i) =>
      i % 10 === 0 ? '' : `text ${i} ${'é€😀'.slice(0, i % 4)}`
    );
    texts.forEach((t, i) => {
      strings.push(t);
      if (i === 5000) expect(strings.get(4999)).toBe(texts[4999]);
    });
    expect(strings.length).toBe(texts.length);
    expect(texts.every((t, i) => strings.get(i) === t)).toBe(true);
    expect([strings.get(-1), strings.get(10_000), strings.get(Number.NaN)]).toEqual(['', '', '']);
  });
});
