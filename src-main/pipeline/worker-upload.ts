import { randomBytes } from 'node:crypto';
import {
  discardQueued,
  type QueueRunOutcome,
  type UploadFilesRequest,
} from '../transfers/upload-files';
import { readLoginSecrets, type LoginSecrets, type SecretReader } from '../transfers/secret-reader';
import { workerRunner, type TransferRunner } from '../transfers/transfer-runner';
import type { TransferJob, TransferJobResult } from '../transfers/transfer-job';
import type { TransferProgress, TransferResult } from '../transfers/transfer';
import {
  TransferError,
  cancelledError,
  toTransferFailure,
  type TransferFailure,
} from '../transfers/transfer-errors';
import { newClaim, openTransferQueue, type QueueItem } from '../transfers/transfer-queue';
import type { Logger } from '../logging/logger';
import { receivedErrorCode } from '../../src-core/error-codes';
import { changeSignal } from '../async/change-signal';

/** What the UI can do with a running upload (a `Transfer` in-process, a worker here). */
export type UploadControl = Readonly<{
  pause: () => void;
  resume: () => void;
  cancel: () => void;
  readonly paused: boolean;
}>;

/** An upload as the pipeline runs it: `uploadFiles` in-process, or this in the transfer worker. */
export type Upload = (
  request: Omit<UploadFilesRequest, 'onTransfer' | 'log'> & {
    onTransfer?: (control: UploadControl) => void;
    /** The run's redacting log (worker lines are forwarded to it). */ logger?: Logger;
  }
) => Promise<TransferResult>;

const isReader = (secrets: SecretReader | LoginSecrets): secrets is SecretReader =>
  typeof (secrets as SecretReader).get === 'function';

/** Lets go of the files a transfer worker held when it ended without doing so itself. */
async function releaseAfterWorkerDied(
  home: string,
  ids: readonly string[],
  failure: TransferFailure
): Promise<void> {
  if (ids.length === 0) return;
  const queue = openTransferQueue(home);
  const claim = newClaim();
  try {
    // Only files still claimed by this process's ended runs (a live run elsewhere keeps its own).
    const taken = await queue.claim(claim, { only: ids, takeOverOwnProcess: true });
    if (taken.length > 0)
      await queue.release(claim, {
        only: taken.map(item => item.id),
        patch: { lastError: failure },
      });
  } finally {
    claim.done();
  }
}

/**
 * Uploads in the transfer worker thread, so the app's main thread (windows, tray, IPC) never
 * carries the encryption and hashing of a large file.
 *
 * Secrets are read from the keychain here and handed to the worker in memory only. Pause stops
 * the worker (what reached the server and the queue stay); resume starts a worker that continues
 * the queued files from what the server has; cancel removes the temporary remote files.
 */
export function createWorkerUpload(runner: TransferRunner = workerRunner): Upload {
  return async request => {
    const secrets = isReader(request.secrets)
      ? await readLoginSecrets(request.secrets, request.destinationName, request.transport)
      : request.secrets;
    const ids = request.files.map(
      (file, i) => file.id ?? `${randomBytes(6).toString('hex')}-${i + 1}`
    );
    let paused = false;
    let cancelled = false;
    let running: AbortController | null = null;
    const { changed, until } = changeSignal();
    let last: TransferProgress | null = null;
    request.onTransfer?.({
      pause: () => {
        if (cancelled || paused) return;
        paused = true;
        running?.abort();
        if (last)
          request.onProgress?.({ ...last, phase: 'paused', bytesPerSecond: 0, secondsLeft: null });
      },
      resume: () => {
        paused = false;
        changed();
      },
      cancel: () => {
        cancelled = true;
        running?.abort();
        changed();
      },
      get paused() {
        return paused;
      },
    });

    let job: TransferJob = {
      kind: 'upload',
      home: request.home,
      destinationName: request.destinationName,
      transport: request.transport,
      secrets,
      files: request.files.map((file, i) => ({ ...file, id: ids[i]! })),
      force: request.force ?? false,
      sameNameEveryRun: request.sameNameEveryRun ?? false,
    };
    while (!cancelled) {
      if (paused) {
        await until(() => !paused || cancelled);
        continue;
      }
      running = new AbortController();
      const outcome: TransferJobResult = await runner(
        job,
        progress => {
          last = progress;
          request.onProgress?.(progress);
        },
        running.signal,
        request.logger
      ).catch(error => ({ ok: false, failure: toTransferFailure(error) }));
      running = null;
      // Delivered before the pause (or cancel) took effect: it is done, report it as such.
      if (outcome.ok) return outcome.result;
      if (cancelled) break;
      if (paused) {
        // The files stay queued with what the server acknowledged: continue from there.
        job = { kind: 'resume', home: request.home, secrets, ids };
        continue;
      }
      const { code, message, fingerprint, params } = outcome.failure;
      // A worker that died (out of memory, a crash) could not let go of its files: do it here,
      // so they stay queued for the next try instead of looking "being sent" until a restart.
      if (code.startsWith('worker.')) {
        await releaseAfterWorkerDied(request.home, ids, outcome.failure).catch(error =>
          request.logger?.warn(
            'The files of a transfer worker that stopped could not be let go (they are taken over after a restart)',
            { error: toTransferFailure(error) }
          )
        );
      }
      // The failure crossed from the transfer worker, where it was a TransferError with this code.
      throw new TransferError(receivedErrorCode(code), message, {
        ...(fingerprint ? { fingerprint } : {}),
        ...(params ? { params } : {}),
      });
    }
    await discardQueued(request.home, ids, secrets).catch(error =>
      request.logger?.warn(
        'A cancelled upload could not be dropped from the queue (the next start resumes it)',
        { error: toTransferFailure(error) }
      )
    );
    throw cancelledError();
  };
}

/**
 * Resumes the uploads left in the queue (a quit, a crash, a sleeping laptop) in the transfer
 * worker, one destination after another, from what each server already has: the start-up
 * resume, off the app's main thread like every upload. Each destination's secrets are read from
 * the keychain here and handed to the worker in memory only. Never throws for a destination: its
 * files stay queued and the outcome says why.
 */
export async function resumeQueueInWorker(
  home: string,
  secrets: SecretReader,
  options: Readonly<{
    runner?: TransferRunner;
    /** The main log (the worker's lines are forwarded to it). */ logger?: Logger;
  }> = {}
): Promise<QueueRunOutcome[]> {
  const runner = options.runner ?? workerRunner;
  const byDestination = new Map<string, QueueItem[]>();
  for (const item of await openTransferQueue(home).list())
    byDestination.set(item.destination, [...(byDestination.get(item.destination) ?? []), item]);
  const outcomes: QueueRunOutcome[] = [];
  for (const [destination, items] of byDestination) {
    try {
      const login = await readLoginSecrets(secrets, destination, items[0]!.transport);
      const job: TransferJob = {
        kind: 'resume',
        home,
        secrets: login,
        ids: items.map(item => item.id),
        takeOverOwnProcess: false,
      };
      const outcome = await runner(
        job,
        () => undefined,
        new AbortController().signal,
        options.logger?.child({ scope: 'transfers', destination })
      );
      if (outcome.ok) outcomes.push({ destination, result: outcome.result });
      // Taken by a live run (another Courier, or a send started since): it is that run's to finish.
      else if (outcome.failure.code !== 'upload.nothing-queued')
        outcomes.push({ destination, error: outcome.failure });
    } catch (error) {
      outcomes.push({ destination, error: toTransferFailure(error) });
    }
  }
  return outcomes;
}
