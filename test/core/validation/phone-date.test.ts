import { describe, expect, it } from 'vitest';
import { checkPhone } from '../../../src-core/validation/phone';
import { formatDate, parseDate } from '../../../src-core/validation/date';

describe('phone numbers', () => {
  it.each([
    ['0470 12 34 56', 'BE', '+32470123456'],
    ['+32 470 12 34 56', 'BE', '+32470123456'],
    ['0032 470/12.34.56', 'BE', '+32470123456'],
    ['+32 (0)470 12 34 56', 'BE', '+32470123456'],
    ['02 555 12 12', 'BE', '+3225551212'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['05.80.99.90.68', 'FR', '+33580999068'],
    ['+33 1 42 68 53 00', 'BE', '+33142685300'],
    ['06 12345678', 'NL', '+31612345678'],
    ['020 794 0111', 'NL', '+31207940111'],
    ['+31 6 12345678', 'BE', '+31612345678'],
  ])('%s in %s is valid: %s', (value, country, international) => {
    expect(checkPhone(value, country)).toEqual(expect.objectContaining({ valid: true, international }));
  });

  it('says what a number would be in a neighbouring country', () => {
    expect(checkPhone('06 12 34 56 78', 'BE')).toEqual({ valid: false, elsewhere: { country: 'FR', international: '+33612345678' } });
  });

  it.each(['12', '0470 12', 'n/a', 'unknown', '+32 470 12 34 56 78 90', '00000000'])('%s is not valid', value => {
    expect(checkPhone(value, 'BE').valid).toBe(false);
  });
});

describe('dates', () => {
  it('reads and writes the destination format', () => {
    expect(parseDate('20/11/2026', 'DD/MM/YYYY')).toEqual({ year: 2026, month: 11, day: 20, hour: 0, minute: 0, second: 0 });
    expect(parseDate('2026-11-20', 'DD/MM/YYYY')).toBeNull();
    expect(parseDate('31/04/2026', 'DD/MM/YYYY')).toBeNull();
    expect(parseDate('29/02/2024', 'DD/MM/YYYY')).not.toBeNull();
    expect(parseDate('29/02/2026', 'DD/MM/YYYY')).toBeNull();
    expect(parseDate('2026-11-20T14:05:00', 'YYYY-MM-DDTHH:mm:ss')?.hour).toBe(14);
    expect(parseDate('2026.11.20', 'YYYY-MM-DD')).toBeNull();
    expect(formatDate(parseDate('1/2/2026', 'D/M/YYYY')!, 'YYYY-MM-DD')).toBe('2026-02-01');
  });
});
