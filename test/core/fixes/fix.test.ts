import { describe, expect, it } from 'vitest';
import { applyColumnFix, describeFix, isColumnFix, type Fix } from '../../../src-core/fixes/fix';
import { parseFixes } from '../../../src-core/fixes/fix-schema';

describe('column fixes', () => {
  const apply = (fix: unknown, value: string, country = 'BE') => {
    const [parsed] = parseFixes([fix]);
    if (!parsed || !isColumnFix(parsed)) throw new Error('not a column fix');
    return applyColumnFix(parsed, value, country);
  };

  it('trim collapses inner runs of spaces too', () => {
    expect(apply({ kind: 'trim', column: 'X' }, '  Jan   De  Vos \t')).toBe('Jan De Vos');
  });

  it('lower-case e-mail addresses, accents included', () => {
    expect(apply({ kind: 'lower-case', column: 'X' }, 'Élodie.François@Exemple.FR')).toBe('élodie.françois@exemple.fr');
  });

  it('normalise-language writes codes in the asked case and leaves unknown values', () => {
    expect(apply({ kind: 'normalise-language', column: 'X', letterCase: 'upper' }, 'Français')).toBe('FR');
    expect(apply({ kind: 'normalise-language', column: 'X' }, 'en-GB')).toBe('en');
    expect(apply({ kind: 'normalise-language', column: 'X' }, 'Klingon')).toBe('Klingon');
  });

  it('phone-international uses the fix’s country, else the destination’s', () => {
    expect(apply({ kind: 'phone-international', column: 'X' }, '0470 12 34 56')).toBe('+32470123456');
    expect(apply({ kind: 'phone-international', column: 'X', country: 'NL' }, '06 12345678')).toBe('+31612345678');
    expect(apply({ kind: 'phone-international', column: 'X' }, '06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(apply({ kind: 'phone-international', column: 'X' }, 'unknown')).toBe('unknown');
    expect(apply({ kind: 'phone-international', column: 'X' }, '')).toBe('');
  });

  it('reformat-date only rewrites values in the `from` form', () => {
    expect(apply({ kind: 'reformat-date', column: 'X', from: 'DD/MM/YYYY', to: 'YYYY-MM-DD' }, '20/11/2026')).toBe('2026-11-20');
    expect(apply({ kind: 'reformat-date', column: 'X', from: 'DD/MM/YYYY', to: 'YYYY-MM-DD' }, '2026-11-20')).toBe('2026-11-20');
  });

  it('replace: every occurrence, or whole values only', () => {
    expect(apply({ kind: 'replace', column: 'X', find: ';', replace: ',' }, 'a;b;c')).toBe('a,b,c');
    expect(apply({ kind: 'replace', column: 'X', find: 'Bxl', replace: 'Brussel', wholeValue: true }, 'Bxl')).toBe('Brussel');
    expect(apply({ kind: 'replace', column: 'X', find: 'Bxl', replace: 'Brussel', wholeValue: true }, 'Bxl Centrum')).toBe('Bxl Centrum');
  });

  it('remove-control-characters keeps tabs, line breaks and everything visible', () => {
    expect(apply({ kind: 'remove-control-characters', column: 'X' }, 'Ja\x00n\x1b[0m Pe\teters\x7f')).toBe('Jan[0m Pe\teters');
    expect(describeFix({ kind: 'remove-control-characters', column: 'Name' })).toBe('Remove control characters from Name');
  });

  it('read-as-windows-1252 reads only the bytes that were not UTF-8 (kept by the reader as U+DC00 + byte)', () => {
    expect(apply({ kind: 'read-as-windows-1252', column: 'X' }, 'Zoé Zo\uDCEB \uDC80 💀')).toBe('Zoé Zoë € 💀');
    expect(describeFix({ kind: 'read-as-windows-1252', column: 'Name' })).toContain('Windows-1252');
  });

  it('every fix describes itself in words; bad fixes are refused', () => {
    const fixes: Fix[] = parseFixes([
      { kind: 'edit-cell', row: 4, column: 'Email', value: 'a@b.be' },
      { kind: 'exclude-row', row: 0 },
      { kind: 'exclude-invalid' },
    ]);
    expect(fixes.map(describeFix)).toEqual(['Change Email in row 5 to “a@b.be”', 'Leave out row 1', 'Leave out every row with a problem']);
    expect(() => parseFixes([{ kind: 'replace', column: 'X', find: '', replace: 'y' }])).toThrow();
    expect(() => parseFixes([{ kind: 'edit-cell', row: -1, column: 'X', value: '' }])).toThrow();
  });
});
