import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CourierError, toPlainError, type PlainError } from '../../src-core/errors';
import { uploadFolder, type Destination } from '../../src-core/destinations/destination';
import type { SendRequest } from '../../src-core/pipeline/send-request';
import {
  Run as RunSchema,
  type Run,
  type RunInput,
  type RunOutcome,
  type RunTrigger,
} from '../../src-core/history/run';
import { createHistoryStore } from '../history/history-store';
import {
  createWorkerPreparer,
  type PreparedSend,
  type Preparer,
} from '../preparation/send-preparation';
import { createLogger, type Logger } from '../logging/logger';
import { resolveDestination, saveDestination } from '../settings/destination-store';
import type { TransferProgress, TransferResult } from '../transfers/transfer';
import type { Upload, UploadControl } from './worker-upload';
import { discardQueued, uploadFiles } from '../transfers/upload-files';
import { destinationTransport } from '../transfers/destination-transport';
import { placeDigitaleoMarkers, withSession } from '../transfers/receipts';
import { followReceipt } from './follow-receipt';
import { rejectedRowsPath } from './rejected-rows';
import { namesInUse, releaseNames, reserveNames } from '../transfers/name-reservations';
import type { SecretReader } from '../transfers/secret-reader';
import { toTransferFailure, type TransferFailure } from '../transfers/transfer-errors';
import type { FileStamp, ReadProgress } from '../reading/open-source';
import { readError } from '../../src-core/reading/read-errors';
import type { RunRecordings } from '../../src-core/history/run';
import {
  listRecordingsFolder,
  recordingsSetup,
  sendRecordings,
  waitingForRecordings,
  RECORDINGS_SETTLE_MS,
  type ListedRecordings,
} from './recordings';
import { openLedger, planAgainstLedger } from '../transfers/ledger';
import { planRelated } from '../../src-core/destinations/related-files';
import {
  deliveredNames,
  outgoingFiles,
  prepareRelated,
  relatedHold,
  relatedRunId,
  runFileSets,
  splitDelivered,
  type OutgoingFile,
  type PreparedRelated,
} from './related-files';

/**
 * What to send (core's `SendRequest`: the same for the app, a scheduled job and the CLI), and how
 * this run goes: who started it, and a job's policies.
 */
export type PipelineRequest = SendRequest &
  Readonly<{
    /** Hold the file when its columns changed (jobs do by default). */
    holdOnHeaderChange?: boolean;
    /** The columns the file had when its mapping was saved (a job's); a remembered mapping knows its own. */
    expectedHeaders?: readonly string[] | null;
    /** Send even what the ledger says was already delivered to this destination (under a new name). */
    force?: boolean;
    trigger: RunTrigger;
    job?: Readonly<{ id: string; name: string }> | null;
    /** The size and modification time the source must still have (a watched folder's stable file). */
    expectedSource?: FileStamp;
    /**
     * The time the file names are made from, when the person saw them before sending (the app's
     * Send screen): what was shown is the name sent. Without it (jobs, the CLI) the time of sending.
     */
    namedAt?: string;
    /** A job's warning to record if the run ends with nothing new to send (a long quiet spell). */
    quietWarning?: PlainError;
    /**
     * Hold the file until every recording its rows name is in the folder and finished being
     * written (a job: nobody is there to send the missing ones later); the run says so.
     */
    waitForRecordings?: boolean;
  }>;

/** Where a send is, for progress bars. */
export type SendProgress =
  | Readonly<{ phase: 'reading'; read: ReadProgress }>
  | Readonly<{
      phase: 'uploading';
      transfer: TransferProgress;
      /** The rows in the files being uploaded (what was prepared). */
      rows?: number;
      /** What is being uploaded: the call recordings (first), or the records. */
      part?: 'recordings' | 'records';
    }>;

