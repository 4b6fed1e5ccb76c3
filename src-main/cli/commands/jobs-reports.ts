import { resolve } from 'node:path';
import type { Run } from '../../../src-core/history/run';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import { describeSchedule } from '../../../src-core/schedule/schedule';
import type { RunReports } from '../../jobs/job-runner';
import { createRunReports } from '../../reports/reports-job';
import type { Services } from '../../services/services';
import { ExitCode, UsageError, parseCommandArgs, printJson, type CommandContext } from '../cli-io';

/** A reports job's run for the CLI's `jobs run` and `jobs run-due`, as the app's jobs make it. */
export function runReportsFor(services: Services): RunReports {
  return createRunReports({
    home: services.home,
    secrets: services.secrets,
    history: services.history,
    resolveDestination: reference => services.destinations.resolve(reference),
  });
}

/** One line about a reports job's run (`reportLines` lists what it saved). */
export function reportsRunLine(run: Run): string {
  const destination = run.destination ?? '?';
  if (run.outcome === 'failed')
    return `reports of ${destination}: FAILED${run.error ? ` — ${run.error.message}` : ''}`;
  const count = run.reports?.length ?? 0;
  if (count === 0) return `reports of ${destination}: no new reports`;
  return `reports of ${destination}: ${count} new ${count === 1 ? 'report' : 'reports'} downloaded`;
}

/** Each zip a reports job's run saved, with its files' row counts (no cell), one per line. */
export function reportLines(run: Run): string {
  const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
  return (run.reports ?? [])
    .map(
      report =>
        `  report ${report.name}${report.savedAs === report.name ? '' : ` (saved as ${report.savedAs})`}: ${report.entries.map(e => `${e.name} ${rows(e.rows)}`).join(', ')}\n`
    )
    .join('');
}

/**
 * `courier jobs add NAME --reports-of DESTINATION --out DIR [--schedule S]`: a job that fetches
 * a Digitaleo destination's new report zips into DIR (what `courier reports download` does).
 */
export async function addReportsJob(
  { io, services }: CommandContext,
  rest: readonly string[]
): Promise<number> {
  const { values, positionals } = parseCommandArgs(rest, {
    'reports-of': { type: 'string' },
    out: { type: 'string' },
    schedule: { type: 'string' },
    'no-catch-up': { type: 'boolean' },
    disabled: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const name = positionals.join(' ').trim();
  if (!name) throw new UsageError('jobs add needs a NAME.');
  if (!values['reports-of']) throw new UsageError('--reports-of needs a DESTINATION.');
  if (!values.out) throw new UsageError('--reports-of needs --out DIR (where the reports go).');
  // The job service checks the destination is a Digitaleo one, as for the app's jobs:save.
  const job = await services.jobs.service.save({
    name,
    source: { kind: 'reports', out: resolve(process.cwd(), values.out) },
    destination: values['reports-of'],
    schedule: values.schedule ? parseSchedule(values.schedule) : null,
    catchUp: !values['no-catch-up'],
    enabled: !values.disabled,
  });
  await services.jobs.service.flush();
  if (values.json) printJson(io, { job });
  else {
    io.stdout.write(`Saved job “${job.name}” (${job.id}).\n`);
    io.stdout.write(`  reports of:  ${job.destination}\n`);
    if (job.source.kind === 'reports') io.stdout.write(`  into:        ${job.source.out}\n`);
    io.stdout.write(
      `  schedule:    ${job.schedule ? describeSchedule(job.schedule) : 'only when run by hand'}\n`
    );
  }
  return ExitCode.ok;
}
