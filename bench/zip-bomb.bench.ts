/**
 * Zip-bomb benchmark: how long Courier takes to refuse a zip that lies about its sizes, and how
 * many bytes it inflated first (from the error's params), on the full read (openSource + rows).
 *
 * - `liar-sheet.xlsx`: a workbook whose one sheet (1M rows, ~120 MB of XML) declares 1 MB.
 * - `liar-zeros.zip`: a CSV of 1 GiB of zeros (compressed to ~1 MB) that declares 1,000 bytes.
 *
 * The files are generated into bench/.data/ when absent. `BENCH_SHEET_ROWS=n` changes the sheet.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { openSource } from '../src-main/reading/open-source';

const dataDir = join(import.meta.dirname, '.data');
const MB = 1024 * 1024;

/** Rewrites the size one entry declares (local header and central directory). */
function lieAboutSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const name = strToU8(entryName);
  const named = (at: number) => name.every((b, i) => out[at + i] === b);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && named(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && named(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

async function liarSheet(path: string, rows: number): Promise<void> {
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.write(chunk);
  });
  const add = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  add('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  add(
    'xl/workbook.xml',
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>'
  );
  add(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'
  );
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  const batch: string[] = [];
  for (let r = 1; r <= rows; r++) {
    batch.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Person ${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>p${r}@example.com</t></is></c></row>`);
    if (batch.length === 10_000) {
      sheet.push(strToU8(batch.join('')));
      batch.length = 0;
      if (!out.writableNeedDrain) continue;
      await once(out, 'drain');
    }
  }
  sheet.push(strToU8(`${batch.join('')}</sheetData></worksheet>`), true);
  zip.end();
  out.end();
  await once(out, 'close');
  writeFileSync(path, lieAboutSize(readFileSync(tmp), 'xl/worksheets/sheet1.xml', MB));
  rmSync(tmp);
}

function liarZeros(path: string): void {
  const dir = join(dataDir, 'zeros');
  mkdirSync(dir, { recursive: true });
  spawnSync('truncate', ['-s', '1G', join(dir, 'contacts.csv')]);
  const tmp = `${path}.tmp.zip`;
  spawnSync('zip', ['-q', '-j', '-9', tmp, join(dir, 'contacts.csv')]);
  writeFileSync(path, lieAboutSize(readFileSync(tmp), 'contacts.csv', 1000));
  rmSync(tmp);
  rmSync(dir, { recursive: true });
}

async function measure(label: string, path: string): Promise<void> {
  const started = performance.now();
  let rows = 0;
  let outcome = 'read in full';
  try {
    const source = await openSource(path);
    try {
      for await (const _row of source.rows()) rows++;
    } finally {
      await source.dispose?.();
    }
  } catch (error) {
    const e = error as { code?: string; params?: Record<string, unknown> };
    outcome = `${e.code} ${JSON.stringify(e.params ?? {})}`;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${outcome} after ${seconds.toFixed(2)} s, ${rows.toLocaleString('en')} rows read`);
}

mkdirSync(dataDir, { recursive: true });
const sheetRows = Number(process.env.BENCH_SHEET_ROWS ?? 1_000_000);
const sheetFile = join(dataDir, `liar-sheet-${sheetRows}.xlsx`);
const zerosFile = join(dataDir, 'liar-zeros.zip');
if (!existsSync(sheetFile)) await liarSheet(sheetFile, sheetRows);
if (!existsSync(zerosFile)) liarZeros(zerosFile);
await measure(`sheet declaring 1 MB, ${sheetRows.toLocaleString('en')} rows`, sheetFile);
await measure('zipped CSV of 1 GiB of zeros declaring 1,000 bytes', zerosFile);
