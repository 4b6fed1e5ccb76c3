import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { CourierError, type PlainError } from '../../src-core/errors';
import type { Destination, RecordingsOption } from '../../src-core/destinations/destination';
import type { Transport } from '../../src-core/destinations/transport';
import type { RecordingsFolder } from '../../src-core/preparation/recordings-check';
import type { RunRecordings } from '../../src-core/history/run';
import { openLedger } from '../transfers/ledger';
import { sha256File } from '../transfers/local-file';
import type { SecretReader } from '../transfers/secret-reader';
import type { TransferProgress } from '../transfers/transfer';
import type { Logger } from '../logging/logger';
import type { Upload, UploadControl } from './worker-upload';

/**
 * The call recordings a send delivers before its records (EvaluAgent): the folder's listing for
 * the row check, then each recording the sent rows name uploaded once, through the same queue,
 * ledger and verified transfer as the records.
 */

/** The recordings settings of a destination, checked against the folder a send was given. */
export function recordingsSetup(
  destination: Destination,
  folder: string | undefined
): RecordingsOption | null {
  if (destination.recordings && !folder)
    throw new CourierError(
      'recordings.folder-needed',
      `${destination.name} receives the call recordings with the records: choose the folder the recordings are in.`,
      { params: { destination: destination.name } }
    );
  if (!destination.recordings && folder)
    throw new CourierError(
      'recordings.not-set-up',
      `${destination.name} is not set up to receive recordings: choose the column that names them in its settings first.`,
      { params: { destination: destination.name } }
    );
  return destination.recordings ?? null;
}

/**
 * Lists every file under the recordings folder (relative paths, `/` between folders), telling
 * the ones Courier may read from the others.
 */
export async function listRecordingsFolder(
  folder: string,
  options: Readonly<{ now?: Date; settleMs?: number }> = {}
): Promise<ListedRecordings> {
  const readable: string[] = [];
  const unreadable: string[] = [];
  const arriving: string[] = [];
  const settledBefore = (options.now ?? new Date()).getTime() - (options.settleMs ?? 0);
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(folder, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      // A subfolder Courier may not open is listed as unreadable (said to the person), not skipped.
      if (entry.isDirectory()) await walk(path).catch(() => void unreadable.push(`${path}/`));
      else if (entry.isFile() || entry.isSymbolicLink()) {
        const ok = await access(join(folder, path), constants.R_OK).then(
          () => true,
          () => false
        );
        (ok ? readable : unreadable).push(path);
        if (ok && options.settleMs) {
          const info = await stat(join(folder, path)).catch(() => null);
          if (!info || info.mtimeMs > settledBefore) arriving.push(path);
        }
      }
    }
  };
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) throw new Error('not a folder');
    await walk('');
  } catch {
    throw new CourierError(
      'recordings.folder-unreadable',
      `Courier cannot open the recordings folder “${folder}”. Check that it exists and that you may read it.`,
      { params: { folder } }
    );
  }
  return { readable, unreadable, arriving };
}

/** How long a recording must be left alone before a job takes it as finished (as watched files). */
export const RECORDINGS_SETTLE_MS = 2000;

/** A recordings folder's listing, with the files written to too recently to be sure they are whole. */
export type ListedRecordings = RecordingsFolder & Readonly<{ arriving: readonly string[] }>;

/**
 * Why a job's file waits for its recordings, or null: a row names one that is not there (yet),
 * or one that is still being written. The job offers the file again at its next run.
 */
export function waitingForRecordings(
  preparation: Readonly<{
    issueRows: Readonly<Record<string, number>>;
    recordings?: readonly string[];
  }>,
  folder: ListedRecordings
): PlainError | null {
  const missing =
    (preparation.issueRows['recording.missing'] ?? 0) +
    (preparation.issueRows['recording.unreadable'] ?? 0);
  if (missing > 0)
    return {
      code: 'recordings.not-all-there',
      message: `${missing === 1 ? '1 row names a recording' : `${missing} rows name recordings`} that ${missing === 1 ? 'is' : 'are'} not in the folder yet. The file is sent with its recordings once they are all there.`,
      params: { count: missing },
    };
  const arriving = new Set(folder.arriving);
  const busy = (preparation.recordings ?? []).filter(path => arriving.has(path)).length;
  if (busy > 0)
    return {
      code: 'recordings.still-arriving',
      message: `${busy === 1 ? '1 recording is' : `${busy} recordings are`} still being written. The file is sent with its recordings once they are complete.`,
      params: { count: busy },
    };
  return null;
}

