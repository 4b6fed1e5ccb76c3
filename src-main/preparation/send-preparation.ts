import type { Language } from '../../src-core/words/i18n';
import { basename } from 'node:path';
import { threadId } from 'node:worker_threads';
import { toPlainError, type PlainError } from '../../src-core/errors';
import type { Destination } from '../../src-core/destinations/destination';
import type { Fix } from '../../src-core/fixes/fix';
import type { ColumnMapping } from '../../src-core/mapping/suggest';
import {
  compareHeaders,
  noChanges,
  type HeaderChanges,
} from '../../src-core/mapping/header-changes';
import type { RowIssue } from '../../src-core/validation/issues';
import type { RecordingsFolder } from '../../src-core/preparation/recordings-check';
import { saveRejectedRows } from '../pipeline/rejected-rows';
import type { FileStamp, ReadProgress } from '../reading/open-source';
import { runWorker } from '../workers/run-worker';
import type { Logger } from '../logging/logger';
import { prepareFileInto, type MappingOrigin, type StagedPreparation } from './prepare-file';

/** What the send pipeline asks of the preparation (plain data: it crosses to the preparation worker). */
export type SendPreparationJob = Readonly<{
  sourcePath: string;
  /** The destination, already resolved by the pipeline. */
  destination: Destination;
  /** The settings folder (remembered mappings, kept rejected rows). */
  home: string;
  /** The run's start (names the files), as an ISO date. */
  now: string;
  /** The run id: names the kept rejected rows. */
  runId: string;
  /** Where the prepared files are written (unless the file is held). */
  outbox: string;
  alreadySentNames: readonly string[];
  /** The sheet and header line, and the size and time the file had when it was hashed. */
  source?: Readonly<{ sheet?: string; headerRow?: number; expected?: FileStamp }>;
  mapping?: ColumnMapping;
  fixes?: readonly Fix[];
  excludeInvalid?: boolean;
  holdOnHeaderChange?: boolean;
  expectedHeaders?: readonly string[] | null;
  /** How many issues to bring back whole (the CLI's `--json` report lists them all; the app counts). Default 0. */
  maxIssues?: number;
  /** The recordings folder's listing, when the destination sends recordings with the records. */
  recordings?: RecordingsFolder;
  /** The language of the kept rows-left-out file (default English). */
  language?: Language;
}>;

/** A prepared file, written in the outbox (`path` is null when the file is held and nothing was written). */
export type PreparedSendFile = Readonly<{
  name: string;
  rows: number;
  bytes: number;
  sha256: string;
  path: string | null;
}>;

/** What the pipeline needs of a preparation: counts, the hold decision and the written files, no row data. */
export type PreparedSend = Readonly<{
  destination: string;
  mapping: Readonly<Record<string, string | null>>;
  mappingOrigin: MappingOrigin;
  sourceColumns: readonly string[];
  headerChanges: HeaderChanges | null;
  rowCount: number;
  validRowCount: number;
  writtenRowCount: number;
  /** Later duplicates the destination leaves out. */
  duplicateRowCount: number;
  blocked: boolean;
  /** Issue count per code. */
  summary: Readonly<Record<string, number>>;
  /** How many rows had each issue code (a row with two e-mail problems counts once). */
  issueRows: Readonly<Record<string, number>>;
  issueCount: number;
  /** The first `maxIssues` issues. */
  issues: readonly RowIssue[];
  files: readonly PreparedSendFile[];
  /** Why the file must not be sent as it is, or null. */
  held: PlainError | null;
  /** Where the rows left out are kept for the person who made the export, or why they could not be. */
  rejectedRows: Readonly<{ path: string | null; error: PlainError | null }>;
  /** The thread that prepared the file (0 is a process's main thread). */
  thread: number;
  /** The recordings the written rows name (relative to the folder, each once); absent without a folder. */
  recordings?: readonly string[];
}>;

export type PrepareOptions = Readonly<{
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  /** The run's redacting log (the worker's lines are forwarded to it). */
  logger?: Logger;
}>;

/** How the pipeline prepares a file: in the preparation worker (every caller), or in this thread (benchmark reference, tests). */
export type Preparer = (job: SendPreparationJob, options?: PrepareOptions) => Promise<PreparedSend>;

/**
 * Reads, maps, validates and encodes a file for a send, keeps its rejected rows and writes the
 * prepared files to the outbox unless the file is held. Returns counts only, so handing the
 * result back from a worker costs the receiving thread nothing.
 */
