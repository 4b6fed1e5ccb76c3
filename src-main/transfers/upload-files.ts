import { stat } from 'node:fs/promises';
import { CourierError } from '../../src-core/errors';
import type { LearnedTransport, Transport } from '../../src-core/destinations/transport';
import { getDestination, saveDestination } from '../settings/destination-store';
import { openLedger, planAgainstLedger } from './ledger';
import { sha256File } from './local-file';
import type { LoginSecrets, SecretReader } from './secret-reader';
import {
  Transfer,
  temporaryNames,
  type FileResult,
  type RetryPolicy,
  type TransferClock,
  type TransferProgress,
  type TransferResult,
} from './transfer';
import { toTransferFailure } from './transfer-errors';
import { openSession } from './open-session';
import { remoteJoin } from './remote-session';
import { readLoginSecrets } from './secret-reader';
import { newClaim, newQueueId, openTransferQueue, type QueueItem } from './transfer-queue';
import type { Logger } from '../logging/logger';

/** A file to deliver: the prepared local file and the name it should have on the server. */
export type OutgoingFile = Readonly<{
  localPath: string;
  remoteName: string;
  sha256?: string;
  /** The queue item id (names the temporary remote file); a random one when missing. */
  id?: string;
}>;

/** Options shared by `uploadFiles` and `resumeQueue`. */
export type UploadOptions = Readonly<{
  /** The settings folder (holds ledger.jsonl and queue.json). */
  home: string;
  secrets: SecretReader | LoginSecrets;
  onProgress?: (progress: TransferProgress) => void;
  /** Receives the running Transfer (to pause, resume or cancel it). */
  onTransfer?: (transfer: Transfer) => void;
  retry?: Partial<RetryPolicy>;
  clock?: TransferClock;
  readBackLimit?: number;
  /** The redacting log (in the transfer worker: lines forwarded to the main log). */
  log?: Logger;
}>;

/** Logs why a queue bookkeeping step failed; the upload's own outcome stands either way. */
const noted = (options: Pick<UploadOptions, 'log'>, what: string) => (error: unknown) =>
  options.log?.warn(what, { scope: 'transfers', error: toTransferFailure(error) });

export type UploadFilesRequest = UploadOptions &
  Readonly<{
    destinationName: string;
    transport: Transport;
    files: readonly OutgoingFile[];
    /** Send even if the ledger says this content was already delivered (it gets a new name). */
    force?: boolean;
    /** The destination's names are the same every run (its `nameReuse`): the ledger renames none. */
    sameNameEveryRun?: boolean;
  }>;

/**
 * Sends queued items that `claim` holds: delivered ones leave the queue, failed ones are let go
 * with their `lastError` (the next start tries them again). The caller lets go of the claim.
 */
async function runItems(
  items: readonly QueueItem[],
  options: UploadOptions,
  claim: ReturnType<typeof newClaim>,
  replaced: readonly QueueItem[] = []
): Promise<TransferResult> {
  const queue = openTransferQueue(options.home);
  const ledger = openLedger(options.home);
  const first = items[0]!;
  // Copies of these files queued by a run that ended (killed, failed) and replaced by this one:
  // their partial temporary files on the same server are removed once connected.
  const leftovers = replaced
    .filter(item => item.transport.uploadThenRename && sameServer(item.transport, first.transport))
    .flatMap(leftoverPaths);
  const transfer = new Transfer({
    destinationName: first.destination,
    transport: first.transport,
    secrets: options.secrets,
    files: items.map(item => ({
      id: item.id,
      localPath: item.localPath,
      remoteName: item.remoteName,
      sha256: item.sha256,
      ...(item.writtenOffset !== undefined ? { writtenOffset: item.writtenOffset } : {}),
      ...(item.renameStarted ? { renameStarted: true } : {}),
    })),
    onProgress: options.onProgress,
    // A missed checkpoint only makes a resume start from an earlier one (the server is asked anyway).
    onCheckpoint: checkpoint =>
      queue
        .update(
          checkpoint.id,
          {
            writtenOffset: checkpoint.writtenOffset,
            renameStarted: checkpoint.renameStarted,
            ...(checkpoint.temporaryName ? { temporaryName: checkpoint.temporaryName } : {}),
          },
          claim
        )
        .catch(noted(options, 'An upload checkpoint could not be saved in the queue')),
    leftovers,
    onFileDone: async (result: FileResult) => {
      // Ledger first: a crash between the two leaves a queue item whose resume finds the file
      // already in place, never a delivered file missing from the ledger.
      await ledger.record({
        at: new Date((options.clock?.now ?? Date.now)()).toISOString(),
        destination: first.destination,
        remoteFolder: first.transport.folder,
        remoteName: result.remoteName,
        size: result.size,
        sha256: result.sha256,
      });
      await queue.remove(result.id);
    },
    retry: options.retry,
    clock: options.clock,
    readBackLimit: options.readBackLimit,
  });
  options.onTransfer?.(transfer);
  try {
    return await transfer.run();
  } catch (error) {
    const failure = toTransferFailure(error);
    if (failure.code !== 'cancelled') {
      await queue
        .release(claim, { only: items.map(item => item.id), patch: { lastError: failure } })
        .catch(
          noted(
            options,
            'A failed upload could not be let go in the queue (it is taken over after a restart)'
          )
        );
    } else {
      for (const item of items)
        await queue
          .remove(item.id)
          .catch(noted(options, 'A cancelled upload could not be removed from the queue'));
    }
    throw error;
  }
}

