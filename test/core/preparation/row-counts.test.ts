import { describe, expect, it } from 'vitest';
import { rowCounts } from '../../../src-core/preparation/row-counts';
import { valueAsSent } from '../../../src-core/preparation/value-as-sent';
import { destination, prepare, text } from './helpers';

const d = destination({
  columns: [
    { name: 'Email', rule: 'email', required: true },
    { name: 'Language', rule: 'language', letterCase: 'upper' },
    { name: 'Phone', rule: 'phone' },
    { name: 'Segment', allowedValues: ['Gold', 'Silver'] },
    { name: 'Note' },
  ],
  duplicates: 'leave-out',
  duplicateKey: ['Email'],
  phoneCountry: 'BE',
  output: { delimiter: ';', quoting: 'never', encoding: 'utf-8', lineEnding: 'lf' },
});
const header = ['Email', 'Language', 'Phone', 'Segment', 'Note'];
const data = [
  ['an@example.be', 'fr', '0473 89 32 57', 'gold', '=1+1'],
  ['bo@example.be', ' Nederlands ', '+32 2 345 67 89', 'SILVER', 'x'],
  ['not an address', 'xx', '', '', ''],
  ['an@example.be', 'en', '', '', ''],
  ['cy@example.be', 'EN', '', '', ''],
];

describe('rowCounts', () => {
  it('puts every row in one group: nothing is left out before the person leaves something out', () => {
    const result = prepare(d, header, data);
    expect(rowCounts(result, false)).toEqual({
      rows: 5,
      ready: 3,
      withProblem: 1,
      leftOut: 1,
      leftOutByYou: 0,
      duplicatesLeftOut: 1,
    });
  });

  it('moves the rows with a problem to "left out" once the person leaves them out, by hand or all at once', () => {
    const byHand = prepare(d, header, data, { fixes: [{ kind: 'exclude-row', row: 4 }] });
    expect(rowCounts(byHand, false)).toMatchObject({
      ready: 2,
      withProblem: 1,
      leftOut: 2,
      leftOutByYou: 1,
    });
    const all = prepare(d, header, data, { excludeInvalid: true });
    const counts = rowCounts(all, true);
    expect(counts).toMatchObject({
      ready: 3,
      withProblem: 0,
      leftOut: 2,
      leftOutByYou: 1,
      duplicatesLeftOut: 1,
    });
    expect(counts.ready + counts.withProblem + counts.leftOut).toBe(counts.rows);
  });
});

describe('valueAsSent', () => {
  it('is what the file holds, value for value (FR, not fr)', () => {
    const result = prepare(d, header, data);
    const written = text(result, d)
      .trim()
      .split('\n')
      .slice(1)
      .map(l => l.split(';'));
    const rules = { phoneCountry: d.phoneCountry, neutraliseFormulas: d.neutraliseFormulas };
    const shown = [data[0]!, data[1]!, data[4]!].map(r =>
      r.map((v, c) => valueAsSent(d.columns[c]!, v, rules))
    );
    expect(shown).toEqual(written);
    expect(shown[0]!.slice(0, 4)).toEqual(['an@example.be', 'FR', '+32473893257', 'Gold']);
  });

  it('leaves a value the rule refuses as it is', () => {
    const rules = { phoneCountry: 'BE', neutraliseFormulas: true };
    expect(valueAsSent(d.columns[1]!, 'xx', rules)).toBe('xx');
    expect(valueAsSent(d.columns[2]!, '12', rules)).toBe('12');
    expect(valueAsSent(d.columns[3]!, 'Bronze', rules)).toBe('Bronze');
  });
});
