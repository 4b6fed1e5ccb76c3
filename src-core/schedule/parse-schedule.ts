import { maxTimesPerDay, weekdayName, weekdays, type Schedule, type TimeOfDay, type Weekday } from './schedule';
import { ScheduleError, type PartOfDay } from './schedule-error';
import {
  atWord,
  normalizeWords,
  originalWords,
  readAsEnglish,
  type Reading,
  type ReadingLanguage,
  type TimeWords,
} from './schedule-languages';

/**
 * Reads a schedule written in words, in English, French or Dutch, into a `Schedule`.
 *
 * Understands, case- and accent-insensitively: `every 15 minutes`, `every hour`, `every 2 hours`,
 * `every two hours`, `hourly`, `3 times a day`, `twice a day`, `every day at 02:00`,
 * `daily at 2am`, `every weekday at 07:00`, `mondays and thursdays at 07:30`, `mon-fri at 8:15`,
 * `on the 1st and 15th at 06:00`, `on the last day of the month at 23:00`,
 * `first monday of the month at 09:00`, several times (`at 08:00 and 17:30`), and an optional
 * time zone at the end (`… in Europe/Brussels`, `… (Europe/Brussels)`). The same in French
 * (`tous les soirs à 22h`, `du lundi au vendredi à 7h30`, `le 1er de chaque mois à 8h`,
 * `à 8h et demie`) and Dutch (`elke avond om 22:00`, `werkdagen om 7.30 uur`,
 * `de 1e van elke maand om 8 uur`, `om kwart voor 9`): no language hint is needed, the words say
 * which one it is. The part of the day in the opening words applies to the times
 * (`every evening at 8` is at 20:00, see `parseTime`). Anything else is a `ScheduleError` whose
 * reason the app can put in the user's language, quoting the user's own words.
 */
export function parseSchedule(text: string): Schedule {
  const original = text.trim().replace(/\s+/g, ' ');
  const body = original.replace(/\.$/, '');
  if (body === '') throw notUnderstood(text);

  let rest = body;
  let zoneWords = '';
  let timeZone: string | undefined;
  const zone = /\s+(?:in\s+|en\s+|\()((?:[A-Za-z_]+\/[A-Za-z0-9_+\-/]+)|UTC)\)?$/.exec(rest);
  if (zone) {
    timeZone = zone[1]!;
    if (!isKnownTimeZone(timeZone))
      throw new ScheduleError({ reason: 'unknown-time-zone', params: { zone: timeZone } });
    zoneWords = zone[0];
    rest = rest.slice(0, zone.index);
  }
  const words = normalizeWords(rest);
  const refusals: ScheduleError[] = [];
  for (const language of readingLanguages) {
    try {
      return parseEnglish(readAsEnglish(words, language), {
        original,
        timeZone,
        example: `${rest} ${atWord[language]} 02:00${zoneWords}`,
        quote: source => originalWords(rest, source) ?? rest,
      });
    } catch (error) {
      if (!(error instanceof ScheduleError)) throw error;
      refusals.push(error);
    }
  }
  // The language that got furthest says what is wrong; if none did, the examples help.
  throw refusals.find(e => e.problem.reason !== 'not-understood') ?? notUnderstood(text);
}

const readingLanguages: readonly ReadingLanguage[] = ['en', 'fr', 'nl'];

type Context = Readonly<{
  original: string;
  timeZone: string | undefined;
  example: string;
  /** The user's own words for a time, from its normalized source. */
  quote: (source: string) => string;
}>;

