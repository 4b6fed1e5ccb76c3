import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { dirname } from 'node:path';
import { CourierError } from '../../src-core/errors';
import { settingsWriteError } from './settings-file';

/** Who holds a lock file, as written in it. */
export type LockHolder = Readonly<{
  pid: number;
  /** ISO time the lock was taken. */
  startedAt: string;
  /** Names this one taking of the lock (release removes only its own lock). */
  token?: string;
  host?: string;
}>;

/** How a lock is waited for and when a lock left behind is taken over. */
export type FileLockOptions = Readonly<{
  /**
   * A lock older than this is taken over even if its process still runs (a hung process);
   * null: only a lock whose process has gone is taken over (a job run can take hours).
   */
  staleMs?: number | null;
  /** How long to wait for a lock held by another process; 0 gives up at once. */
  timeoutMs?: number;
  /** What the lock protects, in words, for the timeout message ("the upload queue"). */
  what?: string;
}>;

/**
 * A lock this process holds; release it once (later calls do nothing). `stillHeld` says whether
 * it is still ours (a holder that hung past `staleMs` may have been taken over).
 */
export type HeldLock = Readonly<{
  release: () => Promise<void>;
  stillHeld: () => Promise<boolean>;
  holder: LockHolder;
}>;

const DEFAULT_STALE_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 20_000;
// A lock file is created empty and then written; one still empty (or torn by a crash in that
// instant) after this long was left behind.
const UNREADABLE_STALE_MS = 2_000;
const HOST = hostname();
// Within a second of the process's start, for comparing with ISO times written by it.
const PROCESS_STARTED_AT = Date.now() - process.uptime() * 1000 - 1000;
// When this computer started (a minute early, for clock adjustments at boot): whatever a
// process wrote before then is from a process that no longer exists, whatever its id is now.
const BOOTED_AT = Date.now() - uptime() * 1000 - 60_000;

/** Whether a process with this id exists on this computer. */
export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether something written by process `pid` at `at` (ISO) may still be in use by it.
 *
 * A different computer (a shared settings folder) cannot be asked: its processes count as alive.
 * A record made by this process's id before this process started is from an earlier process
 * that happened to have the same id.
 */
export function isOwnerAlive(owner: Readonly<{ pid: number; at: string; host?: string }>): boolean {
  if (owner.host !== undefined && owner.host !== HOST) return true;
  const at = Date.parse(owner.at);
  // Ids are reused after a restart: a record from before it is dead even if its id is alive now.
  if (Number.isFinite(at) && at < BOOTED_AT) return false;
  if (owner.pid === process.pid) return !Number.isFinite(at) || at >= PROCESS_STARTED_AT;
  return isProcessAlive(owner.pid);
}

/** Reads who holds a lock file; null when there is none or it cannot be read. */
export async function readLockHolder(file: string): Promise<LockHolder | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  return text === null ? null : parseHolder(text);
}

type Attempt = Readonly<{ lock: HeldLock }> | Readonly<{ busy: LockHolder | null }>;

/**
 * Tries once to take the lock: an exclusive create (`wx`, O_EXCL) of `file` holding pid and time.
 *
 * A lock whose process has gone, or older than `staleMs`, is taken over (see `takeOver`).
 * Resolves with the held lock, or with who holds it.
 */
export async function tryLockFile(file: string, options: FileLockOptions = {}): Promise<Attempt> {
  const staleMs = options.staleMs === undefined ? DEFAULT_STALE_MS : options.staleMs;
  for (let attempt = 0; attempt < 3; attempt++) {
    const holder: LockHolder = {
      pid: process.pid,
      // The real clock, whatever clock the caller runs on: liveness and age are judged by it.
      startedAt: new Date().toISOString(),
      token: randomBytes(8).toString('hex'),
      host: HOST,
    };
    let handle;
    try {
      handle = await open(file, 'wx', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        // The first lock in a new folder (a fresh settings folder).
        await mkdir(dirname(file), { recursive: true, mode: 0o700 }).catch(failure => {
          throw settingsWriteError(failure, file);
        });
        continue;
      }
      // A read-only, full or misplaced settings folder is said in words, not as Node's text.
      if (code !== 'EEXIST') throw settingsWriteError(error, file);
      const seen = await readFile(file, 'utf8').catch(() => null);
      if (seen === null) continue; // released in between: try again
      const current = parseHolder(seen);
      if (!(await isStale(file, current, staleMs))) return { busy: current };
      await takeOver(file, seen);
      continue;
    }
    try {
      await handle.writeFile(JSON.stringify(holder));
    } catch (error) {
      // Undo under the error thrown below (the one that matters).
      await handle.close().catch(() => undefined);
      await rm(file, { force: true });
      throw settingsWriteError(error, file);
    }
    await handle.close();
    let released = false;
    return {
      lock: {
        holder,
        stillHeld: async () => !released && (await readLockHolder(file))?.token === holder.token,
        release: async () => {
          if (released) return;
          released = true;
          // Only our own lock: if it was taken over (we hung past `staleMs`), the file is theirs.
          if ((await readLockHolder(file))?.token === holder.token) await rm(file, { force: true });
        },
      },
    };
  }
  return { busy: await readLockHolder(file) };
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | null;
    return value && typeof value.pid === 'number' && typeof value.startedAt === 'string'
      ? (value as LockHolder)
      : null;
  } catch {
    return null;
  }
}

