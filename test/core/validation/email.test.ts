import { describe, expect, it } from 'vitest';
import { emailProblemOf, isEmail, isPlainAddress } from '../../../src-core/validation/email';
import { createI18n } from '../../../src-core/words/i18n';

const english = createI18n('en', 'en');
/** The problem as the person reads it (the catalogue's English); null for a valid address. */
const emailProblem = (value: string) => {
  const problem = emailProblemOf(value);
  return (
    problem && english.t(`sentence.email.problem.${problem.kind}`, { character: problem.character })
  );
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

describe('the fast path for ordinary addresses', () => {
  // The regular expression the fast path replaced, with its two length rules.
  const FAST =
    /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
  const byRegex = (v: string) => v.length <= 254 && v.indexOf('@') <= 64 && FAST.test(v);

  it('answers as the regular expression did, on edge cases', () => {
    const cases = [
      'a@b.co',
      'a@b.c',
      'a@b',
      '@b.co',
      'a@.co',
      'a@b..co',
      'a.@b.co',
      '.a@b.co',
      'a..b@c.de',
      'a@-b.co',
      'a@b-.co',
      'a@b-c.co',
      'a@b.c0',
      'a@b.co-',
      'a@1.co',
      'a@b.co.',
      'a@@b.co',
      `${'x'.repeat(64)}@b.co`,
      `${'x'.repeat(65)}@b.co`,
      `a@${'b'.repeat(63)}.co`,
      `a@${'b'.repeat(64)}.co`,
      `a@b.${'c'.repeat(63)}`,
      `a@b.${'c'.repeat(64)}`,
      `${'a'.repeat(60)}@${'b.'.repeat(95)}co`,
      'jürgen@b.co',
      'a@bü.co',
      'a b@c.de',
      'a@b.co\n',
      "o'neil+x@mail.example.org",
      'a@b_c.co',
      '',
      '@',
      'a@',
      '"a"@b.co',
    ];
    for (const v of cases) expect([v, isPlainAddress(v)]).toEqual([v, byRegex(v)]);
  });

  it('answers as the regular expression did, on 200,000 random values', () => {
    // Address-shaped values, about half of them then damaged by one character from those that matter.
    let seed = 12345;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pick = (chars: string, n: number) =>
      Array.from({ length: n }, () => chars[random(chars.length)]).join('');
    const local = 'abZ09.-_+!~';
    const label = 'abZ09-';
    const damage = ['a', '0', '-', '.', '@', '_', 'é', ' ', '"', ''];
    let valid = 0;
    for (let k = 0; k < 200_000; k++) {
      const long = k % 100 === 0 ? 70 : 1;
      const labels = Array.from({ length: 1 + random(3) }, () => pick(label, random(8 * long)));
      let v = `${pick(local, random(10 * long))}@${labels.join('.')}.${pick('abZz', random(5 * long))}`;
      if (random(2) === 0) {
        const at = random(v.length + 1);
        v = v.slice(0, at) + damage[random(damage.length)]! + v.slice(at + random(2));
      }
      const expected = byRegex(v);
      if (expected) valid++;
      if (isPlainAddress(v) !== expected) expect([v, isPlainAddress(v)]).toEqual([v, expected]);
    }
    expect(valid).toBeGreaterThan(20_000);
    expect(valid).toBeLessThan(180_000);
  });
});
