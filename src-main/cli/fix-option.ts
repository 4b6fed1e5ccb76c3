import type { Fix } from '../../src-core/fixes/fix-schema';
import { UsageError } from './cli-io';

/** The column fixes `--fix` takes: those that need nothing but a column. */
const columnFixKinds = [
  'trim',
  'lower-case',
  'phone-international',
  'restore-leading-zero',
  'remove-control-characters',
  'read-as-windows-1252',
] as const;

/** `--fix KIND:COLUMN`, repeatable: the fixes the review offers, on the command line. */
export const fixOption = { fix: { type: 'string', multiple: true } } as const;

/** The `--fix` lines of a command's help. */
export const fixUsage = `  --fix KIND:COLUMN   apply a fix to a whole destination column (repeatable), after the
                      mapping file's fixes; KIND is one of ${columnFixKinds.join(', ')}
                      (e.g. --fix restore-leading-zero:Mobile puts back the 0 Excel removed)`;

/** Reads `--fix KIND:COLUMN` values into fixes (a bad kind or a missing column is a usage error). */
export function readFixOption(values: readonly string[] | undefined): Fix[] {
  return (values ?? []).map(value => {
    const colon = value.indexOf(':');
    const kind = colon > 0 ? value.slice(0, colon) : value;
    const column = colon > 0 ? value.slice(colon + 1) : '';
    if (!(columnFixKinds as readonly string[]).includes(kind))
      throw new UsageError(`--fix ${value}: the fix must be one of ${columnFixKinds.join(', ')}.`);
    if (column === '') throw new UsageError(`--fix ${value}: say which column, as ${kind}:COLUMN.`);
    return { kind, column } as Fix;
  });
}
