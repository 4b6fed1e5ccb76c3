import { describe, expect, it } from 'vitest';
import { emailProblemOf, isEmail } from '../../../src-core/validation/email';
import { createI18n } from '../../../src-core/words/i18n';

const english = createI18n('en', 'en');
/** The problem as the person reads it (the catalogue's English); null for a valid address. */
const emailProblem = (value: string) => {
  const problem = emailProblemOf(value);
  return problem && english.t(`sentence.email.problem.${problem.kind}`, { character: problem.character });
};

describe('e-mail syntax', () => {
  it.each([
    'wendy@hellocustomer.com',
    'pierre.dupont@mygmail.com',
    'jan.de.vos+nps@example.be',
    "o'brien@example.co.uk",
    'info@müller.de',
    'contact@société-générale.fr',
    'élodie.françois@exemple.fr',
    'user@xn--mller-kva.de',
    'a_b-c@sub.domain.example.org',
  ])('accepts %s', value => {
    expect(emailProblem(value)).toBeNull();
    expect(isEmail(value)).toBe(true);
  });

  it.each([
    ['jan@@example.com', 'more than one @'],
    ['jan@example@com', 'more than one @'],
    ['jan.example.com', 'no @'],
    ['jan @example.com', 'space'],
    ['jan@example', 'no dot'],
    ['@example.com', 'before the @'],
    ['jan@', 'after the @'],
    ['.jan@example.com', 'misplaced dot'],
    ['jan..peeters@example.com', 'misplaced dot'],
    ['jan@example..com', 'misplaced dot'],
    ['jan@-example.com', 'hyphen'],
    ['jan@example.c', 'too short'],
    ['jan@example.123', 'number'],
    ['jan(at)example.com', 'no @'],
    ['jan@exa_mple.com', '“_”'],
    ['"jan"@example.com', '“"”'],
    [`${'a'.repeat(65)}@example.com`, '64'],
  ])('refuses %s (%s)', (value, why) => {
    const problem = emailProblem(value);
    expect(problem).not.toBeNull();
    expect(problem).toContain(why);
  });
});
