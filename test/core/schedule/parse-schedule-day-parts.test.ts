import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import { ScheduleError, type ScheduleProblem } from '../../../src-core/schedule/schedule-error';

const everyDayAt = (...times: string[]) => ({
  kind: 'weekly',
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  times,
});

const problemOf = (text: string): ScheduleProblem => {
  try {
    parseSchedule(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ScheduleError);
    return (error as ScheduleError).problem;
  }
  throw new Error(`“${text}” was accepted`);
};

// The part of the day in the opening words (“every evening”) says which half of the clock a
// time without am or pm is on; a time on the 24-hour clock stays as written.
describe('the part of the day in the opening words', () => {
  it.each<[string, string]>([
    // Evening: 1 to 11 are after noon.
    ['every evening at 8', '20:00'],
    ['every evening at 8:30', '20:30'],
    ['evenings at 11', '23:00'],
    ['tous les soirs à 8h', '20:00'],
    ['chaque soir à 7h30', '19:30'],
    ['tous les soirs à 8h et demie', '20:30'],
    ['elke avond om 8 uur', '20:00'],
    ['iedere avond om half 8', '19:30'],
    ['elke avond om kwart voor 9', '20:45'],
    // Night: 12 is midnight, the small hours stay, 8 to 11 are the late evening.
    ['every night at 12', '00:00'],
    ['every night at 2', '02:00'],
    ['nightly at 11', '23:00'],
    ['chaque nuit à 3h', '03:00'],
    ['toutes les nuits à 11h', '23:00'],
    ['toutes les nuits à 12h30', '00:30'],
    ['elke nacht om 12 uur', '00:00'],
    ['elke nacht om 5 uur', '05:00'],
    ['elke nacht om 10 uur', '22:00'],
    // Morning: as written.
    ['every morning at 7', '07:00'],
    ['tous les matins à 9h', '09:00'],
    ['elke ochtend om 6 uur', '06:00'],
    ['elke morgen om 12 uur', '12:00'],
    // 24-hour times, and a leading zero, stay as written.
    ['every evening at 20:00', '20:00'],
    ['tous les soirs à 20h', '20:00'],
    ['tous les soirs à 22:00', '22:00'],
    ['tous les soirs à 02:00', '02:00'],
    ['elke avond om 21.30 uur', '21:30'],
    ['every night at 0:30', '00:30'],
    ['elke nacht om 23 uur', '23:00'],
    ['every morning at 07:00', '07:00'],
    // An am or pm after the time wins.
    ['toutes les nuits à 2h du matin', '02:00'],
    ["elke avond om 10 uur 's avonds", '22:00'],
    ['every night at 2am', '02:00'],
    // Without a part of the day, nothing changes.
    ['tous les jours à 8h', '08:00'],
    ['elke dag om 8 uur', '08:00'],
    ['every day at 8', '08:00'],
  ])('“%s” runs at %s', (text, time) => {
    expect(parseSchedule(text)).toEqual(everyDayAt(time));
  });

  it('applies the part of the day to every time of the list', () => {
    expect(parseSchedule('tous les soirs à 7h et 9h30')).toEqual(everyDayAt('19:00', '21:30'));
    expect(parseSchedule('elke avond om 6 uur en 22 uur')).toEqual(everyDayAt('18:00', '22:00'));
  });

  it.each<[string, string, 'morning' | 'evening' | 'night']>([
    ['tous les matins à 15h', '15h', 'morning'],
    ['every morning at 13:30', '13:30', 'morning'],
    ['elke ochtend om 20 uur', '20 uur', 'morning'],
    ['tous les soirs à 12h', '12h', 'evening'],
    ['every evening at 12', '12', 'evening'],
    ['elke nacht om 6 uur', '6 uur', 'night'],
    ['toutes les nuits à 7h', '7h', 'night'],
    ["elke dag om 7 uur 's nachts", "7 uur 's nachts", 'night'],
  ])('refuses “%s”: %s is not in the %s', (text, time, part) => {
    expect(problemOf(text)).toEqual({
      reason: 'time-outside-part-of-day',
      params: { time, part },
    });
  });
});

describe('the afternoon', () => {
  it.each([
    ['tous les jours à 3h de l’après-midi', '15:00'],
    ["tous les jours à 3h de l'apres-midi", '15:00'],
    ['chaque jour à 4 heures de l’après midi', '16:00'],
    ["elke dag om 3 uur 's middags", '15:00'],
    ['elke dag om 3 uur ’s middags', '15:00'],
    ["elke dag om 12 uur 's middags", '12:00'],
  ])('“%s” runs at %s', (text, time) => {
    expect(parseSchedule(text)).toEqual(everyDayAt(time));
  });
});

