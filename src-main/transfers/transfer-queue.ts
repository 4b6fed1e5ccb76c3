import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transport } from '../../src-core/destinations/transport';
import type { TransferFailure } from './transfer-errors';

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
  createdAt: string;
  /** The last failure, when a run gave up on it (the next start tries again). */
  lastError?: TransferFailure;
}>;

type QueueFile = { version: 1; items: QueueItem[] };

/** The queue file of a settings folder. */
export const queuePath = (home: string): string => join(home, 'queue.json');

/** A new queue item id (it also names the temporary remote file). */
export function newQueueId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * The persistent transfer queue: files stay in `<home>/queue.json` from before the upload starts
 * until they are delivered, so a quit, a crash or a SIGKILL mid-upload is resumed at next start.
 *
 * Writes are atomic (temporary file + rename) and serialised within the process.
 */
export type TransferQueue = Readonly<{
  list: () => Promise<QueueItem[]>;
  add: (items: readonly QueueItem[]) => Promise<void>;
  update: (id: string, patch: Partial<Omit<QueueItem, 'id'>>) => Promise<void>;
  remove: (id: string) => Promise<void>;
}>;

/** Opens the transfer queue of a settings folder. */
export function openTransferQueue(home: string): TransferQueue {
  const path = queuePath(home);
  let chain: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<QueueFile> => {
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as QueueFile;
      return parsed && Array.isArray(parsed.items) ? parsed : { version: 1, items: [] };
    } catch {
      return { version: 1, items: [] };
    }
  };
  const write = async (queue: QueueFile) => {
    await mkdir(home, { recursive: true });
    const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(queue, null, 1), { mode: 0o600 });
    try {
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  };
  const change = (edit: (queue: QueueFile) => void): Promise<void> => {
    const next = chain.then(async () => {
      const queue = await read();
      edit(queue);
      await write(queue);
    });
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    list: async () => {
      await chain;
      return (await read()).items;
    },
    add: items => change(queue => queue.items.push(...items)),
    update: (id, patch) =>
      change(queue => {
        queue.items = queue.items.map(item => (item.id === id ? { ...item, ...patch } : item));
      }),
    remove: id =>
      change(queue => {
        queue.items = queue.items.filter(item => item.id !== id);
      }),
  };
}