async function isStale(
  file: string,
  holder: LockHolder | null,
  staleMs: number | null
): Promise<boolean> {
  if (!holder) {
    // Being written this instant, or left empty by a crash right after it was created.
    const info = await stat(file).catch(() => null);
    return !info || Date.now() - info.mtimeMs > UNREADABLE_STALE_MS;
  }
  if (!isOwnerAlive({ pid: holder.pid, at: holder.startedAt, host: holder.host })) return true;
  if (staleMs === null) return false;
  const started = Date.parse(holder.startedAt);
  return Number.isFinite(started) && Date.now() - started > staleMs;
}

/**
 * Removes a stale lock without removing a fresh one by mistake: two processes that both saw the
 * stale lock must not both remove it (the second would remove the lock the first has just taken).
 * Take-overs go one at a time through a guard file; inside it, the lock is removed only if it is
 * still exactly what was judged stale. A guard left by a crash in that instant is dropped after
 * a moment.
 */
async function takeOver(file: string, seen: string): Promise<void> {
  const guard = `${file}.takeover`;
  let handle;
  try {
    handle = await open(guard, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const info = await stat(guard).catch(() => null);
    if (info && Date.now() - info.mtimeMs > UNREADABLE_STALE_MS) await rm(guard, { force: true });
    return; // another process is taking it over: look again
  }
  try {
    await handle.close();
    if ((await readFile(file, 'utf8').catch(() => null)) === seen) await rm(file, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Takes the lock `file`, waiting with backoff (2 ms doubling to 50 ms, with jitter) while another
 * process holds it, at most `timeoutMs`; then rejects with `settings.busy` in words.
 */
export async function lockFile(file: string, options: FileLockOptions = {}): Promise<HeldLock> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let delay = 2;
  for (;;) {
    const attempt = await tryLockFile(file, options);
    if ('lock' in attempt) return attempt.lock;
    if (Date.now() >= deadline) {
      const holder = attempt.busy;
      throw new CourierError(
        'settings.busy',
        `Another Courier${holder ? ` (process ${holder.pid})` : ''} has been busy with ${options.what ?? 'a settings file'} for too long. Try again in a moment; if this keeps happening, close other Courier windows and commands.`
      );
    }
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())) * (0.5 + Math.random() / 2));
    delay = Math.min(delay * 2, 50);
  }
}

/**
 * Runs `task` holding the lock `file` (see `lockFile`); keep the task short: no network. The task
 * gets the lock, to pass to `writeFileAtomic` as its guard.
 */
export async function withFileLock<T>(
  file: string,
  task: (lock: HeldLock) => Promise<T>,
  options: FileLockOptions = {}
): Promise<T> {
  const lock = await lockFile(file, options);
  try {
    return await task(lock);
  } finally {
    await lock.release();
  }
}

/**
 * Replaces `file` whole: writes a temporary file beside it, syncs it and renames it over the old
 * one, so a reader (or a crash) never sees it half written. Only the holder of the file's lock
 * may replace it (`guard`: the lock held, from `withFileLock`); if another process took the lock
 * over meanwhile, nothing is replaced. The one way Courier replaces a settings file.
 */
export async function writeFileAtomic(file: string, text: string, guard: HeldLock): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    // On disk before the rename: after a power cut the file is the old one or the new one,
    // never an empty one in its place.
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Written under a lock that another process took over (this one hung past its bound): the
    // file is theirs now; this change is dropped rather than written over theirs.
    if (!(await guard.stillHeld())) {
      throw new CourierError(
        'settings.busy',
        'Courier was too slow to save a settings file and let another Courier change it first. Try again.'
      );
    }
    await rename(temp, file);
  } catch (error) {
    // Undo under the error said next; a temporary file never has the settings file's name.
    await rm(temp, { force: true }).catch(() => undefined);
    // A read-only or full settings folder is said in words; the old file is left as it was.
    throw settingsWriteError(error, file);
  }
}
