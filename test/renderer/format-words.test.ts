import { describe, expect, it } from 'vitest';
import type { DetectedFormat } from '../../src-core/reading/source-table';
import { formatInWords } from '../../src-core/words/format-words';
import { createI18n } from '../../src-renderer/src/i18n/i18n';

/** The preview's format-in-words line says when a workbook's macros were ignored. */
describe('format in words', () => {
  const macroBook: DetectedFormat = {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheet: 'Data',
    sheets: ['Data'],
    headerRow: 1,
    notes: ['macros-ignored'],
  };

  it.each([
    [
      'en',
      'en-GB',
      'Excel workbook, sheet “Data”, header on row 1, macros ignored (only the data was read)',
    ],
    [
      'fr',
      'fr-BE',
      'Classeur Excel, feuille « Data », en-tête à la ligne 1 de la feuille, macros ignorées (seules les données ont été lues)',
    ],
    [
      'nl',
      'nl-BE',
      'Excel-werkmap, werkblad „Data”, kopregel op rij 1, macro’s genegeerd (alleen de gegevens zijn gelezen)',
    ],
  ] as const)('%s: a macro-enabled workbook', (language, locale, words) => {
    expect(formatInWords(macroBook, createI18n(language, locale).t)).toBe(words);
  });

  it('says nothing of macros for a workbook without', () => {
    const { notes: _notes, ...plain } = macroBook;
    expect(formatInWords(plain, createI18n('en', 'en-GB').t)).toBe(
      'Excel workbook, sheet “Data”, header on row 1'
    );
  });
});
