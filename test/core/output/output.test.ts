import { describe, expect, it } from 'vitest';
import { ByteBuilder, decodeText, encodeText, firstUnencodable } from '../../../src-core/output/encode';
import { fileNames, renderFileName, sanitiseFileName } from '../../../src-core/output/file-name';
import { lineWriter } from '../../../src-core/output/csv-line';
import { OutputFormat } from '../../../src-core/destinations/destination';
import { rejectedRowsCsv } from '../../../src-core/output/rejected';

const NOW = new Date(2026, 0, 5, 7, 8, 9);

describe('encoders', () => {
  it('UTF-8 matches Node’s encoder, including astral characters', () => {
    const text = 'Zoë Müller — “quotes” € 😀 日本語 ŁĄ';
    expect(Buffer.from(encodeText(text, 'utf-8')).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(decodeText(encodeText(text, 'utf-8'), 'utf-8')).toBe(text);
  });

  it('Windows-1252 writes €, Œ, curly quotes and dashes as their single bytes', () => {
    expect([...encodeText('€Œ‘’“”–—…', 'windows-1252')]).toEqual([0x80, 0x8c, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85]);
    expect([...encodeText('é', 'windows-1252')]).toEqual([0xe9]);
    expect(decodeText(new Uint8Array([0x80, 0xe9]), 'windows-1252')).toBe('€é');
  });

  it('never replaces what an encoding cannot hold', () => {
    expect(firstUnencodable('Łukasz', 'windows-1252')).toBe('Ł');
    expect(firstUnencodable('Œuvre', 'iso-8859-1')).toBe('Œ');
    expect(firstUnencodable('€', 'iso-8859-1')).toBe('€');
    expect(firstUnencodable('😀', 'windows-1252')).toBe('😀');
    expect(firstUnencodable('Zoë', 'iso-8859-1')).toBeNull();
    expect(firstUnencodable('\ud800x', 'utf-8')).toBe('\ud800');
    expect(firstUnencodable('😀', 'utf-8')).toBeNull();
    expect(() => encodeText('Ł', 'windows-1252')).toThrow();
  });

  it('ByteBuilder grows', () => {
    const b = new ByteBuilder(2);
    for (let i = 0; i < 100; i++) b.appendText('abc', 'utf-8');
    expect(b.length).toBe(300);
  });
});

describe('lines', () => {
  it('standard quoting only where needed, doubled quotes, single-quote option', () => {
    const write = lineWriter(OutputFormat.parse({ delimiter: ';', lineEnding: 'lf' }));
    expect(write(['a', 'b;c', 'say "hi"', 'x\ny', ''])).toBe('a;"b;c";"say ""hi""";"x\ny";\n');
    const single = lineWriter(OutputFormat.parse({ delimiter: ',', quoteChar: "'" }));
    expect(single(["it's", 'a,b'])).toBe("'it''s','a,b'\r\n");
  });
});

describe('file names', () => {
  it('renders date, time, counter and variables', () => {
    expect(renderFileName('touchpoint_{touchpoint}_{date:YYYYMMDD}.csv', { now: NOW, counter: 1, variables: { touchpoint: 'NPS_after_visit' } })).toBe(
      'touchpoint_NPS_after_visit_20260105.csv'
    );
    expect(renderFileName('{date}-{time}-{counter:3}.csv', { now: NOW, counter: 7, variables: {} })).toBe('20260105-070809-007.csv');
    expect(renderFileName('{date:YYYY-MM-DD}_{time:HH.mm}_{unknown}.csv', { now: NOW, counter: 1, variables: { unknown: '' } })).toBe('2026-01-05_07.08_unknown.csv');
  });

  it.each([
    ['../../etc/passwd', 'etc_passwd'],
    ['a/b\\c:d*e?f"g<h>i|j.csv', 'a_b_c_d_e_f_g_h_i_j.csv'],
    ['..', 'export'],
    ['con.csv', '_con.csv'],
    ['LPT1', '_LPT1'],
    ['name. ', 'name'],
    ['tab\there.csv', 'tab_here.csv'],
    ['x...csv', 'x.csv'],
  ])('sanitises %j → %j', (raw, safe) => {
    expect(sanitiseFileName(raw)).toBe(safe);
  });

  it('sanitises a rendered variable too', () => {
    expect(renderFileName('{touchpoint}.csv', { now: NOW, counter: 1, variables: { touchpoint: '../secret/x' } })).toBe('secret_x.csv');
  });

  it('gives several parts unique names, never one already sent', () => {
    expect(fileNames('list_{date}.csv', 3, { now: NOW, variables: {} })).toEqual(['list_20260105_1.csv', 'list_20260105_2.csv', 'list_20260105_3.csv']);
    expect(fileNames('list_{date}.csv', 1, { now: NOW, variables: {} }, ['LIST_20260105.csv', 'list_20260105_2.csv'])).toEqual(['list_20260105_3.csv']);
    expect(fileNames('list_{date}_{counter}.csv', 2, { now: NOW, variables: {} }, ['list_20260105_1.csv'])).toEqual(['list_20260105_1_2.csv', 'list_20260105_2.csv']);
  });
});

describe('rejected rows file', () => {
  it('is a UTF-8 CSV with BOM that Excel opens, with the line number and the reason', () => {
    const words = { line: 'Line', why: 'Why it was not sent', reason: () => 'Line 3: “jan@@x.be” is not valid.' };
    const bytes = rejectedRowsCsv(['E-mail', 'Nom'], [{ cells: ['jan@@x.be', '=cmd'], sourceLine: 3 }], words);
    expect(Buffer.from(bytes).toString('utf8')).toBe('\ufeffLine,E-mail,Nom,Why it was not sent\r\n3,jan@@x.be,\'=cmd,Line 3: “jan@@x.be” is not valid.\r\n');
  });
});
