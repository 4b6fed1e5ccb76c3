import { ExitCode, UsageError, printJson, type CliCommand, parseCommandArgs } from '../cli-io';
import { runLine } from './jobs';
import { recordingsLine } from './recordings-line';
import { fileSetLines } from '../related-option';
import { historyUsage } from './usage';
import { downloadRefused, refusedLines } from './history-refused';
import { reportLines } from './jobs-reports';

const usage = historyUsage;

/** `courier history`: past runs. */
export const historyCommand: CliCommand = {
  name: 'history',
  summary: 'past runs (interactive, scheduled and command line)',
  usage,
  run: async context => {
    const { args, io, services } = context;
    if (args[0] === 'download-refused') return downloadRefused(context, args.slice(1));
    const { values } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      limit: { type: 'string' },
    });
    let limit = 20;
    if (values.limit !== undefined) {
      limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new UsageError('--limit is a whole number of runs, 1 or more.');
    }
    const runs = await services.history.listRuns({ limit });
    if (values.json) {
      printJson(io, { runs });
      return ExitCode.ok;
    }
    if (runs.length === 0) {
      io.stdout.write('No runs yet.\n');
      return ExitCode.ok;
    }
    for (const run of runs) {
      const who = run.job
        ? `job “${run.job.name}”`
        : run.trigger === 'cli'
          ? 'command line'
          : 'by hand';
      io.stdout.write(
        `${run.startedAt}  ${who}  (${(run.durationMs / 1000).toFixed(1)} s)\n  ${runLine(run)}\n`
      );
      const issues = Object.entries(run.rows.issues);
      if (issues.length > 0)
        io.stdout.write(`  issues: ${issues.map(([code, n]) => `${code} ×${n}`).join(', ')}\n`);
      for (const file of run.outputFiles)
        io.stdout.write(
          `  wrote ${file.name} (${file.bytes} bytes, sha256 ${file.sha256.slice(0, 12)}…)\n`
        );
      if (run.recordings) io.stdout.write(`  ${recordingsLine(run.recordings)}\n`);
      for (const line of fileSetLines(run.fileSets ?? [])) io.stdout.write(`  ${line}\n`);
      if (run.receipt.status !== 'none')
        io.stdout.write(
          `  receipt: ${run.receipt.status}${run.receipt.summary ? ` — ${run.receipt.summary}` : ''}\n`
        );
      io.stdout.write(refusedLines(run));
      io.stdout.write(reportLines(run));
    }
    return ExitCode.ok;
  },
};
