import { stat } from 'node:fs/promises';
import type { LearnedTransport, Transport } from '../../src-core/destinations/transport';
import { sha256File } from './local-file';
import { openSession, plainFtpWarning } from './open-session';
import { ProgressMeter } from './progress-meter';
import { remoteJoin, type RemoteSession } from './remote-session';
import { readLoginSecrets, type LoginSecrets, type SecretReader } from './secret-reader';
import {
  TransferError,
  cancelledError,
  noAnswerError,
  toTransferError,
  toTransferFailure,
  type ConnectionStep,
  type TransferFailure,
} from './transfer-errors';

/** One file to upload. */
export type TransferFile = Readonly<{
  /** Stable id (the queue item's): it names the temporary remote file, so a resume finds it. */
  id: string;
  localPath: string;
  /** The final name in the destination's folder. */
  remoteName: string;
  /** Known SHA-256 (hex) of the local file; computed when missing. */
  sha256?: string;
  /** A contiguous offset an earlier run knows the server acknowledged (SFTP resume after a crash). */
  writtenOffset?: number;
  /** An earlier run had verified the file and started renaming it. */
  renameStarted?: boolean;
}>;

export type TransferPhase =
  'connecting' | 'uploading' | 'verifying' | 'renaming' | 'retrying' | 'paused' | 'done';

/** Progress of a transfer, throttled for the UI (plain JSON). */
export type TransferProgress = Readonly<{
  phase: TransferPhase;
  fileIndex: number;
  fileCount: number;
  remoteName: string;
  fileBytes: number;
  fileSize: number;
  /** All files together. */
  bytes: number;
  totalBytes: number;
  bytesPerSecond: number;
  /** Null while the rate is not known yet. */
  secondsLeft: number | null;
  attempt: number;
  /** The step the transfer waits on (each has its own time limit); null between steps. */
  step?: ConnectionStep | null;
  /** Which try this is of how many in a row Courier makes without a byte moving forward. */
  tries?: Readonly<{ attempt: number; of: number }>;
  /** Why the previous try failed (while retrying), in words the screen shows. */
  problem?: TransferFailure | null;
}>;

/** What a transfer remembers while it runs, so a later run can resume (see queue.ts). */
export type FileCheckpoint = Readonly<{
  id: string;
  writtenOffset: number;
  renameStarted: boolean;
  /** The temporary name on the server (so a later run can remove it if it is not resumed). */
  temporaryName?: string;
}>;

/** One delivered file. */
export type FileResult = Readonly<{
  id: string;
  localPath: string;
  remoteName: string;
  remotePath: string;
  size: number;
  sha256: string;
  /** `sha256`: the server's copy hashed the same; `size`: only the size could be checked. */
  verifiedBy: 'sha256' | 'size';
  /** Bytes that were already on the server when this run started (a resume). */
  resumedFrom: number;
  attempts: number;
  /** Uploaded straight under the final name (the destination forbids renames). */
  direct: boolean;
}>;

/** The outcome of a transfer. */
export type TransferResult = Readonly<{
  files: readonly FileResult[];
  /** Set when FTPS had to be capped at TLS 1.2: save it in the destination. */
  tlsMaxVersion?: 'TLSv1.2';
  /** What this run learned about the server (TLS cap, no resume, no dot names): save it in the destination. */
  learned?: LearnedTransport;
  warnings: readonly string[];
}>;

/** Time, for the rate, the backoff and the tests. */
export type TransferClock = Readonly<{
  now: () => number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}>;

/** The real clock. */
export const systemClock: TransferClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise(resolve => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    }),
};

export type RetryPolicy = Readonly<{
  /** Give up after this many attempts in a row that moved no byte forward. */
  attemptsWithoutProgress: number;
  baseDelayMs: number;
  maxDelayMs: number;
}>;

