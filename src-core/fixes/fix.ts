import { z } from 'zod';
import { normaliseLanguage } from '../validation/language';
import { checkPhone } from '../validation/phone';
import { formatDate, parseDate } from '../validation/date';

/**
 * Fixes: a recorded, replayable list of corrections, so a scheduled job applies to tomorrow's
 * file exactly what the person did to today's. Columns are target (destination) column names;
 * rows are 0-based data rows. A cell edit remembers the value it replaced and applies only while
 * the cell still holds it, so it never lands on a different contact in another file.
 */
export const Fix = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('edit-cell'), row: z.number().int().min(0), column: z.string(), value: z.string(), original: z.string().optional() }),
  z.object({ kind: z.literal('trim'), column: z.string() }),
  z.object({ kind: z.literal('lower-case'), column: z.string() }),
  z.object({ kind: z.literal('normalise-language'), column: z.string(), letterCase: z.enum(['upper', 'lower']).default('lower') }),
  z.object({ kind: z.literal('phone-international'), column: z.string(), country: z.string().regex(/^[A-Z]{2}$/).optional() }),
  z.object({ kind: z.literal('reformat-date'), column: z.string(), from: z.string().min(1), to: z.string().min(1) }),
  z.object({ kind: z.literal('replace'), column: z.string(), find: z.string().min(1), replace: z.string(), wholeValue: z.boolean().default(false) }),
  z.object({ kind: z.literal('exclude-row'), row: z.number().int().min(0) }),
  z.object({ kind: z.literal('exclude-invalid') }),
]);
export type Fix = z.infer<typeof Fix>;
export type FixInput = z.input<typeof Fix>;
/** A fix that rewrites every value of one column. */
export type ColumnFix = Extract<Fix, { kind: 'trim' | 'lower-case' | 'normalise-language' | 'phone-international' | 'reformat-date' | 'replace' }>;

/** Parses a list of fixes (from a job file, the CLI or IPC). */
export function parseFixes(value: unknown): Fix[] {
  return z.array(Fix).parse(value);
}

/** Whether a fix rewrites a whole column. */
export const isColumnFix = (fix: Fix): fix is ColumnFix =>
  fix.kind !== 'edit-cell' && fix.kind !== 'exclude-row' && fix.kind !== 'exclude-invalid';

/**
 * Applies one column fix to one value. A value the fix cannot improve (an unknown language, an
 * invalid phone number, a date not in `from`) is returned unchanged so validation still reports it.
 */
export function applyColumnFix(fix: ColumnFix, value: string, phoneCountry: string): string {
  switch (fix.kind) {
    case 'trim':
      return value.replace(/\s+/g, ' ').trim();
    case 'lower-case':
      return value.toLowerCase();
    case 'normalise-language': {
      const code = normaliseLanguage(value);
      if (code === null) return value;
      return fix.letterCase === 'upper' ? code.toUpperCase() : code;
    }
    case 'phone-international': {
      if (value.trim() === '') return value;
      const check = checkPhone(value, fix.country ?? phoneCountry);
      return check.valid ? check.international : value;
    }
    case 'reformat-date': {
      const parts = parseDate(value, fix.from);
      return parts ? formatDate(parts, fix.to) : value;
    }
    case 'replace':
      if (fix.wholeValue) return value === fix.find ? fix.replace : value;
      return value.split(fix.find).join(fix.replace);
  }
}

/** A few words describing a fix, for lists and history ("Trim spaces in Email"). */
export function describeFix(fix: Fix): string {
  switch (fix.kind) {
    case 'edit-cell':
      return `Change ${fix.column} in row ${fix.row + 1} to “${fix.value}”`;
    case 'trim':
      return `Trim spaces in ${fix.column}`;
    case 'lower-case':
      return `Lower-case ${fix.column}`;
    case 'normalise-language':
      return `Turn ${fix.column} into two-letter language codes`;
    case 'phone-international':
      return `Write ${fix.column} in international form`;
    case 'reformat-date':
      return `Rewrite dates in ${fix.column} from ${fix.from} to ${fix.to}`;
    case 'replace':
      return `Replace “${fix.find}” with “${fix.replace}” in ${fix.column}`;
    case 'exclude-row':
      return `Leave out row ${fix.row + 1}`;
    case 'exclude-invalid':
      return 'Leave out every row with a problem';
  }
}
