import { Cron } from 'croner';
import { cronPatterns, type Schedule } from '../../src-core/schedule/schedule';

// A cache of parsed patterns (pure values, no service): parsing a pattern costs more than a lookup.
const crons = new Map<string, Cron>();

function cronFor(pattern: string, timeZone: string | undefined): Cron {
  const key = `${pattern}|${timeZone ?? ''}`;
  let cron = crons.get(key);
  if (!cron) {
    // Paused and without a callback: croner only computes times here, it never starts a timer.
    cron = new Cron(pattern, { paused: true, ...(timeZone ? { timezone: timeZone } : {}) });
    crons.set(key, cron);
  }
  return cron;
}

/**
 * The first time strictly after `after` at which the schedule runs, or null if never.
 *
 * Wall-clock schedules go through croner in the schedule's time zone (or `defaultTimeZone`, else
 * the computer's): a time skipped by a spring-forward change runs when the clock has jumped, a time
 * repeated by a fall-back change runs once. An interval that divides neither an hour nor a day
 * runs on elapsed time, counted from the Unix epoch so that it does not drift.
 */
export function nextRunAfter(
  schedule: Schedule,
  after: Date,
  defaultTimeZone?: string
): Date | null {
  const patterns = cronPatterns(schedule);
  if (patterns === null) {
    const step = (schedule as { minutes: number }).minutes * 60_000;
    return new Date((Math.floor(after.getTime() / step) + 1) * step);
  }
  const timeZone = schedule.timeZone ?? defaultTimeZone;
  let best: Date | null = null;
  for (const pattern of patterns) {
    const next = cronFor(pattern, timeZone).nextRun(after);
    if (next && (best === null || next.getTime() < best.getTime())) best = next;
  }
  return best;
}

/** The next `count` run times after `after` (for “next runs” in the tray and the jobs view). */
export function nextRunsAfter(
  schedule: Schedule,
  after: Date,
  count: number,
  defaultTimeZone?: string
): Date[] {
  const out: Date[] = [];
  let cursor: Date | null = after;
  while (out.length < count && cursor) {
    cursor = nextRunAfter(schedule, cursor, defaultTimeZone);
    if (cursor) out.push(cursor);
  }
  return out;
}