/** One recording to deliver. */
type Recording = Readonly<{ localPath: string; remoteName: string; size: number; sha256: string }>;

/** Reads the size and content hash of each recording the sent rows name. */
async function describeRecordings(folder: string, paths: readonly string[]): Promise<Recording[]> {
  const out: Recording[] = [];
  const byName = new Map<string, string>();
  for (const path of paths) {
    // The platform links a record to its recording by the file name, in one remote folder.
    const remoteName = posix.basename(path);
    const other = byName.get(remoteName);
    if (other !== undefined)
      throw new CourierError(
        'recordings.same-name',
        `Two recordings have the same name, “${other}” and “${path}”, and both would land in the same remote folder. Rename one of them.`,
        { params: { file: remoteName } }
      );
    byName.set(remoteName, path);
    const localPath = join(folder, ...path.split('/'));
    const size = (await stat(localPath)).size;
    out.push({ localPath, remoteName, size, sha256: await sha256File(localPath) });
  }
  return out;
}

export type SendRecordingsRequest = Readonly<{
  home: string;
  destination: Destination;
  /** The records' transport: the recordings go over the same connection, to their own folder. */
  transport: Transport;
  secrets: SecretReader;
  upload: Upload;
  folder: string;
  /** The recordings the sent rows name (relative to `folder`). */
  paths: readonly string[];
  /** Names the queue items (`<prefix>-r<n>`). */
  queuePrefix: string;
  logger?: Logger;
  onProgress?: (progress: TransferProgress) => void;
  onTransfer?: (control: UploadControl) => void;
}>;

/**
 * Uploads the recordings the sent rows name, skipping those the ledger says are already in the
 * recordings folder with the same content: a recording is never sent twice, and a send that
 * stops half-way continues where it was (the queue) the next time.
 */
export async function sendRecordings(request: SendRecordingsRequest): Promise<RunRecordings> {
  const option = request.destination.recordings!;
  const remoteFolder = option.remoteFolder;
  const recordings = await describeRecordings(request.folder, request.paths);
  const delivered = await openLedger(request.home).entriesFor(request.destination.name);
  const there = new Set(
    delivered
      .filter(e => e.remoteFolder === remoteFolder)
      .map(e => `${e.remoteName}\u0000${e.sha256}`)
  );
  const fresh = recordings.filter(r => !there.has(`${r.remoteName}\u0000${r.sha256}`));
  const sum = (list: readonly Recording[]) => list.reduce((n, r) => n + r.size, 0);
  request.logger?.info('Recordings to send', {
    recordings: recordings.length,
    new: fresh.length,
    bytes: sum(fresh),
  });
  if (fresh.length > 0) {
    // The same content under another name (two silent calls) is sent again on purpose: each
    // record must find its own file. Names are kept: the records name them.
    const contentSentBefore = fresh.some(r => delivered.some(e => e.sha256 === r.sha256));
    await request.upload({
      home: request.home,
      destinationName: request.destination.name,
      transport: { ...request.transport, folder: remoteFolder },
      secrets: request.secrets,
      force: contentSentBefore,
      sameNameEveryRun: true,
      logger: request.logger,
      files: fresh.map((r, i) => ({
        id: `${request.queuePrefix}-r${i + 1}`,
        localPath: r.localPath,
        remoteName: r.remoteName,
        sha256: r.sha256,
      })),
      onProgress: request.onProgress,
      onTransfer: request.onTransfer,
    });
  }
  return {
    count: recordings.length,
    bytes: sum(recordings),
    uploaded: fresh.length,
    uploadedBytes: sum(fresh),
    remoteFolder,
  };
}
