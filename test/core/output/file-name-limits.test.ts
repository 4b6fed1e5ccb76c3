import { describe, expect, it } from 'vitest';
import {
  fileNames,
  MAX_NAME_BYTES,
  renderFileName,
  sanitiseFileName,
  utf8Length,
} from '../../../src-core/output/file-name';
import { prepare, destination } from '../preparation/helpers';

// Issue 13, item 9: hostile file-name templates.
const NOW = new Date(2026, 0, 5, 7, 8, 9);
const render = (template: string, variables: Record<string, string> = {}, counter = 1) =>
  renderFileName(template, { now: NOW, counter, variables });

describe('file-name templates', () => {
  it('looks up variables among the destination’s own only: {constructor}, {toString}, {__proto__} are plain names', () => {
    expect(render('{constructor}.csv')).toBe('constructor.csv');
    expect(render('{toString}_{hasOwnProperty}.csv')).toBe('toString_hasOwnProperty.csv');
    expect(render('{__proto__}.csv')).toBe('__proto__.csv');
    expect(render('{valueOf}.csv', { touchpoint: 'x' })).toBe('valueOf.csv');
    // A variable really called so is still used.
    expect(render('{constructor}.csv', { constructor: 'builder' })).toBe('builder.csv');
    // Through a whole preparation, as a saved destination gives it.
    const d = destination({
      columns: [{ name: 'Email' }],
      fileName: '{constructor}_{__proto__}.csv',
    });
    expect(prepare(d, ['Email'], [['a@example.com']]).files[0]!.name).toBe(
      'constructor___proto__.csv'
    );
  });

  it('bounds the counter width: {counter:1000000000} is 9 digits at most, not gigabytes', () => {
    expect(render('{counter:1000000000}.csv', {}, 7)).toBe('000000007.csv');
    expect(render('{counter:3}.csv', {}, 7)).toBe('007.csv');
    expect(render('{counter:-5}_{counter:abc}_{counter:2.5}.csv', {}, 7)).toBe('7_7_7.csv');
    expect(fileNames('{counter:99999999999}.csv', 2, { now: NOW, variables: {} })).toEqual([
      '000000001.csv',
      '000000002.csv',
    ]);
  });

  it('limits a name in bytes, not characters: long CJK names fit every file system, the extension kept', () => {
    const cjk = '顧客満足度調査'.repeat(30); // 210 characters, 630 bytes
    const name = render('{survey}_{date}.csv', { survey: cjk });
    expect(utf8Length(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(Buffer.byteLength(name, 'utf8')).toBe(utf8Length(name));
    expect(name.endsWith('.csv')).toBe(true);
    expect(name.startsWith('顧客満足度調査')).toBe(true);
    // Never split between the halves of a character outside the BMP.
    const emoji = sanitiseFileName(`${'😀'.repeat(100)}.csv`);
    expect(utf8Length(emoji)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(emoji).toMatch(/^(😀)+\.csv$/u);
    // The temporary upload name and a `_2` still fit in 255 bytes.
    expect(utf8Length(`.${name}.0123abcd.part`) + 3).toBeLessThanOrEqual(255);
    // An ASCII name of 180 characters is kept whole, as before.
    const ascii = `${'a'.repeat(176)}.csv`;
    expect(sanitiseFileName(ascii)).toBe(ascii);
  });

  it('applies Windows’ full reserved-name rules', () => {
    for (const name of [
      'CON .csv',
      'con.csv',
      'CONIN$.csv',
      'conout$.txt',
      'CLOCK$.csv',
      'COM¹.csv',
      'COM².csv',
      'LPT³.csv',
      'COM0.csv',
      'LPT9.csv',
      'NUL.tar.gz',
      'AUX',
      'PRN  .csv',
      'CON\u00a0.csv',
    ])
      expect(sanitiseFileName(name).startsWith('_'), name).toBe(true);
    for (const name of [
      'CONTACTS.csv',
      'console.csv',
      'COM10.csv',
      'LPT¹0.csv',
      'aux-list.csv',
      'my CON.csv',
    ])
      expect(sanitiseFileName(name), name).toBe(name);
  });
});
