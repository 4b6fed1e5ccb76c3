import { CourierError, type ErrorCode } from '../errors';

/** A part of the day that opening words name (“every evening”, “tous les matins”, “elke nacht”). */
export type PartOfDay = 'morning' | 'evening' | 'night';

/**
 * Why a schedule in words was refused, with what the message needs.
 *
 * The renderer turns `reason` and `params` into a sentence in the user's language
 * (`schedule.error.<reason>` in the catalogues); the CLI and logs use the English `message`.
 */
export type ScheduleProblem =
  | Readonly<{ reason: 'not-understood'; params: Readonly<{ text: string }> }>
  /** `example` is the user's words with a time added, in the language they were read in. */
  | Readonly<{ reason: 'missing-time'; params: Readonly<{ text: string; example: string }> }>
  | Readonly<{ reason: 'time-with-interval'; params: Readonly<{ text: string }> }>
  | Readonly<{
      reason: 'count-mismatch';
      params: Readonly<{ text: string; count: number; given: number }>;
    }>
  | Readonly<{ reason: 'not-a-time'; params: Readonly<{ time: string }> }>
  | Readonly<{ reason: 'hour-with-am-pm'; params: Readonly<{ time: string }> }>
  | Readonly<{ reason: 'time-out-of-range'; params: Readonly<{ time: string }> }>
  /** A time the part of the day cannot hold: 15h in the morning, 12 in the evening, 6 at night. */
  | Readonly<{
      reason: 'time-outside-part-of-day';
      params: Readonly<{ time: string; part: PartOfDay }>;
    }>
  | Readonly<{ reason: 'unknown-time-zone'; params: Readonly<{ zone: string }> }>
  | Readonly<{ reason: 'too-many-per-day'; params: Readonly<Record<string, never>> }>
  | Readonly<{ reason: 'interval-out-of-range'; params: Readonly<Record<string, never>> }>
  | Readonly<{ reason: 'no-such-month-day'; params: Readonly<{ day: number }> }>;

/** Every reason a schedule can be refused for. */
export type ScheduleProblemReason = ScheduleProblem['reason'];

/** The stable error code of each reason (what the CLI's `--json` output and the tests see). */
const codes: Readonly<Record<ScheduleProblemReason, ErrorCode>> = {
  'not-understood': 'schedule.not-understood',
  'missing-time': 'schedule.missing-time',
  'time-with-interval': 'schedule.not-understood',
  'count-mismatch': 'schedule.not-understood',
  'not-a-time': 'schedule.invalid-time',
  'hour-with-am-pm': 'schedule.invalid-time',
  'time-out-of-range': 'schedule.invalid-time',
  'time-outside-part-of-day': 'schedule.invalid-time',
  'unknown-time-zone': 'schedule.unknown-time-zone',
  'too-many-per-day': 'schedule.out-of-range',
  'interval-out-of-range': 'schedule.out-of-range',
  'no-such-month-day': 'schedule.out-of-range',
};

/** Examples in the three languages Courier reads, for messages that have no translation (CLI, logs). */
const examples =
  'Write for example “every day at 22:00”, “weekdays at 7:30”, “every monday at 6:00”, “on the 1st of each month at 8:00”, “every hour” or “every 15 minutes”. French and Dutch work too: “tous les jours à 22h”, “du lundi au vendredi à 7h30”, “elke dag om 22:00”, “werkdagen om 7.30 uur”.';

function englishMessage(problem: ScheduleProblem): string {
  switch (problem.reason) {
    case 'not-understood':
      return `Courier did not understand the schedule “${problem.params.text}”. ${examples}`;
    case 'missing-time':
      return `Say at what time, for example “${problem.params.example}”.`;
    case 'time-with-interval':
      return `“${problem.params.text}” gives a time to a schedule that repeats all day. Write for example “every day at 02:00” or “every 15 minutes”.`;
    case 'count-mismatch': {
      const { text, count, given } = problem.params;
      return `“${text}” says ${count} time${count === 1 ? '' : 's'} a day but gives ${given} time${given === 1 ? '' : 's'}.`;
    }
    case 'not-a-time':
      return `“${problem.params.time}” is not a time. Write times as HH:MM, for example 02:00 or 17:30.`;
    case 'hour-with-am-pm':
      return `“${problem.params.time}” is not a time: with am or pm the hour is 1 to 12.`;
    case 'time-out-of-range':
      return `“${problem.params.time}” is not a time of day: hours run from 00 to 23 and minutes from 00 to 59.`;
    case 'time-outside-part-of-day': {
      const { time, part } = problem.params;
      if (part === 'morning')
        return `“${time}” is not in the morning. For an afternoon or evening time, write for example “every day at 15:00”.`;
      if (part === 'evening')
        return `“${time}” is not in the evening. For noon, write “every day at 12:00”; for midnight, “every day at midnight”.`;
      return `“${time}” is not clear at night: it could be early in the morning or in the evening. Write for example “every day at 06:00” or “every day at 18:00”.`;
    }
    case 'unknown-time-zone':
      return `Courier does not know the time zone “${problem.params.zone}”. Use a name such as Europe/Brussels or America/New_York.`;
    case 'too-many-per-day':
      return 'A job can run from once to 24 times a day; for more, use “every N minutes”.';
    case 'interval-out-of-range':
      return 'An interval runs from every minute to every 24 hours.';
    case 'no-such-month-day':
      return `A month has no day ${problem.params.day}: days of the month run from 1 to 31.`;
  }
}

/**
 * A schedule in words that Courier cannot use: a `CourierError` (code `schedule.*`, English
 * message) that also carries the reason and its parameters, so the app can say it in the user's
 * language.
 */
export class ScheduleError extends CourierError {
  readonly problem: ScheduleProblem;
  constructor(problem: ScheduleProblem) {
    // The reason travels in the params, flat, so it crosses IPC with the error's code.
    super(codes[problem.reason], englishMessage(problem), {
      params: { reason: problem.reason, ...problem.params },
    });
    this.name = 'ScheduleError';
    this.problem = problem;
  }
}

/**
 * The problem an error describes, if it is a schedule error: a `ScheduleError`, or one rebuilt
 * on the other side of IPC (code `schedule.*` and params with a `reason`).
 */
export function scheduleProblemOf(error: unknown): ScheduleProblem | null {
  if (error instanceof ScheduleError) return error.problem;
  if (!error || typeof error !== 'object') return null;
  const { code, params } = error as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !code.startsWith('schedule.')) return null;
  if (!params || typeof params !== 'object') return null;
  const { reason, ...rest } = params as Record<string, unknown>;
  if (typeof reason !== 'string' || codes[reason as ScheduleProblemReason] !== code) return null;
  return { reason, params: rest } as ScheduleProblem;
}
