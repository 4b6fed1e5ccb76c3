import { describe, expect, it } from 'vitest';
import { OutputFormat, parseDestination } from '../../../src-core/destinations/destination';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { lineWriter } from '../../../src-core/output/csv-line';
import { prepareRows } from '../../../src-core/preparation/prepare';

/** Quoting `always` (every value, empty ones too) and quote character `none` (written as never). */
const sent = (output: Partial<OutputFormat>, rows: string[][]) => {
  const base = destinationFromPreset('generic');
  const d = {
    ...base,
    columns: [
      { name: 'Email', required: true, rule: 'email' as const },
      { name: 'Name', required: false, rule: 'text' as const },
      { name: 'Note', required: false, rule: 'text' as const },
    ],
    output: OutputFormat.parse({ ...base.output, ...output }),
  };
  const result = prepareRows(
    {
      destination: d,
      sourceColumns: ['Email', 'Name', 'Note'],
      mapping: { Email: 'Email', Name: 'Name', Note: 'Note' },
      now: new Date('2026-12-02T10:00:00'),
    },
    rows.map((cells, index) => ({ index, line: index + 2, cells }))
  );
  return {
    result,
    text: result.files[0] ? Buffer.from(result.files[0].bytes).toString('utf8') : '',
  };
};

describe('quoting always and quote character none', () => {
  it('always quotes every value and the header, doubling inner quotes; empty values are ""', () => {
    const { text } = sent({ quoting: 'always', lineEnding: 'lf' }, [
      ['anna@example.com', 'Anna "A" Peeters', ''],
    ]);
    expect(text).toBe('"Email","Name","Note"\n"anna@example.com","Anna ""A"" Peeters",""\n');
    // The line writer (header, rejected rows) and the row encoder agree.
    expect(
      lineWriter(OutputFormat.parse({ quoting: 'always', quoteChar: "'" }))(["it's", ''])
    ).toBe("'it''s',''\r\n");
  });

  it('quote character none writes values as they are, and refuses a value holding the separator', () => {
    const { text, result } = sent({ quoteChar: 'none', delimiter: ';', lineEnding: 'lf' }, [
      ['anna@example.com', 'Anna, "the first"', 'ok'],
      ['ben@example.org', 'Ben; the second', 'x'],
    ]);
    expect(text).toBe('Email;Name;Note\nanna@example.com;Anna, "the first";ok\n');
    expect(result.issues.map(i => i.code)).toContain('output.delimiter');
    expect(result.blocked).toBe(true);
  });

  it('always needs a quote character: such a destination is refused, naming the field', () => {
    const d = destinationFromPreset('generic');
    expect(() =>
      parseDestination({ ...d, output: { ...d.output, quoting: 'always', quoteChar: 'none' } })
    ).toThrow(/output\.quoteChar: quoting “always” needs a quote character/);
    expect(
      parseDestination({ ...d, output: { ...d.output, quoting: 'always' } }).output.quoting
    ).toBe('always');
  });
});
