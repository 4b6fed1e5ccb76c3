import { z } from 'zod';

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
  /** Puts back the 0 a spreadsheet dropped from phone numbers stored as numbers (`473893257` → `0473893257`). */
  z.object({ kind: z.literal('restore-leading-zero'), column: z.string() }),
  z.object({ kind: z.literal('reformat-date'), column: z.string(), from: z.string().min(1), to: z.string().min(1) }),
  z.object({ kind: z.literal('replace'), column: z.string(), find: z.string().min(1), replace: z.string(), wholeValue: z.boolean().default(false) }),
  z.object({ kind: z.literal('remove-control-characters'), column: z.string() }),
  z.object({ kind: z.literal('read-as-windows-1252'), column: z.string() }),
  z.object({ kind: z.literal('exclude-row'), row: z.number().int().min(0) }),
  z.object({ kind: z.literal('exclude-invalid') }),
  /** Send every row even when the destination leaves later duplicates out (its `duplicates` choice). */
  z.object({ kind: z.literal('keep-duplicates') }),
]);
export type Fix = z.infer<typeof Fix>;
export type FixInput = z.input<typeof Fix>;
/** A fix that rewrites every value of one column. */
export type ColumnFix = Extract<
  Fix,
  {
    kind:
      | 'trim'
      | 'lower-case'
      | 'normalise-language'
      | 'phone-international'
      | 'restore-leading-zero'
      | 'reformat-date'
      | 'replace'
      | 'remove-control-characters'
      | 'read-as-windows-1252';
  }
>;

/** Parses a list of fixes (from a job file, the CLI or IPC). */
export function parseFixes(value: unknown): Fix[] {
  return z.array(Fix).parse(value);
}

