import { describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { settleDestination } from '../../../src-core/destinations/settle';
import { prepareRows } from '../../../src-core/preparation/prepare';

/**
 * Digitaleo takes what its own documentation shows (seeds: "Digitaleo FTP API", §2.3): the example
 * rows must pass as they are, and the Fax and birth-date columns are never validity criteria.
 */
const rowsOf = (lines: readonly string[]) =>
  lines.map((line, index) => ({ index, line: index + 2, cells: line.split(';') }));
const strip = (s: string) => s.replace(/^"|"$/g, '');

// Verbatim from the vendor's document (trailing spaces and quotes included).
const single = {
  header: ['Référence ', 'Civilité', 'Prénom', 'Nom', 'Email', 'Téléphone Fixe'],
  rows: [
    '123454R;M.;Pierre ;DUPONT ;pierre.dupont@mygmail.com ;0286786589',
    '67676F6;Mme;Sylvie ;MARTIN;sylvie.martin@mygmail.com ;05.80.99.90.68',
    '785645P;M.;Michel ;DURAND ;michel.durand@mygmail.com ;336 90 78 56 90',
  ],
};
const multi = {
  header: ['Référence ', 'Civilité', 'Prénom', 'Nom', 'Email', 'Téléphone Fixe', 'dispatch'],
  rows: [
    '123454R;M.;Pierre ;DUPONT ;pierre.dupont@mygmail.com ;0286786589;"A0201"',
    '67676F6;Mme;Sylvie ;MARTIN;sylvie.martin@mygmail.com ;05.80.99.90.68;"A0360"',
    '785645P;M.;Michel ;DURAND ;michel.durand@mygmail.com ;336 90 78 56 90;"A0201"',
  ].map(l => l.split(';').map(strip).join(';')),
};
const mapping = (header: readonly string[]) => Object.fromEntries(header.map(h => [h.trim(), h]));

describe('Digitaleo accepts what the vendor accepts', () => {
  for (const uniqueness of ['email+phone+mobile', 'reference'] as const) {
    it(`the vendor's example rows pass (one account, uniqueness ${uniqueness})`, () => {
      const d = settleDestination({
        ...destinationFromPreset('digitaleo'),
        digitaleo: { ...destinationFromPreset('digitaleo').digitaleo!, uniqueness },
      });
      const result = prepareRows(
        {
          destination: d,
          sourceColumns: single.header,
          mapping: mapping(single.header),
          now: new Date('2026-12-02T10:00:00'),
        },
        rowsOf(single.rows)
      );
      expect(result.issues.filter(i => i.severity === 'error')).toEqual([]);
      expect(result.blocked).toBe(false);
      expect(result.writtenRowCount).toBe(3);
    });
  }

  it("the vendor's multi-account example passes with the last dispatch column", () => {
    const base = destinationFromPreset('digitaleo');
    const d = settleDestination({ ...base, digitaleo: { ...base.digitaleo!, multiAccount: true } });
    expect(d.columns.at(-1)!.name).toBe('dispatch');
    const result = prepareRows(
      {
        destination: d,
        sourceColumns: multi.header,
        mapping: mapping(multi.header),
        now: new Date('2026-12-02T10:00:00'),
      },
      rowsOf(multi.rows)
    );
    expect(result.issues.filter(i => i.severity === 'error')).toEqual([]);
    expect(result.writtenRowCount).toBe(3);
    const text = Buffer.from(result.files[0]!.bytes).toString('utf8').split('\n');
    expect(text[0]!.endsWith(',dispatch')).toBe(true);
    expect(text[1]!.endsWith(',A0201')).toBe(true);
  });

  it('a doubtful Fax or birth date is a warning, never a blocked row; the value goes as it is', () => {
    const d = destinationFromPreset('digitaleo');
    const header = ['Email', 'Fax', 'Date de naissance'];
    const result = prepareRows(
      {
        destination: d,
        sourceColumns: header,
        mapping: mapping(header),
        now: new Date('2026-12-02T10:00:00'),
      },
      rowsOf(['anna@example.com;not a fax;1985-13-45', 'ben@example.org;0123;yesterday'])
    );
    expect(result.blocked).toBe(false);
    expect(result.writtenRowCount).toBe(2);
    const doubtful = result.issues.filter(
      i => i.column === 'Fax' || i.column === 'Date de naissance'
    );
    expect(doubtful.map(i => [i.code, i.severity])).toEqual([
      ['phone.invalid', 'warning'],
      ['date.invalid', 'warning'],
      ['phone.invalid', 'warning'],
      ['date.invalid', 'warning'],
    ]);
    expect(Buffer.from(result.files[0]!.bytes).toString('utf8')).toContain('not a fax');
    // The contact columns still decide: a row without any valid means of contact is refused.
    const noContact = prepareRows(
      { destination: d, sourceColumns: header, mapping: mapping(header), now: new Date() },
      rowsOf([';0123;01/01/1990'])
    );
    expect(noContact.blocked).toBe(true);
  });
});
