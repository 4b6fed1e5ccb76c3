import { describe, expect, it } from 'vitest';
import { parseDestination, type Destination } from '../../../src-core/destinations/destination';
import {
  applyDigitaleoOptions,
  destinationFromPreset,
  presets,
} from '../../../src-core/destinations/presets';
import { dummyTable, prepareDummyData } from '../../../src-core/output/dummy-data';
import { checkPhone } from '../../../src-core/validation/phone';

/** Dummy data passes the destination's own validation with zero issues, whatever its settings. */
const NOW = new Date('2026-12-02T10:00:00');
const withVariables = (d: Destination): Destination => ({
  ...d,
  variables: { ...d.variables, touchpoint: 'NPS', list: 'Clients' },
});

const variants: Array<[string, Destination]> = [
  ...presets.map(p => [p.id, withVariables(p.destination)] as [string, Destination]),
  [
    'digitaleo by reference, multi-account',
    applyDigitaleoOptions(destinationFromPreset('digitaleo'), {
      uniqueness: 'reference',
      multiAccount: true,
    }),
  ],
  [
    'digitaleo opt-out SMS',
    applyDigitaleoOptions(destinationFromPreset('digitaleo'), { action: 'optoutSMS' }),
  ],
  [
    'a hand-made destination: allowed values, fixed value, Dutch numbers, windows-1252, no quotes',
    parseDestination({
      version: 1,
      name: 'Hand made',
      phoneCountry: 'NL',
      columns: [
        { name: 'Klantnummer', required: true, rule: 'reference' },
        { name: 'E-mail', required: true, rule: 'email' },
        { name: 'Telefoon', required: true, rule: 'phone' },
        { name: 'Taal', rule: 'language', letterCase: 'upper' },
        { name: 'Segment', required: true, allowedValues: ['Goud', 'Zilver', 'Brons'] },
        { name: 'Bedrag', rule: 'number' },
        { name: 'Geboren', rule: 'date', dateFormat: 'DD-MM-YYYY' },
        { name: 'Account', required: true, fixedValue: 'ACME' },
        { name: 'Postcode', required: true },
        { name: 'Stad' },
      ],
      output: { delimiter: ';', quoting: 'never', encoding: 'windows-1252' },
      duplicateKey: ['E-mail', 'Telefoon'],
      duplicates: 'leave-out',
    }),
  ],
  ...(['GB', 'US', 'DE', 'FR', 'LU', 'CH'] as const).map(
    country =>
      [
        `generic with a phone column in ${country}`,
        parseDestination({
          ...destinationFromPreset('generic'),
          phoneCountry: country,
          columns: [
            { name: 'Email', required: true, rule: 'email' },
            { name: 'Phone', required: true, rule: 'phone' },
          ],
          duplicateKey: ['Phone'],
          duplicates: 'leave-out',
        }),
      ] as [string, Destination]
  ),
];

describe('dummy data', () => {
  for (const [label, destination] of variants) {
    it(`${label}: 200 rows, zero issues, every row written`, () => {
      const result = prepareDummyData(destination, 200, { now: NOW });
      expect(result.issues).toEqual([]);
      expect(result.writtenRowCount).toBe(200);
      expect(result.files.length).toBeGreaterThan(0);
    });
  }

  it('invents people: e-mail addresses only at example.com / example.org, phones valid in the country, allowed values only', () => {
    const d = variants.find(([label]) => label.startsWith('a hand-made'))![1];
    const table = dummyTable(d, 50, 3);
    expect(table.columns).toEqual(d.columns.map(c => c.name));
    for (const row of table.rows) {
      expect(row[1]).toMatch(/^[a-z]+\.[a-z]+\.\d+@example\.(com|org)$/);
      expect(checkPhone(row[2]!, 'NL')).toMatchObject({ valid: true, country: 'NL' });
      expect(['Goud', 'Zilver', 'Brons']).toContain(row[4]);
      expect(row[7]).toBe('ACME');
    }
    expect(new Set(table.rows.map(r => r[2])).size).toBe(50);
  });

  it('is deterministic with a seed', () => {
    const d = withVariables(destinationFromPreset('hello-customer'));
    expect(dummyTable(d, 20, 42)).toEqual(dummyTable(d, 20, 42));
    expect(dummyTable(d, 20, 42)).not.toEqual(dummyTable(d, 20, 43));
  });
});