export type PipelineDeps = Readonly<{
  /** The settings folder. */
  home: string;
  /** The OS keychain (SecretStore) or another reader of the destination's secrets. */
  secrets: SecretReader;
  now?: () => Date;
  onProgress?: (progress: SendProgress) => void;
  signal?: AbortSignal;
  /** Keep the prepared copies in `<home>/outbox/<run>` after a successful send. */
  keepPreparedCopies?: boolean;
  /** Lets the caller hold the running upload (pause/resume/cancel from the UI). */
  onTransfer?: (control: UploadControl) => void;
  /** How files are uploaded: in this thread by default; the app uses the transfer worker. */
  upload?: Upload;
  /** How the file is prepared: in the preparation worker by default, so no caller parses on its main thread. */
  prepare?: Preparer;
  /** How many issues the result lists whole (the CLI's `--json` report lists them all). Default 0. */
  maxIssues?: number;
  /** The redacting log (default: the settings folder's). */
  logger?: Logger;
  /**
   * Watch for the platform's receipt this long after a successful send (destinations with a
   * receipt rule). `wait` holds the send until it comes; `background` records it when it comes.
   */
  receipt?: Readonly<{ mode: 'wait' | 'background'; timeoutMs: number; pollMs?: number }>;
}>;

/** The outcome of a send: the recorded run, plus what was prepared (for the caller's report). */
export type SendResult = Readonly<{
  /** The run (not in History when `awaitingTrust`). */
  run: Run;
  /**
   * The server is new and its identity waits for the person's confirmation: a pause, not a run,
   * so nothing is in History and nothing stays queued (a job, with nobody to ask, records it).
   */
  awaitingTrust?: boolean;
  preparation: PreparedSend | null;
  /** The related files' preparations, in upload order (their checks, for the caller's report). */
  related?: readonly PreparedRelated[];
  /** Where the prepared files are (deleted after a successful send unless kept). */
  outbox: string | null;
  transfer: TransferResult | null;
  /** Why the delivery failed, with the server's fingerprint when its identity is not trusted yet. */
  failure: TransferFailure | null;
}>;

/**
 * Sends a source file to a destination: read → map → validate → fix → prepare → upload → record.
 *
 * The one pipeline behind the app's Send button, scheduled jobs and `courier send`, so what was
 * previewed is what is sent. Every run is recorded in the history, whatever its outcome; a file
 * with blocking problems (or a changed header set, when asked) is held and nothing is uploaded.
 */
export async function runPipeline(
  request: PipelineRequest,
  deps: PipelineDeps
): Promise<SendResult> {
  const logger = deps.logger ?? createLogger({ home: deps.home });
  const runId = randomUUID();
  const names = { reserved: false };
  try {
    return await send(request, deps, logger, runId, names);
  } finally {
    // Delivered files keep their names in the ledger, queued ones in the queue: the run's hold
    // on its names ends with it, however it ended.
    if (names.reserved)
      await releaseNames(deps.home, runId).catch(error =>
        logger.warn('The names this run reserved could not be let go', {
          error: toPlainError(error),
        })
      );
    // The run's log lines are on disk when the send returns (a crash right after still has them).
    await logger.flush();
  }
}

