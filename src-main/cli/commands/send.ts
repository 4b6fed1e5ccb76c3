import { sourceOptions } from '../source-options';
import { languageOption, readSendRequest } from '../send-request-options';
import {
  ExitCode,
  UsageError,
  parseCommandArgs,
  printJson,
  type CliIo,
  type CliCommand,
} from '../cli-io';
import { runPipeline, type SendProgress, type SendResult } from '../../pipeline/run-pipeline';
import { redact } from '../../logging/redact';
import { checkReport } from './check';
import { createWorkerPreparer } from '../../preparation/send-preparation';
import { sendUsage } from './usage';
import { fixOption } from '../fix-option';
import { recordingsLine } from './recordings-line';
import { fileSetLines, readRelatedOption, relatedOption } from '../related-option';

const usage = sendUsage;

const options = {
  destination: { type: 'string' },
  mapping: { type: 'string' },
  'exclude-invalid': { type: 'boolean' },
  'keep-duplicates': { type: 'boolean' },
  ...languageOption,
  force: { type: 'boolean' },
  'wait-receipt': { type: 'string' },
  recordings: { type: 'string' },
  ...relatedOption,
  json: { type: 'boolean' },
  ...fixOption,
  ...sourceOptions,
} as const;

/** `courier send`: the whole pipeline, from file to server, recorded in the history. */
export const sendCommand: CliCommand = {
  name: 'send',
  summary: 'prepare a file and upload it to a destination, with progress',
  usage,
  run: async ({ args, home, io, services }) => {
    const { values, positionals } = parseCommandArgs(args, options);
    const request = await readSendRequest(positionals, values);
    const related = readRelatedOption(values.related);
    const waitSeconds = values['wait-receipt'] === undefined ? 0 : Number(values['wait-receipt']);
    if (!Number.isFinite(waitSeconds) || waitSeconds < 0)
      throw new UsageError('--wait-receipt takes a number of seconds.');
    const bar = progressLines(io, !values.json && io.stderr.isTTY === true);
    const result = await runPipeline(
      {
        ...request,
        force: values.force === true,
        trigger: 'cli',
        ...(values.recordings ? { recordingsFolder: values.recordings } : {}),
        ...(related ? { related } : {}),
      },
      {
        home,
        secrets: services.secrets,
        onProgress: bar.onProgress,
        ...(io.interrupt ? { signal: io.interrupt } : {}),
        // The preparation runs in its worker thread, as in the app; `--json` lists every issue.
        prepare: createWorkerPreparer(),
        maxIssues: values.json ? Infinity : 0,
        ...(waitSeconds > 0
          ? {
              receipt: {
                mode: 'wait' as const,
                timeoutMs: waitSeconds * 1000,
                pollMs: Math.min(15_000, waitSeconds * 250),
              },
            }
          : {}),
      }
    );
    bar.end();
    if (values.json) printJson(io, sendReport(result));
    else printOutcome(io, result);
    return exitCodeOf(result);
  },
};

/** The `--json` document of `courier send` (a stable contract; never contains a secret). */
export function sendReport(result: SendResult) {
  const { run } = result;
  return JSON.parse(
    redact(
      JSON.stringify({
        outcome: run.outcome,
        run: run.id,
        destination: run.destination,
        rows: run.rows,
        files: run.outputFiles,
        transfer: result.transfer
          ? {
              status: run.transfer.status,
              files: result.transfer.files.map(f => ({
                name: f.remoteName,
                path: f.remotePath,
                bytes: f.size,
                sha256: f.sha256,
                verifiedBy: f.verifiedBy,
              })),
              warnings: result.transfer.warnings,
            }
          : { status: run.transfer.status },
        check: result.preparation ? checkReport(result.preparation) : null,
        // Each related file's own check (what held the run, when one did).
        ...(result.related?.length
          ? {
              relatedChecks: result.related.map(r => ({
                set: r.set.name,
                file: r.source.fileName,
                check: checkReport(r.preparation),
              })),
            }
          : {}),
        receipt: run.receipt,
        ...(run.recordings ? { recordings: run.recordings } : {}),
        ...(run.fileSets ? { fileSets: run.fileSets } : {}),
        error: run.error,
        // Nothing new to send: when and as what this content was delivered before.
        ...(run.outcome === 'nothing-new' && result.failure
          ? {
              nothingNew: {
                code: result.failure.code,
                message: result.failure.message,
                ...(result.failure.params ? { params: result.failure.params } : {}),
              },
            }
          : {}),
      })
    )
  );
}

/** 0 sent, 1 held (blocking problems or unreadable file), 3 the delivery failed. */
export function exitCodeOf(result: SendResult): number {
  const { run } = result;
  if (run.receipt.status === 'rejected') return ExitCode.transfer;
  if (run.outcome === 'sent' || run.outcome === 'sent-with-exclusions') return ExitCode.ok;
  // Nothing new to send (delivered before) is not a failure: 0, the report says `nothing-new`.
  if (run.outcome === 'nothing-new') return ExitCode.ok;
  if (run.outcome === 'held') return ExitCode.blocked;
  // Failed before anything was prepared (unreadable file, unknown destination, bad mapping): 1.
  // Failed once the files were ready (connection, trust, login, transfer): 3.
  return result.preparation ? ExitCode.transfer : ExitCode.blocked;
}

