import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Run, RunReceipt, redactValue, type RunInput } from '../../src-core/history/run';
import { redactValue as redactSecrets } from '../logging/redact';
import { withFileLock, writeFileAtomic, type HeldLock } from '../settings/file-lock';
import {
  keepDamagedAndTell,
  readSettingsJson,
  tellSettingsProblem,
} from '../settings/settings-file';
import { appendJsonLine, readLines } from './json-lines';

export { Run, type RunInput } from '../../src-core/history/run';
export type { RunOutcome, RunTrigger } from '../../src-core/history/run';

/** How long runs are kept: at most `days` old and/or at most `count` runs (null = no limit). */
export const HistoryRetention = z.object({
  days: z.number().int().positive().nullable().default(365),
  count: z.number().int().positive().nullable().default(null),
});
export type HistoryRetention = z.infer<typeof HistoryRetention>;

/** The run history of one settings folder. */
export type HistoryStore = Readonly<{
  /** Records a run (one append; redacts e-mail addresses; applies retention) and returns it with its id. */
  append: (run: RunInput) => Promise<Run>;
  /** Runs, newest first. */
  listRuns: (options?: { limit?: number }) => Promise<Run[]>;
  getRun: (id: string) => Promise<Run | null>;
  getRetention: () => Promise<HistoryRetention>;
  setRetention: (retention: Partial<HistoryRetention>) => Promise<HistoryRetention>;
  /**
   * Called after each append to this file by any store in this process (the IPC layer emits
   * `history:added`); returns an unsubscribe.
   */
  onAdded: (listener: (run: Run) => void) => () => void;
  /**
   * Records what the platform did with a run's files (its receipt), as one more appended line;
   * returns the updated run, or null when the run is not (or no longer) in the history.
   */
  recordReceipt: (runId: string, receipt: RunReceipt) => Promise<Run | null>;
  /** Called after a run changed (its receipt came); returns an unsubscribe. */
  onUpdated: (listener: (run: Run) => void) => () => void;
  /** The JSON-lines file (for diagnostics and tests). */
  file: string;
}>;

/** A later fact about a run, appended rather than rewritten (the file stays append-only). */
const ReceiptLine = z.object({ receiptFor: z.string(), receipt: RunReceipt, at: z.string() });
type ReceiptLine = z.infer<typeof ReceiptLine>;

const MIN_RECORD_BYTES = 200;

type Shared = {
  listeners: Set<(run: Run) => void>;
  updated: Set<(run: Run) => void>;
  queue: Promise<unknown>;
};
// Process-wide on purpose: every store of one history file in this process (the app's, a job's)
// shares one write queue and one set of listeners, so writes are serialised and all are told.
const sharedByFile = new Map<string, Shared>();
function sharedState(file: string): Shared {
  let shared = sharedByFile.get(file);
  if (!shared) {
    shared = { listeners: new Set(), updated: new Set(), queue: Promise.resolve() };
    sharedByFile.set(file, shared);
  }
  return shared;
}

type Options = Readonly<{
  /** The clock used for retention by age (tests pass a fixed one). */
  now?: () => Date;
}>;

/**
 * Opens the run history `<home>/history.jsonl`.
 *
 * Crash safety: each run is one `appendFile` of one JSON line, so a crash can at worst leave a torn
 * last line, which reading skips (and the next append starts on a fresh line). Retention rewrites
 * the file to a temporary name and renames it over the old one, so the file is never half written.
 *
 * Several processes (the app, `courier send`, cron's `courier jobs run-due`) write the same file:
 * appends and retention rewrites take the lock `<home>/history.jsonl.lock`, so a rewrite never
 * drops a run another process appended while it was reading. Reading needs no lock.
 */
