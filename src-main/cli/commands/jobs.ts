import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { CourierError } from '../../../src-core/errors';
import type { Run } from '../../../src-core/history/run';
import type { JobSource } from '../../../src-core/jobs/job';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import { describeSchedule } from '../../../src-core/schedule/schedule';
import {
  ExitCode,
  UsageError,
  printJson,
  type CliCommand,
  type CommandContext,
  parseCommandArgs,
} from '../cli-io';
import { openSource } from '../../reading/open-source';
import type { RunSend } from '../../jobs/job-runner';
import { createJobService } from '../../jobs/job-service';
import { createPipelineRunSend } from '../../jobs/pipeline-send';
import type { Services } from '../../services/services';
import { jobsUsage } from './usage';
import { serveJobs } from './jobs-serve';
import { jobsSettings } from './jobs-settings';
import { addReportsJob, reportLines, reportsRunLine, runReportsFor } from './jobs-reports';
import { isQuietOnly, readWarnAfterDays, setJob, warningLines } from './jobs-warn';
import { readRelatedOption, relatedOption } from '../related-option';

const usage = jobsUsage;

/** Reads `--mapping`: a JSON file, or inline `Target=Source` pairs. */
export async function readMappingOption(
  value: string,
  cwd: string
): Promise<Record<string, string>> {
  const path = isAbsolute(value) ? value : resolve(cwd, value);
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CourierError(
        'jobs.invalid-mapping',
        `The mapping file ${path} is not JSON. It should look like {"Email": "E-mail address"}.`
      );
    }
    const inner =
      parsed && typeof parsed === 'object' && 'mapping' in parsed
        ? (parsed as { mapping: unknown }).mapping
        : parsed;
    if (
      !inner ||
      typeof inner !== 'object' ||
      Array.isArray(inner) ||
      !Object.values(inner).every(v => typeof v === 'string')
    ) {
      throw new CourierError(
        'jobs.invalid-mapping',
        `The mapping file ${path} should hold {"target column": "source column", …}.`
      );
    }
    return inner as Record<string, string>;
  }
  if (!value.includes('='))
    throw new UsageError(`--mapping “${value}” is neither a file nor Target=Source pairs.`);
  const mapping: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    const target = pair.slice(0, at).trim();
    const source = pair.slice(at + 1).trim();
    if (at < 0 || !target || !source)
      throw new UsageError(`--mapping: “${pair}” is not Target=Source.`);
    mapping[target] = source;
  }
  return mapping;
}

function describeSource(source: JobSource): string {
  if (source.kind === 'file') return source.path;
  if (source.kind === 'reports') return `the reports, into ${source.out}`;
  return `${source.folder} (${source.pick === 'newest' ? 'newest' : 'each new'} “${source.pattern}”)`;
}

/** Exit code for a finished run. */
export function exitCodeOf(runs: readonly Run[]): number {
  let code: number = ExitCode.ok;
  for (const run of runs) {
    if (run.outcome === 'failed') {
      const transferish =
        run.transfer.status === 'failed' ||
        /^(transfer|connection|connect|network|auth|trust|secrets|keychain|ftp|sftp)\./.test(
          run.error?.code ?? ''
        );
      code = Math.max(code, transferish ? ExitCode.transfer : ExitCode.blocked);
    } else if (run.outcome === 'held') code = Math.max(code, ExitCode.blocked);
  }
  return code;
}

/** One line about a run, for people. */
export function runLine(run: Run): string {
  if (run.reports) return reportsRunLine(run);
  const file = run.source?.fileName ?? '(no file)';
  const rows =
    run.outcome === 'nothing-new'
      ? run.source
        ? 'this file was sent before'
        : 'no new file came'
      : `${run.rows.sent} of ${run.rows.read} rows sent${run.rows.excluded ? `, ${run.rows.excluded} left out` : ''}`;
  const outcome = {
    sent: 'sent',
    'sent-with-exclusions': 'sent without some rows',
    held: 'held for review',
    failed: 'FAILED',
    'nothing-new': 'nothing new to send',
    downloaded: 'downloaded',
  }[run.outcome];
  return `${file} → ${run.destination ?? '?'}: ${outcome}; ${rows}${run.error ? ` — ${run.error.message}` : ''}${run.warning ? ` — Warning: ${run.warning.message}` : ''}`;
}

