import { describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { prepareRows } from '../../../src-core/preparation/prepare';

/**
 * EvaluAgent allows columns after the agreed template: with "also send columns that are not in
 * the template" the unmapped source columns follow, in their original order, through the same
 * writer (formula guard included). Every other preset keeps them out (privacy by default).
 */
const source = ['Notes', 'Contact', 'Agent', 'Team', 'When', 'Secret formula'];
const rows = [
  ['call back', 'C-1', 'agent@example.com', 'Blue', '2026-12-01', '=HYPERLINK("http://x")'],
];
const prepare = (
  presetId: 'evaluagent' | 'customergauge',
  mapping: Record<string, string | null>
) =>
  prepareRows(
    {
      destination: destinationFromPreset(presetId),
      sourceColumns: source,
      mapping,
      now: new Date('2026-12-02T10:00:00'),
    },
    rows.map((cells, index) => ({ index, line: index + 2, cells }))
  );

describe('extra columns', () => {
  it('EvaluAgent: unmapped source columns follow the template, in source order, formulas neutralised', () => {
    expect(destinationFromPreset('evaluagent').extraColumns).toBe(true);
    const result = prepare('evaluagent', {
      'Contact ID': 'Contact',
      'Agent Email': 'Agent',
      Date: 'When',
    });
    expect(result.blocked).toBe(false);
    const lines = Buffer.from(result.files[0]!.bytes).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Contact ID,Agent Email,Date,Direction,Customer Phone,Duration,Notes,Team,Secret formula'
    );
    expect(lines[1]).toBe(
      'C-1,agent@example.com,2026-12-01,,,,call back,Blue,"\'=HYPERLINK(""http://x"")"'
    );
    expect(result.issues.map(i => [i.code, i.column])).toEqual([
      ['output.formula-neutralised', 'Secret formula'],
    ]);
  });

  it('every other preset sends only the template columns', () => {
    for (const id of [
      'customergauge',
      'hello-customer',
      'digitaleo',
      'blueconic',
      'generic',
    ] as const)
      expect(destinationFromPreset(id).extraColumns, id).toBe(false);
    const result = prepare('customergauge', { Email: 'Agent', Reference: 'Contact' });
    const header = Buffer.from(result.files[0]!.bytes).toString('utf8').split('\r\n')[0];
    expect(header).toBe('First Name,Last Name,Email,Language,Company,Reference');
  });
});
