import { describe, expect, it } from 'vitest';
import { toPlainError } from '../../../src-core/errors';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import {
  ScheduleError,
  scheduleProblemOf,
  type ScheduleProblemReason,
} from '../../../src-core/schedule/schedule-error';

// Each French or Dutch phrase means exactly what its English twin means.
const twins: [english: string, french: string[], dutch: string[]][] = [
  [
    'every day at 22:00',
    [
      'tous les soirs à 22h',
      'tous les jours à 22h',
      'chaque jour à 22:00',
      'chaque soir à 22 h',
      'à 22h',
      'quotidiennement à 22h00',
      'tous les jours à 10h du soir',
      'toutes les nuits à 22 heures',
    ],
    [
      'elke avond om 22:00',
      'elke dag om 22 uur',
      'dagelijks om 22.00 uur',
      'iedere dag om 22u',
      'om 22.00',
      "elke dag om 10 uur 's avonds",
      'alle dagen om 22:00',
    ],
  ],
  [
    'every day at 22:30',
    ['chaque jour à 22 h 30', 'tous les jours à 22h30', 'tous les soirs à 22 heures 30'],
    ['elke dag om 22.30 uur', 'elke dag om 22u30', "elke avond om half 11 's avonds"],
  ],
  [
    'every weekday at 07:30',
    [
      'du lundi au vendredi à 7h30',
      'les jours ouvrables à 7:30',
      'en semaine à 7h30',
      'chaque jour ouvrable à 7h30',
      'de lundi à vendredi à 7h30',
      'lun-ven à 7h30',
      'les jours de semaine à 7h30',
      'tous les jours ouvrés à 7h30',
    ],
    [
      'werkdagen om 7.30',
      'van maandag tot en met vrijdag om 7:30',
      'elke werkdag om 7.30 uur',
      'maandag t/m vrijdag om 7:30',
      'ma-vr om half 8',
      'op weekdagen om 7u30',
      'doordeweeks om 7.30',
    ],
  ],
  [
    'every monday at 06:00',
    ['chaque lundi à 6h', 'tous les lundis à 6h', 'le lundi à 6 heures', 'les lundis à 06:00'],
    ['elke maandag om 6 uur', 'op maandag om 6u', "'s maandags om 6.00 uur", 'maandagen om 06:00'],
  ],
  [
    'mondays and thursdays at 18:00',
    [
      'tous les lundis et jeudis à 18h',
      'le lundi et le jeudi à 18h',
      'lundi et jeudi à 6h du soir',
      'chaque lundi et jeudi à 18:00',
    ],
    [
      'op maandag en donderdag om 18u',
      'elke maandag en donderdag om 18 uur',
      "ma en do om 6 uur 's avonds",
    ],
  ],
  [
    'mondays, wednesdays and fridays at 08:00 and 17:30',
    [
      'lundi, mercredi et vendredi à 8h et à 17h30',
      'les lundis, mercredis et vendredis à 8h et 17h30',
    ],
    ['maandag, woensdag en vrijdag om 8 uur en 17.30 uur', 'op ma, wo en vr om 8u en om 17u30'],
  ],
  [
    'weekends at noon',
    ['le week-end à midi', 'tous les week-ends à 12h', 'chaque samedi et dimanche à midi'],
    [
      'in het weekend om 12 uur',
      'elk weekend om 12:00',
      "op zaterdag en zondag om 12 uur 's middags",
    ],
  ],
  [
    'on the 1st of each month at 08:00',
    [
      'le 1er de chaque mois à 8h',
      'le 1er du mois à 8h',
      'tous les mois le 1er à 8h',
      'le premier du mois à 8h',
    ],
    [
      'de 1e van elke maand om 8 uur',
      'op de 1ste van de maand om 8u',
      'elke 1e van de maand om 8.00 uur',
      'de eerste van de maand om 8 uur',
    ],
  ],
  [
    'on the 1st, 15th and last day of the month at 06:00',
    [
      'le 1er, le 15 et le dernier jour du mois à 6h',
      'le 1er, le 15 et le dernier jour de chaque mois à 06:00',
    ],
    [
      'op de 1e, 15e en laatste dag van de maand om 6 uur',
      'de 1ste, 15de en laatste dag van elke maand om 06:00',
    ],
  ],
  [
    'on the last day of the month at 23:00',
    ['le dernier jour du mois à 23h', 'le dernier jour de chaque mois à 23:00'],
    ['laatste dag van de maand om 23 uur', 'op de laatste dag van elke maand om 23.00 uur'],
  ],
  [
    'on the 31st at 06:00',
    ['le 31 à 6h', 'le 31 de chaque mois à 6h'],
    ['de 31e om 6 uur', 'op de 31ste van elke maand om 6 uur'],
  ],
  [
    'first monday of the month at 09:00',
    [
      'le premier lundi du mois à 9h',
      'le 1er lundi de chaque mois à 9h',
      'chaque premier lundi du mois à 9h',
    ],
    [
      'de eerste maandag van de maand om 9 uur',
      'elke eerste maandag van de maand om 9u',
      'de 1e maandag van elke maand om 9.00 uur',
    ],
  ],
  [
    'second wednesday of the month at 10:00',
    ['le deuxième mercredi du mois à 10h', 'le 2e mercredi de chaque mois à 10h'],
    ['de tweede woensdag van de maand om 10 uur', 'de 2de woensdag van elke maand om 10 uur'],
  ],
  [
    'last friday of the month at 17:00 in Europe/Brussels',
    [
      'le dernier vendredi du mois à 17h (Europe/Brussels)',
      'le dernier vendredi du mois à 17h en Europe/Brussels',
    ],
    [
      'de laatste vrijdag van de maand om 17 uur (Europe/Brussels)',
      'laatste vrijdag van de maand om 17u in Europe/Brussels',
    ],
  ],
  ['every hour', ['toutes les heures', 'chaque heure'], ['elk uur', 'ieder uur', 'om het uur']],
  ['every minute', ['toutes les minutes', 'chaque minute'], ['elke minuut']],
  [
    'every 15 minutes',
    ['toutes les 15 minutes', 'toutes les 15 min', 'tous les quarts d’heure'],
    ['elke 15 minuten', 'om de 15 minuten', 'elk kwartier', 'iedere 15 min'],
  ],
  [
    'every 30 minutes',
    ['toutes les demi-heures', 'toutes les 30 minutes'],
    ['elk half uur', 'elke 30 minuten'],
  ],
  ['every 2 hours', ['toutes les 2 heures', 'toutes les 2h'], ['elke 2 uur', 'om de 2 uur']],
  [
    '3 times a day',
    ['3 fois par jour', 'trois fois par jour'],
    ['3 keer per dag', 'drie keer per dag', '3x per dag'],
  ],
  [
    'twice a day',
    ['deux fois par jour', '2 fois par jour'],
    ['twee keer per dag', 'tweemaal per dag', '2 keer daags'],
  ],
  [
    'once a day',
    ['une fois par jour'],
    ['één keer per dag', 'een keer per dag', 'eenmaal per dag'],
  ],
  [
    'every day at 08:00, 12:00 and 16:00',
    ['3 fois par jour à 8h, 12h et 16h', 'trois fois par jour à 8h, midi et 16h'],
    ['3 keer per dag om 8 uur, 12 uur en 16 uur'],
  ],
  [
    'every day at 00:00',
    ['tous les jours à minuit'],
    ['elke nacht om middernacht', "elke dag om 12 uur 's nachts"],
  ],
  [
    'every day at 02:00',
    ['toutes les nuits à 2h du matin'],
    ["elke nacht om 2 uur 's nachts", "elke dag om 2 uur 's ochtends"],
  ],
];