export const defaultRetry: RetryPolicy = {
  attemptsWithoutProgress: 6,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

export type TransferOptions = Readonly<{
  destinationName: string;
  transport: Transport;
  /** The keychain (or, in a worker, the secrets read for it beforehand). */
  secrets: SecretReader | LoginSecrets;
  files: readonly TransferFile[];
  onProgress?: (progress: TransferProgress) => void;
  /** Called as bytes are acknowledged and before the rename (persist it to resume after a crash). */
  onCheckpoint?: (checkpoint: FileCheckpoint) => void | Promise<void>;
  /** Awaited after each file is delivered (record it in the ledger, drop it from the queue). */
  onFileDone?: (result: FileResult) => Promise<void> | void;
  retry?: Partial<RetryPolicy>;
  /** Files up to this size are read back and hashed when the server has no hash command. */
  readBackLimit?: number;
  progressIntervalMs?: number;
  clock?: TransferClock;
  timeoutMs?: number;
  /**
   * How long each step (connect, secure connection, login, data connection, upload) may wait
   * for the server before the try is given up as "did not answer within N seconds". Default 20 s.
   */
  stepTimeoutMs?: number;
  /**
   * Temporary files earlier runs left on this server that no run will resume (full remote paths,
   * from the queue): removed, best effort, once connected.
   */
  leftovers?: readonly string[];
}>;

/**
 * The temporary name a file is uploaded under before its rename: hidden, and not matching
 * `*.csv`. Servers that refuse names starting with a dot (`dotNamesRefused`) get `NAME.ID.part`.
 */
export function temporaryName(remoteName: string, id: string, dotNamesRefused = false): string {
  return `${dotNamesRefused ? '' : '.'}${remoteName}.${id}.part`;
}

/** Both temporary names a file may have had on the server (with and without the leading dot). */
export function temporaryNames(remoteName: string, id: string, recorded?: string): string[] {
  return [
    ...new Set([
      recorded ?? temporaryName(remoteName, id),
      temporaryName(remoteName, id),
      temporaryName(remoteName, id, true),
    ]),
  ];
}

function isSecretReader(value: SecretReader | LoginSecrets): value is SecretReader {
  return typeof (value as SecretReader).get === 'function';
}

/**
 * Uploads files to one destination so that they arrive whole, once, under their final names.
 *
 * Each file goes to a temporary name, resumes from what the server has after a cut (FTPS `APPE`
 * from the remote size; SFTP from the contiguous acknowledged offset), is verified (size, and
 * SHA-256 where the server can hash or the file is small enough to read back) and only then
 * renamed. Cuts are retried with exponential backoff while bytes keep moving. `pause()` closes the
 * connection and waits; `resume()` continues; `cancel()` removes the temporary file and rejects
 * with code `cancelled`. Failures are TransferErrors with plain messages.
 */
export class Transfer {
  readonly #options: TransferOptions;
  readonly #clock: TransferClock;
  readonly #retry: RetryPolicy;
  #transport: Transport;
  #secrets: LoginSecrets | undefined;
  #session: RemoteSession | undefined;
  #attempt: AbortController | undefined;
  #wake = new AbortController();
  #paused = false;
  #cancelled = false;
  /** The run is over: a pause now (the worker stopping) has nothing to pause and says nothing. */
  #ended = false;
  #tlsFellBack = false;
  /** The server refused to continue a partial upload: every upload starts from zero. */
  #resumeRefused: boolean;
  /** The server refused a temporary name starting with a dot: names without it are used. */
  #dotNamesRefused: boolean;
  /** Fallbacks that worked in this run (saved in the destination by the caller). */
  #learned: { resumeRefused?: true; dotNamesRefused?: true } = {};
  #leftovers: readonly string[];
  #meter: ProgressMeter;
  #last: TransferProgress | undefined;
  /** The step being waited on, and when the server last showed a sign of life in it. */
  #step: ConnectionStep | null = null;
  #lastActivity = 0;
  #watching: AbortController | undefined;

  constructor(options: TransferOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#retry = { ...defaultRetry, ...options.retry };
    this.#transport = options.transport;
    this.#resumeRefused = options.transport.resumeRefused ?? false;
    this.#dotNamesRefused = options.transport.dotNamesRefused ?? false;
    this.#leftovers = options.leftovers ?? [];
    this.#meter = new ProgressMeter(this.#clock.now, options.progressIntervalMs ?? 250);
  }

  /** Stops sending (the connection is closed) until `resume()`. */
  pause(): void {
    if (this.#cancelled || this.#ended) return;
    this.#paused = true;
    this.#attempt?.abort();
    if (this.#last)
      this.#emit({ ...this.#last, phase: 'paused', bytesPerSecond: 0, secondsLeft: null }, true);
  }

  /** Continues a paused transfer from where the server is. */
  resume(): void {
    this.#paused = false;
    this.#wakeUp();
  }

  /** Stops for good and removes the temporary remote file; `run()` rejects with `cancelled`. */
  cancel(): void {
    this.#cancelled = true;
    this.#attempt?.abort();
    this.#wakeUp();
  }

  get paused(): boolean {
    return this.#paused;
  }

  #wakeUp(): void {
    this.#wake.abort();
    this.#wake = new AbortController();
  }

  #emit(progress: TransferProgress, force = false): void {
    this.#last = progress;
    if (this.#meter.sample(progress.bytes, force)) this.#options.onProgress?.(progress);
  }

  get #stepLimitMs(): number {
    return this.#options.stepTimeoutMs ?? 20_000;
  }

  /**
   * Starts the time limit of a step of this try (a new step starts it afresh); null stops it.
   * When the server stays silent for the whole limit, the try is aborted with `connection.no-answer`.
   */
  #watchStep(attempt: AbortController, step: ConnectionStep | null): void {
    this.#step = step;
    this.#lastActivity = this.#clock.now();
    if (step === null) {
      this.#watching?.abort();
      this.#watching = undefined;
      return;
    }
    if (this.#watching) return;
    const watch = new AbortController();
    this.#watching = watch;
    const limit = this.#stepLimitMs;
    void (async () => {
      while (!watch.signal.aborted && !attempt.signal.aborted) {
        const idle = this.#clock.now() - this.#lastActivity;
        if (idle >= limit) {
          attempt.abort(noAnswerError(this.#step ?? 'connect', limit));
          return;
        }
        await this.#clock.sleep(limit - idle, watch.signal);
      }
    })();
  }

  async #openSession(
    attempt?: AbortController,
    onStep?: (step: ConnectionStep) => void
  ): Promise<RemoteSession> {
    if (this.#session) return this.#session;
    this.#secrets ??= isSecretReader(this.#options.secrets)
      ? await readLoginSecrets(
          this.#options.secrets,
          this.#options.destinationName,
          this.#transport
        )
      : this.#options.secrets;
    const opening = openSession(this.#transport, this.#secrets, {
      timeoutMs: this.#options.timeoutMs,
      ...(attempt ? { signal: attempt.signal } : {}),
      ...(onStep ? { onStep } : {}),
    });
    // Cancel and a step's time limit act at once, even on a connection that never answers.
    this.#session = attempt ? await untilAborted(opening, attempt.signal) : await opening;
    return this.#session;
  }

  async #dropSession(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    // Closing a session that failed or is being replaced: the error that ended it is what counts.
    await session?.close().catch(() => undefined);
  }

  async #waitWhilePaused(): Promise<void> {
    while (this.#paused && !this.#cancelled) await this.#clock.sleep(3_600_000, this.#wake.signal);
    if (this.#cancelled) throw cancelledError();
  }

  /** Runs the transfer; resolves when every file is delivered and verified. */
  async run(): Promise<TransferResult> {
    const files = await Promise.all(
      this.#options.files.map(async file => {
        let size: number;
        try {
          size = (await stat(file.localPath)).size;
        } catch (error) {
          throw new TransferError(
            'transfer.local-file-missing',
            `The file to send, ${file.localPath}, cannot be read.`,
            { cause: error, params: { file: file.localPath } }
          );
        }
        return { ...file, size, sha256: file.sha256 ?? (await sha256File(file.localPath)) };
      })
    );
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    const results: FileResult[] = [];
    let doneBytes = 0;
    try {
      for (const [index, file] of files.entries()) {
        const delivered = await this.#sendFile(file, index, files.length, doneBytes, totalBytes);
        results.push(delivered);
        await this.#options.onFileDone?.(delivered);
        doneBytes += file.size;
      }
    } finally {
      this.#ended = true;
      await this.#dropSession();
    }
    const warnings: string[] = [];
    if (this.#transport.protocol === 'ftp') warnings.push(plainFtpWarning);
    if (!this.#transport.uploadThenRename)
      warnings.push(
        'This destination does not allow renaming, so files were uploaded directly under their final names.'
      );
    if (this.#tlsFellBack)
      warnings.push(
        'The server asks for session reuse on data connections; Courier retried with TLS 1.2 and it worked. This destination now uses TLS 1.2.'
      );
    if (this.#learned.resumeRefused)
      warnings.push(
        'The server does not let an upload continue where it stopped; Courier started it again from the beginning, and will do so for this destination.'
      );
    if (this.#learned.dotNamesRefused)
      warnings.push(
        'The server refuses file names starting with a dot; Courier uploads under a temporary name without one for this destination.'
      );
    const learned: LearnedTransport = {
      ...(this.#tlsFellBack ? { tlsMaxVersion: 'TLSv1.2' as const } : {}),
      ...this.#learned,
    };
    return {
      files: results,
      ...(this.#tlsFellBack ? { tlsMaxVersion: 'TLSv1.2' as const } : {}),
      ...(Object.keys(learned).length ? { learned } : {}),
      warnings,
    };
  }

  async #sendFile(
    file: TransferFile & { size: number; sha256: string },
    index: number,
    fileCount: number,
    doneBefore: number,
    totalBytes: number
  ): Promise<FileResult> {
    const folder = this.#transport.folder;
    const direct = !this.#transport.uploadThenRename;
    const finalPath = remoteJoin(folder, file.remoteName);
    const tempPathNow = () =>
      direct
        ? finalPath
        : remoteJoin(folder, temporaryName(file.remoteName, file.id, this.#dotNamesRefused));
    let tempPath = tempPathNow();
    let finalNameChecked = false;
    const readBackLimit = this.#options.readBackLimit ?? 32 * 1024 * 1024;
    let written = file.writtenOffset ?? 0;
    let knownWritten = file.writtenOffset !== undefined;
    let renameStarted = file.renameStarted ?? false;
    let attempts = 0;
    let idleAttempts = 0;
    let problem: TransferFailure | null = null;
    // A temporary file may be on the server (an earlier run's, or this one's once writing began).
    let mayHaveTemporary = file.writtenOffset !== undefined || renameStarted;
    let verifyFailures = 0;
    let resumedFrom: number | undefined;
    let lastCheckpoint = -1;
    const progress = (phase: TransferPhase, force = false) =>
      this.#emit(
        {
          phase,
          fileIndex: index,
          fileCount,
          remoteName: file.remoteName,
          fileBytes: written,
          fileSize: file.size,
          bytes: doneBefore + written,
          totalBytes,
          bytesPerSecond: Math.round(this.#meter.rate()),
          secondsLeft: this.#meter.secondsLeft(doneBefore + written, totalBytes),
          attempt: attempts,
          step: this.#step,
          tries: { attempt: idleAttempts + 1, of: this.#retry.attemptsWithoutProgress },
          problem,
        },
        force
      );
    const checkpoint = (force = false): Promise<void> | void => {
      if (!force && written - lastCheckpoint < 4 * 1024 * 1024) return;
      lastCheckpoint = written;
      return this.#options.onCheckpoint?.({
        id: file.id,
        writtenOffset: written,
        renameStarted,
        ...(direct ? {} : { temporaryName: tempPath.slice(tempPath.lastIndexOf('/') + 1) }),
      });
    };
    const result = (verifiedBy: 'sha256' | 'size'): FileResult => ({
      id: file.id,
      localPath: file.localPath,
      remoteName: file.remoteName,
      remotePath: finalPath,
      size: file.size,
      sha256: file.sha256,
      verifiedBy,
      resumedFrom: resumedFrom ?? 0,
      attempts,
      direct,
    });

    for (;;) {
      attempts++;
      const attempt = new AbortController();
      this.#attempt = attempt;
      // A try that ended early (a fallback's `continue`) leaves no time limit running.
      this.#watchStep(attempt, null);
      const writtenAtStart = written;
      try {
        // Inside the try: a cancel while paused or waiting to retry also removes the temporary file.
        await this.#waitWhilePaused();
        progress('connecting', true);
        const session = await this.#openSession(attempt, step => {
          this.#watchStep(attempt, step);
          progress('connecting', true);
        });
        // Logged in: the checks before the upload wait on the libraries' own time limits.
        this.#watchStep(attempt, null);
        if (attempt.signal.aborted) throw cancelledError();
        tempPath = tempPathNow();
        await this.#removeLeftovers(session);
        if (renameStarted && !direct) {
          // A run that stopped during the rename: the file may already be in place.
          const [tempSize, finalSize] = [
            await session.size(tempPath),
            await session.size(finalPath),
          ];
          if (tempSize === null && finalSize === file.size) {
            const hash = await session.sha256(finalPath, readBackLimit);
            if (hash !== null && hash !== file.sha256)
              throw new TransferError(
                'transfer.name-taken',
                `A different file named "${file.remoteName}" is already in the folder.`,
                { params: { file: file.remoteName } }
              );
            written = file.size;
            progress('done', true);
            return result(hash ? 'sha256' : 'size');
          }
          if (tempSize === null && finalSize === null) {
            // The verified file was renamed into place and the platform has already collected
            // it: it was delivered. Uploading it again would deliver it twice.
            written = file.size;
            progress('done', true);
            return result('size');
          }
        }
        if (!direct && !renameStarted && !finalNameChecked) {
          // Before any byte is sent: a taken final name is said at once, not after the upload.
          if ((await session.size(finalPath)) !== null) {
            // Best effort: the name-taken error below is what the person must see.
            await session.remove(tempPath).catch(() => undefined);
            throw new TransferError(
              'transfer.name-taken',
              `A file named "${file.remoteName}" is already in the folder. Courier does not overwrite it; send under a new name.`,
              { params: { file: file.remoteName } }
            );
          }
          finalNameChecked = true;
        }
        const remoteSize = await session.size(tempPath);
        let from: number;
        if (remoteSize === null || remoteSize > file.size) from = 0;
        else if (session.protocol === 'sftp') {
          from = knownWritten ? Math.min(written, remoteSize) : 0;
          // Writes that were in flight when the connection broke may have landed: keep the
          // bytes that match the local file (a hole left by a lost write does not match).
          if (remoteSize > from && session.matchingPrefix)
            from = await session.matchingPrefix(
              tempPath,
              file.localPath,
              from,
              Math.min(remoteSize, from + 16 * 1024 * 1024)
            );
        } else from = remoteSize;
        if (this.#resumeRefused && from < file.size) from = 0;
        resumedFrom ??= from;
        written = from;
        knownWritten = true;
        if (from < file.size || remoteSize === null) {
          progress('uploading', true);
          // Starting over: remove the partial copy first (ProFTPD's default `AllowOverwrite off`
          // refuses to write over an existing file).
          if (from === 0 && remoteSize !== null)
            await session.remove(tempPath).catch(() => undefined);
          // The queue learns the temporary name before the first byte lands under it.
          if (lastCheckpoint < 0) await checkpoint(true);
          mayHaveTemporary = true;
          // FTPS opens a separate data connection for the file; SFTP writes on the same one.
          this.#watchStep(attempt, session.protocol === 'sftp' ? 'upload' : 'data');
          progress('uploading', true);
          try {
            if (file.size === 0) await session.put(tempPath, new Uint8Array());
            else
              await session.write(file.localPath, tempPath, from, {
                signal: attempt.signal,
                onWritten: offset => {
                  // Bytes moving are the server's sign of life: the time limit starts again.
                  if (this.#step !== 'upload') this.#step = 'upload';
                  this.#lastActivity = this.#clock.now();
                  written = offset;
                  progress('uploading');
                  checkpoint();
                },
              });
          } catch (writeError) {
            const refused = toTransferError(writeError);
            if (
              from > 0 &&
              !attempt.signal.aborted &&
              (refused.code === 'transfer.resume-refused' ||
                refused.code === 'transfer.folder-not-writable')
            ) {
              // Continuing the partial file was refused (ProFTPD's `AllowStoreRestart off`):
              // start again from zero, for this destination from now on.
              this.#resumeRefused = true;
              this.#learned.resumeRefused = true;
              written = 0;
              resumedFrom = 0;
              await this.#dropSession();
              continue;
            }
            if (
              from === 0 &&
              !direct &&
              !this.#dotNamesRefused &&
              !attempt.signal.aborted &&
              refused.code === 'transfer.folder-not-writable'
            ) {
              // Servers that forbid names starting with a dot (Pure-FTPd `-x`) refuse the
              // temporary name: try once without the dot; a real refusal fails again there.
              this.#dotNamesRefused = true;
              this.#learned.dotNamesRefused = true;
              await this.#dropSession();
              continue;
            }
            throw writeError;
          }
          written = file.size;
          checkpoint(true);
        }
        this.#watchStep(attempt, null);
        progress('verifying', true);
        const landed = await session.size(tempPath);
        if (landed !== file.size) {
          written = 0;
          knownWritten = false;
          throw new TransferError(
            'transfer.verify-failed',
            `The server holds ${landed ?? 0} bytes of "${file.remoteName}" instead of ${file.size}.`,
            { retryable: true, params: { file: file.remoteName } }
          );
        }
        const hash = await session.sha256(tempPath, readBackLimit);
        if (hash !== null && hash !== file.sha256) {
          verifyFailures++;
          // The upload starts over under the same temporary name, which overwrites what is left.
          await session.remove(tempPath).catch(() => undefined);
          written = 0;
          if (verifyFailures >= 2)
            throw new TransferError(
              'transfer.verify-failed',
              `The copy of "${file.remoteName}" on the server differs from the file sent, twice. Nothing was left under its final name.`,
              { params: { file: file.remoteName } }
            );
          continue;
        }
        if (!direct) {
          if ((await session.size(finalPath)) !== null) {
            // Best effort: the name-taken error below is what the person must see.
            await session.remove(tempPath).catch(() => undefined);
            throw new TransferError(
              'transfer.name-taken',
              `A file named "${file.remoteName}" is already in the folder. Courier does not overwrite it; send under a new name.`,
              { params: { file: file.remoteName } }
            );
          }
          progress('renaming', true);
          renameStarted = true;
          // Recorded before the rename, so a crash or pause after it never re-uploads the file.
          await checkpoint(true);
          await session.rename(tempPath, finalPath);
        }
        progress('done', true);
        return result(hash ? 'sha256' : 'size');
      } catch (caught) {
        this.#watchStep(attempt, null);
        // A step that waited past its time limit aborted the try with its own error.
        const reason: unknown = attempt.signal.reason;
        const timedOut = reason instanceof TransferError ? reason : undefined;
        const error = timedOut ?? toTransferError(caught);
        await this.#dropSession();
        if (this.#cancelled) {
          if (mayHaveTemporary) await this.#removeQuietly(tempPath, direct);
          throw cancelledError();
        }
        // Paused during this attempt (perhaps already resumed): the next attempt resumes.
        if (!timedOut && (attempt.signal.aborted || this.#paused)) continue;
        if (
          error.code === 'ftps.session-reuse-failed' &&
          this.#transport.tlsMaxVersion !== 'TLSv1.2' &&
          this.#transport.protocol !== 'sftp'
        ) {
          // A known basic-ftp problem with TLS 1.3 tickets and servers that insist on session
          // reuse (patrickjuchli/basic-ftp#60): TLS 1.2 reuse works with them.
          this.#transport = { ...this.#transport, tlsMaxVersion: 'TLSv1.2' };
          this.#tlsFellBack = true;
          continue;
        }
        if (!error.retryable) throw error;
        idleAttempts = written > writtenAtStart ? 1 : idleAttempts + 1;
        if (idleAttempts >= this.#retry.attemptsWithoutProgress) {
          throw new TransferError(
            error.code,
            `${error.message.replace(/ Courier will try again\.$/, '')} Courier tried ${attempts} times and gave up; it will continue from where it stopped next time.`,
            {
              cause: error,
              params: { ...error.params, attempts },
            }
          );
        }
        const delay =
          Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (idleAttempts - 1)) *
          (0.75 + Math.random() * 0.5);
        this.#meter.reset();
        problem = toTransferFailure(error);
        progress('retrying', true);
        await this.#clock.sleep(delay, this.#wake.signal);
      }
    }
  }

  /** Removes, once, the temporary files earlier runs left that no run will resume. */
  async #removeLeftovers(session: RemoteSession): Promise<void> {
    const leftovers = this.#leftovers;
    this.#leftovers = [];
    // Gone already, or not ours to remove: a leftover never carries a final name.
    for (const path of leftovers) await session.remove(path).catch(() => undefined);
  }

  /** Best effort: a cancelled upload should not leave its temporary file behind. */
  async #removeQuietly(tempPath: string, direct: boolean): Promise<void> {
    if (direct) return;
    // A server that stopped answering is not waited on for longer than one step's limit.
    const limit = new AbortController();
    const stop = new AbortController();
    void this.#clock.sleep(this.#stepLimitMs, stop.signal).then(() => limit.abort());
    try {
      const session = await this.#openSession(limit);
      await untilAborted(session.remove(tempPath), limit.signal);
    } catch {
      // The temporary name never matches a final name; a leftover is harmless.
    } finally {
      stop.abort();
      await this.#dropSession();
    }
  }
}

/**
 * Waits for `work` unless `signal` aborts first: then rejects at once with the abort's
 * TransferError reason (a step's time limit) or `cancelled`. A session that opens too late is closed.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  const failure = () => (signal.reason instanceof TransferError ? signal.reason : cancelledError());
  if (signal.aborted) {
    work.then(closeLate, () => undefined);
    return Promise.reject(failure());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.then(closeLate, () => undefined);
      reject(failure());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      }
    );
  });
}

function closeLate(value: unknown): void {
  const session = value as Partial<RemoteSession> | undefined;
  // A connection that opened after its transfer ended: closed, and nothing waits for the answer.
  if (session && typeof session.close === 'function') void session.close().catch(() => undefined);
}