/** Whether two transports log in to the same account of the same server. */
function sameServer(a: Transport, b: Transport): boolean {
  return (
    a.protocol === b.protocol &&
    a.host === b.host &&
    (a.port ?? null) === (b.port ?? null) &&
    a.user === b.user
  );
}

/** Every temporary path a queued file may have on its server (the recorded one, with and without a dot). */
function leftoverPaths(item: QueueItem): string[] {
  return temporaryNames(item.remoteName, item.id, item.temporaryName).map(name =>
    remoteJoin(item.transport.folder, name)
  );
}

/**
 * Saves in the destination what an upload learned about its server (TLS 1.2 cap, no resume, no
 * dot names), as a send does, so the next upload does not stumble on it again. Best effort: a
 * destination removed since is left alone.
 */
async function rememberLearned(
  home: string,
  name: string,
  learned: LearnedTransport
): Promise<void> {
  try {
    const destination = await getDestination(home, name);
    if (destination)
      await saveDestination(
        home,
        { ...destination, transport: { ...destination.transport, ...learned } },
        { previousName: destination.name }
      );
  } catch {
    // The upload itself succeeded; the next one learns it again.
  }
}

/** Lets go of what `claim` still holds (nothing, after a delivery) and forgets the claim. */
async function endClaim(
  home: string,
  claim: ReturnType<typeof newClaim>,
  options: Pick<UploadOptions, 'log'>
): Promise<void> {
  await openTransferQueue(home)
    .release(claim)
    .catch(
      noted(
        options,
        'An upload could not let go of its queued files (they are taken over after a restart)'
      )
    );
  claim.done();
}

/**
 * Delivers prepared files to a destination: checks the ledger, queues them, uploads them
 * (resumable, verified, renamed into place), records each in the ledger and drops it from the
 * queue.
 *
 * Refuses content already sent to this destination (`transfer.already-sent`), or being sent to it
 * right now by another run or another Courier process (`transfer.already-queued`), unless
 * `force`; a name already used there gets a new one (see `FileResult.remoteName`). If the upload
 * fails or the process dies, the files stay in `<home>/queue.json` and `resumeQueue` continues
 * them.
 * A cancelled upload is dropped from the queue. Rejects with a TransferError / CourierError.
 * Save `result.tlsMaxVersion` in the destination when set.
 */