describe('common ways of saying a time or an interval', () => {
  it.each([
    ['toutes les deux heures', 'every 2 hours'],
    ['toutes les trois heures', 'every 3 hours'],
    ['toutes les dix minutes', 'every 10 minutes'],
    ['toutes les quinze minutes', 'every 15 minutes'],
    ['elke twee uur', 'every 2 hours'],
    ['om de twee uur', 'every 2 hours'],
    ['elke tien minuten', 'every 10 minutes'],
    ['every two hours', 'every 2 hours'],
    ['every twenty minutes', 'every 20 minutes'],
    ['tous les jours à 8h et demie', 'every day at 08:30'],
    ['tous les jours à 8 heures et demie', 'every day at 08:30'],
    ['tous les jours à midi et demi', 'every day at 12:30'],
    ['tous les jours à minuit et demie', 'every day at 00:30'],
    ['tous les jours à 8h et quart', 'every day at 08:15'],
    ['tous les jours à 9h moins le quart', 'every day at 08:45'],
    ['du lundi au vendredi à 8h et quart et à 17h et demie', 'weekdays at 08:15 and 17:30'],
    ['elke dag om kwart over 8', 'every day at 08:15'],
    ['elke dag om kwart voor 9', 'every day at 08:45'],
    ['werkdagen om kwart over 8 en half 6', 'weekdays at 08:15 and 05:30'],
    ['every day at half past 8', 'every day at 08:30'],
    ['every day at quarter to 9', 'every day at 08:45'],
  ])('“%s” means “%s”', (text, english) => {
    expect(parseSchedule(text)).toEqual(parseSchedule(english));
  });
});

describe('more than 24 times a day', () => {
  const times = Array.from({ length: 25 }, (_, i) => `${i % 24}:${i < 24 ? '00' : '30'}`);
  it('is refused as too many, not a crash', () => {
    expect(problemOf(`every day at ${times.join(', ')}`)).toEqual({
      reason: 'too-many-per-day',
      params: {},
    });
    expect(problemOf(`tous les jours à ${times.map(t => t.replace(':', 'h')).join(', ')}`)).toEqual(
      { reason: 'too-many-per-day', params: {} }
    );
  });
  it('accepts 24, and counts a time written twice once', () => {
    const day = times.slice(0, 24);
    expect(parseSchedule(`every day at ${[...day, '0:00'].join(', ')}`)).toMatchObject({
      times: expect.arrayContaining(['00:00', '23:00']),
    });
  });
});

describe('a refused time is quoted as the user wrote it', () => {
  it.each<[string, ScheduleProblem]>([
    ['tous les jours à midi 30', { reason: 'not-a-time', params: { time: 'midi 30' } }],
    ['Tous les jours À MIDI 30', { reason: 'not-a-time', params: { time: 'MIDI 30' } }],
    [
      'tous les jours à 15h du matin',
      { reason: 'hour-with-am-pm', params: { time: '15h du matin' } },
    ],
    [
      'chaque jour à 8h et à 15h du matin',
      { reason: 'hour-with-am-pm', params: { time: '15h du matin' } },
    ],
    [
      "elke dag om 13 uur 's ochtends",
      { reason: 'hour-with-am-pm', params: { time: "13 uur 's ochtends" } },
    ],
    ['Chaque Jour À 25 Heures', { reason: 'time-out-of-range', params: { time: '25 Heures' } }],
    [
      'tous les matins à 15h',
      { reason: 'time-outside-part-of-day', params: { time: '15h', part: 'morning' } },
    ],
    ['every day at 13pm', { reason: 'hour-with-am-pm', params: { time: '13pm' } }],
    ['Every Day At Soon', { reason: 'not-a-time', params: { time: 'Soon' } }],
  ])('“%s”', (text, problem) => {
    expect(problemOf(text)).toEqual(problem);
  });

  it('says it in the English message too', () => {
    try {
      parseSchedule('tous les jours à midi 30');
    } catch (error) {
      expect((error as Error).message).toContain('“midi 30”');
      expect((error as Error).message).not.toContain('noon');
      return;
    }
    throw new Error('accepted');
  });
});
