/**
 * When a job runs, in the kinds of schedule people use: every N minutes, N times a day, chosen
 * days of the week, days of the month, or a weekday of the month (the first Monday).
 *
 * Times are wall-clock `HH:MM` in the schedule's time zone (an IANA name such as
 * `Europe/Brussels`; absent means the computer's own zone), so 02:00 stays 02:00 across a
 * daylight-saving change.
 *
 * Plain types and functions only: the renderer reads schedules without zod. The runtime schema
 * that checks stored and IPC data is `schedule-schema.ts`.
 */

/** A day of the week, as stored. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Monday first, as people in Europe read a week. */
export const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A wall-clock time `HH:MM`, from 00:00 to 23:59. */
export type TimeOfDay = string;

/** The most times a job runs in a day (beyond that, an interval says it better). */
export const maxTimesPerDay = 24;

/** When a job runs (see the module comment). */
export type Schedule =
  /** Every N minutes of elapsed time (every 60 = every hour), 1 to 1440. */
  | { kind: 'interval'; minutes: number; timeZone?: string | undefined }
  /** N runs a day spread evenly from midnight (3 → 00:00, 08:00, 16:00), 1 to 24. */
  | { kind: 'times-a-day'; count: number; timeZone?: string | undefined }
  /** Chosen days of the week (all seven = every day) at one to 24 times. */
  | { kind: 'weekly'; days: Weekday[]; times: TimeOfDay[]; timeZone?: string | undefined }
  /**
   * Days of the month at one to 24 times. A day the month does not have (the 31st in April,
   * the 29th in a February of 28 days) runs on the month's last day instead.
   */
  | {
      kind: 'monthly';
      days: (number | 'last')[];
      times: TimeOfDay[];
      timeZone?: string | undefined;
    }
  /** A weekday of the month: the first Monday, the last Friday… */
  | {
      kind: 'monthly-weekday';
      nth: 1 | 2 | 3 | 4 | 'last';
      weekday: Weekday;
      times: TimeOfDay[];
      timeZone?: string | undefined;
    };

const weekdayNames: Readonly<Record<Weekday, string>> = {
  mon: 'monday',
  tue: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};
/** Weekday → the English name in lower case (`mon` → `monday`). */
export const weekdayName = (day: Weekday): string => weekdayNames[day];

const cronWeekday: Readonly<Record<Weekday, number>> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

/** 1 → `1st`, 2 → `2nd`, 11 → `11th`, 22 → `22nd`. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const nthWords = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', last: 'last' } as const;

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The times of a `times-a-day` schedule: `count` runs spread evenly from midnight. */
export function timesADay(count: number): TimeOfDay[] {
  const out: TimeOfDay[] = [];
  for (let i = 0; i < count; i++) {
    const minute = Math.round((i * 1440) / count);
    out.push(`${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`);
  }
  return out;
}

function sortedDays(days: readonly Weekday[]): Weekday[] {
  return weekdays.filter(d => days.includes(d));
}

function describeInterval(minutes: number): string {
  if (minutes === 1) return 'every minute';
  if (minutes === 60) return 'every hour';
  if (minutes % 60 === 0) return `every ${minutes / 60} hours`;
  return `every ${minutes} minutes`;
}

function describeDays(days: readonly Weekday[]): string {
  const set = sortedDays(days);
  if (set.length === 7) return 'every day';
  if (set.length === 5 && !set.includes('sat') && !set.includes('sun')) return 'every weekday';
  return joinWords(set.map(d => `${weekdayName(d)}s`));
}

function describeMonthDays(days: readonly (number | 'last')[]): string {
  const numbers = [...new Set(days.filter((d): d is number => d !== 'last'))].sort((a, b) => a - b);
  const parts = numbers.map(ordinal);
  if (days.includes('last')) {
    if (parts.length === 0) return 'on the last day of the month';
    return `on the ${joinWords([...parts, 'last day of the month'])}`;
  }
  return `on the ${joinWords(parts)}`;
}

