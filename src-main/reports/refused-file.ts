import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CourierError } from '../../src-core/errors';
import type { Destination } from '../../src-core/destinations/destination';
import type { Run } from '../../src-core/history/run';
import type { HistoryStore } from '../history/history-store';
import { destinationTransport } from '../transfers/destination-transport';
import { isDigitaleoRename, withSession } from '../transfers/receipts';
import { remoteJoin, type RemoteEntry } from '../transfers/remote-session';
import type { SecretReader } from '../transfers/secret-reader';
import { saveNew } from './report-downloads';

/**
 * A file Digitaleo refused (its receipt is `ko`): Digitaleo moves it from `…/contacts/<action>/in`
 * to `…/contacts/<action>/ko`, renamed with a time prefix. Courier downloads it as Digitaleo kept
 * it, so the person can see what the platform disliked: verified (its size on the server), and
 * never written over a local file.
 */

/** One refused file saved locally. */
export type RefusedFile = Readonly<{
  /** The file as Courier sent it. */
  sentAs: string;
  /** Its name in Digitaleo's `ko` folder. */
  name: string;
  /** Where it was saved (a new name when the folder already held one of that name). */
  savedAs: string;
  bytes: number;
  sha256: string;
  /** Whether Digitaleo kept exactly the bytes Courier sent. */
  sameAsSent: boolean;
}>;

/** What `downloadRefusedFiles` needs. */
export type RefusedFilesRequest = Readonly<{
  run: Run;
  destination: Destination;
  secrets: SecretReader;
  /** The local folder the files go to (created if missing). */
  out: string;
}>;

/** Digitaleo's time prefix as milliseconds (seconds when it has ten digits or fewer). */
function prefixTime(name: string, sentAs: string): number | null {
  const digits = /^(\d{9,13})/.exec(name.slice(0, name.length - sentAs.length))?.[1];
  if (!digits) return null;
  return digits.length > 10 ? Number(digits) : Number(digits) * 1000;
}

/**
 * The refused copy of one sent file: of the `ko` files with its name, the first Digitaleo took
 * after this run started (the same name may have been sent, and refused, before); null if none.
 */
function refusedCopy(
  entries: readonly RemoteEntry[],
  sentAs: string,
  since: number
): RemoteEntry | null {
  const matches = entries
    .filter(e => !e.isDirectory && isDigitaleoRename(e.name, sentAs))
    .map(e => ({ entry: e, at: prefixTime(e.name, sentAs) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.at - b.at);
  // Digitaleo's clock and ours differ a little: a minute of slack. A copy taken before this run
  // started is an earlier send's refusal, never this one's.
  return matches.find(m => m.at >= since - 60_000)?.entry ?? null;
}

/** Downloads the files of `run` that Digitaleo refused (see the module comment). */
export async function downloadRefusedFiles(request: RefusedFilesRequest): Promise<RefusedFile[]> {
  const { run, destination } = request;
  if (run.receipt.status !== 'rejected' || destination.receipt !== 'digitaleo')
    throw new CourierError(
      'refused.not-refused',
      'The platform did not refuse this send’s file, so there is no refused file to download.',
      { params: { name: destination.name } }
    );
  const transport = destinationTransport(destination);
  const inFolder = (run.transfer.remoteFolder ?? transport.folder).replace(/\/+$/, '');
  const koFolder = remoteJoin(inFolder.replace(/\/in$/, ''), 'ko');
  const since = Date.parse(run.startedAt);
  await mkdir(request.out, { recursive: true });
  const saved: RefusedFile[] = [];
  await withSession(destination.name, transport, request.secrets, async session => {
    // No `ko/` folder (the platform makes it with its first refusal): nothing was refused.
    const entries = await session.list(koFolder).catch(() => []);
    for (const sent of run.outputFiles) {
      const copy = refusedCopy(entries, sent.name, since);
      if (!copy) continue;
      const tmp = join(request.out, `.${copy.name}.${randomBytes(4).toString('hex')}.download`);
      let bytes: Uint8Array;
      try {
        await session.download(remoteJoin(koFolder, copy.name), tmp);
        bytes = new Uint8Array(await readFile(tmp));
      } finally {
        await rm(tmp, { force: true });
      }
      if (bytes.length !== copy.size)
        throw new CourierError(
          'refused.damaged',
          `The refused file “${copy.name}” arrived incomplete (${bytes.length} of ${copy.size} bytes). Nothing was kept; try again.`,
          { params: { file: copy.name } }
        );
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const savedAs = await saveNew(request.out, copy.name, bytes);
      saved.push({
        sentAs: sent.name,
        name: copy.name,
        savedAs,
        bytes: bytes.length,
        sha256,
        sameAsSent: sha256 === sent.sha256,
      });
    }
  });
  if (saved.length === 0)
    throw new CourierError(
      'refused.gone',
      `Digitaleo no longer keeps the refused file of this send in its ko folder (${koFolder}) for ${destination.name}.`,
      { params: { name: destination.name, folder: koFolder } }
    );
  return saved;
}

/** The refused files of past runs, for History in the app and `courier history download-refused`. */
export type RefusedFiles = Readonly<{
  /** Downloads the files Digitaleo refused in run `runId` into `out`. */
  download: (runId: string, out: string) => Promise<{ run: Run; files: RefusedFile[] }>;
}>;

/** The one service both the app and the CLI download refused files through. */
export function createRefusedFiles(deps: {
  history: Pick<HistoryStore, 'getRun'>;
  resolveDestination: (name: string) => Promise<Destination>;
  secrets: SecretReader;
}): RefusedFiles {
  return {
    download: async (runId, out) => {
      const run = await deps.history.getRun(runId);
      if (!run)
        throw new CourierError(
          'history.run-not-found',
          `There is no run “${runId}” in the history (it may be older than the history keeps).`,
          { params: { id: runId } }
        );
      if (!run.destination || run.receipt.status !== 'rejected')
        throw new CourierError(
          'refused.not-refused',
          'The platform did not refuse this send’s file, so there is no refused file to download.',
          { params: { name: run.destination ?? '' } }
        );
      const destination = await deps.resolveDestination(run.destination);
      const files = await downloadRefusedFiles({ run, destination, secrets: deps.secrets, out });
      return { run, files };
    },
  };
}
