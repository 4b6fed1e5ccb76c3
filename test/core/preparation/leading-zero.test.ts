import { describe, expect, it } from 'vitest';
import { lostLeadingZero } from '../../../src-core/validation/phone';
import { applyColumnFix, describeFix } from '../../../src-core/fixes/fix';
import { parseFixes } from '../../../src-core/fixes/fix-schema';
import { codes, destination, prepare, text } from './helpers';

// Excel stores a phone column typed as numbers and drops the 0 in front: 0473 89 32 57 becomes
// 473893257. Courier recognises such numbers for the destination's country, says so, and
// offers to put the 0 back.
describe('phone numbers that lost their leading 0', () => {
  it('recognises digits-only numbers whose form with a 0 is a number of the country', () => {
    expect(lostLeadingZero('473893257', 'BE')).toBe('0473893257');
    expect(lostLeadingZero('23456789', 'BE')).toBe('023456789');
    expect(lostLeadingZero('612345678', 'FR')).toBe('0612345678');
    expect(lostLeadingZero('612345678', 'NL')).toBe('0612345678');
  });

  it('leaves alone what was typed as text, or is not a number of the country', () => {
    expect(lostLeadingZero('0473893257', 'BE')).toBeNull();
    expect(lostLeadingZero('+32473893257', 'BE')).toBeNull();
    expect(lostLeadingZero('32473893257', 'BE')).toBeNull();
    expect(lostLeadingZero('473 89 32 57', 'BE')).toBeNull();
    expect(lostLeadingZero('12345', 'BE')).toBeNull();
    expect(lostLeadingZero('Ann', 'BE')).toBeNull();
  });

  it('counts them in the review of a workbook column, one warning per number, rows still sent', () => {
    const d = destination({
      columns: [
        { name: 'Email', rule: 'email' },
        { name: 'Mobile', rule: 'phone' },
      ],
      phoneCountry: 'BE',
    });
    const data = [
      ['a@example.be', '473893257'],
      ['b@example.be', '0470 12 34 56'],
      ['c@example.be', '471234567'],
      ['d@example.be', '+32 2 512 34 56'],
    ];
    const r = prepare(d, ['Email', 'Mobile'], data);
    expect(codes(r)).toEqual(['0:Mobile:phone.leading-zero', '2:Mobile:phone.leading-zero']);
    expect(r.summary['phone.leading-zero']).toBe(2);
    expect(r.writtenRowCount).toBe(4);
    expect(text(r, d)).toBe(
      'Email,Mobile\r\na@example.be,+32473893257\r\nb@example.be,+32470123456\r\nc@example.be,+32471234567\r\nd@example.be,+3225123456\r\n'
    );
  });

  it('the fix puts the 0 back (a replayable column fix): no warning is left, the file is the same', () => {
    const d = destination({ columns: [{ name: 'Mobile', rule: 'phone' }], phoneCountry: 'BE' });
    const fixes = parseFixes([{ kind: 'restore-leading-zero', column: 'Mobile' }]);
    const before = prepare(d, ['Mobile'], [['473893257'], ['0470123456']]);
    const after = prepare(d, ['Mobile'], [['473893257'], ['0470123456']], { fixes });
    expect(after.issues).toEqual([]);
    expect(text(after, d)).toBe(text(before, d));
    expect(applyColumnFix(fixes[0] as never, '473893257', 'BE')).toBe('0473893257');
    expect(applyColumnFix(fixes[0] as never, '0470123456', 'BE')).toBe('0470123456');
    expect(describeFix(fixes[0]!)).toBe('Put back the leading 0 of the phone numbers in Mobile');
  });
});
