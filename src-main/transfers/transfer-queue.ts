import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Transport } from '../../src-core/destinations/transport';
import { isOwnerAlive, withFileLock, writeFileAtomic } from '../settings/file-lock';
import { keepDamaged, readSettingsText, tellSettingsProblem } from '../settings/settings-file';
import type { TransferFailure } from './transfer-errors';

/** Which run of which process is sending a queued file right now. */
export type QueueClaim = Readonly<{
  pid: number;
  /** Names the run (a process can run several uploads, in worker threads). */
  token: string;
  /** ISO time the claim was made. */
  at: string;
  host?: string;
}>;

/** One file waiting to be delivered, as kept in `<home>/queue.json`. */
export type QueueItem = Readonly<{
  id: string;
  destination: string;
  /** The destination's transport when queued (no secrets: those stay in the keychain). */
  transport: Transport;
  localPath: string;
  remoteName: string;
  size: number;
  sha256: string;
  /** The contiguous offset the server acknowledged (SFTP resume after a crash). */
  writtenOffset?: number;
  renameStarted?: boolean;
  /** The temporary name on the server while it uploads (so it can be removed if not resumed). */
  temporaryName?: string;
  createdAt: string;
  /** The last failure, when a run gave up on it (the next start tries again). */
  lastError?: TransferFailure;
  /** Set while a run is sending it, so no other run (or other Courier) sends it too. */
  claim?: QueueClaim;
}>;

/**
 * The queue as read: its items, and what it holds that cannot be read as an item (`kept`: `null`,
 * an item of another shape), carried forward untouched whenever the file is written.
 */
type QueueFile = { version: 1; items: QueueItem[]; kept: unknown[] };

const isQueueItem = (value: unknown): value is QueueItem => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.id === 'string' &&
    typeof item.destination === 'string' &&
    !!item.transport &&
    typeof item.transport === 'object' &&
    typeof item.localPath === 'string' &&
    typeof item.remoteName === 'string' &&
    typeof item.sha256 === 'string' &&
    typeof item.size === 'number'
  );
};

/** The queue file of a settings folder. */
export const queuePath = (home: string): string => join(home, 'queue.json');

/** A new queue item id (it also names the temporary remote file). */
export function newQueueId(): string {
  return randomBytes(8).toString('hex');
}

// The runs of this thread that are sending now (each worker thread has its own).
const activeTokens = new Set<string>();
const HOST = hostname();

/** A claim for one run of this process; `done` forgets it once the run has ended. */
export function newClaim(
  now: () => Date = () => new Date()
): QueueClaim & Readonly<{ done: () => void }> {
  const token = randomBytes(8).toString('hex');
  activeTokens.add(token);
  return {
    pid: process.pid,
    token,
    at: now().toISOString(),
    host: HOST,
    done: () => activeTokens.delete(token),
  };
}

const plainClaim = (claim: QueueClaim): QueueClaim => ({
  pid: claim.pid,
  token: claim.token,
  at: claim.at,
  ...(claim.host !== undefined ? { host: claim.host } : {}),
});

/**
 * Whether `claim` may be taken over: its process has gone (a crash, a SIGKILL), or it was made by
 * this process in a run that has ended without letting go (a paused upload's worker thread is
 * terminated) and the caller says such runs are over (`ownProcess`).
 */
function isClaimFree(claim: QueueClaim | undefined, ownProcess: boolean): boolean {
  if (!claim) return true;
  if (!isOwnerAlive({ pid: claim.pid, at: claim.at, host: claim.host })) return true;
  if (claim.pid !== process.pid || (claim.host !== undefined && claim.host !== HOST)) return false;
  return ownProcess && !activeTokens.has(claim.token);
}

/** Options of `TransferQueue.claim`. */
export type ClaimOptions = Readonly<{
  /** Which items (all when missing). */
  only?: readonly string[];
  /**
   * Also take items claimed by an ended run of this same process (the caller knows that run is
   * over: resuming a paused upload). Claims of runs active in this thread are never taken.
   */
  takeOverOwnProcess?: boolean;
}>;

/**
 * The persistent transfer queue: files stay in `<home>/queue.json` from before the upload starts
 * until they are delivered, so a quit, a crash or a SIGKILL mid-upload is resumed at next start.
 *
 * Every change is a read-modify-write under the lock `<home>/queue.json.lock`, shared with every
 * other Courier process (the app, its worker threads, the CLI): the file is re-read inside the
 * lock, changed, written to a temporary file and renamed into place. The lock is held for that
 * only, never during an upload. A run claims the items it sends (`claim`), so two processes that
 * resume the same queue never send the same file.
 */