export async function uploadFiles(request: UploadFilesRequest): Promise<TransferResult> {
  const hashed = await Promise.all(
    request.files.map(async file => ({
      ...file,
      size: (await stat(file.localPath)).size,
      sha256: file.sha256 ?? (await sha256File(file.localPath)),
    }))
  );
  const names = await planAgainstLedger(
    openLedger(request.home),
    request.destinationName,
    hashed,
    request.force ?? false,
    request.sameNameEveryRun ?? false
  );
  const createdAt = new Date((request.clock?.now ?? Date.now)()).toISOString();
  const items: QueueItem[] = hashed.map((file, index) => ({
    id: file.id ?? newQueueId(),
    destination: request.destinationName,
    transport: request.transport,
    localPath: file.localPath,
    remoteName: names[index]!,
    size: file.size,
    sha256: file.sha256,
    createdAt,
  }));
  if (items.length === 0) return { files: [], warnings: [] };
  // Queued already claimed by this run: a resume elsewhere (the app starting) leaves them alone.
  const claim = newClaim();
  try {
    const queue = openTransferQueue(request.home);
    const { busy, adopted, replaced } = await queue.enqueue(
      items.map(item => ({ ...item, claim })),
      { force: request.force ?? false }
    );
    if (busy.length > 0) {
      throw new CourierError(
        'transfer.already-queued',
        `${busy.length === 1 ? 'This file is' : 'These files are'} being sent to “${request.destinationName}” right now (${busy.map(item => item.remoteName).join(', ')}). Courier does not send the same file twice: wait for that upload to finish.`,
        {
          params: {
            destination: request.destinationName,
            file: busy.map(item => item.remoteName).join(', '),
          },
        }
      );
    }
    const fresh = items.filter(item => !adopted.some(a => a.sha256 === item.sha256));
    if (!request.force) {
      // Another Courier may have delivered the same content (and left the queue) between the
      // ledger check above and the queueing: look again now that this run holds its files.
      try {
        await planAgainstLedger(openLedger(request.home), request.destinationName, fresh, false);
      } catch (error) {
        for (const item of fresh)
          await queue
            .remove(item.id)
            .catch(noted(request, 'A file already sent could not be removed from the queue'));
        throw error;
      }
    }
    // An earlier copy whose rename had started is finished (it may be on the server already)
    // instead of sending the content a second time under a new name.
    return await runItems([...adopted, ...fresh], request, claim, replaced);
  } finally {
    await endClaim(request.home, claim, request);
  }
}

/** What resuming the queue did, per destination. */
export type QueueRunOutcome = Readonly<{
  destination: string;
  result?: TransferResult;
  error?: ReturnType<typeof toTransferFailure>;
}>;

/**
 * Resumes every file left in `<home>/queue.json` (after a quit, a crash or a failure), one
 * destination after another, from what each server already has. Never throws for a failed
 * destination: its files stay queued and the outcome says why.
 *
 * Files another run is sending (another Courier process, or another upload of this one) are left
 * to it; files of a run that died are taken over. With `only` (resuming a paused upload, whose
 * worker was stopped), files of an ended run of this same process are taken over too.
 */
export async function resumeQueue(
  options: UploadOptions &
    Readonly<{
      only?: readonly string[];
      /** With `only`: take over ended runs of this process (default true). */ takeOverOwnProcess?: boolean;
    }>
): Promise<QueueRunOutcome[]> {
  const claim = newClaim();
  try {
    const items = await openTransferQueue(options.home).claim(
      claim,
      options.only
        ? { only: options.only, takeOverOwnProcess: options.takeOverOwnProcess ?? true }
        : {}
    );
    const byDestination = new Map<string, QueueItem[]>();
    for (const item of items)
      byDestination.set(item.destination, [...(byDestination.get(item.destination) ?? []), item]);
    const outcomes: QueueRunOutcome[] = [];
    for (const [destination, group] of byDestination) {
      try {
        const result = await runItems(group, options, claim);
        if (result.learned) await rememberLearned(options.home, destination, result.learned);
        outcomes.push({ destination, result });
      } catch (error) {
        outcomes.push({ destination, error: toTransferFailure(error) });
      }
    }
    return outcomes;
  } finally {
    await endClaim(options.home, claim, options);
  }
}

/**
 * Drops queued files for good (a cancelled upload): removes their temporary remote files (best
 * effort: a leftover temporary name never matches a final name) and their queue items.
 */
export async function discardQueued(
  home: string,
  ids: readonly string[],
  secrets: SecretReader | LoginSecrets
): Promise<void> {
  const queue = openTransferQueue(home);
  const items = (await queue.list()).filter(item => ids.includes(item.id));
  // Only files whose upload began can have a temporary file to remove: a cancel while the
  // server was not answering yet does not wait on that server again.
  const first = items.find(
    item =>
      item.transport.uploadThenRename &&
      (item.temporaryName !== undefined || (item.writtenOffset ?? 0) > 0)
  );
  if (first) {
    try {
      const login =
        typeof (secrets as SecretReader).get === 'function'
          ? await readLoginSecrets(secrets as SecretReader, first.destination, first.transport)
          : (secrets as LoginSecrets);
      const session = await openSession(first.transport, login, { timeoutMs: 10_000 });
      try {
        for (const item of items) {
          // Best effort: a leftover temporary name never matches a final name, so no vendor picks it up.
          if (!item.transport.uploadThenRename) continue;
          for (const path of leftoverPaths(item)) await session.remove(path).catch(() => undefined);
        }
      } finally {
        await session.close();
      }
    } catch {
      // Unreachable server: the temporary files stay, under names no vendor picks up.
    }
  }
  for (const item of items) await queue.remove(item.id);
}
