import { parseHeaderRow } from '../source-options';
import { basename } from 'node:path';
import { ExitCode, UsageError, parseCommandArgs, printJson, type CliCommand } from '../cli-io';
import { openSource } from '../../reading/open-source';
import { indexSource, maxWindowRows } from '../../reading/source-index';
import type { SourceNote, SourceRow } from '../../../src-core/reading/source-table';
import { visibleOddCharacters } from '../../../src-core/reading/odd-characters';
import { inspectUsage } from './usage';

const usage = inspectUsage;

/** What each note on a read says to a person. */
const noteWords: Readonly<Record<SourceNote, string>> = {
  'macros-ignored':
    'Macros were ignored: only the data was read; nothing in the workbook was run or kept.',
};

function parseWindow(text: string | undefined): { start: number; end: number } {
  if (text === undefined) return { start: 0, end: 20 };
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) throw new UsageError(`--rows needs START:END, for example 0:20 (got “${text}”).`);
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (end < start) throw new UsageError(`--rows ${text}: END must not be smaller than START.`);
  return { start, end };
}

const encodingNames: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

const delimiterNames: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

const oneLine = (cell: string): string => {
  // Control characters as symbols: an ESC from an export must not drive the terminal.
  const flat = visibleOddCharacters(cell.replace(/\r\n|\r|\n/g, '⏎'));
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
};

/** `courier inspect`: what a file is, its columns, its row count and a window of its rows. */
export const inspectCommand: CliCommand = {
  name: 'inspect',
  summary: 'detect format and show columns, row count and sample rows',
  usage,
  run: async ({ args, io }) => {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      rows: { type: 'string' },
    });
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length === 0 ? 'Which file? Give its path.' : 'Give exactly one file.'
      );
    const window = parseWindow(values.rows);
    const headerRow = parseHeaderRow(values['header-row']);
    const source = await openSource(positionals[0]!, { sheet: values.sheet, headerRow });
    const index = indexSource(source, { inProcess: source.plan.kind === 'csv' });
    try {
      const rowCount = await index.finished;
      const rows: SourceRow[] = [];
      const end = Math.min(window.end, rowCount);
      for (let start = window.start; start < end; start += maxWindowRows) {
        rows.push(...(await index.getRows(start, Math.min(end, start + maxWindowRows))));
      }
      const { format } = source;
      if (values.json) {
        printJson(io, {
          format: format.format,
          encoding: format.encoding,
          delimiter: format.delimiter,
          sheet: format.sheet,
          headerRow: format.headerRow,
          columns: source.columns,
          rowCount,
          rows: rows.map(r => r.cells),
          ...(format.notes?.length ? { notes: format.notes } : {}),
        });
        return ExitCode.ok;
      }
      const how =
        format.sheet !== null
          ? `${format.format.toUpperCase()} workbook, sheet “${format.sheet}”${format.sheets.length > 1 ? ` (of ${format.sheets.length}: ${format.sheets.join(', ')})` : ''}, header on row ${format.headerRow}`
          : `${format.format.toUpperCase()}, ${encodingNames[format.encoding ?? ''] ?? format.encoding}, ${delimiterNames[format.delimiter ?? ''] ?? `“${format.delimiter}”`}-separated, header on line ${format.headerRow}`;
      const lines = [
        `${basename(source.path)}: ${how}`,
        `${rowCount.toLocaleString('en')} data rows × ${source.columns.length} columns: ${source.columns.join(', ')}`,
        ...(format.notes ?? []).map(note => noteWords[note]),
      ];
      if (rows.length > 0) {
        lines.push('', `Rows ${window.start}–${window.start + rows.length - 1}:`);
        for (const row of rows)
          lines.push(`  ${String(row.line).padStart(6)}  ${row.cells.map(oneLine).join(' | ')}`);
      }
      io.stdout.write(`${lines.join('\n')}\n`);
      return ExitCode.ok;
    } finally {
      await index.close();
      await source.dispose?.();
    }
  },
};
