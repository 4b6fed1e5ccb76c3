import { hostname } from 'node:os';
import { join } from 'node:path';
import { withSuffix } from '../../src-core/output/file-name';
import { isOwnerAlive, withFileLock, writeFileAtomic } from '../settings/file-lock';
import { readSettingsText } from '../settings/settings-file';
import { openLedger } from './ledger';
import { queuePath } from './transfer-queue';

/**
 * A remote file name held for a run that has prepared it and not finished yet, so another run to
 * the same destination (another job, a send from the window, `courier jobs serve` or `run-due` in
 * another process) prepared in the same second does not send under the same name.
 */
export type NameReservation = Readonly<{
  destination: string;
  name: string;
  /** The run holding it. */
  run: string;
  pid: number;
  host: string;
  /** ISO time (real clock) it was reserved: a record older than its process is not alive. */
  at: string;
}>;

/** The reservations file of a settings folder. */
export const reservationsPath = (home: string): string => join(home, 'names-reserved.json');

const HOST = hostname();

const isReservation = (value: unknown): value is NameReservation => {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.destination === 'string' &&
    typeof r.name === 'string' &&
    typeof r.run === 'string' &&
    typeof r.pid === 'number' &&
    typeof r.at === 'string'
  );
};

/** The reservations on disk whose process still runs (a crashed run holds no name). */
async function readReservations(home: string): Promise<NameReservation[]> {
  const found = await readSettingsText(reservationsPath(home));
  if (found.kind !== 'text') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(found.text);
  } catch {
    // Torn or damaged: it holds only names of runs in progress; theirs are also in the queue soon.
    return [];
  }
  const list = (parsed as { reservations?: unknown } | null)?.reservations;
  return Array.isArray(list) ? list.filter(isReservation).filter(isOwnerAliveFor) : [];
}

const isOwnerAliveFor = (r: NameReservation): boolean =>
  isOwnerAlive({ pid: r.pid, at: r.at, host: r.host });

/**
 * Names waiting in the upload queue for `destination` (failed or interrupted uploads that will be
 * resumed under them). Read straight from the file: the caller may hold the queue's lock.
 */
async function queuedNames(home: string, destination: string): Promise<string[]> {
  const found = await readSettingsText(queuePath(home));
  if (found.kind !== 'text') return [];
  try {
    const items = (JSON.parse(found.text) as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) return [];
    return items.flatMap(item => {
      const i = item as { destination?: unknown; remoteName?: unknown } | null;
      return i && i.destination === destination && typeof i.remoteName === 'string'
        ? [i.remoteName]
        : [];
    });
  } catch {
    return [];
  }
}

/**
 * Every name taken on `destination` for a new run: sent before (the ledger), waiting in the
 * upload queue, or held by a run in progress (except `exceptRun`'s own). A ledger that cannot be
 * read rejects (`transfer.ledger-unreadable`), as for a send.
 */
export async function namesInUse(
  home: string,
  destination: string,
  exceptRun?: string
): Promise<string[]> {
  const [sent, queued, reserved] = await Promise.all([
    openLedger(home).entriesFor(destination),
    queuedNames(home, destination),
    readReservations(home),
  ]);
  return [
    ...sent.map(e => e.remoteName),
    ...queued,
    ...reserved.filter(r => r.destination === destination && r.run !== exceptRun).map(r => r.name),
  ];
}

// The queue's lock: the ledger and queue are read, and the reservations written, as one step
// that no other run in this or another Courier process can interleave with.
const lockOf = (home: string): string => `${queuePath(home)}.lock`;

async function writeReservations(
  home: string,
  reservations: readonly NameReservation[],
  guard: Parameters<typeof writeFileAtomic>[2]
): Promise<void> {
  await writeFileAtomic(
    reservationsPath(home),
    `${JSON.stringify({ version: 1, reservations }, null, 1)}\n`,
    guard
  );
}

/**
 * Reserves the names a run has prepared for `destination`: each name that is taken (see
 * `namesInUse`, or an earlier name of this call) gets `_2`, `_3`… as `fileNames` does. Resolves
 * with the names the run must send under, in order. Release them with `releaseNames` when the
 * run ends, however it ends (a delivered or queued file keeps its name through the ledger or the
 * queue).
 */
export async function reserveNames(
  home: string,
  destination: string,
  run: string,
  wanted: readonly string[]
): Promise<string[]> {
  return withFileLock(
    lockOf(home),
    async held => {
      const taken = new Set((await namesInUse(home, destination, run)).map(n => n.toLowerCase()));
      const names = wanted.map(name => {
        let unique = name;
        for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = withSuffix(name, `_${n}`);
        taken.add(unique.toLowerCase());
        return unique;
      });
      const at = new Date().toISOString();
      const others = (await readReservations(home)).filter(
        r => !(r.run === run && r.destination === destination)
      );
      await writeReservations(
        home,
        [
          ...others,
          ...names.map(name => ({ destination, name, run, pid: process.pid, host: HOST, at })),
        ],
        held
      );
      return names;
    },
    { what: 'the upload queue' }
  );
}

/** Lets go of every name `run` holds (nothing when it holds none). */
export async function releaseNames(home: string, run: string): Promise<void> {
  await withFileLock(
    lockOf(home),
    async held => {
      const all = await readReservations(home);
      const kept = all.filter(r => r.run !== run);
      if (kept.length !== all.length) await writeReservations(home, kept, held);
    },
    { what: 'the upload queue' }
  );
}
