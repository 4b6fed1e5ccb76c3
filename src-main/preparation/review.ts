import { namesInUse } from '../transfers/name-reservations';
import { rejectedWords } from '../../src-core/words/rejected-words';
import iconv from 'iconv-lite';
import { unzipSync } from 'fflate';
import type { z } from 'zod';
import type { Destination, OutputEncoding } from '../../src-core/destinations/destination';
import type { HeaderChanges } from '../../src-core/mapping/header-changes';
import { sinksParts, type PreparedFile } from '../../src-core/preparation/prepare';
import type { preparationCalls } from '../../src-core/preparation/preparation-ipc';
import { parseFixes } from '../../src-core/fixes/fix-schema';
import { rejectedRowsCsv } from '../../src-core/output/rejected';
import { resolveDestination } from '../settings/destination-store';
import {
  prepareFile,
  prepareFileToSink,
  type FilePreparation,
  type PrepareFileOptions,
} from './prepare-file';
import { rowCounts } from '../../src-core/preparation/row-counts';
import { saveWhole } from '../files/save-copy';
import type { ReadProgress } from '../reading/open-source';
import type { WorkerJobContext } from '../workers/serve-worker';
import {
  prepareInThisThread,
  type PreparedSend,
  type SendPreparationJob,
} from './send-preparation';

type Calls = typeof preparationCalls;
/** A `review:check` request after validation. */
export type ReviewCheckRequest = z.output<Calls['review:check']['request']>;
/** What `review:check` answers: plain JSON. */
export type ReviewCheckResponse = z.output<Calls['review:check']['response']>;
export type SaveRejectedRequest = z.output<Calls['review:save-rejected']['request']>;
export type SaveRejectedResponse = z.output<Calls['review:save-rejected']['response']>;

/** Header changes as plain, mutable JSON data. */
export const plainChanges = (c: HeaderChanges) => ({
  added: [...c.added],
  gone: [...c.gone],
  renamed: c.renamed.map(r => ({ ...r })),
});

/** Enough bytes of a file for its first lines, without decoding a 20 MB file. */
const HEAD_BYTES = 64 * 1024;

/** The first lines of a prepared file as text (a zip shows the CSV inside). */
export function firstLines(file: PreparedFile, encoding: OutputEncoding, count = 10): string[] {
  if (file.firstLines) return file.firstLines.slice(0, count);
  let bytes = file.bytes;
  if (file.innerName !== null) bytes = Object.values(unzipSync(bytes))[0] ?? new Uint8Array(0);
  return headLines(bytes.subarray(0, HEAD_BYTES), bytes.length, encoding, count);
}

/** The first lines of a file of `size` bytes from its first bytes (`head`, at most HEAD_BYTES). */
function headLines(head: Uint8Array, size: number, encoding: OutputEncoding, count = 10): string[] {
  const text = iconv.decode(
    Buffer.from(head.buffer, head.byteOffset, head.length),
    encoding === 'utf-8-bom' ? 'utf-8' : encoding,
    { stripBOM: true }
  );
  const lines = text.split(/\r\n|\n/);
  if (head.length < size) lines.pop(); // the last line may be cut
  return lines.slice(0, count).filter((line, i, all) => line !== '' || i < all.length - 1);
}

/**
 * The files of a preparation as the review shows them. A plain-text output is never held whole
 * for this: each part is kept as its first bytes only, as it completes.
 */
async function reviewedFiles(
  path: string,
  destination: Destination,
  options: PrepareFileOptions
): Promise<{ result: Omit<FilePreparation, 'files'>; files: ReviewCheckResponse['files'] }> {
  const encoding = destination.output.encoding;
  if (!sinksParts(destination)) {
    const { files, ...result } = await prepareFile(path, destination, options);
    const shown = files.map(f => ({
      name: f.name,
      rows: f.rows,
      bytes: f.bytes.length,
      encoding,
      firstLines: firstLines(f, encoding),
    }));
    return { result, files: shown };
  }
  const heads: Uint8Array[] = [];
  const sink = { put: (bytes: Uint8Array) => void heads.push(bytes.slice(0, HEAD_BYTES)) };
  const { files, ...result } = await prepareFileToSink(path, destination, options, sink);
  const shown = files.map(f => ({
    name: f.name,
    rows: f.rows,
    bytes: f.size,
    encoding,
    firstLines: headLines(heads[f.part]!, f.size, encoding),
  }));
  return { result, files: shown };
}

