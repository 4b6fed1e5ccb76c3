import { CourierError } from '../errors';
import { Schedule, weekdays, type TimeOfDay, type Weekday } from './schedule';

/**
 * Reads a schedule written in words into a `Schedule`.
 *
 * Understands, case-insensitively: `every 15 minutes`, `every hour`, `every 2 hours`, `hourly`,
 * `3 times a day`, `twice a day`, `every day at 02:00`, `daily at 2am`, `every weekday at 07:00`,
 * `mondays and thursdays at 07:30`, `mon-fri at 8:15`, `on the 1st and 15th at 06:00`,
 * `on the last day of the month at 23:00`, `first monday of the month at 09:00`, several times
 * (`at 08:00 and 17:30`), and an optional time zone at the end (`… in Europe/Brussels`).
 * Anything else is a `schedule.not-understood` error that shows examples.
 */
export function parseSchedule(text: string): Schedule {
  const original = text.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (original === '') throw notUnderstood(text);

  let rest = original;
  let timeZone: string | undefined;
  const zone = /\s+(?:in\s+|\()((?:[A-Za-z_]+\/[A-Za-z0-9_+\-/]+)|UTC)\)?$/.exec(rest);
  if (zone) {
    timeZone = zone[1]!;
    if (!isKnownTimeZone(timeZone)) {
      throw new CourierError(
        'schedule.unknown-time-zone',
        `Courier does not know the time zone “${timeZone}”. Use a name such as Europe/Brussels or America/New_York.`
      );
    }
    rest = rest.slice(0, zone.index);
  }
  rest = rest.toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();

  let head = rest;
  let times: TimeOfDay[] | null = null;
  // The times follow the last “at” (“at 02:00” alone is a head of nothing).
  const atIndex = rest.startsWith('at ') ? 0 : rest.lastIndexOf(' at ') + 1;
  if (atIndex > 0 || rest.startsWith('at ')) {
    head = rest.slice(0, atIndex).trim();
    times = parseTimes(rest.slice(atIndex + 3), text);
  }
  // Just a time (“at 02:00”) means every day.
  if (head === '' && times) head = 'every day';
  const withZone = <T extends object>(value: T): T & { timeZone?: string } =>
    timeZone ? { ...value, timeZone } : value;
  const needTimes = (): TimeOfDay[] => {
    if (times) return times;
    throw new CourierError(
      'schedule.missing-time',
      `Say at what time, for example “${original} at 02:00”.`
    );
  };
  const noTimes = (): void => {
    if (times)
      throw new CourierError(
        'schedule.not-understood',
        `“${original}” gives a time to a schedule that repeats all day. Write for example “every day at 02:00” or “every 15 minutes”.`
      );
  };

  const interval = parseInterval(head);
  if (interval !== null) {
    noTimes();
    return Schedule.parse(withZone({ kind: 'interval', minutes: interval }));
  }

  const perDay =
    /^(\d+|once|twice|one|two|three|four|five|six)\s*(?:x|times?)?\s+(?:a|per|each|every)\s+day$|^(\d+|once|twice|one|two|three|four|five|six)\s*(?:x|times)?\s+daily$/.exec(
      head
    );
  if (perDay) {
    const count = wordNumber(perDay[1] ?? perDay[2]!);
    if (count < 1 || count > 24)
      throw new CourierError(
        'schedule.out-of-range',
        'A job can run from once to 24 times a day; for more, use “every N minutes”.'
      );
    if (times) {
      if (times.length !== count)
        throw new CourierError(
          'schedule.not-understood',
          `“${original}” says ${count} times a day but gives ${times.length} time${times.length === 1 ? '' : 's'}.`
        );
      return Schedule.parse(withZone({ kind: 'weekly', days: [...weekdays], times }));
    }
    return Schedule.parse(withZone({ kind: 'times-a-day', count }));
  }

  const nthWeekday =
    /^(?:(?:every month|monthly) )?(?:on )?(?:the |every |each )?(first|1st|second|2nd|third|3rd|fourth|4th|last) ([a-z]+?)\.?(?: (?:of|in) (?:the|each|every) month)?$/.exec(
      head
    );
  if (nthWeekday && weekdayOf(nthWeekday[2]!) && /month/.test(head)) {
    const nth = (
      {
        first: 1,
        '1st': 1,
        second: 2,
        '2nd': 2,
        third: 3,
        '3rd': 3,
        fourth: 4,
        '4th': 4,
        last: 'last',
      } as const
    )[nthWeekday[1] as 'first'];
    return Schedule.parse(
      withZone({
        kind: 'monthly-weekday',
        nth,
        weekday: weekdayOf(nthWeekday[2]!)!,
        times: needTimes(),
      })
    );
  }

  const monthDays = parseMonthDays(head);
  if (monthDays)
    return Schedule.parse(withZone({ kind: 'monthly', days: monthDays, times: needTimes() }));

  const days = parseWeekdays(head);
  if (days) return Schedule.parse(withZone({ kind: 'weekly', days, times: needTimes() }));

  throw notUnderstood(text);
}