/** Reads the English grammar from lower-case words without a time zone. */
function parseEnglish(reading: Reading, context: Context): Schedule {
  const { original, timeZone } = context;
  let head = reading.head;
  // The part of the day the opening words name (“every evening”), for times without am or pm.
  const part = partOfDayOf(head);
  const times = reading.times && parseTimes(reading.times, part, context);
  // Just a time (“at 02:00”) means every day.
  if (head === '' && times) head = 'every day';
  const withZone = <T extends object>(value: T): T & { timeZone?: string } =>
    timeZone ? { ...value, timeZone } : value;
  const needTimes = (): TimeOfDay[] => {
    if (times) return times;
    throw new ScheduleError({
      reason: 'missing-time',
      params: { text: original, example: context.example },
    });
  };
  const noTimes = (): void => {
    if (times)
      throw new ScheduleError({ reason: 'time-with-interval', params: { text: original } });
  };

  const interval = parseInterval(head);
  if (interval !== null) {
    noTimes();
    return withZone({ kind: 'interval', minutes: interval });
  }

  const perDay =
    /^(\d+|once|twice|one|two|three|four|five|six)\s*(?:x|times?)?\s+(?:a|per|each|every)\s+day$|^(\d+|once|twice|one|two|three|four|five|six)\s*(?:x|times)?\s+daily$/.exec(
      head
    );
  if (perDay) {
    const count = wordNumber(perDay[1] ?? perDay[2]!);
    if (count < 1 || count > maxTimesPerDay)
      throw new ScheduleError({ reason: 'too-many-per-day', params: {} });
    if (times) {
      if (times.length !== count)
        throw new ScheduleError({
          reason: 'count-mismatch',
          params: { text: original, count, given: times.length },
        });
      return withZone({ kind: 'weekly', days: [...weekdays], times });
    }
    return withZone({ kind: 'times-a-day', count });
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
    return withZone({
      kind: 'monthly-weekday',
      nth,
      weekday: weekdayOf(nthWeekday[2]!)!,
      times: needTimes(),
    });
  }

  const monthDays = parseMonthDays(head);
  if (monthDays) return withZone({ kind: 'monthly', days: monthDays, times: needTimes() });

  const days = parseWeekdays(head);
  if (days) return withZone({ kind: 'weekly', days, times: needTimes() });

  throw notUnderstood(original);
}

function notUnderstood(text: string): ScheduleError {
  return new ScheduleError({ reason: 'not-understood', params: { text: text.trim() } });
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
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};
const intervalPattern = new RegExp(
  `^every (\\d+|${Object.keys(numberWords)
    .filter(w => w !== 'once' && w !== 'twice')
    .join('|')}) ?(minutes?|mins?|m|hours?|hrs?|h)$`
);
function wordNumber(word: string): number {
  return numberWords[word] ?? Number(word);
}

function parseInterval(head: string): number | null {
  if (head === 'hourly' || head === 'every hour') return 60;
  if (head === 'every minute') return 1;
  if (head === 'every half hour' || head === 'every half an hour') return 30;
  if (head === 'every quarter hour' || head === 'every quarter of an hour') return 15;
  const match = intervalPattern.exec(head);
  if (!match) return null;
  const n = wordNumber(match[1]!);
  const minutes = match[2]!.startsWith('h') ? n * 60 : n;
  if (minutes < 1 || minutes > 1440)
    throw new ScheduleError({ reason: 'interval-out-of-range', params: {} });
  return minutes;
}

/** The part of the day that opening words such as “every evening” or “nightly” name. */
function partOfDayOf(head: string): PartOfDay | null {
  if (/\bmornings?\b/.test(head)) return 'morning';
  if (/\bevenings?\b/.test(head)) return 'evening';
  if (/\b(?:nights?|nightly)\b/.test(head)) return 'night';
  return null;
}

/** The times of a schedule, sorted and without repeats; a refusal quotes the user's words. */
function parseTimes(
  times: readonly TimeWords[],
  part: PartOfDay | null,
  context: Context
): TimeOfDay[] {
  if (times.length === 0) throw notUnderstood(context.original);
  const out = new Set<TimeOfDay>();
  for (const time of times) {
    try {
      out.add(parseTime(time.english, part));
    } catch (error) {
      if (!(error instanceof ScheduleError) || !('time' in error.problem.params)) throw error;
      // The English words (“noon 30”) mean nothing to who wrote “midi 30”.
      throw new ScheduleError({
        ...error.problem,
        params: { ...error.problem.params, time: context.quote(time.source) },
      } as typeof error.problem);
    }
  }
  if (out.size > maxTimesPerDay)
    throw new ScheduleError({ reason: 'too-many-per-day', params: {} });
  return [...out].sort();
}

/**
 * One time of day: `02:00`, `7:30`, `7pm`, `noon`, and the ways French and Dutch write them
 * (`22h`, `22 h 30`, `7.30 uur`, `6 uur`, `18u30`), with a part of the day after a 12-hour time
 * (`am`/`pm`, or `night`: “2 uur 's nachts” is 02:00, “11 uur 's nachts” 23:00).
 *
 * Without am or pm, the part of the day of the opening words (`part`) applies to an hour from
 * 1 to 12 written without a leading zero, as `night` does after the time:
 *
 * - morning: the hour as written (“every morning at 7” is 07:00);
 * - evening: 1 to 11 are in the afternoon or evening (“tous les soirs à 8h” is 20:00);
 * - night: 12 is midnight, 1 to 5 are the small hours (“elke nacht om 2 uur” is 02:00), 8 to 11
 *   the late evening (“every night at 11” is 23:00).
 *
 * A time on the 24-hour clock (`20h`, `22:00`, `0:30`, or a leading zero: `07:00`) stays as
 * written. What the part of the day cannot mean is refused rather than guessed: 13:00 or later in
 * the morning, 12 in the evening (noon, or midnight?), 6 or 7 at night (morning, or evening?).
 */
