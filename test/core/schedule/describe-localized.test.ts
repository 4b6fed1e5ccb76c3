import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import { describeScheduleIn } from '../../../src-core/schedule/describe-localized';

const cases: [string, string, string][] = [
  ['every day at 02:00', 'tous les jours à 02:00', 'elke dag om 02:00'],
  ['every 15 minutes', 'toutes les 15 minutes', 'elke 15 minuten'],
  ['every hour', 'toutes les heures', 'elk uur'],
  ['every 2 hours', 'toutes les 2 heures', 'elke 2 uur'],
  ['3 times a day', '3 fois par jour', '3 keer per dag'],
  ['twice a day', 'deux fois par jour', 'twee keer per dag'],
  [
    'every weekday at 07:00 and 17:30',
    'du lundi au vendredi à 07:00 et 17:30',
    'elke werkdag om 07:00 en 17:30',
  ],
  [
    'mondays and thursdays at 07:30',
    'chaque lundi et jeudi à 07:30',
    'op maandag en donderdag om 07:30',
  ],
  [
    'on the 1st and 15th at 06:00',
    'le 1er et le 15 du mois à 06:00',
    'op de 1e en 15e van de maand om 06:00',
  ],
  [
    'on the 1st, 15th and last day of the month at 6',
    'le 1er, le 15 et le dernier jour du mois à 06:00',
    'op de 1e, 15e en laatste dag van de maand om 06:00',
  ],
  [
    'first monday of the month at 09:00',
    'le premier lundi du mois à 09:00',
    'de eerste maandag van de maand om 09:00',
  ],
  [
    'last friday of the month at 17:00 in Europe/Brussels',
    'le dernier vendredi du mois à 17:00 (Europe/Brussels)',
    'de laatste vrijdag van de maand om 17:00 (Europe/Brussels)',
  ],
];

describe('describeScheduleIn', () => {
  it.each(cases)('“%s” in French and Dutch', (text, fr, nl) => {
    const schedule = parseSchedule(text);
    expect(describeScheduleIn(schedule, 'fr')).toBe(fr);
    expect(describeScheduleIn(schedule, 'nl')).toBe(nl);
    expect(parseSchedule(describeScheduleIn(schedule, 'en'))).toEqual(schedule);
  });
});