export const prepareInThisThread: Preparer = async (job, options = {}) => {
  // Large plain-text outputs are never held in memory whole: each part goes to the outbox's
  // private spill folder once complete, and takes its name there unless the file is held.
  const preparation = await prepareFileInto(
    job.sourcePath,
    job.destination,
    {
      alreadySentNames: job.alreadySentNames,
      source: job.source,
      mapping: job.mapping,
      fixes: job.fixes,
      excludeInvalid: job.excludeInvalid,
      now: new Date(job.now),
      home: job.home,
      signal: options.signal,
      onProgress: options.onProgress,
      recordings: job.recordings,
    },
    job.outbox,
    { hash: true }
  );
  try {
    return await summedUp(job, preparation);
  } finally {
    await preparation.dispose();
  }
};

/** Keeps the rejected rows, writes the files unless held, and sums the preparation up. */
async function summedUp(
  job: SendPreparationJob,
  preparation: StagedPreparation
): Promise<PreparedSend> {
  // The rows left out stay available to whoever made the export (History → rejected rows).
  const rejectedRows = await saveRejectedRows(job.home, job.runId, preparation, job.language).then(
    path => ({ path, error: null }),
    (error: unknown) => ({ path: null, error: toPlainError(error) })
  );
  const held = heldBecause(job, preparation);
  const paths = held
    ? null
    : new Map((await preparation.write()).map(path => [basename(path), path]));
  return {
    destination: preparation.destination,
    mapping: preparation.mapping,
    mappingOrigin: preparation.mappingOrigin,
    sourceColumns: preparation.source.columns,
    headerChanges: preparation.headerChanges,
    rowCount: preparation.rowCount,
    validRowCount: preparation.validRowCount,
    writtenRowCount: preparation.writtenRowCount,
    duplicateRowCount: preparation.duplicateRowCount,
    blocked: preparation.blocked,
    summary: preparation.summary,
    issueRows: issueCountsByRow(preparation.issues),
    issueCount: preparation.issues.length,
    issues: preparation.issues.slice(0, job.maxIssues ?? 0),
    files: preparation.files.map(f => ({
      name: f.name,
      rows: f.rows,
      bytes: f.size,
      sha256: f.sha256!,
      path: paths?.get(f.name) ?? null,
    })),
    held,
    rejectedRows,
    thread: threadId,
    ...(preparation.recordings ? { recordings: preparation.recordings } : {}),
  };
}

/**
 * Prepares in the preparation worker thread, so the app's main thread (windows, tray, IPC) never
 * carries the parsing and encoding of a large file. Cancelling stops the worker.
 */
export function createWorkerPreparer(): Preparer {
  return (job, options = {}) =>
    runWorker<{ kind: 'send'; job: SendPreparationJob }, ReadProgress, PreparedSend>(
      'prepare',
      { kind: 'send', job },
      options
    );
}

/** Why a prepared file must not be sent as it is, or null. */
function heldBecause(job: SendPreparationJob, preparation: StagedPreparation): PlainError | null {
  const changes =
    preparation.headerChanges ??
    (job.expectedHeaders ? compareHeaders(job.expectedHeaders, preparation.source.columns) : null);
  if (job.holdOnHeaderChange && changes && !noChanges(changes)) {
    const parts = [
      ...changes.renamed.map(r => `“${r.from}” is now “${r.to}”`),
      ...changes.added.map(a => `“${a}” is new`),
      ...changes.gone.map(g => `“${g}” is gone`),
    ];
    // Names only: each language puts its own quotes and words around them.
    const columns = [
      ...new Set([
        ...changes.renamed.flatMap(r => [r.from, r.to]),
        ...changes.added,
        ...changes.gone,
      ]),
    ].join(', ');
    return {
      code: 'send.header-changed',
      message: `The columns of this export changed since the mapping was saved (${parts.join('; ')}). Check the mapping, then send again.`,
      params: { columns },
    };
  }
  if (preparation.blocked) {
    const errorRows =
      preparation.rowCount - preparation.validRowCount - preparation.duplicateRowCount;
    return {
      code: 'send.rows-have-errors',
      message: `${errorRows} ${errorRows === 1 ? 'row has a problem' : 'rows have problems'} that the destination would refuse. Fix ${errorRows === 1 ? 'it' : 'them'}, or choose to leave out the invalid rows.`,
      params: { count: errorRows },
    };
  }
  if (preparation.files.length === 0 || preparation.writtenRowCount === 0) {
    return { code: 'send.nothing-to-send', message: 'No row is left to send.' };
  }
  return null;
}

/** How many rows had each issue code (a row with two e-mail problems counts once). */
function issueCountsByRow(issues: readonly RowIssue[]): Record<string, number> {
  const seen = new Map<string, Set<number>>();
  for (const issue of issues) {
    const rows = seen.get(issue.code) ?? new Set<number>();
    rows.add(issue.row ?? -1);
    seen.set(issue.code, rows);
  }
  return Object.fromEntries([...seen].map(([code, rows]) => [code, rows.size]));
}
