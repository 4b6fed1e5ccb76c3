import { describe, expect, it } from 'vitest';
import { issueCodes } from '../../src-core/validation/issues';
import { issueTitleKey } from '../../src-renderer/src/issue-titles';
import { createI18n } from '../../src-renderer/src/i18n/i18n';
import { en } from '../../src-core/words/en';
import { fr } from '../../src-core/words/fr';
import { nl } from '../../src-core/words/nl';

const catalogues = { en, fr, nl } as const;
const textOf = (message: unknown): string =>
  typeof message === 'string' ? message : JSON.stringify(message ?? '');

// Every issue code has a Review card title (with its help line), a History label and a
// translation: a new code without them fails here instead of showing `issue.some.code`.
describe('every issue code is said in words', () => {
  for (const code of Object.keys(issueCodes)) {
    it(`${code}: card title, help line and History label in EN, FR and NL`, () => {
      const key = issueTitleKey(code);
      expect(key, `${code} has no card title`).toBe(`issue.${code}`);
      for (const [language, messages] of Object.entries(catalogues)) {
        const all = messages as Record<string, unknown>;
        expect(all[key!], `${language} ${key}`).toBeDefined();
        expect(all[`${key}.help`], `${language} ${key}.help`).toBeDefined();
        if (language !== 'en') {
          expect(textOf(all[key!]), `${language} ${key} is not translated`).not.toBe(
            textOf(en[key!])
          );
        }
        // What History shows: the label with its count, never the raw key.
        const i18n = createI18n(language as 'en', language === 'en' ? 'en-GB' : `${language}-BE`);
        const label = i18n.t(key!, { count: 2 });
        expect(label).toContain('2');
        expect(label).not.toContain('issue.');
      }
    });
  }

  it('a code this Courier does not know has no title (its sentence is shown instead)', () => {
    expect(issueTitleKey('future.code')).toBeNull();
    expect(issueTitleKey('toString')).toBeNull();
  });
});