/**
 * Describes a schedule in words, the way the parser reads it back.
 *
 * `{ kind: 'weekly', days: ['mon', 'thu'], times: ['07:30'] }` → `mondays and thursdays at 07:30`.
 */
export function describeSchedule(schedule: Schedule): string {
  const zone = schedule.timeZone ? ` in ${schedule.timeZone}` : '';
  const at = (list: readonly string[]): string => ` at ${joinWords([...new Set(list)].sort())}`;
  switch (schedule.kind) {
    case 'interval':
      return `${describeInterval(schedule.minutes)}${zone}`;
    case 'times-a-day': {
      const words =
        schedule.count === 1
          ? 'once a day'
          : schedule.count === 2
            ? 'twice a day'
            : `${schedule.count} times a day`;
      return `${words}${zone}`;
    }
    case 'weekly':
      return `${describeDays(schedule.days)}${at(schedule.times)}${zone}`;
    case 'monthly':
      return `${describeMonthDays(schedule.days)}${at(schedule.times)}${zone}`;
    case 'monthly-weekday':
      return `${nthWords[schedule.nth]} ${weekdayName(schedule.weekday)} of the month${at(schedule.times)}${zone}`;
  }
}

/** Days in a month (1-12) of a year with 28 days in February: the months a day may be missing from. */
const shortestMonthLength = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * The cron patterns (6 fields, with seconds) whose union is the schedule, or null for an interval
 * that does not divide an hour or a day (that one runs on elapsed time, see the scheduler).
 *
 * A month day past the month's end becomes `L` (last day) in the months that are too short; when
 * both land on the same instant (the 29th of a leap February) the scheduler counts it once.
 */
export function cronPatterns(schedule: Schedule): string[] | null {
  const hm = (time: string): [number, number] => {
    const [h, m] = time.split(':').map(Number) as [number, number];
    return [h, m];
  };
  const eachTime = (list: readonly string[], rest: string): string[] =>
    [...new Set(list)].sort().map(time => {
      const [h, m] = hm(time);
      return `0 ${m} ${h} ${rest}`;
    });
  switch (schedule.kind) {
    case 'interval': {
      const { minutes } = schedule;
      if (minutes < 60 && 60 % minutes === 0) return [`0 */${minutes} * * * *`];
      if (minutes % 60 === 0 && 24 % (minutes / 60) === 0) {
        return minutes === 1440 ? ['0 0 0 * * *'] : [`0 0 */${minutes / 60} * * *`];
      }
      return null;
    }
    case 'times-a-day':
      return eachTime(timesADay(schedule.count), '* * *');
    case 'weekly': {
      const days = sortedDays(schedule.days);
      const dow = days.length === 7 ? '*' : days.map(d => cronWeekday[d]).join(',');
      return eachTime(schedule.times, `* * ${dow}`);
    }
    case 'monthly': {
      const numbers = [...new Set(schedule.days.filter((d): d is number => d !== 'last'))].sort(
        (a, b) => a - b
      );
      const dayField = [
        ...numbers.map(String),
        ...(schedule.days.includes('last') ? ['L'] : []),
      ].join(',');
      const patterns = eachTime(schedule.times, `${dayField} * *`);
      const largest = numbers.length > 0 ? numbers[numbers.length - 1]! : 0;
      const shortMonths = shortestMonthLength.flatMap((length, i) =>
        length < largest ? [i + 1] : []
      );
      if (shortMonths.length > 0 && !schedule.days.includes('last')) {
        patterns.push(...eachTime(schedule.times, `L ${shortMonths.join(',')} *`));
      }
      return patterns;
    }
    case 'monthly-weekday': {
      const nth = schedule.nth === 'last' ? 'L' : String(schedule.nth);
      return eachTime(schedule.times, `* * ${cronWeekday[schedule.weekday]}#${nth}`);
    }
  }
}
