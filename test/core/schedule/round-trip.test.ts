import { describe, expect, it } from 'vitest';
import {
  describeScheduleIn,
  type ScheduleLanguage,
} from '../../../src-core/schedule/describe-localized';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import { weekdays, type Weekday } from '../../../src-core/schedule/schedule';
import { Schedule } from '../../../src-core/schedule/schedule-schema';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const zones = [
  undefined,
  undefined,
  'Europe/Brussels',
  'Europe/Amsterdam',
  'UTC',
  'America/Argentina/Buenos_Aires',
];

/** Schedules as the parser returns them: days in week order, times sorted and unique. */
function generate(next: () => number): Schedule {
  const int = (n: number) => Math.floor(next() * n);
  const times = () =>
    [
      ...new Set(Array.from({ length: 1 + int(3) }, () => `${pad(int(24))}:${pad(int(60))}`)),
    ].sort();
  const zone = zones[int(zones.length)];
  const withZone = <T extends object>(s: T) => (zone ? { ...s, timeZone: zone } : s);
  const days = (): Weekday[] => {
    const picked = weekdays.filter(() => next() < 0.4);
    return picked.length > 0 ? picked : [weekdays[int(7)]!];
  };
  switch (int(5)) {
    case 0:
      return withZone({ kind: 'interval', minutes: 1 + int(1440) });
    case 1:
      return withZone({ kind: 'times-a-day', count: 1 + int(24) });
    case 2:
      return withZone({
        kind: 'weekly',
        days: next() < 0.2 ? [...weekdays] : days(),
        times: times(),
      });
    case 3: {
      const numbers = [...new Set(Array.from({ length: 1 + int(4) }, () => 1 + int(31)))].sort(
        (a, b) => a - b
      );
      const last = next() < 0.3;
      const monthDays: (number | 'last')[] =
        next() < 0.15 ? ['last'] : [...numbers, ...(last ? (['last'] as const) : [])];
      return withZone({ kind: 'monthly', days: monthDays, times: times() });
    }
    default: {
      const nths = [1, 2, 3, 4, 'last'] as const;
      return withZone({
        kind: 'monthly-weekday',
        nth: nths[int(5)]!,
        weekday: weekdays[int(7)]!,
        times: times(),
      });
    }
  }
}

const languages: ScheduleLanguage[] = ['en', 'fr', 'nl'];

// What Courier says a schedule is, in any language, reads back to that same schedule.
describe('describeScheduleIn reads back with parseSchedule', () => {
  it.each(languages)('every interval and every count a day, in %s', language => {
    for (let minutes = 1; minutes <= 1440; minutes++) {
      const schedule: Schedule = { kind: 'interval', minutes };
      expect(parseSchedule(describeScheduleIn(schedule, language)), String(minutes)).toEqual(
        schedule
      );
    }
    for (let count = 1; count <= 24; count++) {
      const schedule: Schedule = { kind: 'times-a-day', count };
      expect(parseSchedule(describeScheduleIn(schedule, language)), String(count)).toEqual(
        schedule
      );
    }
  });

  it.each(languages)(
    'every set of weekdays, every day of the month, every weekday of the month, in %s',
    language => {
      for (let mask = 1; mask < 128; mask++) {
        const schedule: Schedule = {
          kind: 'weekly',
          days: weekdays.filter((_, i) => mask & (1 << i)),
          times: ['07:30', '18:05'],
        };
        const words = describeScheduleIn(schedule, language);
        expect(parseSchedule(words), words).toEqual(schedule);
      }
      for (let day = 1; day <= 31; day++) {
        for (const days of [[day], [day, 'last']] as (number | 'last')[][]) {
          const schedule: Schedule = { kind: 'monthly', days, times: ['00:00'] };
          const words = describeScheduleIn(schedule, language);
          expect(parseSchedule(words), words).toEqual(schedule);
        }
      }
      for (const nth of [1, 2, 3, 4, 'last'] as const) {
        for (const weekday of weekdays) {
          const schedule: Schedule = { kind: 'monthly-weekday', nth, weekday, times: ['23:59'] };
          const words = describeScheduleIn(schedule, language);
          expect(parseSchedule(words), words).toEqual(schedule);
        }
      }
    }
  );

  it.each(languages)('random schedules of every kind, with time zones, in %s', language => {
    const next = random(language.charCodeAt(0) * 7919);
    const kinds = new Set<string>();
    for (let i = 0; i < 1500; i++) {
      const schedule = generate(next);
      expect(Schedule.safeParse(schedule).success).toBe(true);
      kinds.add(schedule.kind);
      const words = describeScheduleIn(schedule, language);
      expect(parseSchedule(words), words).toEqual(schedule);
    }
    expect(kinds.size).toBe(5);
  });
});
