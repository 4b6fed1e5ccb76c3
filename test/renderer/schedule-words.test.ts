import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src-core/schedule/parse-schedule';
import { ScheduleError } from '../../src-core/schedule/schedule-error';
import { en } from '../../src-core/words/en';
import { fr } from '../../src-core/words/fr';
import { nl } from '../../src-core/words/nl';
import { createI18n } from '../../src-renderer/src/i18n/i18n';
import { nlScheduleWords } from '../../src-core/words/schedule-words-nl';
import { readSchedule, understoodText } from '../../src-renderer/src/screens/schedule-field';

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

describe('schedule words said back to the user', () => {
  const english = createI18n('en', 'en-GB');
  const french = createI18n('fr', 'fr-BE');
  const dutch = createI18n('nl', 'nl-BE');

  it('says at what times “N times a day” runs, so midnight is not a surprise', () => {
    const twice = parseSchedule('deux fois par jour');
    expect(understoodText(twice, french)).toBe('Compris : deux fois par jour, à 00:00 et 12:00');
    expect(understoodText(twice, dutch)).toBe('Begrepen: twee keer per dag, om 00:00 en 12:00');
    expect(understoodText(parseSchedule('3 times a day'), english)).toBe(
      'Understood: 3 times a day, at 00:00, 08:00 and 16:00'
    );
    expect(understoodText(parseSchedule('tous les soirs à 8h'), french)).toBe(
      'Compris : tous les jours à 20:00'
    );
  });

  it('refuses more than 24 times a day in words, without throwing', () => {
    const times = Array.from({ length: 25 }, (_, i) => `${i % 24}h${i < 24 ? '' : '30'}`);
    expect(readSchedule(`tous les jours à ${times.join(', ')}`, french.t)).toEqual({
      schedule: null,
      error: french.t('schedule.error.too-many-per-day'),
    });
  });

  it('says “not understood” when reading fails in an unexpected way, instead of throwing', () => {
    const broken = (): never => {
      throw new TypeError('boom');
    };
    expect(readSchedule('tous les jours à 8h', french.t, broken)).toEqual({
      schedule: null,
      error: expect.stringMatching(/^Courier n’a pas compris « tous les jours à 8h »\./),
    });
  });

  it('quotes the time as the user wrote it, not the words Courier rewrote it to', () => {
    expect(readSchedule('tous les jours à midi 30', french.t).error).toBe(
      '« midi 30 » n’est pas une heure. Écrivez par exemple 22h, 7h30 ou 07:30.'
    );
    expect(readSchedule('tous les jours à 15h du matin', french.t).error).toBe(
      '« 15h du matin » n’est pas une heure : avec « du matin » ou « du soir », l’heure va de 1 à 12.'
    );
  });

  it('says which times a part of the day cannot hold, in each language', () => {
    expect(readSchedule('tous les matins à 15h', french.t).error).toBe(
      '« 15h » n’est pas le matin. Pour une heure de l’après-midi ou du soir, écrivez par exemple « tous les jours à 15h ».'
    );
    expect(readSchedule('elke avond om 12 uur', dutch.t).error).toMatch(
      /^„12 uur” valt niet in de avond\./
    );
    expect(readSchedule('every night at 7', english.t).error).toMatch(/^“7” is not clear at night/);
    // The examples these messages give are understood.
    for (const catalogue of [en, fr, nl])
      for (const key of [
        'schedule.error.not-in-the-morning',
        'schedule.error.not-in-the-evening',
        'schedule.error.not-at-night',
      ] as const)
        for (const example of quoted(catalogue[key] as string).slice(1))
          expect(() => parseSchedule(example), example).not.toThrow();
  });

  it('speaks Dutch with “je”, as the rest of the app does', () => {
    expect(nl['schedule.custom']).toBe('Iets anders, in je eigen woorden');
    expect(nl['schedule.hint']).toContain('Je mag het ook in het Engels of het Frans schrijven.');
    const messages = Object.values(nlScheduleWords).flatMap(m =>
      typeof m === 'string' ? [m] : Object.values(m)
    );
    for (const message of messages) expect(message, message).not.toMatch(/\b(?:u|uw)\b/i);
  });
});
