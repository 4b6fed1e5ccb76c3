import { describe, expect, it } from 'vitest';
import { errorText } from '../../src-renderer/src/error-text';
import { createI18n } from '../../src-renderer/src/i18n/i18n';
import { notesText } from '../../src-renderer/src/localized-text';
import { presetNotes } from '../../src-core/destinations/preset-notes';
import { CourierError, toPlainError } from '../../src-core/errors';

const en = createI18n('en', 'en-GB');
const fr = createI18n('fr', 'fr-BE');
const nl = createI18n('nl', 'nl-BE');

// An error as the preload rebuilds it from main's answer: an Error with code and params.
const fromMain = (code: string, message: string, params?: Record<string, string | number>) =>
  Object.assign(new Error(message), params ? { code, params } : { code });

describe('errorText', () => {
  it('keeps the main message in English, the most specific one', () => {
    const error = fromMain('read.not-found', 'There is no file at “/data/x.csv”.', { file: '/data/x.csv' });
    expect(errorText(error, en)).toBe('There is no file at “/data/x.csv”.');
  });

  it('names what the error is about in French and Dutch, from the params main sent', () => {
    const error = fromMain('transfer.already-sent', 'This file was already sent…', {
      destination: 'Hello Customer',
      day: '2026-11-20',
      file: 'export_1.csv',
    });
    expect(errorText(error, fr)).toBe(
      'Ce fichier a déjà été envoyé à Hello Customer le 20 novembre 2026 sous le nom « export_1.csv ». Renvoyez-le uniquement si c’est voulu (il recevra un nouveau nom).'
    );
    expect(errorText(error, nl)).toBe(
      'Dit bestand werd al op 20 november 2026 naar Hello Customer verstuurd als „export_1.csv”. Verstuur het alleen opnieuw als dat echt de bedoeling is (het krijgt een nieuwe naam).'
    );
  });

  it('quotes a refused day as it was written', () => {
    const error = fromMain('receipt.bad-day', 'A day is written YYYY-MM-DD.', { day: '2026-13-45' });
    expect(errorText(error, fr)).toBe('Une date s’écrit AAAA-MM-JJ (reçu : « 2026-13-45 »).');
  });

  it('formats number params for the language and picks the plural form', () => {
    const wide = fromMain('read.too-many-columns', '…', { file: 'wide.csv', columns: 2345, max: 2000 });
    expect(errorText(wide, fr)).toBe(
      `« wide.csv » a ${fr.format.number(2345)} colonnes ; Courier en lit au plus ${fr.format.number(2000)}. Vérifiez le séparateur, ou supprimez les colonnes inutiles.`
    );
    expect(errorText(fromMain('send.rows-have-errors', '…', { count: 1 }), nl)).toMatch(/^1 rij heeft een probleem/);
    expect(errorText(fromMain('send.rows-have-errors', '…', { count: 3 }), nl)).toMatch(/^3 rijen hebben problemen/);
  });

  it('says it without the name when the error does not carry it, never showing a {blank}', () => {
    const unnamed = fromMain('destination.not-found', 'No destination was given.');
    expect(errorText(unnamed, fr)).toBe('Cette destination n’existe plus. Choisissez-en une dans la liste.');
    const named = fromMain('destination.not-found', 'There is no destination called “Rennes”.', { name: 'Rennes' });
    expect(errorText(named, nl)).toBe('Er is geen bestemming met de naam „Rennes”. Kies er een uit de lijst.');
    // A name only the screen knows fills the blank too.
    expect(errorText(fromMain('read.empty-file', '…'), fr, { file: 'vide.csv' })).toBe('« vide.csv » est vide.');
    // Without any way to fill it, the English message beats a sentence with a hole in it.
    expect(errorText(fromMain('read.empty-file', 'The file is empty.'), fr)).toBe('The file is empty.');
  });

  it('falls back to the message for a code Courier has no words for, and for plain errors', () => {
    expect(errorText(fromMain('future.thing', 'Something new.'), fr)).toBe('Something new.');
    expect(errorText(new Error('Clipboard refused.'), nl)).toBe('Clipboard refused.');
  });

  it('gets the params of a CourierError thrown in core as they are', () => {
    const error = new CourierError('jobs.folder-missing', 'The watched folder /in does not exist.', {
      params: { folder: '/in' },
    });
    expect(toPlainError(error)).toEqual({ code: 'jobs.folder-missing', message: error.message, params: { folder: '/in' } });
    expect(errorText(toPlainError(error), fr)).toBe(
      'Le dossier surveillé « /in » n’existe pas (ou plus). Vérifiez le dossier source de la tâche.'
    );
  });
});

describe('preset notes', () => {
  it('are translated while they are still the preset’s, and left alone once the user changed them', () => {
    const preset = { presetId: 'customergauge' as const, notes: presetNotes.customergauge };
    expect(notesText(preset, fr.t)).toMatch(/^Chargez le fichier d’exemple de CustomerGauge/);
    expect(notesText(preset, nl.t)).toMatch(/^Laad het voorbeeldbestand van CustomerGauge/);
    expect(notesText(preset, en.t)).toBe(presetNotes.customergauge);
    const own = { presetId: 'customergauge' as const, notes: 'Appeler Marc avant chaque envoi.' };
    expect(notesText(own, nl.t)).toBe('Appeler Marc avant chaque envoi.');
    expect(notesText({ presetId: 'generic', notes: 'Mine.' }, fr.t)).toBe('Mine.');
  });
});