describe('parseSchedule in French and Dutch', () => {
  const rows = twins.flatMap(([english, french, dutch]) => [
    ...french.map(text => ['fr', text, english] as const),
    ...dutch.map(text => ['nl', text, english] as const),
  ]);
  it.each(rows)('%s “%s” means “%s”', (_language, text, english) => {
    expect(parseSchedule(text)).toEqual(parseSchedule(english));
  });

  it.each([
    ['TOUS LES JOURS À 22H', 'every day at 22:00'],
    ['tous les jours a 22h', 'every day at 22:00'],
    ['a 22h', 'every day at 22:00'],
    ['Du Lundi Au Vendredi A 7H30.', 'every weekday at 07:30'],
    ['le 1ER de chaque mois a 8h', 'on the 1st at 08:00'],
    ['le deuxieme mercredi du mois a 10h', 'second wednesday of the month at 10:00'],
    ['  chaque   lundi   à   6h  ', 'every monday at 06:00'],
    ['ELKE DAG OM 22:00', 'every day at 22:00'],
    ['Van Maandag T/M Vrijdag Om 7.30 Uur', 'every weekday at 07:30'],
    ['een keer per dag', 'once a day'],
    ['le lundi & le jeudi à 18h', 'mondays and thursdays at 18:00'],
  ])('forgives case, accents and spacing: “%s”', (text, english) => {
    expect(parseSchedule(text)).toEqual(parseSchedule(english));
  });

  it('still reads English first: English words are never taken for French or Dutch ones', () => {
    expect(parseSchedule('mon-fri at 8:15')).toEqual({
      kind: 'weekly',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      times: ['08:15'],
    });
    expect(parseSchedule('every day at 8 and at 17')).toEqual(
      parseSchedule('every day at 08:00 and 17:00')
    );
    expect(parseSchedule('from monday to friday at 7:30')).toEqual(
      parseSchedule('weekdays at 7:30')
    );
  });
});

