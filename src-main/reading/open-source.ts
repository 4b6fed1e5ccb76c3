import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { CourierError } from '../../src-core/errors';
import { detectDialect } from '../../src-core/reading/detect-dialect';
import {
  detectHeaderRecord,
  effectiveWidth,
  isBlankRecord,
  tableWidth,
  uniqueColumnNames,
  type RawRecord,
} from '../../src-core/reading/detect-header';
import { readError, readLimits } from '../../src-core/reading/read-errors';
import { sniffBytes, type TextEncoding } from '../../src-core/reading/sniff-bytes';
import type { DetectedFormat, SourceRow } from '../../src-core/reading/source-table';
import { mapFsError, streamCsvBatches, type CsvPlan } from './csv-stream';

export type OpenSourceOptions = Readonly<{ sheet?: string; headerRow?: number; signal?: AbortSignal }>;

export type ReadProgress = Readonly<{ bytesRead: number; totalBytes: number; rowsRead: number }>;

export type RowsOptions = { signal?: AbortSignal; onProgress?: (p: ReadProgress) => void };

/** A file Courier has recognised: how it is written, its columns, its first rows. */
export type OpenedSource = Readonly<{
  path: string;
  format: DetectedFormat;
  /** Unique readable names ("Column 7", "Email (2)"). */
  columns: readonly string[];
  /** The first rows (up to 100), available within a second. */
  preview: readonly SourceRow[];
  /** The file's size in bytes. */
  sizeBytes: number;
  /** How to read the file again (plain data: it can be sent to a worker). */
  plan: SourcePlan;
  /** Streams every data row from disk in order (re-reads the file; memory stays bounded). */
  rows(options?: RowsOptions): AsyncIterable<SourceRow>;
  /** Removes temporary files (a file unzipped from a zip); safe to call more than once. */
  dispose?: () => Promise<void>;
}>;

/** How to read a source again, whatever its format; plain data so a worker can receive it. */
export type SourcePlan = Readonly<{ kind: 'csv'; csv: CsvPlan }>;

const HEAD_BYTES = 1 << 20;
const SAMPLE_RECORDS = 200;

/**
 * Opens an export: detects what it is and how it is written, and reads its first rows.
 *
 * Bad input fails with a `CourierError` whose code starts with `read.` and whose message says
 * what is wrong in plain words.
 */
export async function openSource(path: string, options: OpenSourceOptions = {}): Promise<OpenedSource> {
  const fileName = basename(path);
  const info = await stat(path).catch(error => {
    throw mapFsError(error, fileName);
  });
  if (info.isDirectory()) throw readError('not-a-file', fileName);
  if (!info.isFile()) throw readError('not-text', fileName, 'a device or a special file');
  if (info.size === 0) throw readError('empty-file', fileName);
  const head = await readHead(path, fileName, Math.min(info.size, HEAD_BYTES));
  const kind = sniffBytes(head);
  if (kind.kind === 'binary') throw readError('not-text', fileName, kind.looksLike ?? '');
  if (kind.kind !== 'text') {
    throw new CourierError('read.not-text', `Reading workbooks and zip files is not available yet (“${fileName}”).`);
  }
  return openText(path, fileName, info.size, head, kind.encoding, kind.bomLength, options);
}

async function readHead(path: string, fileName: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r').catch(error => {
    throw mapFsError(error, fileName);
  });
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } catch (error) {
    throw mapFsError(error, fileName);
  } finally {
    await handle.close();
  }
}

/** Reads the first records of a sample with the same parser and line counting as the full read. */
function sampleRecords(sample: string, plan: CsvPlan, complete: boolean): RawRecord[] {
  const parser = new Papa.Parser({
    delimiter: plan.delimiter,
    newline: plan.newline,
    quoteChar: '"',
    fastMode: false,
    preview: SAMPLE_RECORDS,
  });
  const result = parser.parse(sample, 0, !complete) as { data: string[][] };
  let line = 1;
  return result.data.map(cells => {
    const record = { line, cells };
    for (const cell of cells) line += (cell.match(/\r\n|\r|\n/g) ?? []).length;
    line++;
    return record;
  });
}

