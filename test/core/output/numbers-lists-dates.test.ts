import { describe, expect, it } from 'vitest';
import { destination, prepare, text } from '../preparation/helpers';
import { numberWith } from '../../../src-core/output/number-text';
import { instantOf, isTimeZone } from '../../../src-core/output/time-zone';
import { parseDestination } from '../../../src-core/destinations/destination';
import { englishIssueText } from '../../../src-core/words/issue-text';

// BlueConic's connection settings (issue 16): decimal separator, multi-value separator, date
// format and time zone, applied to every row whatever the source wrote.
describe('numbers with the destination’s decimal separator', () => {
  it('reads either convention and writes one', () => {
    expect(numberWith('3.5', ',')).toBe('3,5');
    expect(numberWith('3,5', '.')).toBe('3.5');
    expect(numberWith('-12', ',')).toBe('-12');
    expect(numberWith('1.234,56', '.')).toBe('1234.56');
    expect(numberWith('1,234.56', ',')).toBe('1234,56');
    expect(numberWith('1.234.567', '.')).toBe('1234567');
    expect(numberWith('1 234,5', '.')).toBe('1234.5');
    for (const bad of ['12a', '1.2.3,4', '3,5,', '', '.5', '1.234.5', '1,234,5.6.7', '--1'])
      expect(numberWith(bad, '.'), bad).toBeNull();
  });

  it('one file never mixes 3.5 and 3,5; a value that is no number is a row issue', () => {
    const d = destination({
      columns: [{ name: 'Id' }, { name: 'Score', rule: 'number' }],
      output: { decimal: ',', delimiter: ';' },
    });
    const r = prepare(
      d,
      ['Id', 'Score'],
      [
        ['1', '3.5'],
        ['2', '3,5'],
        ['3', '7'],
        ['4', 'lots'],
      ],
      { excludeInvalid: true }
    );
    expect(text(r, d)).toBe('Id;Score\r\n1;3,5\r\n2;3,5\r\n3;7\r\n');
    expect(r.issues.map(i => `${i.sourceLine}:${i.code}`)).toEqual(['5:number.invalid']);
    const dot = destination({ columns: [{ name: 'Score', rule: 'number' }] });
    expect(text(prepare(dot, ['Score'], [['3,5'], ['2.25']]), dot)).toBe(
      'Score\r\n3.5\r\n2.25\r\n'
    );
  });
});

describe('multi-value columns', () => {
  it('splits a source value on the source’s separator and joins with the destination’s, dropping empty items', () => {
    const d = destination({
      columns: [{ name: 'Email' }, { name: 'Interests', multiValue: { sourceSeparator: ',' } }],
      output: { multiValueSeparator: '|' },
    });
    const r = prepare(
      d,
      ['Email', 'Interests'],
      [
        ['a@x.be', 'sports, music,,'],
        ['b@x.be', ''],
        ['c@x.be', ' ,art '],
      ]
    );
    expect(text(r, d)).toBe('Email,Interests\r\na@x.be,sports|music\r\nb@x.be,\r\nc@x.be,art\r\n');
  });

  it('combines several source columns into one', () => {
    const d = destination({
      columns: [{ name: 'Interests', multiValue: { alsoFrom: ['Interest 2', 'Interest 3'] } }],
      output: { multiValueSeparator: '|' },
    });
    const mapping = { Interests: 'Interest 1' };
    const r = prepare(
      d,
      ['Interest 1', 'Interest 2', 'Interest 3'],
      [
        ['sports', '', 'music'],
        ['', 'art', ''],
      ],
      { mapping }
    );
    expect(text(r, d)).toBe('Interests\r\nsports|music\r\nart\r\n');
  });

  it('an item holding the destination’s separator is a row issue, never written', () => {
    const d = destination({
      columns: [{ name: 'Interests', multiValue: { sourceSeparator: ';' } }],
      output: { multiValueSeparator: '|' },
    });
    const r = prepare(d, ['Interests'], [['rock|pop;jazz'], ['jazz']], { excludeInvalid: true });
    expect(r.issues.map(i => englishIssueText(i))).toEqual([
      'Line 2: the item “rock|pop” of Interests contains “|”, which separates the items of this list. Remove or replace it.',
    ]);
    expect(text(r, d)).toBe('Interests\r\njazz\r\n');
  });

  it('a further source column the file lacks is refused in words', () => {
    const d = destination({
      columns: [{ name: 'Interests', multiValue: { alsoFrom: ['Interest 9'] } }],
    });
    expect(() => prepare(d, ['Interests'], [['a']])).toThrow(
      /adds the column “Interest 9” to Interests/
    );
  });
});

