import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import {
  parseDestination,
  type Destination,
  type OutputFormat,
  type TargetColumn,
} from '../../src-core/destinations/destination';
import { columnsFromSample } from '../../src-core/destinations/presets';
import {
  destinationProblems,
  formatOfSampleText,
  outputEncodingOf,
  type FieldProblem,
} from '../../src-core/destinations/destination-problems';
import { createPreparation } from '../../src-core/preparation/prepare';
import { fileNames, withExtension } from '../../src-core/output/file-name';
import { openSource } from '../reading/open-source';
// The review's own reading of a prepared file's first lines (a zip shows its CSV).
import { firstLines } from '../preparation/review';

/**
 * What the destination editor asks main: a vendor's sample file read as columns and format, and
 * the output file exactly as the send would write it (the same preparation and encoders).
 */

/** How many rows of a sample file the editor keeps (enough to guess rules and fill a preview). */
const SAMPLE_ROWS = 50;
/** The first bytes of a sample text file read for its line endings and quoting. */
const SAMPLE_HEAD_BYTES = 64 * 1024;

/** A vendor's sample file: its header as columns (rules guessed), its first rows and its format. */
export type DestinationSample = {
  columns: TargetColumn[];
  header: string[];
  rows: string[][];
  /** What the sample tells of the output format (nothing for a workbook). */
  format: Partial<OutputFormat>;
  kind: 'csv' | 'tsv' | 'xlsx' | 'xls';
};

/** Reads a vendor's sample file (CSV, TSV, XLS, XLSX). */
export async function readSample(path: string, sheet?: string): Promise<DestinationSample> {
  const source = await openSource(path, { sheet });
  try {
    const header = [...source.columns];
    const rows = source.preview.slice(0, SAMPLE_ROWS).map(r => [...r.cells]);
    const kind = source.format.format;
    let format: Partial<OutputFormat> = {};
    if (kind === 'csv' || kind === 'tsv') {
      const handle = await open(path, 'r');
      try {
        const head = Buffer.alloc(SAMPLE_HEAD_BYTES);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        // Latin-1 keeps every byte: enough to see line breaks and quotes whatever the encoding.
        format = formatOfSampleText(
          iconv.decode(head.subarray(0, bytesRead), 'latin1'),
          source.format.delimiter
        );
      } finally {
        await handle.close();
      }
      const encoding = outputEncodingOf(source.format.encoding);
      if (encoding) format.encoding = encoding;
      format.header = true;
    }
    return { columns: columnsFromSample(header, rows), header, rows, format, kind };
  } finally {
    await source.dispose?.();
  }
}

/** Rows the output preview is built from: the sample's, or a few made up from the columns. */
export type PreviewRows = Readonly<{
  header: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}>;

const FIRST_NAMES = ['Anne', 'Bart', 'Chloé'];

/** A made-up value for a column, in the form its rule expects (example domains, no real data). */
function syntheticValue(column: TargetColumn, i: number): string {
  if (column.fixedValue) return column.fixedValue;
  if (column.allowedValues && column.allowedValues.length > 0)
    return column.allowedValues[i % column.allowedValues.length]!;
  switch (column.rule) {
    case 'email':
      return `${FIRST_NAMES[i]!.toLowerCase().replace('é', 'e')}@example.com`;
    case 'language':
      return ['fr', 'nl', 'en'][i]!;
    case 'phone':
      return ['+32470123456', '+33612345678', '+31612345678'][i]!;
    case 'date':
      return ['2026-11-20', '2026-11-21', '2026-11-22'][i]!;
    case 'number':
      return ['12', '7.5', '130'][i]!;
    case 'reference':
      return `A-100${i + 1}`;
    default:
      return FIRST_NAMES[i]!;
  }
}

/** Three made-up rows, one value per column (so the preview shows every column). */
export function syntheticRows(columns: readonly TargetColumn[]): PreviewRows {
  return {
    header: columns.map(c => c.name),
    rows: [0, 1, 2].map(i => columns.map(c => syntheticValue(c, i))),
  };
}

/** The output preview: the first file's name, first lines and first bytes, exactly as the send writes them. */
export type OutputPreview = {
  /** Problems that stop the destination being saved (then nothing else is filled). */
  problems: FieldProblem[];
  /** The next file name, and the names of a send split into two files. */
  nextName: string;
  splitNames: string[];
  /** The first file's first lines, decoded from its bytes for display (a zip shows its CSV). */
  lines: string[];
  /** The first file's first bytes (at most 4 KB), base64. */
  head: string;
  /** The first file's size, its data rows, and the rows the preview was built from. */
  bytes: number;
  rows: number;
  sourceRows: number;
  /** True when the rows are made up from the columns (no sample file). */
  synthetic: boolean;
};

const PREVIEW_BYTES = 4096;

/** The output file for these rows, prepared as a send would (same preparation and encoders). */
export function previewOutput(value: unknown, input: PreviewRows | null, now: Date): OutputPreview {
  const problems = destinationProblems(value);
  const empty: OutputPreview = {
    problems,
    nextName: '',
    splitNames: [],
    lines: [],
    head: '',
    bytes: 0,
    rows: 0,
    sourceRows: 0,
    synthetic: input === null,
  };
  if (problems.length > 0) return empty;
  const destination: Destination = parseDestination(value);
  const source = input ?? syntheticRows(destination.columns);
  // Each target column takes the sample's column of the same name (letter case aside).
  const mapping: Record<string, string | null> = {};
  for (const column of destination.columns) {
    const exact =
      source.header.find(h => h === column.name) ??
      source.header.find(h => h.toLowerCase() === column.name.toLowerCase());
    mapping[column.name] = exact ?? null;
  }
  const run = (rows: ReadonlyArray<readonly string[]>) => {
    const preparation = createPreparation({
      destination,
      sourceColumns: source.header,
      mapping,
      now,
      keepRejectedCells: false,
    });
    rows.forEach((cells, index) => preparation.push({ index, line: index + 2, cells }));
    return preparation.finish();
  };
  let result = run(source.rows);
  // Rows the destination would refuse are not in the file: then show at least its header.
  if (result.files.length === 0) result = run([]);
  const file = result.files[0]!;
  const template = destination.output.zip
    ? withExtension(destination.fileName, '.zip')
    : destination.fileName;
  const context = { now, variables: destination.variables };
  return {
    problems,
    nextName: fileNames(template, 1, context)[0]!,
    splitNames: fileNames(template, 2, context),
    lines: firstLines(file, destination.output.encoding),
    head: Buffer.from(file.bytes.subarray(0, PREVIEW_BYTES)).toString('base64'),
    bytes: file.bytes.length,
    rows: file.rows,
    sourceRows: source.rows.length,
    synthetic: input === null,
  };
}