async function send(
  request: PipelineRequest,
  deps: PipelineDeps,
  logger: Logger,
  runId: string,
  names: { reserved: boolean }
): Promise<SendResult> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const history = createHistoryStore(deps.home);
  const base: RunInput = {
    id: runId,
    startedAt: started.toISOString(),
    trigger: request.trigger,
    job: request.job ?? null,
    outcome: 'failed',
    destination: null,
  };
  const record = async (fields: Partial<RunInput> & { outcome: RunOutcome }): Promise<Run> =>
    history.append({
      ...base,
      ...fields,
      durationMs: Math.max(0, now().getTime() - started.getTime()),
    });

  const log = logger.child({ scope: 'pipeline', run: runId });
  const outbox = join(deps.home, 'outbox', runId);
  let destination: Destination;
  let preparation: PreparedSend | null = null;
  let source: RunInput['source'] = null;
  let recordingsFolder: ListedRecordings | undefined;
  let related: PreparedRelated[] = [];
  let relatedPlans: ReturnType<typeof planRelated> = [];
  try {
    destination = await resolveDestination(deps.home, request.destination);
    base.destination = destination.name;
    const described = await describeSource(request.path);
    source = described.source;
    if (request.expectedSource && !sameStamp(request.expectedSource, described.stamp)) {
      throw readError('changed', source.fileName);
    }
    // A ledger that cannot be read stops the run here, before anything is prepared or sent.
    // Names sent before, queued, or held by a run in progress are avoided from the start.
    const inUse = await namesInUse(deps.home, destination.name, runId);
    // Digitaleo's list modes: the file is named after the list, the same every run.
    const takenNames = destination.nameReuse === 'same-every-run' ? [] : inUse;
    // Every related set has its file (and every file a set) before anything is read.
    relatedPlans = planRelated(destination, request.related);
    // And every related file is there (and hashed for History) before the main file is read.
    const relatedSources = new Map(
      await Promise.all(
        relatedPlans.map(async p => [p.path, await describeSource(p.path)] as const)
      )
    );
    // The recordings folder is listed before the rows are read: each row's recording must be in it.
    recordingsFolder = recordingsSetup(destination, request.recordingsFolder)
      ? await listRecordingsFolder(request.recordingsFolder!, {
          now: now(),
          settleMs: request.waitForRecordings ? RECORDINGS_SETTLE_MS : 0,
        })
      : undefined;
    // Reading, mapping, validating and encoding, then writing the files to the outbox (unless held).
    const prepare = deps.prepare ?? createWorkerPreparer();
    const mainJob: Parameters<typeof prepare>[0] = {
      sourcePath: request.path,
      destination,
      home: deps.home,
      now: request.namedAt ?? started.toISOString(),
      runId,
      outbox,
      alreadySentNames: takenNames,
      // What is read must be what was hashed for the history: a file changed since is refused.
      source: {
        ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
        ...(request.headerRow !== undefined ? { headerRow: request.headerRow } : {}),
        expected: described.stamp,
      },
      mapping: request.mapping,
      fixes: request.fixes,
      excludeInvalid: request.excludeInvalid,
      ...(request.language ? { language: request.language } : {}),
      holdOnHeaderChange: request.holdOnHeaderChange,
      expectedHeaders: request.expectedHeaders,
      maxIssues: deps.maxIssues,
      ...(recordingsFolder
        ? {
            recordings: {
              readable: recordingsFolder.readable,
              unreadable: recordingsFolder.unreadable,
            },
          }
        : {}),
    };
    const prepareOptions = {
      signal: deps.signal,
      onProgress: (read: ReadProgress) => deps.onProgress?.({ phase: 'reading', read }),
      logger: log,
    };
    preparation = await prepare(mainJob, prepareOptions);
    // The related files are all prepared before anything is sent (a held main file needs none).
    if (relatedPlans.length > 0 && !preparation.held)
      related = await prepareRelated(relatedPlans, {
        destination,
        prepare,
        base: mainJob,
        describe: async path => relatedSources.get(path) ?? describeSource(path),
        options: prepareOptions,
      });
  } catch (error) {
    // A preparation stopped part-way (cancelled, a worker that died) may have begun the outbox or
    // the kept rejected rows: a failed run keeps neither.
    for (const path of [
      outbox,
      rejectedRowsPath(deps.home, runId),
      ...relatedPlans.map(p => rejectedRowsPath(deps.home, relatedRunId(runId, p.set))),
    ]) {
      await rm(path, { recursive: true, force: true }).catch(cleanup =>
        log.warn('A partly prepared file could not be removed', { error: toPlainError(cleanup) })
      );
    }
    log.warn('The file could not be prepared', { error: toPlainError(error) });
    const run = await record({ outcome: 'failed', source, error: toPlainError(error) });
    return { run, preparation, outbox: null, transfer: null, failure: null };
  }
  log.info('File prepared', {
    thread: preparation.thread,
    rows: preparation.rowCount,
    files: preparation.files.length,
    held: preparation.held?.code ?? null,
  });
  if (preparation.rejectedRows.error)
    log.warn('The rows left out could not be kept for History', {
      error: preparation.rejectedRows.error,
    });

  const rows = {
    read: preparation.rowCount,
    sent: preparation.writtenRowCount,
    excluded: preparation.rowCount - preparation.writtenRowCount,
    issues: { ...preparation.issueRows },
  };
  // Every file of the run in upload order (with related files: the main file's, then each set's).
  const outgoing: OutgoingFile[] = outgoingFiles({ source: source!, preparation }, related);
  let sendFiles = outgoing;
  let deliveredBefore: OutgoingFile[] = [];
  let namesBefore = new Map<string, string>();
  let outputFiles = sendFiles.map(({ file: f }) => ({
    name: f.name,
    bytes: f.bytes,
    sha256: f.sha256,
  }));

  // A job's file whose recordings are not all there yet waits for them (it is offered again).
  const hold =
    (request.waitForRecordings && recordingsFolder
      ? waitingForRecordings(preparation, recordingsFolder)
      : null) ??
    preparation.held ??
    relatedHold(related);
  if (hold) {
    // A related file held the run after the main file was written: nothing of it is kept.
    if (related.length > 0) await rm(outbox, { recursive: true, force: true });
    const run = await record({
      outcome: 'held',
      source,
      rows: { ...rows, sent: 0 },
      outputFiles: [],
      error: hold,
    });
    return { run, preparation, related, outbox: null, transfer: null, failure: null };
  }

  let transfer: TransferResult | null = null;
  let queueIds: string[] = [];
  let recordings: RunRecordings | undefined;
  try {
    const transport = destinationTransport(destination);
    if (related.length > 0) {
      // A run that stopped part-way is continued: the files the ledger has are not sent again.
      ({
        fresh: sendFiles,
        before: deliveredBefore,
        names: namesBefore,
      } = await splitDelivered(deps.home, destination.name, outgoing, request.force === true));
      outputFiles = sendFiles.map(({ file: f }) => ({
        name: f.name,
        bytes: f.bytes,
        sha256: f.sha256,
      }));
    }
    // The names are held for this run before anything is sent: another run to this destination
    // that prepared the same names (same second) meanwhile gets its own (`_2`).
    let remoteNames = sendFiles.map(f => f.file.name);
    if (destination.nameReuse !== 'same-every-run') {
      names.reserved = true;
      remoteNames = await reserveNames(deps.home, destination.name, runId, remoteNames);
    }
    if (destination.digitaleo) {
      // Digitaleo's import-mode and dispatch markers must be in place before it picks the file up.
      const options = destination.digitaleo;
      await withSession(
        destination.name,
        { ...transport, folder: destination.folder },
        deps.secrets,
        session => placeDigitaleoMarkers(session, destination.folder, options)
      );
    }
    let sending: UploadControl | null = null;
    queueIds = sendFiles.map((_, i) => `${runId.slice(0, 8)}-${i + 1}`);
    const onAbort = () => sending?.cancel();
    const upload: Upload = deps.upload ?? uploadFiles;
    deps.signal?.addEventListener('abort', onAbort, { once: true });
    const onTransfer = (t: UploadControl) => {
      sending = t;
      if (deps.signal?.aborted) t.cancel();
      deps.onTransfer?.(t);
    };
    try {
      if (preparation.recordings && request.recordingsFolder) {
        // Records already delivered stop the send before any recording goes (nothing new).
        if (!request.force)
          await planAgainstLedger(
            openLedger(deps.home),
            destination.name,
            outputFiles.map(f => ({ remoteName: f.name, sha256: f.sha256 })),
            false,
            true
          );
        // The recordings first: the platform never sees a record whose recording is not there.
        recordings = await sendRecordings({
          home: deps.home,
          destination,
          transport,
          secrets: deps.secrets,
          upload,
          folder: request.recordingsFolder,
          paths: preparation.recordings,
          queuePrefix: runId.slice(0, 8),
          logger: log,
          onProgress: progress =>
            deps.onProgress?.({ phase: 'uploading', transfer: progress, part: 'recordings' }),
          onTransfer,
        });
      }
      // Through the ledger (no content sent twice, no name reused) and the persistent queue
      // (a crash or quit mid-upload is resumed at the next start).
      transfer = await upload({
        home: deps.home,
        destinationName: destination.name,
        transport,
        secrets: deps.secrets,
        force: request.force,
        sameNameEveryRun: destination.nameReuse === 'same-every-run',
        logger: log,
        files: sendFiles.map(({ file }, i) => ({
          id: queueIds[i]!,
          localPath: file.path!,
          remoteName: remoteNames[i]!,
          sha256: outputFiles[i]!.sha256,
        })),
        onProgress: progress =>
          deps.onProgress?.({
            phase: 'uploading',
            transfer: progress,
            rows: sendFiles.reduce((n, f) => n + f.file.rows, 0),
            ...(recordings ? { part: 'records' as const } : {}),
          }),
        onTransfer,
      });
    } finally {
      deps.signal?.removeEventListener('abort', onAbort);
    }
    // The ledger may have given a file a new name (a name is never reused on a destination).
    const delivered = new Map(transfer.files.map(f => [f.localPath, f.remoteName]));
    for (const [i, f] of outputFiles.entries())
      outputFiles[i] = { ...f, name: delivered.get(sendFiles[i]!.file.path!) ?? f.name };
    // What the upload learned about the server (TLS 1.2 cap, no resume, no dot names) is kept.
    if (transfer.learned) {
      await saveDestination(
        deps.home,
        { ...destination, transport: { ...destination.transport, ...transfer.learned } },
        { previousName: destination.name }
      );
    }
  } catch (error) {
    const failure = toTransferFailure(error);
    const alreadySent = failure.code === 'transfer.already-sent';
    // A person sending (app, `courier send`) is asked; a job (scheduled, or run by hand) has
    // nobody at a dialog, so its run is recorded as failed, for a person to act on.
    const awaitingTrust =
      !request.job && request.trigger !== 'job' && confirmationCodes.has(failure.code);
    // A failed upload stays queued (its prepared copy is kept for the resume); a cancelled one is
    // dropped, and so is one waiting for the person to confirm the server (they send again).
    if (awaitingTrust)
      await discardQueued(
        deps.home,
        // The recordings queued before the question too (named `<run>-r<n>`, see sendRecordings).
        [
          ...queueIds,
          ...(preparation.recordings ?? []).map((_, i) => `${runId.slice(0, 8)}-r${i + 1}`),
        ],
        deps.secrets
      ).catch(cleanup =>
        log.warn('A file waiting for a confirmation could not be dropped from the queue', {
          error: toPlainError(cleanup),
        })
      );
    if (failure.code === 'cancelled' || alreadySent || awaitingTrust)
      await rm(outbox, { recursive: true, force: true });
    if (alreadySent) {
      // The same content was delivered here before: nothing new to send, and nothing delivered.
      log.info('Nothing new to send', { error: { code: failure.code, message: failure.message } });
      const run = await record({
        outcome: 'nothing-new',
        source,
        rows: { ...rows, sent: 0 },
        outputFiles: [],
        transfer: { status: 'already-sent' },
        ...(recordings ? { recordings } : {}),
        error: null,
        warning: request.quietWarning ?? null,
      });
      return { run, preparation, outbox: null, transfer, failure };
    }
    log.warn('The upload did not complete', {
      error: { code: failure.code, message: failure.message },
    });
    // With related files, the files that arrived before the failure are said (the ledger has
    // them, so sending again continues with the rest); without, this run delivered none.
    const arrived =
      related.length > 0
        ? await deliveredNames(deps.home, destination.name, sendFiles)
        : new Map<string, string>();
    const fields = {
      outcome: 'failed' as const,
      source,
      rows: { ...rows, sent: 0 },
      // Only delivered files are listed.
      outputFiles: sendFiles
        .filter(f => arrived.has(f.file.sha256))
        .map(({ file: f }) => ({ name: arrived.get(f.sha256)!, bytes: f.bytes, sha256: f.sha256 })),
      ...(related.length > 0
        ? {
            fileSets: runFileSets(outgoing, f =>
              deliveredBefore.includes(f)
                ? { status: 'delivered-before', name: namesBefore.get(f.file.sha256) }
                : arrived.has(f.file.sha256)
                  ? { status: 'delivered', name: arrived.get(f.file.sha256)! }
                  : { status: 'not-delivered' }
            ),
          }
        : {}),
      transfer: { status: 'failed' as const },
      error: { code: failure.code, message: failure.message },
      // Recordings delivered before the records failed stay delivered (the ledger has them).
      ...(recordings ? { recordings } : {}),
    };
    if (awaitingTrust) {
      // Not a run: the person is asked to confirm the server, then sends again.
      const run = RunSchema.parse({
        ...base,
        ...fields,
        durationMs: Math.max(0, now().getTime() - started.getTime()),
      });
      return { run, awaitingTrust: true, preparation, outbox: null, transfer, failure };
    }
    const run = await record(fields);
    return { run, preparation, outbox, transfer, failure };
  }

  if (!deps.keepPreparedCopies) await rm(outbox, { recursive: true, force: true });
  const expectsReceipt = destination.receipt !== 'none';
  let run = await record({
    outcome: rows.excluded > 0 ? 'sent-with-exclusions' : 'sent',
    source,
    rows,
    outputFiles,
    transfer: {
      status: 'uploaded',
      bytes: outputFiles.reduce((n, f) => n + f.bytes, 0),
      remoteFolder: uploadFolder(destination),
    },
    receipt: expectsReceipt
      ? { status: 'pending', summary: 'Waiting for the platform to pick the file up.' }
      : { status: 'none' },
    ...(recordings ? { recordings } : {}),
    ...(related.length > 0
      ? {
          fileSets: runFileSets(outgoing, f => {
            const i = sendFiles.indexOf(f);
            return i < 0
              ? { status: 'delivered-before', name: namesBefore.get(f.file.sha256) }
              : { status: 'delivered', name: outputFiles[i]!.name };
          }),
        }
      : {}),
  });
  if (expectsReceipt && deps.receipt) {
    const following = followReceipt({
      home: deps.home,
      runId: run.id,
      destination,
      remoteNames: transfer.files.map(f => f.remoteName),
      secrets: deps.secrets,
      timeoutMs: deps.receipt.timeoutMs,
      pollMs: deps.receipt.pollMs,
    });
    // The run stays "pending" when the receipt cannot be watched (server gone, login changed):
    // the send itself succeeded, so this is a warning in the log, not a failure of the run.
    const unwatched = (error: unknown) =>
      log.warn('The platform receipt could not be watched', { error: toPlainError(error) });
    if (deps.receipt.mode === 'wait') {
      const receipt = await following.catch(error => (unwatched(error), null));
      if (receipt) run = { ...run, receipt };
    } else {
      void following.catch(unwatched);
    }
  }
  return {
    run,
    preparation,
    outbox: deps.keepPreparedCopies ? outbox : null,
    transfer,
    failure: null,
  };
}

async function describeSource(
  path: string
): Promise<{ source: { fileName: string; sha256: string; bytes: number }; stamp: FileStamp }> {
  // Any reason the file cannot be looked at (gone, no access) is said as "there is no file".
  const info = await stat(path).catch(() => null);
  if (!info)
    throw new CourierError('read.not-found', `There is no file at “${path}”.`, {
      params: { file: path },
    });
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return {
    source: { fileName: basename(path), sha256: hash.digest('hex'), bytes: info.size },
    stamp: { size: info.size, mtimeMs: info.mtimeMs },
  };
}

/** A new server's identity waiting for the person's confirmation (a changed one is a failure). */
const confirmationCodes = new Set(['trust.unknown-host-key', 'trust.unknown-certificate']);

const sameStamp = (a: FileStamp, b: FileStamp): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs;
