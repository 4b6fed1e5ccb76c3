import { parseDestination, type Destination, type DestinationInput } from '../../../src-core/destinations/destination';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { prepareRows, type PreparationInput, type PreparationResult } from '../../../src-core/preparation/prepare';
import type { PresetId } from '../../../src-core/destinations/destination';
import type { SourceRow } from '../../../src-core/reading/source-table';
import { decodeText } from '../../../src-core/output/encode';

/** Source rows as a reader gives them: header on line 1, data from line 2. */
export const rows = (cells: string[][], firstLine = 2): SourceRow[] => cells.map((c, index) => ({ index, line: firstLine + index, cells: c }));

/** A fixed local time: 22 November 2026, 08:05:09. */
export const NOW = new Date(2026, 10, 22, 8, 5, 9);

/** A preset with some fields changed. */
export function preset(id: PresetId, change: Partial<DestinationInput> = {}): Destination {
  return parseDestination({ ...destinationFromPreset(id), ...change });
}

/** A small hand-made destination. */
export function destination(change: Partial<DestinationInput> & Pick<DestinationInput, 'columns'>): Destination {
  return parseDestination({ version: 1, name: 'Test drop', ...change });
}

/** Prepares rows whose columns are mapped by identical names. */
export function prepare(d: Destination, header: string[], data: string[][], extra: Partial<PreparationInput> = {}): PreparationResult {
  const mapping = Object.fromEntries(d.columns.map(c => [c.name, header.includes(c.name) ? c.name : null]));
  return prepareRows({ destination: d, sourceColumns: header, mapping, now: NOW, ...extra }, rows(data));
}

/** The text of the n-th output file. */
export const text = (result: PreparationResult, d: Destination, n = 0): string => decodeText(result.files[n]!.bytes, d.output.encoding);

/** The codes found, per row index. */
export const codes = (result: PreparationResult): string[] => result.issues.map(i => `${i.row}:${i.column ?? '-'}:${i.code}`);