export function createHistoryStore(home: string, options: Options = {}): HistoryStore {
  const file = join(home, 'history.jsonl');
  const settingsFile = join(home, 'history-settings.json');
  const now = options.now ?? (() => new Date());
  // Every store of the same file in this process shares its listeners and its queue, so the
  // app hears about a run whichever part of it recorded the run (the pipeline opens its own store).
  const shared = sharedState(file);
  const listeners = shared.listeners;
  // One write at a time in this process, and under the file's lock across processes.
  const serial = <T>(task: (held: HeldLock) => Promise<T>): Promise<T> => {
    const locked = () => withFileLock(`${file}.lock`, task, { what: 'the run history' });
    const next = shared.queue.then(locked, locked);
    shared.queue = next.catch(() => undefined);
    return next;
  };

  function parseLine(line: string): Run | ReceiptLine | null {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return null; // a torn line
    }
    const run = Run.safeParse(value);
    if (run.success) return run.data;
    const receipt = ReceiptLine.safeParse(value);
    return receipt.success ? receipt.data : null;
  }
  const isReceipt = (entry: Run | ReceiptLine): entry is ReceiptLine => 'receiptFor' in entry;

  const notify = (set: Set<(run: Run) => void>, run: Run): void => {
    for (const listener of [...set]) {
      try {
        listener(run);
      } catch {
        // A listener's failure (a closed window, say) must not fail what was recorded.
      }
    }
  };

  /** Newest first, parsing only as many lines as needed (the file can hold many runs). */
  async function scanNewest(
    keep: (run: Run) => boolean,
    cap: number,
    needle?: string
  ): Promise<Run[]> {
    const lines = await readLines(file);
    const receipts = new Map<string, RunReceipt>();
    const runs: Run[] = [];
    for (let i = lines.length - 1; i >= 0 && runs.length < cap; i--) {
      // Looking for one run: lines that do not even mention it need no parsing.
      if (needle !== undefined && !lines[i]!.includes(needle)) continue;
      const entry = parseLine(lines[i]!);
      if (!entry) continue;
      if (isReceipt(entry)) {
        // Read from the end, the first receipt seen for a run is its latest.
        if (!receipts.has(entry.receiptFor)) receipts.set(entry.receiptFor, entry.receipt);
        continue;
      }
      const receipt = receipts.get(entry.id);
      const run = receipt ? { ...entry, receipt } : entry;
      if (keep(run)) runs.push(run);
    }
    return runs;
  }

  const readRetention = () =>
    readSettingsJson(settingsFile, value => HistoryRetention.safeParse(value).data ?? null);
  async function getRetention(): Promise<HistoryRetention> {
    const found = await readRetention();
    return found.kind === 'ok' ? found.value : HistoryRetention.parse({});
  }

  function retained(runs: readonly Run[], retention: HistoryRetention): Run[] {
    let kept = [...runs];
    if (retention.days !== null) {
      const cutoff = now().getTime() - retention.days * 86_400_000;
      kept = kept.filter(r => Date.parse(r.startedAt) >= cutoff);
    }
    if (retention.count !== null && kept.length > retention.count)
      kept = kept.slice(kept.length - retention.count);
    return kept;
  }

  // Whether retention could drop anything, without reading the whole file on every append: runs
  // are appended in order, so the first line is the oldest, and a record is never under 200 bytes.
  async function mayExceed(retention: HistoryRetention): Promise<boolean> {
    let handle;
    try {
      handle = await open(file, 'r');
    } catch {
      return false;
    }
    try {
      const { size } = await handle.stat();
      if (retention.count !== null && size > retention.count * MIN_RECORD_BYTES) return true;
      if (retention.days === null) return false;
      const head = new Uint8Array(Math.min(size, 64 * 1024));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      // The oldest run this version can date (a first line it cannot read is kept by a rewrite).
      const headText = new TextDecoder().decode(head.subarray(0, bytesRead));
      const startedAt = /"startedAt":"([^"]+)"/.exec(headText)?.[1];
      if (!startedAt) return size > 0;
      return Date.parse(startedAt) < now().getTime() - retention.days * 86_400_000;
    } finally {
      await handle.close();
    }
  }

  /**
   * Applies retention by rewriting the file, folding receipts into their runs. A line it cannot
   * read (a run written by a newer Courier, a damaged line) is carried forward verbatim, in place:
   * tidying the history never deletes what this version does not understand.
   */
  async function compactIfNeeded(held: HeldLock): Promise<void> {
    // Retention that cannot be read removes nothing (it may have said "keep everything").
    const found = await readRetention();
    if (found.kind === 'damaged') return;
    const retention = found.kind === 'ok' ? found.value : HistoryRetention.parse({});
    if (!(await mayExceed(retention))) return;
    const lines = (await readLines(file)).map(line => ({ line, entry: parseLine(line) }));
    const runs = new Map<string, Run>();
    const lastLineOf = new Map<string, number>();
    for (const [index, { entry }] of lines.entries()) {
      if (!entry) continue;
      if (!isReceipt(entry)) {
        runs.set(entry.id, entry);
        lastLineOf.set(entry.id, index);
        continue;
      }
      const target = runs.get(entry.receiptFor);
      if (target) runs.set(target.id, { ...target, receipt: entry.receipt });
    }
    const kept = retained([...runs.values()], retention);
    if (kept.length === runs.size) return;
    const keep = new Set(kept.map(run => run.id));
    let carried = 0;
    const out: string[] = [];
    for (const [index, { line, entry }] of lines.entries()) {
      if (!entry) {
        carried++;
        out.push(line);
      } else if (!isReceipt(entry)) {
        // A run once, at its last line, with its latest receipt folded in.
        if (keep.has(entry.id) && lastLineOf.get(entry.id) === index)
          out.push(JSON.stringify(runs.get(entry.id)));
      } else if (!runs.has(entry.receiptFor)) {
        // The receipt of a run this version cannot read: kept with it.
        carried++;
        out.push(line);
      }
    }
    await writeFileAtomic(file, out.map(line => `${line}\n`).join(''), held);
    if (carried > 0) {
      tellSettingsProblem({
        code: 'history.lines-kept',
        message: `${carried === 1 ? 'One line' : `${carried} lines`} of the run history (“${file}”) could not be read (written by a newer Courier, or damaged). Courier kept ${carried === 1 ? 'it' : 'them'} as ${carried === 1 ? 'it was' : 'they were'} when it removed old runs.`,
        params: { file, count: carried },
        file,
      });
    }
  }

  return {
    file,
    append: run =>
      serial(async held => {
        // No e-mail address (core) and no secret the keychain has handled (main) is ever stored.
        const record = Run.parse(
          redactSecrets(redactValue({ ...run, id: run.id ?? randomUUID() }))
        );
        await appendJsonLine(file, record);
        await compactIfNeeded(held);
        notify(listeners, record);
        return record;
      }),
    recordReceipt: (runId, receipt) =>
      serial(async () => {
        const [run] = await scanNewest(r => r.id === runId, 1, JSON.stringify(runId));
        if (!run) return null;
        const line: ReceiptLine = {
          receiptFor: runId,
          receipt: redactValue(RunReceipt.parse(receipt)),
          at: now().toISOString(),
        };
        await appendJsonLine(file, line);
        const updated = { ...run, receipt: line.receipt };
        notify(shared.updated, updated);
        return updated;
      }),
    onUpdated: listener => {
      const own = (run: Run) => listener(run);
      shared.updated.add(own);
      return () => {
        shared.updated.delete(own);
      };
    },
    listRuns: async ({ limit } = {}) => {
      // Newest first, parsing only as many lines as are returned (the file can hold many runs).
      const retention = await getRetention();
      const cap = Math.max(0, Math.min(limit ?? Infinity, retention.count ?? Infinity));
      const cutoff =
        retention.days === null ? -Infinity : now().getTime() - retention.days * 86_400_000;
      return scanNewest(run => Date.parse(run.startedAt) >= cutoff, cap);
    },
    getRun: async id => (await scanNewest(run => run.id === id, 1, JSON.stringify(id)))[0] ?? null,
    getRetention,
    setRetention: retention =>
      serial(async held => {
        const next = HistoryRetention.parse({ ...(await getRetention()), ...retention });
        // A damaged file is kept aside (and said), never written over.
        if ((await readRetention()).kind === 'damaged')
          await keepDamagedAndTell(settingsFile, 'how long the history is kept');
        await writeFileAtomic(settingsFile, `${JSON.stringify(next, null, 2)}\n`, held);
        await compactIfNeeded(held);
        return next;
      }),
    onAdded: listener => {
      const own = (run: Run) => listener(run);
      listeners.add(own);
      return () => {
        listeners.delete(own);
      };
    },
  };
}