export type TransferQueue = Readonly<{
  list: () => Promise<QueueItem[]>;
  add: (items: readonly QueueItem[]) => Promise<void>;
  /**
   * Adds a new upload's items (claimed by its run) unless the same content is queued for the same
   * destination by a run still going (here or in another Courier): then adds nothing and resolves
   * with those items as `busy`. A copy left queued by a run that ended (failed, crashed) is
   * replaced, so the next start does not send it again; but a copy whose rename had started may
   * be on the server already: it is not replaced but `adopted` (claimed for this run, to be
   * finished instead of the new item). `force` (send again on purpose) skips all of this.
   * The copies replaced are returned as `replaced`: their temporary files on the server are
   * leftovers for the new run to remove.
   */
  enqueue: (
    items: readonly QueueItem[],
    options?: Readonly<{ force?: boolean }>
  ) => Promise<Readonly<{ busy: QueueItem[]; adopted: QueueItem[]; replaced: QueueItem[] }>>;
  /**
   * Changes an item (if it is still queued). With `owner`, only while that claim holds it: a run
   * whose item was taken over leaves it alone.
   */
  update: (id: string, patch: Partial<Omit<QueueItem, 'id'>>, owner?: QueueClaim) => Promise<void>;
  remove: (id: string) => Promise<void>;
  /** Claims the free items for `claim`'s run; resolves with the items claimed, as queued now. */
  claim: (claim: QueueClaim, options?: ClaimOptions) => Promise<QueueItem[]>;
  /**
   * Lets go of the items `claim` holds (all, or `only` these), applying `patch` to them: a failed
   * run keeps its files queued with `lastError`, for the next try.
   */
  release: (
    claim: QueueClaim,
    options?: Readonly<{
      only?: readonly string[];
      patch?: Partial<Omit<QueueItem, 'id' | 'claim'>>;
    }>
  ) => Promise<void>;
}>;

// Within a thread, one change of a queue file at a time whichever `TransferQueue` makes it (fewer
// lock waits); across threads and processes, the lock file.
const chains = new Map<string, Promise<unknown>>();

