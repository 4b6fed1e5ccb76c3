import { randomBytes } from 'node:crypto';
import { CourierError, toPlainError } from '../../src-core/errors';
import type { Transport } from '../../src-core/destinations/transport';
import type { UploadOutcomeSchema } from '../../src-core/transfers/transfer-ipc';
import type { Handler } from '../ipc/ipc-router';
import type { ServiceContext } from '../services/main-handlers';
import { resolveDestination, saveDestination } from '../settings/destination-store';
import { runWorker } from '../workers/run-worker';
import { testDestination } from './destination-test';
import { destinationTransport } from './destination-transport';
import { readLoginSecrets, type SecretReader } from './secret-reader';
import type { TransferProgress } from './transfer';
import type { TransferJob, TransferJobResult } from './transfer-job';
import { discardQueued } from './upload-files';

type TransferHandlers = {
  'destinations:test': Handler<'destinations:test'>;
  'upload:start': Handler<'upload:start'>;
  'upload:pause': Handler<'upload:pause'>;
  'upload:resume': Handler<'upload:resume'>;
  'upload:cancel': Handler<'upload:cancel'>;
};

type Upload = {
  destination: string;
  transport: Transport;
  ids: string[];
  running: AbortController | null;
  stop: 'pause' | 'cancel' | null;
};

/** Runs transfer jobs; the worker thread in the app, replaceable in tests. */
export type TransferRunner = (job: TransferJob, onProgress: (p: TransferProgress) => void, signal: AbortSignal) => Promise<TransferJobResult>;

/** The real runner: `transfer.worker.ts` through runWorker. */
export const workerRunner: TransferRunner = (job, onProgress, signal) => runWorker<TransferJob, TransferProgress, TransferJobResult>('transfer', job, { onProgress, signal });

/**
 * The IPC handlers of connection tests and uploads.
 *
 * Uploads run in the transfer worker with secrets read here from the keychain. Pause stops the
 * worker (the queue and what reached the server stay; resume continues from there), cancel stops
 * it and removes the temporary remote files and queue items. A TLS 1.2 fallback is saved in the
 * destination.
 */
export function createTransferHandlers(context: ServiceContext, secrets: SecretReader, runner: TransferRunner = workerRunner): TransferHandlers {
  const uploads = new Map<string, Upload>();

  const run = async (uploadId: string, upload: Upload, job: TransferJob): Promise<UploadOutcomeSchema> => {
    const controller = new AbortController();
    upload.running = controller;
    upload.stop = null;
    let outcome: TransferJobResult | { ok: false; failure: { code: string; message: string; fingerprint?: string } };
    try {
      outcome = await runner(job, progress => context.emit('upload:progress', { uploadId, ...progress }), controller.signal);
    } catch (error) {
      outcome = { ok: false, failure: toPlainError(error) };
    } finally {
      upload.running = null;
    }
    const empty = { uploadId, files: [], warnings: [] };
    if (upload.stop === 'pause') return { ...empty, status: 'paused', error: null };
    if (upload.stop === 'cancel') {
      await discardQueued(context.home, upload.ids, secrets);
      uploads.delete(uploadId);
      return { ...empty, status: 'cancelled', error: null };
    }
    if (!outcome.ok) return { ...empty, status: 'failed', error: outcome.failure };
    uploads.delete(uploadId);
    const result = outcome.result;
    if (result.tlsMaxVersion) {
      const destination = await resolveDestination(context.home, upload.destination).catch(() => null);
      if (destination) {
        await saveDestination(context.home, { ...destination, transport: { ...destination.transport, tlsMaxVersion: result.tlsMaxVersion } }, { previousName: destination.name, overwrite: true }).catch(
          () => undefined
        );
      }
    }
    return {
      uploadId,
      status: 'done',
      files: result.files.map(f => ({ remoteName: f.remoteName, remotePath: f.remotePath, size: f.size, sha256: f.sha256, verifiedBy: f.verifiedBy })),
      warnings: [...result.warnings],
      error: null,
    };
  };

  return {
    'destinations:test': async ({ name }) => {
      const result = await testDestination(context.home, name, secrets, step => context.emit('destinations:test-step', { name, step }));
      return { ok: result.ok, steps: [...result.steps], ...(result.tlsMaxVersion ? { tlsMaxVersion: result.tlsMaxVersion } : {}) };
    },
    'upload:start': async request => {
      const uploadId = request.uploadId ?? randomBytes(8).toString('hex');
      if (uploads.has(uploadId)) throw new CourierError('upload.exists', 'An upload with this id is already running or paused.');
      const destination = await resolveDestination(context.home, request.destination);
      const transport = destinationTransport(destination);
      const ids = request.files.map((_, i) => `${uploadId}-${i}`);
      const upload: Upload = { destination: destination.name, transport, ids, running: null, stop: null };
      uploads.set(uploadId, upload);
      const login = await readLoginSecrets(secrets, destination.name);
      return run(uploadId, upload, {
        kind: 'upload',
        home: context.home,
        destinationName: destination.name,
        transport,
        secrets: login,
        files: request.files.map((f, i) => ({ localPath: f.path, remoteName: f.remoteName, id: ids[i] })),
        force: request.force ?? false,
      });
    },
    'upload:pause': ({ uploadId }) => {
      const upload = uploads.get(uploadId);
      if (!upload?.running) return { paused: upload !== undefined };
      upload.stop = 'pause';
      upload.running.abort();
      return { paused: true };
    },
    'upload:resume': async ({ uploadId }) => {
      const upload = uploads.get(uploadId);
      if (!upload) throw new CourierError('upload.not-found', 'This upload is not paused or waiting (it may have finished or been cancelled).');
      if (upload.running) throw new CourierError('upload.running', 'This upload is running already.');
      const login = await readLoginSecrets(secrets, upload.destination);
      return run(uploadId, upload, { kind: 'resume', home: context.home, secrets: login, ids: upload.ids });
    },
    'upload:cancel': async ({ uploadId }) => {
      const upload = uploads.get(uploadId);
      if (!upload) return { cancelled: false };
      if (upload.running) {
        upload.stop = 'cancel';
        upload.running.abort();
        return { cancelled: true };
      }
      uploads.delete(uploadId);
      await discardQueued(context.home, upload.ids, secrets);
      return { cancelled: true };
    },
  };
}
