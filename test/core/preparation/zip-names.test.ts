import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { preset, prepare } from './helpers';
import { formatNumber } from '../../../src-core/reading/cell-text';

describe('zipped output names', () => {
  it('never reuses a .zip name already sent, and names the file inside after it', () => {
    const d = preset('digitaleo', { output: { ...preset('digitaleo').output, zip: true }, fileName: '{list}_{date:YYYYMMDD}.csv', variables: { list: 'clients' } });
    const header = ['Email'];
    const first = prepare(d, header, [['a@example.be']]);
    expect(first.files[0]!.name).toBe('clients_20261122.zip');
    const again = prepare(d, header, [['a@example.be']], { alreadySentNames: ['clients_20261122.zip'] });
    const name = again.files[0]!.name;
    expect(name).not.toBe('clients_20261122.zip');
    expect(name).toMatch(/\.zip$/);
    expect(Object.keys(unzipSync(again.files[0]!.bytes))).toEqual([name.replace(/\.zip$/, '.csv')]);
  });
});

describe('workbook numbers in scientific format', () => {
  it('write one minus sign for a negative number', () => {
    expect(formatNumber(-12345, '0.00E+00')).toBe('-1.23E+04');
    expect(formatNumber(12345, '0.00E+00')).toBe('1.23E+04');
  });
});
