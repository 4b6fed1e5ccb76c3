import { describe, expect, it } from 'vitest';
import { dateToIso, formatNumber, generalNumber, isDateFormat, serialToIso } from '../../../src-core/reading/cell-text';

describe('workbook cells as the user sees them', () => {
  it('writes dates as ISO 8601, with a time only when there is one', () => {
    expect(dateToIso(new Date(Date.UTC(2026, 10, 20)))).toBe('2026-11-20');
    expect(dateToIso(new Date(Date.UTC(2026, 10, 20, 14, 5)))).toBe('2026-11-20T14:05:00');
    expect(dateToIso(new Date(Date.UTC(2026, 10, 20, 14, 4, 59, 999)))).toBe('2026-11-20T14:05:00');
  });

  it('converts Excel serials in both date systems, around the phantom 1900-02-29', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(46346)).toBe('2026-11-20');
    expect(serialToIso(46346.5868055556)).toBe('2026-11-20T14:05:00');
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(0.5, false, true)).toBe('12:00:00');
  });

  it('keeps long ids and shows General numbers like Excel does (15 digits)', () => {
    expect(generalNumber(1234567890123)).toBe('1234567890123');
    expect(generalNumber(0.1 + 0.2)).toBe('0.3');
    expect(generalNumber(-42)).toBe('-42');
    expect(formatNumber(32475123456, 'General')).toBe('32475123456');
  });

  it('applies the number formats contact exports use', () => {
    expect(formatNumber(1234, '00000')).toBe('01234');
    expect(formatNumber(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatNumber(0.256, '0.0%')).toBe('25.6%');
    expect(formatNumber(-5, '0.00')).toBe('-5.00');
    expect(formatNumber(-5, '0.00;(0.00)')).toBe('(5.00)');
    expect(formatNumber(12345.678, '"€ "#,##0.00')).toBe('€ 12,345.68');
    expect(formatNumber(12345, '0.00E+00')).toBe('1.23E+04');
    expect(formatNumber(46346, 'yyyy-mm-dd')).toBe('2026-11-20');
    expect(formatNumber(46346, 'd/m/yy')).toBe('2026-11-20');
    expect(formatNumber(0.75, 'h:mm')).toBe('18:00:00');
    expect(formatNumber(7, '@')).toBe('7');
  });

  it('tells date formats from number formats', () => {
    expect(isDateFormat('dd/mm/yyyy hh:mm')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('[Red]#,##0.00')).toBe(false);
    expect(isDateFormat('"days "0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });
});