async function openText(
  path: string,
  fileName: string,
  sizeBytes: number,
  head: Uint8Array,
  encoding: TextEncoding,
  bomLength: number,
  options: OpenSourceOptions
): Promise<OpenedSource> {
  const complete = head.length >= sizeBytes;
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  const sample = decoder.write(Buffer.from(head.buffer, head.byteOffset + bomLength, head.length - bomLength)) + (complete ? (decoder.end() ?? '') : '');
  if (sample.trim() === '' && complete) throw readError('no-data', fileName);
  const extension = extname(fileName).toLowerCase();
  const dialect = detectDialect(sample, extension === '.tsv' || extension === '.tab' ? '\t' : ',');
  const draft: CsvPlan = {
    path,
    fileName,
    encoding,
    bomLength,
    delimiter: dialect.delimiter,
    newline: dialect.newline,
    headerRecord: -1,
    width: 0,
  };
  const records = sampleRecords(sample, draft, complete);
  const firstCandidate = dialect.sepLine ? 1 : 0;
  let headerRecord: number;
  if (options.headerRow !== undefined) {
    headerRecord = records.findIndex(r => r.line === options.headerRow && !isBlankRecord(r.cells));
    if (headerRecord < firstCandidate) {
      throw readError('header-row-out-of-range', fileName, `“${options.headerRow}”`);
    }
  } else {
    const found = detectHeaderRecord(records.slice(firstCandidate));
    if (found < 0) {
      if (complete || records.length > 0) throw readError('no-data', fileName);
      throw readError('line-too-long', fileName, 'line 1');
    }
    headerRecord = found + firstCandidate;
  }
  const header = records[headerRecord]!;
  if (header.cells.length > readLimits.maxColumns) {
    throw readError('too-many-columns', fileName, header.cells.length.toLocaleString('en'));
  }
  const raw: SourceRow[] = [];
  for await (const batch of streamCsvBatches({ ...draft, headerRecord }, { signal: options.signal, batchRecords: 200 })) {
    raw.push(...batch.slice(0, readLimits.previewRows - raw.length));
    if (raw.length >= readLimits.previewRows) break;
  }
  const width = Math.max(1, tableWidth(header.cells, raw.map(r => r.cells)));
  const plan: CsvPlan = { ...draft, headerRecord, width };
  const preview = raw.map(r => ({ ...r, cells: fitCells(r.cells, width) }));
  const format: DetectedFormat = {
    format: plan.delimiter === '\t' ? 'tsv' : 'csv',
    encoding: encoding === 'utf-8' && bomLength > 0 ? 'utf-8-bom' : encoding,
    delimiter: plan.delimiter,
    sheet: null,
    sheets: [],
    headerRow: header.line,
  };
  return {
    path,
    format,
    columns: uniqueColumnNames(header.cells.slice(0, width), width),
    preview,
    sizeBytes,
    plan: { kind: 'csv', csv: plan },
    rows: rowsOptions => readCsvRows(plan, sizeBytes, rowsOptions),
  };
}

function fitCells(cells: readonly string[], width: number): string[] {
  const out = cells.slice(0, Math.max(width, effectiveWidth(cells)));
  while (out.length < width) out.push('');
  return out;
}

async function* readCsvRows(plan: CsvPlan, totalBytes: number, options: RowsOptions = {}): AsyncGenerator<SourceRow> {
  const onProgress = options.onProgress;
  for await (const batch of streamCsvBatches(plan, {
    signal: options.signal,
    onProgress: onProgress ? (bytesRead, rowsRead) => onProgress({ bytesRead, totalBytes, rowsRead }) : undefined,
  })) {
    yield* batch;
  }
}