const refuse = (text: string): ScheduleError => {
  try {
    parseSchedule(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ScheduleError);
    return error as ScheduleError;
  }
  throw new Error(`“${text}” was accepted`);
};

describe('parseSchedule refuses nonsense, and says why', () => {
  it.each<[string, ScheduleProblemReason, string]>([
    ['n’importe quand', 'not-understood', 'schedule.not-understood'],
    ['quand ça vous chante à 8h', 'not-understood', 'schedule.not-understood'],
    ['af en toe', 'not-understood', 'schedule.not-understood'],
    ['tous les jours', 'missing-time', 'schedule.missing-time'],
    ['le dernier jour du mois', 'missing-time', 'schedule.missing-time'],
    ['laatste dag van de maand', 'missing-time', 'schedule.missing-time'],
    ['elke werkdag', 'missing-time', 'schedule.missing-time'],
    ['chaque jour à 25h', 'time-out-of-range', 'schedule.invalid-time'],
    ['elke dag om 22.75 uur', 'time-out-of-range', 'schedule.invalid-time'],
    ['tous les jours à tout à l’heure', 'not-a-time', 'schedule.invalid-time'],
    ["elke dag om 13 uur 's ochtends", 'hour-with-am-pm', 'schedule.invalid-time'],
    ['le 32 de chaque mois à 6h', 'no-such-month-day', 'schedule.out-of-range'],
    ['toutes les 0 minutes', 'interval-out-of-range', 'schedule.out-of-range'],
    ['elke 25 uur', 'interval-out-of-range', 'schedule.out-of-range'],
    ['30 fois par jour', 'too-many-per-day', 'schedule.out-of-range'],
    ['toutes les 15 minutes à 8h', 'time-with-interval', 'schedule.not-understood'],
    ['3 keer per dag om 8 uur', 'count-mismatch', 'schedule.not-understood'],
    ['tous les jours à 22h (Mars/Olympus)', 'unknown-time-zone', 'schedule.unknown-time-zone'],
  ])('“%s”: %s', (text, reason, code) => {
    const error = refuse(text);
    expect(error.problem.reason).toBe(reason);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('names the words it did not understand and lists forms that work, in all three languages', () => {
    const error = refuse('  whenever, quand vous voulez  ');
    expect(error.problem).toEqual({
      reason: 'not-understood',
      params: { text: 'whenever, quand vous voulez' },
    });
    expect(error.message).toContain('“whenever, quand vous voulez”');
    // Every example the message offers is itself understood.
    const examples = [...error.message.matchAll(/“([^”]+)”/g)].map(m => m[1]!).slice(1);
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const example of examples) expect(() => parseSchedule(example), example).not.toThrow();
  });

  it('suggests the same words with a time, in the language they were written in', () => {
    const cases: [string, string][] = [
      ['tous les jours', 'tous les jours à 02:00'],
      ['le dernier jour du mois', 'le dernier jour du mois à 02:00'],
      ['laatste dag van de maand', 'laatste dag van de maand om 02:00'],
      ['Elke werkdag (Europe/Brussels)', 'Elke werkdag om 02:00 (Europe/Brussels)'],
      ['every weekday', 'every weekday at 02:00'],
    ];
    for (const [text, example] of cases) {
      const { problem } = refuse(text);
      expect(problem).toEqual({ reason: 'missing-time', params: { text, example } });
      expect(() => parseSchedule(example), example).not.toThrow();
    }
  });

  it('quotes the time it could not read', () => {
    expect(refuse('chaque jour à 25h').problem).toEqual({
      reason: 'time-out-of-range',
      params: { time: '25h' },
    });
    expect(refuse('3 keer per dag om 8 uur').problem).toEqual({
      reason: 'count-mismatch',
      params: { text: '3 keer per dag om 8 uur', count: 3, given: 1 },
    });
  });

  it('keeps the reason and its parameters when the error crosses IPC as a plain error', () => {
    const error = refuse('le 32 de chaque mois à 6h');
    const plain = toPlainError(error);
    expect(plain.code).toBe('schedule.out-of-range');
    expect(scheduleProblemOf(plain)).toEqual({ reason: 'no-such-month-day', params: { day: 32 } });
    expect(scheduleProblemOf({ code: 'schedule.out-of-range', message: 'x' })).toBeNull();
    expect(
      scheduleProblemOf({ code: 'schedule.invalid-time', params: { reason: 'no-such-month-day' } })
    ).toBeNull();
  });
});
