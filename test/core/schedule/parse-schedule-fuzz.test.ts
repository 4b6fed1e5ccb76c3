import { describe, expect, it } from 'vitest';
import { CourierError } from '../../../src-core/errors';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import { cronPatterns, describeSchedule } from '../../../src-core/schedule/schedule';
import { Schedule } from '../../../src-core/schedule/schedule-schema';
import { describeScheduleIn } from '../../../src-core/schedule/describe-localized';
import { ScheduleError } from '../../../src-core/schedule/schedule-error';

const words = [
  'every',
  'each',
  'on',
  'the',
  'at',
  'and',
  ',',
  'day',
  'days',
  'daily',
  'week',
  'month',
  'monthly',
  'of',
  'in',
  'hour',
  'hours',
  'minute',
  'minutes',
  'times',
  'a',
  'twice',
  'once',
  '3',
  '15',
  '0',
  '99',
  '1st',
  '2nd',
  '31st',
  'last',
  'first',
  'monday',
  'mondays',
  'fri',
  'weekdays',
  'weekend',
  'to',
  '-',
  '02:00',
  '7pm',
  '12am',
  '25:61',
  'noon',
  'midnight',
  'Europe/Brussels',
  'Mars/Base',
  '(',
  ')',
  '&',
];

const heads = [
  'every day',
  'daily',
  'weekdays',
  'every weekend',
  'mondays and thursdays',
  'tue-fri',
  'sun, sat',
  'on the 1st and 15th',
  'on the 31st',
  'on the 29th',
  'on the last day of the month',
  'monthly on the 2nd',
  'first monday of the month',
  'the last friday of every month',
  'second tue in the month',
  'every 15 minutes',
  'every 90 minutes',
  'every 2 hours',
  '3 times a day',
  'twice daily',
  'every day and',
  'on the 0th',
  'fifth monday of the month',
  'every 0 hours',
  '',
];
const times = [
  '02:00',
  '7:30',
  '7pm',
  '12am',
  '12 pm',
  'noon',
  'midnight',
  '23:59',
  '24:00',
  '9h15',
  'soon',
];

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

describe('parseSchedule on arbitrary words', () => {
  it('either understands a schedule (and reads its own description back) or says why, never crashes', () => {
    const next = random(20261122);
    let understood = 0;
    for (let i = 0; i < 3000; i++) {
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      const length = 1 + Math.floor(next() * 8);
      // Half are word salad, half follow the grammar with a random head, times and zone.
      const text =
        i % 2 === 0
          ? Array.from({ length }, () => pick(words)).join(' ')
          : `${pick(heads)}${next() < 0.8 ? ` at ${Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(times)).join(pick([' and ', ', ']))}` : ''}${next() < 0.3 ? ` in ${pick(['Europe/Brussels', 'UTC', 'America/New_York', 'Nowhere/Land'])}` : ''}`;
      try {
        const schedule = parseSchedule(text);
        understood++;
        expect(Schedule.safeParse(schedule).success, text).toBe(true);
        expect(parseSchedule(describeSchedule(schedule)), text).toEqual(schedule);
        const patterns = cronPatterns(schedule);
        expect(patterns === null || patterns.length > 0, text).toBe(true);
      } catch (error) {
        expect(error, text).toBeInstanceOf(CourierError);
        expect((error as CourierError).code, text).toMatch(/^schedule\./);
      }
    }
    // The generator does produce real schedules, so the round-trip check above is exercised.
    expect(understood).toBeGreaterThan(500);
  });
});

const frenchAndDutch = [
  'tous',
  'les',
  'toutes',
  'chaque',
  'le',
  'la',
  'du',
  'de',
  'au',
  'à',
  'a',
  'et',
  'jour',
  'jours',
  'soirs',
  'ouvrables',
  'en',
  'semaine',
  'week-end',
  'mois',
  'premier',
  '1er',
  'dernier',
  'heures',
  'minutes',
  'fois',
  'par',
  'lundi',
  'vendredis',
  'dim.',
  '22h',
  '7h30',
  '22 h 30',
  'midi',
  'du soir',
  'elke',
  'elk',
  'op',
  'om',
  'van',
  'tot en met',
  't/m',
  'dag',
  'werkdagen',
  'maand',
  'eerste',
  'laatste',
  '1e',
  '15de',
  'uur',
  'minuten',
  'keer',
  'maandag',
  'vr',
  'ma-vr',
  '7.30',
  'half 8',
  "'s avonds",
  'om de',
  'kwartier',
  '25u',
  '0',
  '15',
  '3',
  '(Europe/Brussels)',
  '&',
];
const frenchAndDutchHeads = [
  'tous les jours',
  'chaque lundi et jeudi',
  'du lundi au vendredi',
  'le 1er et le 15 du mois',
  'le dernier jour du mois',
  'le premier lundi du mois',
  'toutes les 15 minutes',
  '3 fois par jour',
  'elke dag',
  'op maandag en donderdag',
  'van maandag t/m vrijdag',
  'de 1e van elke maand',
  'laatste dag van de maand',
  'de laatste vrijdag van de maand',
  'elk uur',
  'twee keer per dag',
];

describe('parseSchedule on arbitrary French and Dutch words', () => {
  it('either understands a schedule (and reads its French and Dutch descriptions back) or says why', () => {
    const next = random(20260117);
    let understood = 0;
    for (let i = 0; i < 3000; i++) {
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      const length = 1 + Math.floor(next() * 8);
      const text =
        i % 2 === 0
          ? Array.from({ length }, () => pick(frenchAndDutch)).join(' ')
          : `${pick(frenchAndDutchHeads)}${next() < 0.8 ? ` ${pick(['à', 'om', 'a'])} ${pick(['22h', '7h30', '7.30 uur', '6 uur', '18u', 'midi', 'soon', '25h'])}` : ''}`;
      try {
        const schedule = parseSchedule(text);
        understood++;
        expect(Schedule.safeParse(schedule).success, text).toBe(true);
        for (const language of ['fr', 'nl'] as const)
          expect(parseSchedule(describeScheduleIn(schedule, language)), text).toEqual(schedule);
      } catch (error) {
        expect(error, text).toBeInstanceOf(ScheduleError);
      }
    }
    expect(understood).toBeGreaterThan(300);
  });
});
