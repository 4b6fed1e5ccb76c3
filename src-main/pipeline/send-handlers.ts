import { CourierError } from '../../src-core/errors';
import type { Emit, Handler } from '../ipc/ipc-router';
import type { SecretReader } from '../transfers/secret-reader';
import { runPipeline, type SendProgress } from './run-pipeline';
import { createWorkerUpload, type Upload, type UploadControl } from './worker-upload';
import { findRejectedRows } from './rejected-rows';
import { createWorkerPreparer, type Preparer } from '../preparation/send-preparation';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chooseSaveTarget, saveWhole, type PickSaveTarget } from '../files/save-copy';
import type { HistoryStore } from '../history/history-store';

type SendHandlers = {
  'send:start': Handler<'send:start'>;
  'send:pause': Handler<'send:pause'>;
  'send:resume': Handler<'send:resume'>;
  'send:cancel': Handler<'send:cancel'>;
  'history:rejected-rows': Handler<'history:rejected-rows'>;
  'history:save-rejected-rows': Handler<'history:save-rejected-rows'>;
};

/** What the send handlers need: the settings folder, events, and where saved copies go. */
export type SendContext = Readonly<{
  home: string;
  emit: Emit;
  /** Asks where to save a file (Electron's save dialog in the app); without it, a free name beside the suggestion. */
  pickSaveTarget?: PickSaveTarget;
  /** Where saved copies go by default (the user's Documents folder in the app). */
  documentsFolder?: string;
  /** The run's source file and day name a saved copy of its left-out rows (else “export”, today). */
  history?: Pick<HistoryStore, 'getRun'>;
}>;

/**
 * The app's Send button: one send at a time through the shared pipeline, with progress events
 * throttled by the transfer engine, and pause / resume / cancel of the running upload.
 */
export function createSendHandlers(
  context: SendContext,
  secrets: SecretReader,
  upload: Upload = createWorkerUpload(),
  prepare: Preparer = createWorkerPreparer()
): SendHandlers {
  let running: { controller: AbortController; transfer: UploadControl | null } | null = null;

  const progress = (p: SendProgress) => {
    if (p.phase === 'reading') {
      const { bytesRead, totalBytes, rowsRead } = p.read;
      context.emit('send:progress', {
        phase: 'reading',
        stage: 'preparing',
        fraction: totalBytes ? bytesRead / totalBytes : 0,
        bytes: bytesRead,
        totalBytes,
        rows: rowsRead,
        bytesPerSecond: 0,
        secondsLeft: null,
        fileName: null,
      });
    } else {
      const t = p.transfer;
      context.emit('send:progress', {
        phase: t.phase,
        stage: 'uploading',
        fraction: t.totalBytes ? t.bytes / t.totalBytes : 0,
        bytes: t.bytes,
        totalBytes: t.totalBytes,
        rows: p.rows ?? null,
        bytesPerSecond: t.bytesPerSecond,
        secondsLeft: t.secondsLeft,
        fileName: t.remoteName,
        step: t.step ?? null,
        tries: t.tries ?? null,
        problem: t.problem
          ? { code: t.problem.code, message: t.problem.message, params: t.problem.params }
          : null,
        ...(p.part
          ? { part: p.part, file: Math.min(t.fileIndex + 1, t.fileCount), files: t.fileCount }
          : {}),
      });
    }
  };

  return {
    'send:start': async request => {
      if (running)
        throw new CourierError(
          'send.busy',
          'A file is being sent already. Wait for it to finish, or cancel it.'
        );
      const current: { controller: AbortController; transfer: UploadControl | null } = {
        controller: new AbortController(),
        transfer: null,
      };
      running = current;
      try {
        const result = await runPipeline(
          {
            ...request,
            trigger: 'user',
          },
          {
            home: context.home,
            secrets,
            signal: current.controller.signal,
            onProgress: progress,
            onTransfer: t => (current.transfer = t),
            // Preparation and upload run in their worker threads: the main thread stays free for the UI.
            prepare,
            upload,
            // The receipt is recorded in the history when it comes (the history screen updates).
            receipt: { mode: 'background', timeoutMs: 30 * 60_000 },
          }
        );
        const delivered = new Map((result.transfer?.files ?? []).map(f => [f.remoteName, f]));
        const fingerprint = result.failure?.fingerprint ?? null;
        return {
          runId: result.run.id,
          outcome: result.awaitingTrust ? ('needs-trust' as const) : result.run.outcome,
          rows: {
            read: result.run.rows.read,
            sent: result.run.rows.sent,
            excluded: result.run.rows.excluded,
          },
          files: result.run.outputFiles.map(f => ({
            ...f,
            remotePath: delivered.get(f.name)?.remotePath ?? null,
            verifiedBy: delivered.get(f.name)?.verifiedBy ?? null,
          })),
          error: result.run.error
            ? { code: result.run.error.code, message: result.run.error.message }
            : null,
          fingerprint,
          recordings: result.run.recordings ?? null,
          fileSets: result.run.fileSets ?? null,
        };
      } finally {
        running = null;
      }
    },
    'send:pause': () => {
      running?.transfer?.pause();
      return { paused: running?.transfer?.paused ?? false };
    },
    'send:resume': () => {
      running?.transfer?.resume();
      return { paused: running?.transfer?.paused ?? false };
    },
    'history:rejected-rows': async ({ id }) => ({ path: await findRejectedRows(context.home, id) }),
    'history:save-rejected-rows': async ({ id, dialogTitle }) => {
      const kept = await findRejectedRows(context.home, id);
      if (!kept) {
        throw new CourierError(
          'files.source-gone',
          'The rows left out by this send are no longer kept, so there is nothing to copy.'
        );
      }
      const run = (await context.history?.getRun(id)) ?? null;
      const name = (run?.source?.fileName ?? 'export').replace(/\.[^.]*$/, '');
      const day = (run?.startedAt ?? new Date().toISOString()).slice(0, 10);
      const target = await chooseSaveTarget(
        context.pickSaveTarget,
        join(context.documentsFolder ?? homedir(), `${name}-rejected-${day}.csv`),
        dialogTitle
      );
      if (target === null) return { path: null };
      await saveWhole(target, { copyOf: kept });
      return { path: target };
    },
    'send:cancel': () => {
      if (!running) return { cancelled: false };
      running.controller.abort();
      return { cancelled: true };
    },
  };
}