function printOutcome(io: CliIo, result: SendResult): void {
  const { run } = result;
  const n = (v: number) => v.toLocaleString('en');
  if (run.outcome === 'sent' || run.outcome === 'sent-with-exclusions') {
    for (const f of result.transfer?.files ?? [])
      io.stdout.write(
        `Sent ${f.remoteName} (${n(f.size)} bytes) to ${f.remotePath}, verified by ${f.verifiedBy === 'sha256' ? 'SHA-256' : 'size'}.\n`
      );
    if (run.recordings) io.stdout.write(`${recordingsLine(run.recordings)}\n`);
    for (const line of fileSetLines(run.fileSets ?? [])) io.stdout.write(`${line}\n`);
    io.stdout.write(
      `${n(run.rows.sent)} rows sent${run.rows.excluded ? `, ${n(run.rows.excluded)} left out` : ''}.\n`
    );
    const duplicates = result.preparation?.duplicateRowCount ?? 0;
    if (duplicates > 0)
      io.stdout.write(
        `${duplicates === 1 ? '1 duplicate row was' : `${n(duplicates)} duplicate rows were`} left out: only the first row with the same key is sent.\n`
      );
    if (run.receipt.status !== 'none')
      io.stdout.write(
        `Receipt: ${run.receipt.status}${run.receipt.summary ? ` — ${run.receipt.summary}` : ''}\n`
      );
    return;
  }
  if (run.outcome === 'nothing-new') {
    io.stdout.write(
      `Nothing new to send: ${redact(result.failure?.message ?? `this file was already sent to ${run.destination}.`)}\n`
    );
    return;
  }
  io.stderr.write(`courier: ${redact(run.error?.message ?? 'The file was not sent.')}\n`);
  // A run with related files that failed part-way says which files arrived (sending again continues).
  for (const line of fileSetLines(run.fileSets ?? [])) io.stderr.write(`courier: ${line}\n`);
  if (result.awaitingTrust)
    io.stderr.write(
      'courier: Nothing was recorded in History. Check the fingerprint with the provider, then pin it (courier destinations set NAME --host-key or --tls-fingerprint) and send again.\n'
    );
}

/**
 * Progress on the terminal: step 1 of 2 (preparing: rows read, bytes) then step 2 of 2
 * (uploading: rows, bytes, speed, time left, the connection step waited on), each on its own
 * line. A try that failed is said on stderr with the try count even without a terminal.
 */
function progressLines(
  io: CliIo,
  terminal: boolean
): { onProgress: (progress: SendProgress) => void; end: () => void } {
  const n = (v: number) => v.toLocaleString('en');
  let stage: 'preparing' | 'uploading' | null = null;
  let open = false;
  let lastProblem = '';
  const write = (line: string) => {
    io.stderr.write(`\r${line.padEnd(110).slice(0, 110)}`);
    open = true;
  };
  return {
    onProgress: progress => {
      const now = progress.phase === 'reading' ? 'preparing' : 'uploading';
      if (terminal && stage !== now && open) io.stderr.write('\n');
      stage = now;
      if (progress.phase === 'reading') {
        const { bytesRead, totalBytes, rowsRead } = progress.read;
        if (terminal)
          write(
            `Step 1 of 2 · Preparing ${bar(totalBytes ? bytesRead / totalBytes : 0)} ${n(rowsRead)} rows read · ${megabytes(bytesRead)} of ${megabytes(totalBytes)}`
          );
        return;
      }
      const t = progress.transfer;
      const tries =
        t.tries && t.tries.attempt > 1 ? ` (attempt ${t.tries.attempt} of ${t.tries.of})` : '';
      if (t.phase === 'retrying' && t.problem) {
        const said = `${t.problem.message} Trying again${tries}.`;
        if (said !== lastProblem) {
          if (open) io.stderr.write('\n');
          io.stderr.write(`courier: ${redact(said)}\n`);
          open = false;
          lastProblem = said;
        }
        return;
      }
      if (!terminal) return;
      const rows =
        progress.part === 'recordings'
          ? `recording ${n(Math.min(t.fileIndex + 1, t.fileCount))} of ${n(t.fileCount)} · `
          : progress.rows !== undefined
            ? `${n(progress.rows)} rows · `
            : '';
      const amounts = `${rows}${megabytes(t.bytes)} of ${megabytes(t.totalBytes)}`;
      if (t.phase === 'connecting') {
        write(`Step 2 of 2 · ${stepWords[t.step ?? 'connect']}${tries} · ${amounts}`);
        return;
      }
      const speed = t.bytesPerSecond > 0 ? ` · ${(t.bytesPerSecond / 1e6).toFixed(1)} MB/s` : '';
      const left = t.secondsLeft !== null ? ` · ${Math.ceil(t.secondsLeft)} s left` : '';
      write(
        `Step 2 of 2 · ${t.phase === 'paused' ? 'Paused   ' : 'Uploading'} ${bar(t.totalBytes ? t.bytes / t.totalBytes : 0)} ${amounts}${speed}${left}`
      );
    },
    end: () => {
      if (open) io.stderr.write('\n');
    },
  };
}

const stepWords = {
  connect: 'Connecting to the server…',
  secure: 'Setting up the secure connection…',
  login: 'Logging in…',
  data: 'Opening the connection for the file…',
  upload: 'Uploading…',
} as const;

const megabytes = (bytes: number): string =>
  bytes < 1e6 ? `${(bytes / 1e3).toFixed(0)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;

function bar(fraction: number): string {
  const width = 30;
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%`;
}
