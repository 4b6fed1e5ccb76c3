import { z } from 'zod';
import { PlainErrorSchema } from '../error-schema';

/**
 * One recorded run (interactive send, scheduled job, CLI), as kept in the run history.
 *
 * Only facts about the run: names, hashes, counts, results. Never row contents and never an
 * e-mail address (the history store redacts any that slip into a message).
 */

export { PlainErrorSchema };

/** Who started the run. */
export const RunTrigger = z.enum(['job', 'user', 'cli']);
export type RunTrigger = z.infer<typeof RunTrigger>;

/**
 * How the run ended, in the user's words: sent, sent without some rows, held for review, failed,
 * or nothing new to send (the same content was delivered to this destination before, or a
 * reports job found no new report: a calm outcome, not a failure; nothing is listed as delivered).
 */
export const RunOutcome = z.enum([
  'sent',
  'sent-with-exclusions',
  'held',
  'failed',
  'nothing-new',
  /** A reports job saved new report zips (`reports` lists them). */
  'downloaded',
]);
export type RunOutcome = z.infer<typeof RunOutcome>;

export const RunSource = z.object({
  /** The file's name only (not its folder). */
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative().optional(),
});
export type RunSource = z.infer<typeof RunSource>;

export const RunRows = z.object({
  read: z.number().int().nonnegative().default(0),
  sent: z.number().int().nonnegative().default(0),
  excluded: z.number().int().nonnegative().default(0),
  /** How many rows had each issue code (e.g. `{ "email.invalid": 3 }`). */
  issues: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
export type RunRows = z.infer<typeof RunRows>;

export const RunOutputFile = z.object({
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type RunOutputFile = z.infer<typeof RunOutputFile>;

export const RunTransfer = z.object({
  /** `uploaded`; `already-sent` (the ledger knew the file); `failed`; `not-attempted` (held, or failed before). */
  status: z.enum(['uploaded', 'already-sent', 'failed', 'not-attempted']),
  bytes: z.number().int().nonnegative().optional(),
  /** Remote folder the files went to. */
  remoteFolder: z.string().optional(),
});
export type RunTransfer = z.infer<typeof RunTransfer>;

/** The call recordings a run sent with its records (EvaluAgent). */
export const RunRecordings = z.object({
  /** Recordings the sent rows name. */
  count: z.number().int().nonnegative(),
  /** Their bytes together. */
  bytes: z.number().int().nonnegative(),
  /** Of them, uploaded by this run (the others were delivered before, the ledger says). */
  uploaded: z.number().int().nonnegative(),
  uploadedBytes: z.number().int().nonnegative(),
  remoteFolder: z.string(),
});
export type RunRecordings = z.infer<typeof RunRecordings>;

/** One file set of a run with related files: the main file or a related one, and what became of each file. */
export const RunFileSet = z.object({
  /** `main`, or the related set's name (`orders`). */
  set: z.string(),
  /** The source file's name only. */
  source: z.string(),
  rows: z.number().int().nonnegative(),
  files: z.array(
    RunOutputFile.extend({
      /** `delivered` by this run; `delivered-before` (the ledger had it: not sent again); `not-delivered`. */
      status: z.enum(['delivered', 'delivered-before', 'not-delivered']),
    })
  ),
});
export type RunFileSet = z.infer<typeof RunFileSet>;

export const RunReceipt = z.object({
  status: z.enum(['none', 'pending', 'accepted', 'rejected']),
  /** A short summary in words (never the receipt's rows). */
  summary: z.string().optional(),
});
export type RunReceipt = z.infer<typeof RunReceipt>;

/** A report zip a reports job downloaded: its name and its files' row counts (never a cell). */
export const RunReport = z.object({
  day: z.string(),
  name: z.string(),
  /** The local file's name (not its folder): another when the folder already held that name. */
  savedAs: z.string(),
  bytes: z.number().int().nonnegative(),
  entries: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative() })),
});
export type RunReport = z.infer<typeof RunReport>;

export const Run = z.object({
  id: z.string().min(1),
  /** ISO 8601 time the run started. */
  startedAt: z.string(),
  durationMs: z.number().nonnegative().default(0),
  trigger: RunTrigger,
  /** The job that ran, when a job ran. */
  job: z.object({ id: z.string(), name: z.string() }).nullable().default(null),
  outcome: RunOutcome,
  source: RunSource.nullable().default(null),
  /** The destination's name. */
  destination: z.string().nullable().default(null),
  rows: RunRows.default({ read: 0, sent: 0, excluded: 0, issues: {} }),
  outputFiles: z.array(RunOutputFile).default([]),
  transfer: RunTransfer.default({ status: 'not-attempted' }),
  receipt: RunReceipt.default({ status: 'none' }),
  /** The recordings sent with the records, when the destination sends some. */
  recordings: RunRecordings.optional(),
  /** A run with related files: every file of every set, in upload order, and which arrived. */
  fileSets: z.array(RunFileSet).optional(),
  error: PlainErrorSchema.nullable().default(null),
  /** A reports job's run: the zips it downloaded (absent for a send). */
  reports: z.array(RunReport).optional(),
  /** Something a person should know although the run did not fail (a job quiet for N days). */
  warning: PlainErrorSchema.nullable().default(null),
});
/** One recorded run. */
export type Run = z.output<typeof Run>;
/** What a caller hands the history store: a run without its id (the store assigns one). */
export type RunInput = Omit<z.input<typeof Run>, 'id'> & { id?: string };

/** A short list entry for the history view (the full record is `history:get`). */
export type RunSummary = Run;

const EMAIL = /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** Replaces anything that looks like an e-mail address with a neutral placeholder. */
export function redactEmails(text: string): string {
  return text.replace(EMAIL, '[e-mail address]');
}

/** Deeply redacts e-mail addresses in every string of a JSON value. */
export function redactValue<T>(value: T): T {
  if (typeof value === 'string') return redactEmails(value) as T;
  if (Array.isArray(value)) return value.map(v => redactValue(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[redactEmails(k)] = redactValue(v);
    return out as T;
  }
  return value;
}