/** Runs the whole preparation for the review screen and sums it up as plain JSON. */
export async function reviewCheck(
  request: ReviewCheckRequest,
  home: string,
  now: Date
): Promise<ReviewCheckResponse> {
  const destination = await resolveDestination(home, request.destination);
  // Names used on this destination (sent, queued, or held by a run now) get their suffix here too:
  // the name shown is the name sent.
  const sentBefore = await namesInUse(home, destination.name);
  const fixes = parseFixes(request.fixes ?? []);
  const { result, files } = await reviewedFiles(request.path, destination, {
    alreadySentNames: sentBefore,
    mapping: request.mapping,
    fixes,
    excludeInvalid: request.excludeInvalid,
    now,
    home,
    keepRejectedCells: false,
    source: { sheet: request.sheet, headerRow: request.headerRow },
  });
  return {
    destination: result.destination,
    mapping: { ...result.mapping },
    mappingOrigin: result.mappingOrigin,
    headerChanges: result.headerChanges ? plainChanges(result.headerChanges) : null,
    rowCount: result.rowCount,
    validRowCount: result.validRowCount,
    writtenRowCount: result.writtenRowCount,
    duplicateRowCount: result.duplicateRowCount,
    rejectedCount: result.rejected.length,
    counts: rowCounts(
      result,
      request.excludeInvalid === true || fixes.some(f => f.kind === 'exclude-invalid')
    ),
    blocked: result.blocked,
    summary: { ...result.summary },
    issueCount: result.issues.length,
    issues: result.issues.slice(0, request.maxIssues ?? 1000).map(i => ({ ...i })),
    namedAt: now.toISOString(),
    files,
  };
}

/** Writes the rows that will not be sent (with the reason) to `target`, whole or not at all. */
export async function saveRejected(
  request: SaveRejectedRequest,
  target: string,
  home: string,
  now: Date
): Promise<SaveRejectedResponse> {
  const destination = await resolveDestination(home, request.destination);
  // Names used on this destination (sent, queued, or held by a run now) get their suffix here too:
  // the name shown is the name sent.
  const sentBefore = await namesInUse(home, destination.name);
  const options: PrepareFileOptions = {
    alreadySentNames: sentBefore,
    mapping: request.mapping,
    fixes: parseFixes(request.fixes ?? []),
    excludeInvalid: true,
    now,
    home,
    source: { sheet: request.sheet, headerRow: request.headerRow },
  };
  // Only the rows left out are wanted: a plain-text output's parts are not kept at all.
  const result = sinksParts(destination)
    ? await prepareFileToSink(request.path, destination, options, { put: () => {} })
    : await prepareFile(request.path, destination, options);
  await saveWhole(
    target,
    rejectedRowsCsv(result.sourceColumns, result.rejected, rejectedWords(request.language ?? 'en'))
  );
  return { path: target, rows: result.rejected.length };
}

/** A job for the preparation worker. */
export type PrepareJob =
  | Readonly<{ kind: 'review'; request: ReviewCheckRequest; home: string; now: string }>
  | Readonly<{
      kind: 'save-rejected';
      request: SaveRejectedRequest;
      target: string;
      home: string;
      now: string;
    }>
  | Readonly<{ kind: 'send'; job: SendPreparationJob }>;

/** Runs one preparation job (in the worker, or inline); a send's reports its reading progress. */
export async function runPrepareJob(
  job: PrepareJob,
  context?: WorkerJobContext<ReadProgress>
): Promise<ReviewCheckResponse | SaveRejectedResponse | PreparedSend> {
  if (job.kind === 'send')
    return prepareInThisThread(job.job, { signal: context?.signal, onProgress: context?.progress });
  return job.kind === 'review'
    ? reviewCheck(job.request, job.home, new Date(job.now))
    : saveRejected(job.request, job.target, job.home, new Date(job.now));
}
