import { describe, expect, it } from 'vitest';
import { neutraliseFormula, startsLikeFormula } from '../../../src-core/output/csv-line';
import { rejectedRowsCsv } from '../../../src-core/output/rejected';
import { decodeText } from '../../../src-core/output/encode';
import { checkPhone } from '../../../src-core/validation/phone';
import { emailProblemOf } from '../../../src-core/validation/email';
import { codes, destination, prepare, text } from '../preparation/helpers';
import { rejectedWords } from '../../../src-core/words/rejected-words';

// Issue 13, item 1: values that pass the phone or e-mail rule were written as given.
const HYPERLINK_PHONE = '=+32470123456 ext =HYPERLINK("http://evil.example/x","click")';

/** Every cell of a CSV written with standard quoting and commas (enough for these files). */
function cellsOf(csv: string): string[] {
  const cells: string[] = [];
  for (const line of csv.replace(/^\uFEFF/, '').split('\r\n')) {
    if (line === '') continue;
    for (const m of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) {
      const raw = m[1]!;
      cells.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    }
  }
  return cells;
}

/** The promise: no cell starts with = + - @ TAB CR unless it is a plain signed number or an E.164 number. */
const safeCell = (cell: string): boolean =>
  !/^[=+\-@\t\r]/.test(cell) ||
  /^[+-]\d+(?:[.,]\d+)?$/.test(cell) ||
  /^\+[1-9]\d{1,14}$/.test(cell) ||
  /^[+-]$/.test(cell);

describe('formula injection through validated columns', () => {
  it('the phone rule refuses a cell that only hides a number among other text', () => {
    expect(checkPhone(HYPERLINK_PHONE, 'BE').valid).toBe(false);
    expect(checkPhone('@+32470123456', 'BE').valid).toBe(false);
    expect(checkPhone('=+32470123456', 'BE').valid).toBe(false);
    // Everyday ways of writing a number still pass.
    for (const v of [
      '0470 12 34 56',
      '+32 (0)470 12 34 56',
      '0470/12.34.56',
      '0032 470-12-34-56',
      '+32470123456',
      '02 512 34 56 ext. 12',
      '02 512 34 56 x12',
      "'+32 470 12 34 56",
      '0470–12–34–56',
    ])
      expect(checkPhone(v, 'BE').valid, v).toBe(true);
  });

  it('an address starting with a formula character is not a deliverable address', () => {
    expect(emailProblemOf('=1+1@example.com')).toEqual({ kind: 'formula-start', character: '=' });
    expect(emailProblemOf("=cmd|'x'!A0@example.com")?.kind).toBe('formula-start');
    expect(emailProblemOf('+tag@example.com')?.kind).toBe('formula-start');
    expect(emailProblemOf('-jan@example.com')?.kind).toBe('formula-start');
    expect(emailProblemOf('@+32470123456')?.kind).toBe('local-empty');
    // A + or - inside the local part is ordinary (sub-addressing, hyphenated names).
    expect(emailProblemOf('jan+news@example.com')).toBeNull();
    expect(emailProblemOf('jean-luc@example.com')).toBeNull();
  });

  it('a phone column writes the number as read (E.164), never the raw text', () => {
    const d = destination({ columns: [{ name: 'Phone', rule: 'phone' }], phoneCountry: 'BE' });
    const r = prepare(
      d,
      ['Phone'],
      [['0470 12 34 56'], ['+32 (0)470 12 34 56'], ['0032 470 12 34 56']]
    );
    expect(r.issues).toEqual([]);
    expect(text(r, d)).toBe('Phone\r\n+32470123456\r\n+32470123456\r\n+32470123456\r\n');
  });

  it('the hostile values of the report are refused, and no cell of the sent file starts like a formula', () => {
    const d = destination({
      columns: [
        { name: 'Email', rule: 'email' },
        { name: 'Phone', rule: 'phone' },
        { name: 'Note' },
      ],
      phoneCountry: 'BE',
    });
    const data = [
      ['a@example.com', HYPERLINK_PHONE, 'x'],
      ['b@example.com', '@+32470123456', 'x'],
      ['=1+1@example.com', '0470 12 34 56', 'x'],
      ["=cmd|'x'!A0@example.com", '', 'x'],
      ['c@example.com', '0470 12 34 56', '=SUM(A1)'],
    ];
    const r = prepare(d, ['Email', 'Phone', 'Note'], data, { excludeInvalid: true });
    expect(codes(r)).toEqual([
      '0:Phone:phone.invalid',
      '1:Phone:phone.invalid',
      '2:Email:email.invalid',
      '3:Email:email.invalid',
      '4:Note:output.formula-neutralised',
    ]);
    expect(r.rejected.map(x => x.row)).toEqual([0, 1, 2, 3]);
    const sent = text(r, d);
    expect(sent).toBe("Email,Phone,Note\r\nc@example.com,+32470123456,'=SUM(A1)\r\n");
    for (const cell of cellsOf(sent)) expect(safeCell(cell), cell).toBe(true);
    // The rejected rows, which people open in Excel, are neutralised too.
    const rejected = decodeText(rejectedRowsCsv(r.sourceColumns, r.rejected, rejectedWords('en')), 'utf-8-bom');
    expect(rejected).toContain(",'=1+1@example.com,");
    expect(rejected).toContain(",'@+32470123456,");
    for (const cell of cellsOf(rejected)) expect(safeCell(cell), cell).toBe(true);
  });

  it('the header row follows the same rule (column names can come from a vendor’s sample file)', () => {
    const d = destination({
      columns: [{ name: '=HYPERLINK("http://evil.example/x","click")' }, { name: 'Email' }],
    });
    expect(text(prepare(d, ['Email'], [['a@example.com']]), d)).toBe(
      `"'=HYPERLINK(""http://evil.example/x"",""click"")",Email\r\n,a@example.com\r\n`
    );
    expect(
      text(
        prepare({ ...d, neutraliseFormulas: false }, ['Email'], [['a@example.com']]),
        d
      ).startsWith('"=HYPERLINK')
    ).toBe(true);
  });

  it('text starting with - or +: legitimate values are kept, anything that could compute is neutralised', () => {
    // Kept: a lone sign ("none"), a plain signed number, an E.164 number.
    for (const v of ['-', '+', '-5', '+3.25', '-1,5', '+32470123456']) {
      expect(startsLikeFormula(v), v).toBe(false);
      expect(neutraliseFormula(v)).toBe(v);
    }
    // Neutralised: anything else after a sign, and = @ tab CR always.
    for (const v of [
      '-x',
      '- see notes',
      '+32 470 12 34 56',
      '-2+3',
      '+1 more',
      '--5',
      '=1',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '-1e5',
    ])
      expect(neutraliseFormula(v), v).toBe(`'${v}`);
    const d = destination({ columns: [{ name: 'Note' }] });
    const r = prepare(d, ['Note'], [['-'], ['-5'], ['+32470123456'], ['-x']]);
    expect(codes(r)).toEqual(['3:Note:output.formula-neutralised']);
    expect(text(r, d)).toBe("Note\r\n-\r\n-5\r\n+32470123456\r\n'-x\r\n");
  });
});
