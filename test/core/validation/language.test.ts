import { describe, expect, it } from 'vitest';
import { isLanguageCode, languageName, normaliseLanguage } from '../../../src-core/validation/language';
import { iso639 } from '../../../src-core/validation/iso639-table';

describe('ISO 639-1 languages', () => {
  it('knows all 184 two-letter codes', () => {
    expect(Object.keys(iso639)).toHaveLength(184);
    expect(isLanguageCode('nl')).toBe(true);
    expect(isLanguageCode('EN')).toBe(true);
    expect(isLanguageCode('xx')).toBe(false);
  });

  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['en-GB', 'en'],
    ['en_US', 'en'],
    ['nl_BE', 'nl'],
    ['fr-BE', 'fr'],
    ['zh-Hant-TW', 'zh'],
    ['English', 'en'],
    ['Français', 'fr'],
    ['francais', 'fr'],
    ['Frans', 'fr'],
    ['Nederlands', 'nl'],
    ['Vlaams', 'nl'],
    ['Néerlandais', 'nl'],
    ['Deutsch', 'de'],
    ['Duits', 'de'],
    ['Allemand', 'de'],
    ['Español', 'es'],
    ['Italiano', 'it'],
    ['Greek', 'el'],
    ['fra', 'fr'],
    ['dut', 'nl'],
    ['GER', 'de'],
    [' nl ', 'nl'],
  ])('%s → %s', (value, code) => {
    expect(normaliseLanguage(value)).toBe(code);
  });

  it.each(['Klingon', 'xx', 'e', 'English please', '12', '', 'xx-GB'])('does not recognise %j', value => {
    expect(normaliseLanguage(value)).toBeNull();
  });

  it('names languages in messages', () => {
    expect(languageName('fr')).toBe('French');
    expect(languageName('el')).toBe('Greek, Modern');
  });
});
