import { describe, expect, it } from 'vitest';
import {
  destinationProblems,
  formatOfSampleText,
  jobsAffectedByColumns,
  type MappedJob,
  outputEncodingOf,
  parseSavable,
  templateVariables,
  vendorWarnings,
} from '../../../src-core/destinations/destination-problems';
import { destinationFromPreset } from '../../../src-core/destinations/presets';

describe('an edited destination’s problems, at their fields', () => {
  it('lists the variables a file name needs, besides date, time and counter', () => {
    expect(
      templateVariables('{touchpoint}_{date:YYYYMMDD}_{time}_{counter:3}_{list}_{touchpoint}.csv')
    ).toEqual(['touchpoint', 'list']);
  });

  it('refuses a Hello Customer destination without touchpoint at variables.touchpoint', () => {
    const d = destinationFromPreset('hello-customer');
    expect(destinationProblems(d)).toEqual([
      {
        field: 'variables.touchpoint',
        code: 'destination.variable-missing',
        message: 'The file name needs a value for “touchpoint”.',
        params: { variable: 'touchpoint' },
      },
    ]);
    expect(() => parseSavable(d)).toThrow(
      expect.objectContaining({ code: 'destination.variable-missing' })
    );
    expect(destinationProblems({ ...d, variables: { touchpoint: 'NPS' } })).toEqual([]);
  });

  it('tells a column named twice, an empty name and a bad limit at their fields', () => {
    const d = destinationFromPreset('customergauge');
    const columns = [
      ...d.columns,
      { ...d.columns[0]!, name: 'Email' },
      { ...d.columns[1]!, name: '' },
    ];
    const fields = destinationProblems({
      ...d,
      columns,
      limits: { maxRows: -3, maxBytes: null },
    }).map(p => [p.field, p.code]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['columns.7.name', 'destination.field-empty'],
        ['limits.maxRows', 'destination.field-invalid'],
      ])
    );
    expect(destinationProblems({ ...d, columns: [...d.columns, { ...d.columns[2]! }] })).toEqual([
      expect.objectContaining({
        field: 'columns.6.name',
        code: 'destination.column-twice',
        params: { column: 'Email' },
      }),
    ]);
  });

  it('names the jobs whose mapping feeds a column that is gone', () => {
    const jobs: MappedJob[] = [
      {
        name: 'Nightly',
        destination: 'acme nps',
        mapping: { Email: 'E-mail', Company: 'Firma', City: null },
      },
      { name: 'Other', destination: 'Elsewhere', mapping: { Company: 'Firma' } },
      { name: 'Fine', destination: 'Acme NPS', mapping: { Email: 'E-mail' } },
    ];
    expect(jobsAffectedByColumns(jobs, 'Acme NPS', [{ name: 'Email' }])).toEqual([
      { name: 'Nightly', gone: ['Company'] },
    ]);
  });

  it('reads line endings and quoting from a sample file’s text', () => {
    expect(formatOfSampleText('"Email";"Name"\r\n"a@example.com";"A"\r\n', ';')).toEqual({
      delimiter: ';',
      lineEnding: 'crlf',
      quoting: 'standard',
      quoteChar: '"',
    });
    expect(formatOfSampleText('Email\tName\na@example.com\tA\n', '\t')).toEqual({
      delimiter: '\t',
      lineEnding: 'lf',
      quoting: 'never',
    });
    expect(outputEncodingOf('windows-1252')).toBe('windows-1252');
    expect(outputEncodingOf('utf-8-bom')).toBe('utf-8-bom');
    expect(outputEncodingOf('utf-16le')).toBeNull();
  });

  it('warns when Hello Customer is reached by IP address or without FTPS', () => {
    const d = destinationFromPreset('hello-customer');
    expect(
      vendorWarnings({ ...d, transport: { ...d.transport, host: 'import.hellocustomer.com' } })
    ).toEqual([]);
    expect(
      vendorWarnings({ ...d, transport: { ...d.transport, host: '203.0.113.5', protocol: 'ftp' } })
    ).toEqual(['hello-customer.ip-address', 'hello-customer.not-ftps']);
    expect(vendorWarnings({ ...d, transport: { ...d.transport, host: '2001:db8::1' } })).toEqual([
      'hello-customer.ip-address',
    ]);
    const cg = destinationFromPreset('customergauge');
    expect(vendorWarnings({ ...cg, transport: { ...cg.transport, host: '203.0.113.5' } })).toEqual(
      []
    );
  });
});
