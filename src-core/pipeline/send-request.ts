import { z } from 'zod';
import { Fix } from '../fixes/fix-schema';
import { languages } from '../words/i18n';

/**
 * What to send: the one request shape of the app's Send button (IPC `send:start`), scheduled
 * jobs and `courier send`, so the three cannot drift (src-main/pipeline/run-pipeline.ts runs it).
 */
export const SendRequest = z.object({
  /** The source file. */
  path: z.string().min(1),
  /** The sheet of a workbook, when the person chose another than the one Courier detected. */
  sheet: z.string().optional(),
  /** The line (text) or row (workbook) holding the column names, from 1, when corrected. */
  headerRow: z.number().int().min(1).optional(),
  /** A configured destination name, a preset id, or a path to a destination JSON file. */
  destination: z.string().min(1),
  /** Target column → source column; when missing, the remembered mapping, else confident suggestions. */
  mapping: z.record(z.string(), z.string().nullable()).optional(),
  /** The person's corrections, replayed on the file (see fix-schema.ts). */
  fixes: z.array(Fix).max(100_000).optional(),
  /** Send the valid rows and report the rest (otherwise any row with an error holds the file). */
  excludeInvalid: z.boolean().optional(),
  /**
   * The folder holding the call recordings the rows name (destinations that receive recordings):
   * each is checked, and uploaded before the records.
   */
  recordingsFolder: z.string().min(1).optional(),
  /**
   * The related files (destinations with related file sets, BlueConic): one source file per set,
   * prepared with the set's columns and sent after the main file, all or none.
   */
  related: z
    .array(z.object({ name: z.string().min(1), path: z.string().min(1) }))
    .max(20)
    .optional(),
  /**
   * The language of the rows-left-out file (its headers and reasons): the app's language, the
   * CLI's `--lang`; English when not given.
   */
  language: z.enum(languages).optional(),
});
export type SendRequest = z.infer<typeof SendRequest>;
