import { join } from 'node:path';
import { CourierError } from '../../../src-core/errors';
import { createJobServer, type ServeEvent } from '../../jobs/job-server';
import { tryLockFile } from '../../settings/file-lock';
import { ExitCode, parseCommandArgs, type CommandContext } from '../cli-io';

/** Where the process signals come from (the real process; tests give their own emitter). */
export type SignalSource = Readonly<{
  once: (signal: 'SIGTERM' | 'SIGINT', listener: () => void) => unknown;
  removeListener: (signal: 'SIGTERM' | 'SIGINT', listener: () => void) => unknown;
}>;

/** One event as a plain line: what journald and Windows' event log collect, one line per event. */
export function serveLine(event: ServeEvent): string {
  switch (event.event) {
    case 'started':
      return `Serving ${event.jobs} job${event.jobs === 1 ? '' : 's'}${event.paused ? ' (all paused)' : ''}; ${event.next ? `next run: “${event.next.job}” at ${event.next.at}` : 'no run scheduled'}.`;
    case 'resumed':
      return `Resumed ${event.files} parked file${event.files === 1 ? '' : 's'} to “${event.destination}”.`;
    case 'resume-failed':
      return `Parked files to “${event.destination}” could not be resumed yet [${event.error.code}]: ${event.error.message}`;
    case 'run-started':
      return `Job “${event.job}” started.`;
    case 'run-finished': {
      if (event.outcome === 'downloaded') return `Job “${event.job}” downloaded new reports.`;
      if (event.reports) {
        // A reports job reads no rows: its other outcomes are said without them.
        const said =
          event.outcome === 'nothing-new'
            ? 'found no new reports.'
            : event.outcome === 'failed'
              ? 'FAILED'
              : `${event.outcome}.`;
        return `Job “${event.job}” ${said}${event.error ? ` [${event.error.code}]: ${event.error.message}` : ''}`;
      }
      const words = {
        sent: 'sent',
        'sent-with-exclusions': 'sent without some rows',
        held: 'held for review',
        'nothing-new': 'had nothing new to send',
        failed: 'FAILED',
        downloaded: 'downloaded new reports',
      }[event.outcome];
      const warning = event.warning
        ? ` Warning [${event.warning.code}]: ${event.warning.message}`
        : '';
      return `Job “${event.job}” ${words}: ${event.rowsSent} of ${event.rowsRead} rows sent${event.error ? ` [${event.error.code}]: ${event.error.message}` : '.'}${warning}`;
    }
    case 'stopping':
      return `Stopping (${event.reason}): no new run starts; an upload in progress is parked in the queue (or finished, for a destination that cannot rename).`;
    case 'parked':
      return `Job “${event.job}”: its upload is parked in the queue; the next start resumes it.`;
    case 'stopped':
      return `Stopped${event.parked ? ` (${event.parked} upload${event.parked === 1 ? '' : 's'} parked)` : ''}.`;
  }
}

const levelOf = (event: ServeEvent): 'info' | 'warn' | 'error' =>
  event.event === 'resume-failed'
    ? 'warn'
    : event.event === 'run-finished' && event.outcome === 'failed'
      ? 'error'
      : event.event === 'run-finished' && event.outcome === 'held'
        ? 'warn'
        : 'info';

/**
 * `courier jobs serve`: the saved jobs on their schedules without the app (a systemd service, a
 * Windows service, a container), logging one line per event to standard output, until SIGTERM or
 * SIGINT. One per settings folder.
 */
export async function serveJobs(
  { home, io, services }: CommandContext,
  rest: readonly string[],
  signals: SignalSource = process
): Promise<number> {
  const { values } = parseCommandArgs(rest, { json: { type: 'boolean' } });
  const attempt = await tryLockFile(join(home, 'jobs-serve.lock'), { staleMs: null });
  if (!('lock' in attempt)) {
    const holder = attempt.busy;
    throw new CourierError(
      'jobs.serve-running',
      `“courier jobs serve” is already running for this settings folder${holder ? ` (process ${holder.pid}, since ${holder.startedAt})` : ''}. Only one may run at a time: stop that one first.`,
      { params: { home } }
    );
  }
  const write = (event: ServeEvent) => {
    const time = new Date().toISOString();
    const level = levelOf(event);
    io.stdout.write(
      values.json
        ? `${JSON.stringify({ time, level, ...event })}\n`
        : `${time} ${level.toUpperCase()} ${serveLine(event)}\n`
    );
  };
  const logger = services.logger.child({ scope: 'jobs-serve' });
  try {
    const server = createJobServer({
      home,
      secrets: services.secrets,
      history: services.history,
      destinations: services.destinations,
      logger,
      onEvent: write,
    });
    let stop: (reason: string) => void = () => undefined;
    const stopped = new Promise<string>(resolve => (stop = resolve));
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    signals.once('SIGTERM', onTerm);
    signals.once('SIGINT', onInt);
    try {
      await Promise.race([server.start(), stopped]);
      const reason = await stopped;
      await server.stop(reason);
    } finally {
      signals.removeListener('SIGTERM', onTerm);
      signals.removeListener('SIGINT', onInt);
    }
    await logger.flush();
    if (signals === process) {
      // A platform receipt still being watched must not hold the service's stop; all that
      // matters is written (job state, history, queue) by now.
      setTimeout(() => process.exit(process.exitCode ?? 0), 3000).unref();
    }
    return ExitCode.ok;
  } finally {
    await attempt.lock.release();
  }
}
