import { describe, expect, it } from 'vitest';
import { destination, prepare, rows, NOW } from './helpers';
import { createPreparation, prepareRows } from '../../../src-core/preparation/prepare';
import { parseFixes } from '../../../src-core/fixes/fix-schema';
import { rejectedWords } from '../../../src-core/words/rejected-words';

const d = (limits: { maxBytes: number | null; maxRows: number | null }) =>
  destination({ columns: [{ name: 'Email', rule: 'email', required: true }, { name: 'Name' }], limits, output: { lineEnding: 'lf', encoding: 'utf-8-bom' }, fileName: 'out_{date}.csv' });

const data = Array.from({ length: 10 }, (_, i) => [`person${i}@example.be`, `Zoë ${i}`]);

describe('splitting', () => {
  it('by rows: the header in every part', () => {
    const r = prepare(d({ maxRows: 4, maxBytes: null }), ['Email', 'Name'], data);
    expect(r.files.map(f => [f.name, f.rows])).toEqual([
      ['out_20261122_1.csv', 4],
      ['out_20261122_2.csv', 4],
      ['out_20261122_3.csv', 2],
    ]);
    for (const f of r.files) expect(Buffer.from(f.bytes).toString('utf8').startsWith('\ufeffEmail,Name\n')).toBe(true);
  });

  it('by bytes: encoded bytes, BOM and header counted in every part, never over the limit', () => {
    const header = 3 + 'Email,Name\n'.length;
    const line = Buffer.byteLength('person0@example.be,Zoë 0\n');
    const limit = header + line * 3;
    const r = prepare(d({ maxRows: null, maxBytes: limit }), ['Email', 'Name'], data);
    expect(r.files.map(f => f.rows)).toEqual([3, 3, 3, 1]);
    for (const f of r.files) expect(f.bytes.length).toBeLessThanOrEqual(limit);
    expect(r.files[0]!.bytes.length).toBe(limit);
    const limitMinusOne = prepare(d({ maxRows: null, maxBytes: limit - 1 }), ['Email', 'Name'], data);
    expect(limitMinusOne.files.map(f => f.rows)).toEqual([2, 2, 2, 2, 2]);
  });

  it('the rows of all parts together are the input rows, in order', () => {
    const r = prepare(d({ maxRows: 3, maxBytes: 200 }), ['Email', 'Name'], data);
    const lines = r.files.flatMap(f => Buffer.from(f.bytes).toString('utf8').split('\n').slice(1, -1));
    expect(lines).toEqual(data.map(c => c.join(',')));
  });
});