function parseTime(text: string, part: PartOfDay | null = null): TimeOfDay {
  if (text === 'noon' || text === 'midday') return '12:00';
  if (text === 'midnight') return '00:00';
  const match =
    /^(\d{1,2})(?:\s*[:.]\s*(\d{2})|\s*(?:h|u|uur)\s*(\d{2})?)?\s*(?:uur|u|h)?\s*(am|pm|a\.m\.|p\.m\.|night)?$/.exec(
      text
    );
  if (!match) throw new ScheduleError({ reason: 'not-a-time', params: { time: text } });
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? match[3] ?? 0);
  const suffix = match[4]?.replace(/\./g, '');
  if (suffix === 'am' || suffix === 'pm') {
    // “22 uur 's avonds” says the evening twice, which is fine; “13pm” is not a time.
    const twentyFourHour = suffix === 'pm' && hour > 12 && /\d\s*(?:h|u|uur)(?![a-z])/.test(text);
    if (hour >= 1 && hour <= 12) hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
    else if (!twentyFourHour)
      throw new ScheduleError({ reason: 'hour-with-am-pm', params: { time: text } });
  }
  if (hour > 23 || minute > 59)
    throw new ScheduleError({ reason: 'time-out-of-range', params: { time: text } });
  const within = suffix === 'night' ? 'night' : suffix ? null : part;
  if (within) hour = hourWithin(within, hour, /^0\d/.test(match[1]!), text);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** An hour without am or pm, read in a part of the day (see `parseTime`). */
function hourWithin(part: PartOfDay, hour: number, leadingZero: boolean, text: string): number {
  const refuse = (): never => {
    throw new ScheduleError({ reason: 'time-outside-part-of-day', params: { time: text, part } });
  };
  if (part === 'morning') return hour >= 13 ? refuse() : hour;
  if (leadingZero || hour === 0 || hour >= 13) return hour;
  if (part === 'evening') return hour === 12 ? refuse() : hour + 12;
  if (hour === 12) return 0;
  if (hour <= 5) return hour;
  return hour <= 7 ? refuse() : hour + 12;
}

function weekdayOf(word: string): Weekday | null {
  const w = word.replace(/\.$/, '');
  for (const day of weekdays) {
    const full = weekdayName(day);
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
  if (/^(?:days?|daily|everyday|nightly|nights?|evenings?|mornings?)$/.test(h) || head === 'daily')
    return [...weekdays];
  if (/^(?:weekdays?|working days?|work days?|business days?)$/.test(h))
    return ['mon', 'tue', 'wed', 'thu', 'fri'];
  if (/^(?:weekends?|weekend days?)$/.test(h)) return ['sat', 'sun'];
  h = h.replace(/\s+(?:of|in)\s+(?:the|each|every)\s+week$/, '');
  const out = new Set<Weekday>();
  for (const part of h
    .split(/\s*(?:,|\band\b|\/|\+)\s*/)
    .map(p => p.replace(/^from\s+/, ''))
    .filter(p => p !== '')) {
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

/** “The first of the month” is the 1st. */
const ordinalWords: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4 };

function parseMonthDays(head: string): (number | 'last')[] | null {
  let h = head
    .replace(/^(?:every month|monthly|each month)\s*/, '')
    .replace(/\s+(?:of|in)\s+(?:the|each|every)\s+month$/, '');
  h = h
    .replace(/^on\s+/, '')
    .replace(/^the\s+/, '')
    .replace(/^(?:every|each)\s+(?=\d|last\b)/, '');
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
    const n = day ? Number(day[1]) : (ordinalWords[part] ?? null);
    if (n === null) return null;
    if (n < 1 || n > 31)
      throw new ScheduleError({ reason: 'no-such-month-day', params: { day: n } });
    if (!out.includes(n)) out.push(n);
  }
  if (out.length === 0) return null;
  return [
    ...out.filter((d): d is number => d !== 'last').sort((a, b) => a - b),
    ...(out.includes('last') ? ['last' as const] : []),
  ];
}
