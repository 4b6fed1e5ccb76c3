import { UsageError } from './cli-io';

/**
 * `--sheet` and `--header-row`: which sheet of a workbook and which line holds the column names.
 *
 * Shared by `inspect`, `check`, `prepare` and `send`, so a file is read the same way by each
 * (as the app's "Correct the format" does for the preview, the review and the send).
 */
export const sourceOptions = {
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
} as const;

/** A `--header-row` value as a line number from 1, or a usage error. */
export function parseHeaderRow(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new UsageError(`--header-row needs a line number from 1 (got “${text}”).`);
  return Number(text);
}

/** How to read the source, from the parsed `--sheet` / `--header-row` values. */
export function readSourceOptions(
  values: Readonly<{ sheet?: string; 'header-row'?: string }>
): Readonly<{ sheet?: string; headerRow?: number }> {
  const headerRow = parseHeaderRow(values['header-row']);
  return {
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    ...(headerRow !== undefined ? { headerRow } : {}),
  };
}