async function add(context: CommandContext, rest: readonly string[]): Promise<number> {
  if (rest.some(arg => arg === '--reports-of' || arg.startsWith('--reports-of=')))
    return addReportsJob(context, rest);
  const { io, services } = context;
  const { values, positionals } = parseCommandArgs(rest, {
    source: { type: 'string' },
    watch: { type: 'string' },
    pattern: { type: 'string' },
    'each-new': { type: 'boolean' },
    destination: { type: 'string' },
    mapping: { type: 'string' },
    schedule: { type: 'string' },
    invalid: { type: 'string' },
    'no-catch-up': { type: 'boolean' },
    'header-change': { type: 'string' },
    'keep-copies': { type: 'boolean' },
    recordings: { type: 'string' },
    ...relatedOption,
    disabled: { type: 'boolean' },
    'warn-after-days': { type: 'string' },
    json: { type: 'boolean' },
  });
  const name = positionals.join(' ').trim();
  if (!name) throw new UsageError('jobs add needs a NAME.');
  const warnAfterDays =
    values['warn-after-days'] === undefined ? null : readWarnAfterDays(values['warn-after-days']);
  if (!values.destination) throw new UsageError('jobs add needs --destination.');
  if ((values.source === undefined) === (values.watch === undefined))
    throw new UsageError('Give either --source FILE or --watch DIR (one of them).');
  if (values.watch !== undefined && !values.pattern)
    throw new UsageError('--watch needs --pattern, e.g. --pattern "export-*.csv".');
  if (values.invalid !== undefined && values.invalid !== 'send-valid' && values.invalid !== 'hold')
    throw new UsageError('--invalid is send-valid or hold.');
  if (
    values['header-change'] !== undefined &&
    values['header-change'] !== 'hold' &&
    values['header-change'] !== 'continue'
  )
    throw new UsageError('--header-change is hold or continue.');
  const cwd = process.cwd();
  const source: JobSource =
    values.source !== undefined
      ? { kind: 'file', path: resolve(cwd, values.source) }
      : {
          kind: 'folder',
          folder: resolve(cwd, values.watch!),
          pattern: values.pattern!,
          pick: values['each-new'] ? 'each-new' : 'newest',
        };
  const destination = values.destination.endsWith('.json')
    ? resolve(cwd, values.destination)
    : values.destination;
  const mapping = values.mapping ? await readMappingOption(values.mapping, cwd) : {};
  // The columns the mapping was written for, so a changed export is held, not sent wrongly.
  const expectedHeaders =
    Object.keys(mapping).length > 0 && source.kind === 'file' ? await columnsOf(source.path) : null;
  // The job service checks the destination, as for the app's jobs:save.
  const job = await services.jobs.service.save({
    name,
    source,
    destination,
    mapping,
    expectedHeaders,
    schedule: values.schedule ? parseSchedule(values.schedule) : null,
    invalidRows: (values.invalid as 'send-valid' | 'hold' | undefined) ?? 'send-valid',
    catchUp: !values['no-catch-up'],
    headerChange: (values['header-change'] as 'hold' | 'continue' | undefined) ?? 'hold',
    keepCopies: values['keep-copies'] ?? false,
    recordingsFolder: values.recordings ? resolve(cwd, values.recordings) : null,
    ...(values.related ? { related: readRelatedOption(values.related, cwd) } : {}),
    enabled: !values.disabled,
    warnAfterDays,
  });
  // What the scheduler remembers is written before the command returns.
  await services.jobs.service.flush();
  if (values.json) printJson(io, { job });
  else {
    io.stdout.write(`Saved job “${job.name}” (${job.id}).\n`);
    io.stdout.write(
      `  source:      ${describeSource(job.source)}\n  destination: ${job.destination}\n`
    );
    io.stdout.write(
      `  schedule:    ${job.schedule ? describeSchedule(job.schedule) : 'only when run by hand'}\n`
    );
  }
  return ExitCode.ok;
}

/** The columns of a source file today; null when it cannot be read yet (it may not exist yet). */
async function columnsOf(path: string): Promise<string[] | null> {
  try {
    const source = await openSource(path);
    await source.dispose?.();
    return [...source.columns];
  } catch {
    return null;
  }
}

async function list({ io, services }: CommandContext, rest: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(rest, { json: { type: 'boolean' } });
  // The app's own overview: next runs as its scheduler sees them, runs in any Courier.
  const { service } = services.jobs;
  await service.load();
  const { jobs: entries, paused } = await service.overview();
  await service.flush();
  if (values.json) {
    printJson(io, { jobs: entries, paused });
    return ExitCode.ok;
  }
  if (entries.length === 0) {
    io.stdout.write('No jobs yet. Add one with “courier jobs add”.\n');
    return ExitCode.ok;
  }
  if (paused) io.stdout.write('All jobs are paused.\n');
  for (const job of entries) {
    io.stdout.write(
      `${job.name}${job.enabled ? '' : ' (off)'}${job.running ? ' (running now)' : ''}\n`
    );
    io.stdout.write(`  ${describeSource(job.source)} → ${job.destination}\n`);
    for (const related of job.related ?? [])
      io.stdout.write(`  with related “${related.name}”: ${related.path}\n`);
    io.stdout.write(
      `  ${job.scheduleText ?? 'only when run by hand'}${job.nextRunAt ? `; next ${job.nextRunAt}` : ''}\n`
    );
  }
  return ExitCode.ok;
}