/** Opens the transfer queue of a settings folder. */
export function openTransferQueue(home: string): TransferQueue {
  const path = queuePath(home);
  const lock = `${path}.lock`;
  /**
   * The queue as it is on disk. A file that cannot be read (damaged outside Courier, a folder in
   * its place) is, inside the lock (`keepAside`), moved to `queue.json.damaged-<time>` before a
   * new queue replaces it, and the person is told: its uploads are never silently dropped. Items
   * that cannot be read are kept in the file, untouched, and said once.
   */
  const read = async (keepAside = false): Promise<QueueFile> => {
    const found = await readSettingsText(path);
    if (found.kind === 'missing') return { version: 1, items: [], kept: [] };
    if (found.kind === 'text') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(found.text);
      } catch {
        parsed = null;
      }
      const items = (parsed as { items?: unknown } | null)?.items;
      if (Array.isArray(items)) {
        const kept = items.filter(item => !isQueueItem(item));
        if (kept.length > 0) {
          tellSettingsProblem({
            code: 'queue.items-unreadable',
            message: `${kept.length === 1 ? 'One upload' : `${kept.length} uploads`} in Courier's upload queue (“${path}”) cannot be read. Courier leaves ${kept.length === 1 ? 'it' : 'them'} in the file untouched and sends the others; ask your IT colleague to look at the file.`,
            params: { file: path, count: kept.length },
            file: path,
          });
        }
        return { version: 1, items: items.filter(isQueueItem), kept };
      }
    }
    if (!keepAside) {
      tellSettingsProblem({
        code: 'queue.unreadable',
        message: `Courier's upload queue (“${path}”) cannot be read, so the uploads it holds are not shown or resumed. Courier keeps the file aside the next time it queues an upload; ask your IT colleague to look at it.`,
        params: { file: path },
        file: path,
      });
      return { version: 1, items: [], kept: [] };
    }
    const kept = await keepDamaged(path);
    tellSettingsProblem({
      code: 'queue.damaged',
      message: `Courier's upload queue (“${path}”) could not be read. Courier kept it as “${kept}”, untouched, and started a new queue: the uploads it held are not resumed. Send those files again, or ask your IT colleague to look at the kept file.`,
      params: { file: path, kept },
      file: path,
    });
    return { version: 1, items: [], kept: [] };
  };
  /** `edit` returns false when it changed nothing (no write). */
  const change = <T>(edit: (queue: QueueFile) => { changed: boolean; value: T }): Promise<T> => {
    // The lock file's folder is created with it (the settings folder itself).
    const next = (chains.get(path) ?? Promise.resolve()).then(() =>
      withFileLock(
        lock,
        async held => {
          const queue = await read(true);
          const { changed, value } = edit(queue);
          // What could not be read is written back as it was, after the items.
          const file = { version: 1, items: [...queue.items, ...queue.kept] };
          if (changed) await writeFileAtomic(path, JSON.stringify(file, null, 1), held);
          return value;
        },
        { what: 'the upload queue' }
      )
    );
    chains.set(
      path,
      next.catch(() => undefined)
    );
    return next;
  };
  const ownedBy = (item: QueueItem, owner: QueueClaim | undefined): boolean =>
    !owner || item.claim?.token === owner.token;
  return {
    list: async () => {
      await chains.get(path);
      // Renamed into place whole: a read needs no lock.
      return (await read()).items;
    },
    add: items =>
      change(queue => {
        queue.items.push(
          ...items.map(item => (item.claim ? { ...item, claim: plainClaim(item.claim) } : item))
        );
        return { changed: true, value: undefined };
      }),
    enqueue: (items, { force = false } = {}) =>
      change(queue => {
        const same = (queued: QueueItem) =>
          !force &&
          items.some(
            item =>
              item.id !== queued.id &&
              item.destination === queued.destination &&
              item.sha256 === queued.sha256
          );
        const busy = queue.items.filter(
          queued => same(queued) && !isClaimFree(queued.claim, false)
        );
        const none: QueueItem[] = [];
        if (busy.length > 0)
          return { changed: false, value: { busy, adopted: none, replaced: none } };
        const twin = (queued: QueueItem) =>
          items.find(
            item => item.destination === queued.destination && item.sha256 === queued.sha256
          );
        const adopted: QueueItem[] = [];
        const replaced: QueueItem[] = [];
        queue.items = queue.items.flatMap(queued => {
          if (!same(queued)) return [queued];
          if (!queued.renameStarted) {
            replaced.push(queued);
            return [];
          }
          const claim = twin(queued)?.claim;
          const taken = claim ? { ...queued, claim: plainClaim(claim) } : queued;
          adopted.push(taken);
          return [taken];
        });
        const fresh = items.filter(
          item => !adopted.some(a => a.destination === item.destination && a.sha256 === item.sha256)
        );
        queue.items.push(
          ...fresh.map(item => (item.claim ? { ...item, claim: plainClaim(item.claim) } : item))
        );
        return { changed: true, value: { busy: none, adopted, replaced } };
      }),
    update: (id, patch, owner) =>
      change(queue => {
        let changed = false;
        queue.items = queue.items.map(item => {
          if (item.id !== id || !ownedBy(item, owner)) return item;
          changed = true;
          return { ...item, ...patch };
        });
        return { changed, value: undefined };
      }),
    remove: id =>
      change(queue => {
        const before = queue.items.length;
        queue.items = queue.items.filter(item => item.id !== id);
        return { changed: queue.items.length !== before, value: undefined };
      }),
    claim: (claim, options = {}) =>
      change(queue => {
        const claimed: QueueItem[] = [];
        const mine = plainClaim(claim);
        queue.items = queue.items.map(item => {
          if (options.only && !options.only.includes(item.id)) return item;
          if (
            item.claim?.token !== claim.token &&
            !isClaimFree(item.claim, options.takeOverOwnProcess ?? false)
          )
            return item;
          const taken = { ...item, claim: mine };
          claimed.push(taken);
          return taken;
        });
        return { changed: claimed.length > 0, value: claimed };
      }),
    release: (claim, { only, patch = {} } = {}) =>
      change(queue => {
        let changed = false;
        queue.items = queue.items.map(item => {
          if (item.claim?.token !== claim.token || (only && !only.includes(item.id))) return item;
          changed = true;
          const { claim: _released, ...rest } = { ...item, ...patch };
          return rest;
        });
        return { changed, value: undefined };
      }),
  };
}