function notUnderstood(text: string): CourierError {
  return new CourierError(
    'schedule.not-understood',
    `Courier did not understand the schedule “${text.trim()}”. Write for example “every day at 02:00”, “every 15 minutes”, “3 times a day”, “mondays and thursdays at 07:30”, “on the 1st and 15th at 06:00” or “first monday of the month at 09:00”.`
  );
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const numberWords: Readonly<Record<string, number>> = {
  once: 1,
  one: 1,
  twice: 2,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
};
function wordNumber(word: string): number {
  return numberWords[word] ?? Number(word);
}

function parseInterval(head: string): number | null {
  if (head === 'hourly' || head === 'every hour') return 60;
  if (head === 'every minute') return 1;
  if (head === 'every half hour' || head === 'every half an hour') return 30;
  if (head === 'every quarter hour' || head === 'every quarter of an hour') return 15;
  const match = /^every (\d+) ?(minutes?|mins?|m|hours?|hrs?|h)$/.exec(head);
  if (!match) return null;
  const n = Number(match[1]);
  const minutes = match[2]!.startsWith('h') ? n * 60 : n;
  if (minutes < 1 || minutes > 1440)
    throw new CourierError(
      'schedule.out-of-range',
      'An interval runs from every minute to every 24 hours.'
    );
  return minutes;
}

function parseTimes(text: string, original: string): TimeOfDay[] {
  const parts = text
    .split(/\s*(?:,|\band\b)\s*/)
    .map(p => p.trim())
    .filter(p => p !== '');
  if (parts.length === 0) throw notUnderstood(original);
  return [...new Set(parts.map(p => parseTime(p)))].sort();
}

function parseTime(text: string): TimeOfDay {
  if (text === 'noon' || text === 'midday') return '12:00';
  if (text === 'midnight') return '00:00';
  const match = /^(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(text);
  if (!match)
    throw new CourierError(
      'schedule.invalid-time',
      `“${text}” is not a time. Write times as HH:MM, for example 02:00 or 17:30.`
    );
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12)
      throw new CourierError(
        'schedule.invalid-time',
        `“${text}” is not a time: with am or pm the hour is 1 to 12.`
      );
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59)
    throw new CourierError(
      'schedule.invalid-time',
      `“${text}” is not a time of day: hours run from 00 to 23 and minutes from 00 to 59.`
    );
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const weekdayPrefixes: readonly [Weekday, string][] = weekdays.map(d => [d, d]);
const fullNames: Readonly<Record<Weekday, string>> = {
  mon: 'monday',
  tue: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

function weekdayOf(word: string): Weekday | null {
  const w = word.replace(/\.$/, '');
  for (const [day] of weekdayPrefixes) {
    const full = fullNames[day];
    if (
      w === day ||
      w === full ||
      w === `${full}s` ||
      w === `${day}s` ||
      (w.length >= 3 && full.startsWith(w))
    )
      return day;
  }
  if (w === 'tues' || w === 'thur' || w === 'thurs') return w.startsWith('tu') ? 'tue' : 'thu';
  return null;
}

function parseWeekdays(head: string): Weekday[] | null {
  let h = head.replace(/^(?:every|each|on)\s+/, '').replace(/^(?:every|each)\s+/, '');
  if (h === 'day' || h === 'daily' || h === 'everyday' || h === 'days' || head === 'daily')
    return [...weekdays];
  if (/^(?:weekdays?|working days?|work days?|business days?)$/.test(h))
    return ['mon', 'tue', 'wed', 'thu', 'fri'];
  if (/^(?:weekends?|weekend days?)$/.test(h)) return ['sat', 'sun'];
  h = h.replace(/\s+(?:of|in)\s+(?:the|each|every)\s+week$/, '');
  const out = new Set<Weekday>();
  for (const part of h.split(/\s*(?:,|\band\b|\/|\+)\s*/).filter(p => p !== '')) {
    const range = /^([a-z.]+)\s*(?:-|to|through|thru|until)\s*([a-z.]+)$/.exec(part);
    if (range) {
      const from = weekdayOf(range[1]!);
      const to = weekdayOf(range[2]!);
      if (!from || !to) return null;
      const a = weekdays.indexOf(from);
      const b = weekdays.indexOf(to);
      for (let i = a; ; i = (i + 1) % 7) {
        out.add(weekdays[i]!);
        if (i === b) break;
      }
      continue;
    }
    const day = weekdayOf(part);
    if (!day) return null;
    out.add(day);
  }
  return out.size > 0 ? weekdays.filter(d => out.has(d)) : null;
}

function parseMonthDays(head: string): (number | 'last')[] | null {
  let h = head
    .replace(/^(?:every month|monthly|each month)\s*/, '')
    .replace(/\s+(?:of|in)\s+(?:the|each|every)\s+month$/, '');
  h = h.replace(/^on\s+/, '').replace(/^the\s+/, '');
  if (h === head && !/^\d/.test(h)) return null;
  const out: (number | 'last')[] = [];
  for (const part of h
    .split(/\s*(?:,|\band\b)\s*/)
    .map(p => p.replace(/^the\s+/, ''))
    .filter(p => p !== '')) {
    if (part === 'last' || part === 'last day' || part === 'last day of the month') {
      out.push('last');
      continue;
    }
    const day = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(part);
    if (!day) return null;
    const n = Number(day[1]);
    if (n < 1 || n > 31)
      throw new CourierError(
        'schedule.out-of-range',
        `A month has no day ${n}: days of the month run from 1 to 31.`
      );
    if (!out.includes(n)) out.push(n);
  }
  if (out.length === 0) return null;
  return [
    ...out.filter((d): d is number => d !== 'last').sort((a, b) => a - b),
    ...(out.includes('last') ? ['last' as const] : []),
  ];
}