async function run(
  { home, io, services }: CommandContext,
  rest: readonly string[],
  runSend: RunSend
): Promise<number> {
  const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' } });
  const idOrName = positionals.join(' ').trim();
  if (!idOrName) throw new UsageError('jobs run needs a JOB (its name or id).');
  // A job service of this process's own (the CLI waits for its receipt; the app's follows receipts
  // in the background), with the same store, runner and locks as the app's.
  const service = createJobService({
    home,
    history: services.history,
    runSend,
    runReports: runReportsFor(services),
  });
  const result = await service.runAndWait(idOrName, 'cli');
  if (values.json)
    printJson(io, {
      job: { id: result.job.id, name: result.job.name },
      runs: result.runs,
      nothingToSend: result.nothingToSend,
    });
  else {
    if (result.nothingToSend) io.stdout.write(`${result.nothingToSend}\n`);
    for (const r of result.runs.filter(r => !isQuietOnly(r)))
      (r.outcome === 'failed' ? io.stderr : io.stdout).write(`${runLine(r)}\n${reportLines(r)}`);
    // A long quiet spell is said, but is no failure: the exit code stays that of the runs.
    io.stderr.write(warningLines(result.runs, false));
  }
  return exitCodeOf(result.runs);
}

async function runDue(
  { home, io, services }: CommandContext,
  rest: readonly string[],
  runSend: RunSend
): Promise<number> {
  const { values } = parseCommandArgs(rest, { json: { type: 'boolean' } });
  const runs: Run[] = [];
  const service = createJobService({
    home,
    history: services.history,
    runSend,
    runReports: runReportsFor(services),
    onRunFinished: r => runs.push(r),
  });
  // Starting the schedules makes every due run at once; then wait for them and stop.
  await service.start();
  await service.scheduler.whenIdle();
  service.stop();
  await service.flush();
  if (values.json) printJson(io, { runs });
  else if (runs.length === 0) io.stdout.write('No job is due.\n');
  else {
    for (const r of runs.filter(r => !isQuietOnly(r)))
      (r.outcome === 'failed' ? io.stderr : io.stdout).write(
        `${r.job?.name ?? '?'}: ${runLine(r)}\n`
      );
    io.stderr.write(warningLines(runs, true));
  }
  return exitCodeOf(runs);
}

async function setEnabled(
  { io, services }: CommandContext,
  rest: readonly string[],
  enabled: boolean
): Promise<number> {
  const { positionals } = parseCommandArgs(rest, {});
  const idOrName = positionals.join(' ').trim();
  if (!idOrName)
    throw new UsageError(`jobs ${enabled ? 'enable' : 'disable'} needs a JOB (its name or id).`);
  // The job service's rule, as in the app: a job switched on does not make up the runs of the
  // time it was off.
  const { service } = services.jobs;
  await service.load();
  const job = await service.setEnabled(idOrName, enabled);
  await service.flush();
  io.stdout.write(`Job “${job.name}” is ${enabled ? 'on' : 'off'}.\n`);
  return ExitCode.ok;
}

async function setPaused(
  { io, services }: CommandContext,
  rest: readonly string[],
  paused: boolean
): Promise<number> {
  parseCommandArgs(rest, {});
  // As the tray's switch: resuming does not make up the runs missed while paused.
  const { service } = services.jobs;
  await service.load();
  service.setPaused(paused);
  await service.flush();
  io.stdout.write(paused ? 'All scheduled runs are paused.\n' : 'Scheduled runs are back on.\n');
  return ExitCode.ok;
}

async function remove({ io, services }: CommandContext, rest: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' } });
  const idOrName = positionals.join(' ').trim();
  if (!idOrName) throw new UsageError('jobs remove needs a JOB (its name or id).');
  const job = await services.jobs.service.remove(idOrName);
  if (values.json) printJson(io, { removed: { id: job.id, name: job.name } });
  else io.stdout.write(`Removed job “${job.name}”.\n`);
  return ExitCode.ok;
}

/** `courier jobs …` over a given send pipeline (one per settings folder). */
export function createJobsCommand(deps: {
  runSendFor: (services: Services) => RunSend;
}): CliCommand {
  return {
    name: 'jobs',
    summary: 'add, list, run and remove saved (scheduled) jobs',
    usage,
    run: async context => {
      const [sub, ...rest] = context.args;
      switch (sub) {
        case 'add':
          return add(context, rest);
        case 'list':
          return list(context, rest);
        case 'run':
          return run(context, rest, deps.runSendFor(context.services));
        case 'remove':
          return remove(context, rest);
        case 'set':
          return setJob(context, rest);
        case 'enable':
        case 'disable':
          return setEnabled(context, rest, sub === 'enable');
        case 'pause':
        case 'resume':
          return setPaused(context, rest, sub === 'pause');
        case 'run-due':
          return runDue(context, rest, deps.runSendFor(context.services));
        case 'serve':
          return serveJobs(context, rest);
        case 'settings':
          return jobsSettings(context, rest);
        default:
          throw new UsageError(
            sub
              ? `unknown subcommand “${sub}”.`
              : 'say add, list, run, run-due, serve, set, settings, enable, disable, pause, resume or remove.'
          );
      }
    },
  };
}

/** `courier jobs`, sending through the one pipeline with the OS keychain. */
export const jobsCommand: CliCommand = createJobsCommand({
  runSendFor: ({ home, secrets }) => createPipelineRunSend({ home, secrets }),
});
