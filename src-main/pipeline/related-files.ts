import { join } from 'node:path';
import type { PlainError } from '../../src-core/errors';
import type { Destination, RelatedFileSet } from '../../src-core/destinations/destination';
import { relatedDestination, type RelatedPlan } from '../../src-core/destinations/related-files';
import type { RunFileSet, RunSource } from '../../src-core/history/run';
import type {
  PrepareOptions,
  PreparedSend,
  PreparedSendFile,
  Preparer,
  SendPreparationJob,
} from '../preparation/send-preparation';
import type { FileStamp } from '../reading/open-source';
import { openLedger, planAgainstLedger } from '../transfers/ledger';

/**
 * The related files of a run (BlueConic's profiles, orders, products): each prepared with its own
 * columns before anything is sent, then uploaded after the main file in the destination's order,
 * through the same queue, ledger and verified transfer; History lists every file and which arrived.
 */

/** A related file, prepared. */
export type PreparedRelated = Readonly<{
  set: RelatedFileSet;
  source: RunSource;
  preparation: PreparedSend;
}>;

/** What preparing the related files needs from the run. */
export type RelatedContext = Readonly<{
  destination: Destination;
  prepare: Preparer;
  /** The main file's preparation job: the run's time, home, names already taken, outbox. */
  base: SendPreparationJob;
  describe: (path: string) => Promise<{ source: RunSource; stamp: FileStamp }>;
  options: PrepareOptions;
}>;

/** The run id a related set's kept rejected rows are named by. */
export const relatedRunId = (runId: string, set: RelatedFileSet): string => `${runId}-${set.name}`;

/**
 * Prepares every related file (nothing is sent yet), each with its set's columns into its own
 * folder of the run's outbox. A file with blocking problems is still prepared, so the hold names it.
 */
export async function prepareRelated(
  plans: readonly RelatedPlan[],
  context: RelatedContext
): Promise<PreparedRelated[]> {
  const out: PreparedRelated[] = [];
  for (const plan of plans) {
    const described = await context.describe(plan.path);
    const preparation = await context.prepare(
      {
        ...context.base,
        sourcePath: plan.path,
        destination: relatedDestination(context.destination, plan.set),
        runId: relatedRunId(context.base.runId, plan.set),
        outbox: join(context.base.outbox, 'related', plan.set.name),
        // The names of the files prepared before this one are taken too (checked again when reserved).
        alreadySentNames: [
          ...context.base.alreadySentNames,
          ...out.flatMap(r => r.preparation.files.map(f => f.name)),
        ],
        source: { expected: described.stamp },
        // Matched by column name (or the remembered mapping); the person's fixes are the main file's.
        mapping: undefined,
        fixes: undefined,
        // All or none: an invalid row holds the whole run rather than leaving an order without its profile.
        excludeInvalid: false,
        holdOnHeaderChange: false,
        expectedHeaders: null,
        recordings: undefined,
      },
      context.options
    );
    out.push({ set: plan.set, source: described.source, preparation });
  }
  return out;
}

/** Why the run is held because of a related file (every file is held with it), or null. */
export function relatedHold(related: readonly PreparedRelated[]): PlainError | null {
  const held = related.find(r => r.preparation.held);
  if (!held) return null;
  const reason = held.preparation.held!;
  return {
    code: 'related.held',
    message: `The ${held.set.name} file “${held.source.fileName}” cannot be sent as it is (${reason.message}), so none of the files was sent.`,
    params: { set: held.set.name, file: held.source.fileName },
  };
}

/** One file of the run in upload order: the main file's parts first, then each related set's. */
export type OutgoingFile = Readonly<{
  set: string;
  source: string;
  rows: number;
  file: PreparedSendFile;
}>;

/** Every file of a run with related files, in upload order. */
export function outgoingFiles(
  main: Readonly<{ source: RunSource; preparation: PreparedSend }>,
  related: readonly PreparedRelated[]
): OutgoingFile[] {
  const files = (set: string, source: RunSource, p: PreparedSend) =>
    p.files.map(file => ({ set, source: source.fileName, rows: p.writtenRowCount, file }));
  return [
    ...files('main', main.source, main.preparation),
    ...related.flatMap(r => files(r.set.name, r.source, r.preparation)),
  ];
}

/**
 * Splits the run's files into those the ledger says this destination already has (a run that
 * stopped part-way: not sent again) and the rest. When it has them all, the run has nothing new
 * (`transfer.already-sent`, as for one file). With `force` every file is sent.
 */
export async function splitDelivered(
  home: string,
  destination: string,
  files: readonly OutgoingFile[],
  force: boolean
): Promise<{ fresh: OutgoingFile[]; before: OutgoingFile[]; names: Map<string, string> }> {
  if (force) return { fresh: [...files], before: [], names: new Map() };
  const ledger = openLedger(home);
  const entries = await ledger.entriesFor(destination);
  const known = new Set(entries.map(e => e.sha256));
  const before = files.filter(f => known.has(f.file.sha256));
  if (before.length === files.length)
    await planAgainstLedger(
      ledger,
      destination,
      files.map(f => ({ remoteName: f.file.name, sha256: f.file.sha256 })),
      false
    );
  // The names the files already there were delivered under, for History.
  const names = new Map(entries.map(e => [e.sha256, e.remoteName]));
  return { fresh: files.filter(f => !known.has(f.file.sha256)), before, names };
}

/** The names the ledger has for files of this run that arrived (the run failed part-way). */
export async function deliveredNames(
  home: string,
  destination: string,
  files: readonly OutgoingFile[]
): Promise<Map<string, string>> {
  const wanted = new Set(files.map(f => f.file.sha256));
  // A ledger that cannot be read names nothing sent before: the related files get fresh names
  // (the send itself reads the ledger again and stops on a real problem).
  const entries = await openLedger(home)
    .entriesFor(destination)
    .catch(() => []);
  return new Map(entries.filter(e => wanted.has(e.sha256)).map(e => [e.sha256, e.remoteName]));
}

/** History's list of the run's files by set, each with what became of it. */
export function runFileSets(
  files: readonly OutgoingFile[],
  status: (
    f: OutgoingFile
  ) => Readonly<{ status: RunFileSet['files'][number]['status']; name?: string }>
): RunFileSet[] {
  const sets: RunFileSet[] = [];
  for (const f of files) {
    let entry = sets.find(s => s.set === f.set);
    if (!entry) {
      entry = { set: f.set, source: f.source, rows: f.rows, files: [] };
      sets.push(entry);
    }
    const { status: s, name } = status(f);
    entry.files.push({
      name: name ?? f.file.name,
      bytes: f.file.bytes,
      sha256: f.file.sha256,
      status: s,
    });
  }
  return sets;
}
