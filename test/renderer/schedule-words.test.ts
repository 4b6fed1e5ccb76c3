import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src-core/schedule/parse-schedule';
import { ScheduleError } from '../../src-core/schedule/schedule-error';
import { en } from '../../src-renderer/src/i18n/en';
import { fr } from '../../src-renderer/src/i18n/fr';
import { nl } from '../../src-renderer/src/i18n/nl';
import { createI18n } from '../../src-renderer/src/i18n/i18n';
import { readSchedule } from '../../src-renderer/src/screens/schedule-field';

/** The quoted examples of a message, in each language's quotation marks. */
const quoted = (text: string): string[] =>
  [...text.matchAll(/“([^”]+)”|« ([^»]+) »|„([^”]+)”/g)].map(m => (m[1] ?? m[2] ?? m[3])!);

// The schedule words the app shows: every example it offers is one Courier understands.
describe('schedule words in the catalogues', () => {
  it.each([
    ['en', en],
    ['fr', fr],
    ['nl', nl],
  ] as const)('%s: the hint and the error examples all parse', (_language, catalogue) => {
    const examples = [
      ...quoted(catalogue['schedule.hint'] as string),
      ...quoted(catalogue['schedule.error.not-understood'] as string).slice(1),
      ...quoted(catalogue['schedule.error.time-with-interval'] as string).slice(1),
      ...quoted(catalogue['schedule.error.too-many-per-day'] as string),
      ...Object.values(catalogue['schedule.error.count-mismatch']).flatMap(m => quoted(m).slice(1)),
    ];
    expect(examples.length).toBeGreaterThanOrEqual(12);
    for (const example of examples) expect(() => parseSchedule(example), example).not.toThrow();
  });

  it('says why a schedule is refused in the interface language, with what works', () => {
    const french = createI18n('fr', 'fr-BE');
    expect(readSchedule('quand vous voulez', french.t)).toEqual({
      schedule: null,
      error: expect.stringMatching(
        /^Courier n’a pas compris « quand vous voulez »\. Écrivez par exemple « tous les soirs à 22h »/
      ),
    });
    expect(readSchedule('le dernier jour du mois', french.t).error).toBe(
      'Précisez l’heure, par exemple « le dernier jour du mois à 02:00 ».'
    );
    const dutch = createI18n('nl', 'nl-BE');
    expect(readSchedule('elke dag om 25 uur', dutch.t).error).toBe(
      '„25 uur” is geen tijdstip van de dag: uren lopen van 0 tot 23 en minuten van 00 tot 59.'
    );
    expect(readSchedule('3 keer per dag om 8 uur', dutch.t).error).toMatch(
      /^„3 keer per dag om 8 uur” zegt 3 keer per dag: geef 3 tijdstippen/
    );
    expect(readSchedule('every day at 7', french.t).schedule).toEqual(
      parseSchedule('every day at 07:00')
    );
    expect(() => parseSchedule('quand vous voulez')).toThrow(ScheduleError);
  });
});
