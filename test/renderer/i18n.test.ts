import { describe, expect, it } from 'vitest';
import { en } from '../../src-core/words/en';
import { fr } from '../../src-core/words/fr';
import { nl } from '../../src-core/words/nl';
import { createI18n, languageForLocale } from '../../src-renderer/src/i18n/i18n';

const placeholders = (message: unknown): string[] => {
  const texts =
    typeof message === 'string' ? [message] : Object.values(message as Record<string, string>);
  return [
    ...new Set(texts.flatMap(text => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]!))),
  ].sort();
};

// The catalogues: every language says the same things with the same blanks to fill.
describe('i18n catalogues', () => {
  it('gives French and Dutch the same keys and placeholders as English', () => {
    for (const [name, catalogue] of Object.entries({ fr, nl })) {
      expect(Object.keys(catalogue).sort(), name).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as Array<keyof typeof en>) {
        expect(placeholders(catalogue[key]), `${name} ${key}`).toEqual(placeholders(en[key]));
        expect(typeof catalogue[key], `${name} ${key}`).toBe(typeof en[key]);
      }
    }
  });

  it('picks the language from the system locale and formats numbers and plurals for it', () => {
    expect(languageForLocale('fr-BE')).toBe('fr');
    expect(languageForLocale('nl_NL')).toBe('nl');
    expect(languageForLocale('de-DE')).toBe('en');
    const french = createI18n('fr', 'fr-BE');
    expect(french.t('preview.rows', { count: 1_000_000 })).toBe('1\u202f000\u202f000 lignes');
    expect(french.t('preview.rows', { count: 1 })).toBe('1 ligne');
    const dutch = createI18n('nl', 'fr-BE');
    expect(dutch.locale).toBe('nl');
    expect(dutch.t('issue.email.invalid', { count: 12 })).toBe(
      '12 e-mailadressen zijn niet geldig'
    );
    expect(createI18n('en', 'en-GB').t('issue.email.invalid', { count: 1 })).toBe(
      '1 e-mail address is not valid'
    );
  });
});