describe('fixes', () => {
  const dest = destination({
    columns: [
      { name: 'Email', rule: 'email', required: true },
      { name: 'Language', rule: 'language' },
      { name: 'Phone', rule: 'phone' },
      { name: 'Born', rule: 'date', dateFormat: 'YYYY-MM-DD' },
      { name: 'City' },
    ],
    phoneCountry: 'BE',
    output: { lineEnding: 'lf' },
  });
  const header = ['Email', 'Language', 'Phone', 'Born', 'City'];
  const today = [
    ['  Jan.Peeters@Example.BE ', 'Nederlands', '0470 12 34 56', '20/11/1980', '  Gent  '],
    ['marie@@example.be', 'fr-BE', '02 555 12 12', '01/02/1975', 'Bruxelles'],
    ['piet@example.nl', 'NL', '06 12345678', '1990-06-30', 'Amsterdam'],
  ];
  const fixes = parseFixes([
    { kind: 'lower-case', column: 'Email' },
    { kind: 'normalise-language', column: 'Language', letterCase: 'upper' },
    { kind: 'phone-international', column: 'Phone' },
    { kind: 'reformat-date', column: 'Born', from: 'DD/MM/YYYY', to: 'YYYY-MM-DD' },
    { kind: 'trim', column: 'City' },
    { kind: 'replace', column: 'City', find: 'Bruxelles', replace: 'Brussel', wholeValue: true },
    { kind: 'edit-cell', row: 1, column: 'Email', original: 'marie@@example.be', value: 'marie@example.be' },
    { kind: 'exclude-row', row: 2 },
  ]);

  it('apply in order and fix what they say', () => {
    const r = prepare(dest, header, today, { fixes });
    expect(r.issues).toEqual([]);
    expect(Buffer.from(r.files[0]!.bytes).toString('utf8')).toBe(
      'Email,Language,Phone,Born,City\njan.peeters@example.be,NL,+32470123456,1980-11-20,Gent\nmarie@example.be,FR,+3225551212,1975-02-01,Brussel\n'
    );
    expect(r.rejected).toEqual([{ row: 2, sourceLine: 4, cells: today[2], because: [], byHand: true }]);
    expect(r.validRowCount).toBe(2);
  });

  it('replay as JSON on tomorrow’s file; a cell edit applies only where the old value still is', () => {
    const replayed = parseFixes(JSON.parse(JSON.stringify(fixes)));
    const tomorrow = [
      ['a@example.be', 'English', '0470 00 00 00', '05/05/2005', 'Leuven'],
      ['someone.else@example.be', 'de', '', '', 'Liège'],
    ];
    const r = prepare(dest, header, tomorrow, { fixes: replayed });
    const out = Buffer.from(r.files[0]!.bytes).toString('utf8');
    expect(out).toContain('someone.else@example.be,DE');
    expect(out).not.toContain('marie@example.be');
    expect(out).toContain('a@example.be,EN');
  });

  it('a fix that cannot help leaves the value for validation to report', () => {
    const r = prepare(dest, header, [['x@example.be', 'Klingon', '12', 'yesterday', '']], { fixes });
    expect(r.issues.map(i => i.code)).toEqual(['language.invalid', 'phone.invalid', 'date.invalid']);
  });

  it('exclude-invalid lists rows with errors as rejected, with the reason', () => {
    const r = prepare(dest, header, [['ok@example.be', '', '', '', ''], ['bad@', '', '', '', '']], { fixes: parseFixes([{ kind: 'exclude-invalid' }]) });
    expect(r.blocked).toBe(false);
    expect(r.rejected).toEqual([expect.objectContaining({ row: 1, byHand: false })]);
    expect(rejectedWords('en').reason(r.rejected[0]!)).toContain('“bad@” is not a valid e-mail address');
    expect(r.writtenRowCount).toBe(1);
  });

  it('refuses fixes and mappings that name columns that do not exist', () => {
    expect(() => prepare(dest, header, [], { fixes: parseFixes([{ kind: 'trim', column: 'Nope' }]) })).toThrow(/Nope/);
    expect(() => prepareRows({ destination: dest, sourceColumns: header, mapping: { Email: 'Courriel' }, now: NOW }, [])).toThrow(/Courriel/);
    expect(() => parseFixes([{ kind: 'explode' }])).toThrow();
  });
});

describe('streaming', () => {
  it('push one row at a time gives the same result as all at once', () => {
    const dd = d({ maxRows: 3, maxBytes: null });
    const mapping = { Email: 'Email', Name: 'Name' };
    const p = createPreparation({ destination: dd, sourceColumns: ['Email', 'Name'], mapping, now: NOW });
    for (const row of rows(data)) p.push(row);
    const streamed = p.finish();
    const batch = prepareRows({ destination: dd, sourceColumns: ['Email', 'Name'], mapping, now: NOW }, rows(data));
    expect(streamed.files.map(f => Buffer.from(f.bytes).toString('hex'))).toEqual(batch.files.map(f => Buffer.from(f.bytes).toString('hex')));
  });

  it('an empty source gives one header-only file', () => {
    const r = prepare(d({ maxRows: null, maxBytes: null }), ['Email', 'Name'], []);
    expect(r.files.map(f => [f.rows, Buffer.from(f.bytes).toString('utf8')])).toEqual([[0, '\ufeffEmail,Name\n']]);
  });
});
