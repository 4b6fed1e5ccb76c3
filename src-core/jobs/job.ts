import { z } from 'zod';
import { Fix } from '../fixes/fix-schema';
import { Schedule } from '../schedule/schedule-schema';

/**
 * A saved job: what to send, where, how, and when. Pure data, stored in `<home>/jobs.json` and
 * passed over IPC as is.
 */

/** One file, or a watched folder with a name pattern. */
export const JobSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string().min(1, 'The source file is missing.') }),
  z.object({
    kind: z.literal('folder'),
    folder: z.string().min(1, 'The watched folder is missing.'),
    /** A file-name pattern such as `export-*.csv` (`*`, `?`, `[abc]`, `{csv,xlsx}`). */
    pattern: z.string().min(1).default('*'),
    /** `newest`: the newest matching file; `each-new`: every matching file not sent yet, oldest first. */
    pick: z.enum(['newest', 'each-new']).default('newest'),
  }),
  /** Not a send: fetches the (Digitaleo) destination's report zips into a local folder (`reports download`). */
  z.object({
    kind: z.literal('reports'),
    out: z.string().min(1, 'The folder for the reports is missing.'),
  }),
]);
export type JobSource = z.infer<typeof JobSource>;

/** What to do with a file whose rows are not all valid. */
export const InvalidRowsPolicy = z.enum(['send-valid', 'hold']);
export type InvalidRowsPolicy = z.infer<typeof InvalidRowsPolicy>;

/** What to do when the file's columns differ from the ones the mapping was made for. */
export const HeaderChangePolicy = z.enum(['hold', 'continue']);
export type HeaderChangePolicy = z.infer<typeof HeaderChangePolicy>;

/** The longest quiet spell a job can be told to warn about: a year. */
export const MAX_WARN_AFTER_DAYS = 366;

export const Job = z.object({
  id: z.string().min(1),
  name: z
    .string()
    .trim()
    .min(1, 'A job needs a name.')
    .max(100, 'A job name has at most 100 characters.'),
  source: JobSource,
  /** The destination's name. */
  destination: z.string().min(1, 'A job needs a destination.'),
  /**
   * How to read the file when detection alone is not enough: the sheet of a workbook and the
   * header line the user chose on the preview (absent: detected, as for a new file).
   */
  reading: z
    .object({ sheet: z.string().min(1).optional(), headerRow: z.number().int().min(1).optional() })
    .default({}),
  /** Target column → source column (null: left empty), as `ColumnMapping` in `src-core/mapping`. */
  mapping: z.record(z.string(), z.string().nullable()).default({}),
  /** The fixes recorded when the job was set up, replayed on every run. */
  fixes: z.array(Fix).default([]),
  invalidRows: InvalidRowsPolicy.default('send-valid'),
  headerChange: HeaderChangePolicy.default('hold'),
  /** The source columns the mapping was made for; a different set triggers `headerChange`. */
  expectedHeaders: z.array(z.string()).nullable().default(null),
  /** Null: the job runs only when asked. */
  schedule: Schedule.nullable().default(null),
  enabled: z.boolean().default(true),
  /** After sleep or while Courier was closed, make one missed run at the next opportunity. */
  catchUp: z.boolean().default(true),
  /** Keep the prepared local copies after a successful send. */
  keepCopies: z.boolean().default(false),
  /**
   * Warn (History, tray, CLI) when this many days pass with nothing new to send (see
   * `quiet-spell.ts`); null: never.
   */
  warnAfterDays: z
    .number()
    .int('Give a whole number of days.')
    .min(1, 'Give at least 1 day.')
    .max(MAX_WARN_AFTER_DAYS, `Give at most ${MAX_WARN_AFTER_DAYS} days.`)
    .nullable()
    .default(null),
  /**
   * The folder holding the call recordings the rows name (destinations that receive recordings):
   * a file is sent once every recording it names is there and finished being written.
   */
  recordingsFolder: z.string().min(1).nullable().default(null),
  /** The related files sent with each run's main file (destinations with related file sets). */
  related: z.array(z.object({ name: z.string().min(1), path: z.string().min(1) })).optional(),
  createdAt: z.string(),
});
export type Job = z.output<typeof Job>;
export type JobInput = z.input<typeof Job>;

/** A job as the renderer edits it: no id or creation time yet when it is new. */
export const JobDraft = Job.extend({
  id: z.string().min(1).optional(),
  createdAt: z.string().optional(),
});
export type JobDraft = z.input<typeof JobDraft>;

/** The file or folder a job's source names (a reports job: the folder its reports go to). */
export function jobSourcePath(
  source:
    | Readonly<{ kind: 'file'; path: string }>
    | Readonly<{ kind: 'folder'; folder: string }>
    | Readonly<{ kind: 'reports'; out: string }>
): string {
  if (source.kind === 'file') return source.path;
  return source.kind === 'folder' ? source.folder : source.out;
}
