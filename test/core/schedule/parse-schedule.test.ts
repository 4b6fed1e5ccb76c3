import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import {
  cronPatterns,
  describeSchedule,
  ordinal,
  timesADay,
  type Schedule,
} from '../../../src-core/schedule/schedule';
import { CourierError } from '../../../src-core/errors';

const cases: [string, Schedule, string][] = [
  [
    'every day at 02:00',
    { kind: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], times: ['02:00'] },
    'every day at 02:00',
  ],
  [
    'Daily at 2am',
    { kind: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], times: ['02:00'] },
    'every day at 02:00',
  ],
  [
    'every night at 22:00',
    { kind: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], times: ['22:00'] },
    'every day at 22:00',
  ],
  [
    'every morning at 7 and at 8',
    {
      kind: 'weekly',
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      times: ['07:00', '08:00'],
    },
    'every day at 07:00 and 08:00',
  ],
  [
    'from monday to friday at 7:30',
    { kind: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'] },
    'every weekday at 07:30',
  ],
  [
    'every 1st and 15th of the month at 8',
    { kind: 'monthly', days: [1, 15], times: ['08:00'] },
    'on the 1st and 15th at 08:00',
  ],
  [
    'on the first of the month at 8',
    { kind: 'monthly', days: [1], times: ['08:00'] },
    'on the 1st at 08:00',
  ],
  ['every 15 minutes', { kind: 'interval', minutes: 15 }, 'every 15 minutes'],
  [
    'at 6:45',
    { kind: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], times: ['06:45'] },
    'every day at 06:45',
  ],
  ['twice daily', { kind: 'times-a-day', count: 2 }, 'twice a day'],
  [
    'the 2nd wednesday in every month at 10:00',
    { kind: 'monthly-weekday', nth: 2, weekday: 'wed', times: ['10:00'] },
    'second wednesday of the month at 10:00',
  ],
  [
    'on the 1st, 15th and last day of the month at 6',
    { kind: 'monthly', days: [1, 15, 'last'], times: ['06:00'] },
    'on the 1st, 15th and last day of the month at 06:00',
  ],
  ['every hour', { kind: 'interval', minutes: 60 }, 'every hour'],
  ['every 2 hours', { kind: 'interval', minutes: 120 }, 'every 2 hours'],
  ['hourly', { kind: 'interval', minutes: 60 }, 'every hour'],
  ['3 times a day', { kind: 'times-a-day', count: 3 }, '3 times a day'],
  ['twice a day', { kind: 'times-a-day', count: 2 }, 'twice a day'],
  [
    'mondays and thursdays at 07:30',
    { kind: 'weekly', days: ['mon', 'thu'], times: ['07:30'] },
    'mondays and thursdays at 07:30',
  ],
  [
    'Every Thursday, Monday at 7:30 pm',
    { kind: 'weekly', days: ['mon', 'thu'], times: ['19:30'] },
    'mondays and thursdays at 19:30',
  ],
  [
    'mon-fri at 8:15',
    { kind: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['08:15'] },
    'every weekday at 08:15',
  ],
  [
    'every weekday at 07:00 and 17:30',
    { kind: 'weekly', days: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:00', '17:30'] },
    'every weekday at 07:00 and 17:30',
  ],
  [
    'weekends at noon',
    { kind: 'weekly', days: ['sat', 'sun'], times: ['12:00'] },
    'saturdays and sundays at 12:00',
  ],
  [
    'on the 1st and 15th at 06:00',
    { kind: 'monthly', days: [1, 15], times: ['06:00'] },
    'on the 1st and 15th at 06:00',
  ],
  [
    'on the last day of the month at 23:00',
    { kind: 'monthly', days: ['last'], times: ['23:00'] },
    'on the last day of the month at 23:00',
  ],
  [
    'monthly on the 31st at 06:00',
    { kind: 'monthly', days: [31], times: ['06:00'] },
    'on the 31st at 06:00',
  ],
  [
    'first monday of the month at 09:00',
    { kind: 'monthly-weekday', nth: 1, weekday: 'mon', times: ['09:00'] },
    'first monday of the month at 09:00',
  ],
  [
    'on the last Friday of every month at 5pm',
    { kind: 'monthly-weekday', nth: 'last', weekday: 'fri', times: ['17:00'] },
    'last friday of the month at 17:00',
  ],
  [
    'every day at 02:00 in Europe/Brussels',
    {
      kind: 'weekly',
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      times: ['02:00'],
      timeZone: 'Europe/Brussels',
    },
    'every day at 02:00 in Europe/Brussels',
  ],
];

describe('parseSchedule', () => {
  it.each(cases)('reads “%s”', (text, schedule, words) => {
    const parsed = parseSchedule(text);
    expect(parsed).toEqual(schedule);
    expect(describeSchedule(parsed)).toBe(words);
    // The description reads back to the same schedule.
    expect(parseSchedule(describeSchedule(parsed))).toEqual(schedule);
  });

  it.each([
    ['', 'schedule.not-understood'],
    ['whenever you like', 'schedule.not-understood'],
    ['every day', 'schedule.missing-time'],
    ['every day at 25:00', 'schedule.invalid-time'],
    ['every day at 13pm', 'schedule.invalid-time'],
    ['on the 32nd at 06:00', 'schedule.out-of-range'],
    ['every 0 minutes', 'schedule.out-of-range'],
    ['every day at 02:00 in Mars/Olympus', 'schedule.unknown-time-zone'],
    ['every 15 minutes at 02:00', 'schedule.not-understood'],
    ['every 2 days at 02:00', 'schedule.not-understood'],
    ['3 times a day at 08:00', 'schedule.not-understood'],
  ])('refuses “%s” with %s', (text, code) => {
    let caught: unknown;
    try {
      parseSchedule(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CourierError);
    expect((caught as CourierError).code).toBe(code);
    expect((caught as CourierError).message.length).toBeGreaterThan(10);
  });
});

describe('schedule helpers', () => {
  it('spreads N runs a day evenly from midnight', () => {
    expect(timesADay(3)).toEqual(['00:00', '08:00', '16:00']);
    expect(timesADay(5)).toEqual(['00:00', '04:48', '09:36', '14:24', '19:12']);
  });

  it('writes ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '31st',
    ]);
  });

  it('turns schedules into cron patterns', () => {
    expect(cronPatterns({ kind: 'interval', minutes: 15 })).toEqual(['0 */15 * * * *']);
    expect(cronPatterns({ kind: 'interval', minutes: 120 })).toEqual(['0 0 */2 * * *']);
    expect(cronPatterns({ kind: 'interval', minutes: 90 })).toBeNull();
    expect(cronPatterns({ kind: 'weekly', days: ['thu', 'mon'], times: ['07:30'] })).toEqual([
      '0 30 7 * * 1,4',
    ]);
    expect(cronPatterns({ kind: 'monthly', days: [1, 15], times: ['06:00'] })).toEqual([
      '0 0 6 1,15 * *',
    ]);
    expect(cronPatterns({ kind: 'monthly', days: [31], times: ['06:00'] })).toEqual([
      '0 0 6 31 * *',
      '0 0 6 L 2,4,6,9,11 *',
    ]);
    expect(
      cronPatterns({ kind: 'monthly-weekday', nth: 'last', weekday: 'fri', times: ['17:00'] })
    ).toEqual(['0 0 17 * * 5#L']);
  });
});