describe('date-times in the destination’s format and time zone', () => {
  const d = destination({
    columns: [{ name: 'Seen', rule: 'date' }],
    output: { dateFormat: 'DD/MM/YYYY HH:mm', timeZone: 'UTC', sourceTimeZone: 'Europe/Brussels' },
  });

  it('converts from Brussels to UTC across the spring night (29 March 2026)', () => {
    const r = prepare(
      d,
      ['Seen'],
      [
        ['2026-03-29 01:59'],
        ['2026-03-29 03:00'],
        ['29/03/2026 12:00'],
        ['2026-03-28T23:30:00Z'],
        ['2026-03-29T02:30:00+02:00'],
      ]
    );
    expect(text(r, d)).toBe(
      'Seen\r\n29/03/2026 00:59\r\n29/03/2026 01:00\r\n29/03/2026 10:00\r\n28/03/2026 23:30\r\n29/03/2026 00:30\r\n'
    );
    expect(r.issues).toEqual([]);
  });

  it('a time the clocks skipped is a row issue; a time that happened twice is read as the first, with a warning', () => {
    const r = prepare(
      d,
      ['Seen'],
      [['2026-03-29 02:30'], ['2026-10-25 02:30'], ['2026-10-25 03:00'], ['2026-10-25 01:59']],
      { excludeInvalid: true }
    );
    expect(r.issues.map(i => `${i.sourceLine}:${i.code}`)).toEqual([
      '2:date.time-skipped',
      '3:date.time-twice',
    ]);
    expect(englishIssueText(r.issues[0]!)).toBe(
      'Line 2: “2026-03-29 02:30” never happened in Europe/Brussels: the clocks skipped that hour (daylight saving time began). Check the time.'
    );
    expect(text(r, d)).toBe('Seen\r\n25/10/2026 00:30\r\n25/10/2026 02:00\r\n24/10/2026 23:59\r\n');
  });

  it('writes in the destination’s zone across its own changes (UTC → Brussels)', () => {
    const b = destination({
      columns: [{ name: 'Seen', rule: 'date' }],
      output: {
        dateFormat: 'YYYY-MM-DD HH:mm:ss',
        timeZone: 'Europe/Brussels',
        sourceTimeZone: 'UTC',
      },
    });
    const r = prepare(
      b,
      ['Seen'],
      [
        ['2026-03-29 00:59:59'],
        ['2026-03-29 01:00:00'],
        ['2026-10-25 00:30:00'],
        ['2026-10-25 01:30:00'],
      ]
    );
    expect(text(r, b)).toBe(
      'Seen\r\n2026-03-29 01:59:59\r\n2026-03-29 03:00:00\r\n2026-10-25 02:30:00\r\n2026-10-25 02:30:00\r\n'
    );
  });

  it('without a source zone, the system’s zone is used; without a destination zone, nothing is converted', () => {
    const sys = destination({
      columns: [{ name: 'Seen', rule: 'date' }],
      output: { dateFormat: 'YYYY-MM-DD HH:mm', timeZone: 'UTC' },
    });
    expect(
      text(
        prepare(sys, ['Seen'], [['2026-07-01 12:00']], { systemTimeZone: 'Europe/Brussels' }),
        sys
      )
    ).toBe('Seen\r\n2026-07-01 10:00\r\n');
    const none = destination({
      columns: [{ name: 'Seen', rule: 'date' }],
      output: { dateFormat: 'YYYY-MM-DD HH:mm' },
    });
    const r = prepare(none, ['Seen'], [['2026-07-01 12:00'], ['2026-07-01T12:00']]);
    expect(r.issues.map(i => i.code)).toEqual(['date.invalid']);
  });

  it('knows time zone names and refuses others', () => {
    expect(isTimeZone('Europe/Brussels')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(
      instantOf(
        { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 },
        'Europe/Brussels'
      )
    ).toEqual({ kind: 'skipped' });
    expect(() =>
      parseDestination({
        version: 1,
        name: 'X',
        columns: [{ name: 'A' }],
        output: { timeZone: 'Mars/Olympus' },
      })
    ).toThrow(/time zone/);
  });
});
