import { describe, expect, it } from 'vitest';
import { codes, destination, NOW, prepare, preset, rows, text } from './helpers';
import { prepareRows } from '../../../src-core/preparation/prepare';
import { issueCodes } from '../../../src-core/validation/issues';
import { englishIssueText } from '../../../src-core/words/issue-text';
import { rejectedWords } from '../../../src-core/words/rejected-words';

describe('every issue code, with real-world values', () => {
  const seen = new Set<string>();
  const note = (result: { issues: ReadonlyArray<{ code: string }> }) => result.issues.forEach(i => seen.add(i.code));

  it('required.missing: an empty required value blocks the row', () => {
    const d = preset('hello-customer');
    const r = prepare(d, ['Email', 'Language'], [['wendy@hellocustomer.com', 'EN'], ['  ', 'NL'], ['jan@example.be', '']]);
    note(r);
    expect(codes(r)).toEqual(['1:Email:required.missing', '2:Language:required.missing']);
    expect(englishIssueText(r.issues[0]!)).toBe('Line 3: Email is empty, and Hello Customer needs it in every row.');
    expect(r.issues[0]).toMatchObject({ row: 1, sourceLine: 3, severity: 'error' });
    expect(r.validRowCount).toBe(1);
    expect(r.blocked).toBe(true);
  });

  it('mapping.required-unmapped: a required column without a source is one file-level error', () => {
    const d = preset('hello-customer');
    const r = prepare(d, ['Email'], [['wendy@hellocustomer.com']]);
    note(r);
    expect(r.issues.filter(i => i.code === 'mapping.required-unmapped')).toEqual([
      expect.objectContaining({ row: null, sourceLine: null, column: 'Language', severity: 'error' }),
    ]);
    expect(r.validRowCount).toBe(0);
    expect(rejectedWords('en').reason(r.rejected[0]!)).toContain('Language');
  });

  it('email.invalid: says why, in words', () => {
    const d = preset('hello-customer');
    const r = prepare(d, ['Email', 'Language'], [['jan@@example.com', 'NL'], ['élodie@exemple.fr', 'FR'], ['info@müller.de', 'DE'], ['jan @example.com', 'NL']]);
    note(r);
    expect(codes(r)).toEqual(['0:Email:email.invalid', '3:Email:email.invalid']);
    expect(englishIssueText(r.issues[0]!)).toBe('Line 2: “jan@@example.com” is not a valid e-mail address (it has more than one @).');
    expect(englishIssueText(r.issues[1]!)).toContain('contains a space');
  });

  it('language.invalid and language.normalised (en-GB, Français, nl_BE are sent as codes)', () => {
    const d = preset('hello-customer');
    const r = prepare(d, ['Email', 'Language'], [['a@example.be', 'en-GB'], ['b@example.be', 'Français'], ['c@example.be', 'nl_BE'], ['d@example.be', 'Klingon'], ['e@example.be', 'de']]);
    note(r);
    expect(codes(r)).toEqual(['0:Language:language.normalised', '1:Language:language.normalised', '2:Language:language.normalised', '3:Language:language.invalid']);
    expect(englishIssueText(r.issues[1]!)).toBe('Line 3: the language “Français” is sent as “FR”.');
    expect(r.issues[1]!.severity).toBe('warning');
    expect(englishIssueText(r.issues[3]!)).toContain('“Klingon” is not a language Courier recognises');
    expect(text(r, d)).toBe('Email;Language;FirstName;LastName;Department;CustomId\r\na@example.be;EN;;;;\r\nb@example.be;FR;;;;\r\nc@example.be;NL;;;;\r\ne@example.be;DE;;;;\r\n');
  });

  it('phone.invalid: Belgian default country, French and Dutch numbers get their international form', () => {
    const d = destination({ columns: [{ name: 'Mobile', rule: 'phone', required: true }], phoneCountry: 'BE' });
    const r = prepare(d, ['Mobile'], [['0470 12 34 56'], ['+33 6 12 34 56 78'], ['06 12 34 56 78'], ['12345'], ['+31 6 12345678']]);
    note(r);
    expect(codes(r)).toEqual(['2:Mobile:phone.invalid', '3:Mobile:phone.invalid']);
    expect(englishIssueText(r.issues[0]!)).toBe('Line 4: “06 12 34 56 78” is not a valid phone number (default country: Belgium). If it is a number from France, its international form is +33612345678.');
    expect(englishIssueText(r.issues[1]!)).toBe('Line 5: “12345” is not a valid phone number (default country: Belgium).');
    // A valid number is written as read, in E.164 (never neutralised as a formula).
    expect(text(r, d)).toBe('Mobile\r\n+32470123456\r\n+33612345678\r\n+31612345678\r\n');
  });

  it('phone.extension-dropped: E.164 has no room for an extension, and the person is told', () => {
    const d = destination({ columns: [{ name: 'Phone', rule: 'phone' }], phoneCountry: 'BE' });
    const r = prepare(d, ['Phone'], [['02 512 34 56 ext 12'], ['0470 12 34 56']]);
    note(r);
    expect(codes(r)).toEqual(['0:Phone:phone.extension-dropped']);
    expect(r.issues[0]!.severity).toBe('warning');
    expect(englishIssueText(r.issues[0]!)).toBe('Line 2: “02 512 34 56 ext 12” is sent as “+3225123456”, without its extension 12: phone numbers are sent in international form, which has no room for one.');
    expect(text(r, d)).toBe('Phone\r\n+3225123456\r\n+32470123456\r\n');
  });

  it('phone.leading-zero: a number Excel stored as a number is read with its 0 and the person is told', () => {
    const d = destination({ columns: [{ name: 'Phone', rule: 'phone' }], phoneCountry: 'BE' });
    const r = prepare(d, ['Phone'], [['473893257'], ['0470 12 34 56']]);
    note(r);
    expect(codes(r)).toEqual(['0:Phone:phone.leading-zero']);
    expect(r.issues[0]!.severity).toBe('warning');
    expect(englishIssueText(r.issues[0]!)).toBe('Line 2: “473893257” lost its leading 0 (Excel removes it from numbers); it is read as 0473893257 and sent as “+32473893257”.');
    expect(text(r, d)).toBe('Phone\r\n+32473893257\r\n+32470123456\r\n');
  });

  it('date.invalid: against the destination format, with the reading in that format', () => {
    const d = destination({ columns: [{ name: 'Date de naissance', rule: 'date', dateFormat: 'DD/MM/YYYY' }] });
    const r = prepare(d, ['Date de naissance'], [['20/11/1980'], ['1980-11-20'], ['31/02/1980'], ['']]);
    note(r);
    expect(codes(r)).toEqual(['1:Date de naissance:date.invalid', '2:Date de naissance:date.invalid']);
    expect(englishIssueText(r.issues[0]!)).toBe('Line 3: “1980-11-20” is not a date written as DD/MM/YYYY. In that form, it is 20/11/1980.');
  });

  it('number.invalid and value.not-allowed (allowed values keep their listed spelling)', () => {
    const d = destination({
      columns: [
        { name: 'Duration', rule: 'number' },
        { name: 'Direction', allowedValues: ['Inbound', 'Outbound'] },
      ],
    });
    const r = prepare(d, ['Duration', 'Direction'], [['125', 'inbound'], ['2 min', 'OUTBOUND'], ['12,5', 'sideways']]);
    note(r);
    expect(codes(r)).toEqual(['1:Duration:number.invalid', '2:Direction:value.not-allowed']);
    expect(englishIssueText(r.issues[1]!)).toBe('Line 4: “sideways” is not allowed in Direction; the values allowed are Inbound and Outbound.');
    expect(text(r, d)).toBe('Duration,Direction\r\n125,Inbound\r\n');
  });

  it('contact.missing: Digitaleo needs one valid Email, Téléphone Fixe or Mobile', () => {
    const d = preset('digitaleo');
    const header = ['Nom', 'Email', 'Téléphone Fixe', 'Mobile'];
    const r = prepare(d, header, [['DUPONT', 'pierre.dupont@mygmail.com', '', ''], ['MARTIN', '', '05.80.99.90.68', ''], ['DURAND', '', '', ''], ['PETIT', 'petit@@x.fr', '', '']]);
    note(r);
    expect(codes(r)).toEqual(['2:-:contact.missing', '3:Email:email.invalid', '3:-:contact.missing']);
    expect(englishIssueText(r.issues[0]!)).toBe('Line 4: none of the columns Email, Téléphone Fixe, and Mobile holds a valid value, so Digitaleo would not take this contact.');
  });

  it('duplicate.key: a warning naming the first row (e-mail compared without case)', () => {
    const d = preset('hello-customer');
    const r = prepare(d, ['Email', 'Language'], [['wendy@hellocustomer.com', 'EN'], ['jan@example.be', 'NL'], ['Wendy@HelloCustomer.com', 'EN']]);
    note(r);
    expect(codes(r)).toEqual(['2:-:duplicate.key']);
    // Hello Customer sends one invitation per person: the later row is left out, not an error.
    expect(r.issues[0]).toMatchObject({ severity: 'warning' });
    expect(englishIssueText(r.issues[0]!)).toBe('Line 4 has the same Email as line 2. It is left out: only the first is sent.');
    expect(r.writtenRowCount).toBe(2);
    expect(r.blocked).toBe(false);
    // Found at the end, yet listed in row order among the other issues.
    const mixed = prepare(d, ['Email', 'Language'], [['a@example.be', 'EN'], ['b@example.be', 'Français'], ['A@example.be', 'nl-BE'], ['c@example.be', 'Klingon'], ['b@example.be', 'EN']]);
    expect(codes(mixed)).toEqual(['1:Language:language.normalised', '2:Language:language.normalised', '2:-:duplicate.key', '3:Language:language.invalid', '4:-:duplicate.key']);
    expect(mixed.summary).toEqual({ 'language.normalised': 2, 'language.invalid': 1, 'duplicate.key': 2 });
    // Found at the end when every row is sent, and still listed in row order.
    const keepAll = preset('hello-customer', { duplicates: 'keep' });
    const mixedKept = prepare(keepAll, ['Email', 'Language'], [['a@example.be', 'EN'], ['b@example.be', 'Français'], ['A@example.be', 'nl-BE'], ['c@example.be', 'Klingon'], ['b@example.be', 'EN']]);
    expect(codes(mixedKept)).toEqual(codes(mixed));
    // Accented capitals fold too; surrounding spaces do not make a different address.
    const accents = prepare(d, ['Email', 'Language'], [['élodie@exemple.fr', 'FR'], [' Élodie@Exemple.FR ', 'FR'], ['elodie@exemple.fr', 'FR']]);
    expect(codes(accents)).toEqual(['1:-:duplicate.key']);
  });

  it('output.delimiter and output.line-break: values a no-quote semicolon file cannot hold', () => {
    const d = preset('hello-customer');
    const r = prepare(d, ['Email', 'Language', 'Department'], [['a@example.be', 'NL', 'Brussel; Centrum'], ['b@example.be', 'NL', 'Gent\nZuid'], ['c@example.be', 'NL', 'Antwerpen'], ['d@example.be', 'NL', 'Leuven\tCentrum']]);
    note(r);
    expect(codes(r)).toEqual(['0:Department:output.delimiter', '1:Department:output.line-break', '3:Department:output.delimiter']);
    expect(englishIssueText(r.issues[2]!)).toContain('contains a tab');
    expect(englishIssueText(r.issues[0]!)).toBe('Line 2: the value “Brussel; Centrum” in Department contains a semicolon (;), which separates the values in this file and cannot be quoted. Remove or replace it.');
    expect(text(r, d)).toBe('Email;Language;FirstName;LastName;Department;CustomId\r\nc@example.be;NL;;;Antwerpen;\r\n');
  });

  it('output.quote: a warning for double quotes in a file written without quotes (the value is still sent)', () => {
    const d = preset('hello-customer');
    const r = prepare(d, ['Email', 'Language', 'LastName'], [['a@example.be', 'NL', "D'Hondt"], ['b@example.be', 'NL', 'de "Smid"']]);
    note(r);
    expect(codes(r)).toEqual(['1:LastName:output.quote']);
    expect(r.issues[0]).toMatchObject({ severity: 'warning' });
    expect(englishIssueText(r.issues[0]!)).toBe('Line 3: the value “de "Smid"” in LastName contains a double quote ("); in a file without quotes some platforms misread it. Consider removing it.');
    expect(r.writtenRowCount).toBe(2);
  });

  it('output.unencodable: Windows-1252 never silently replaces a character', () => {
    const d = preset('hello-customer', { output: { ...preset('hello-customer').output, encoding: 'windows-1252' } });
    const r = prepare(d, ['Email', 'Language', 'LastName'], [['a@example.be', 'FR', 'Françoise Œuvre €'], ['b@example.be', 'PL', 'Łukasz'], ['c@example.be', 'EN', 'Smile 😀']]);
    note(r);
    expect(codes(r)).toEqual(['1:LastName:output.unencodable', '2:LastName:output.unencodable']);
    expect(englishIssueText(r.issues[0]!)).toBe('Line 3: “Łukasz” contains “Ł”, which cannot be written in the Western European encoding (Windows-1252). Replace it, or choose UTF-8 for this destination.');
    expect(englishIssueText(r.issues[1]!)).toContain('“😀”');
    const bytes = r.files[0]!.bytes;
    // ç = E7, Œ = 8C, € = 80 in Windows-1252, one byte each.
    const line = [...bytes.slice(bytes.length - 'Fran\u00e7oise \u008cuvre \u0080;;\r\n'.length)];
    expect(line.map(b => b.toString(16))).toEqual(['46', '72', '61', '6e', 'e7', '6f', '69', '73', '65', '20', '8c', '75', '76', '72', '65', '20', '80', '3b', '3b', 'd', 'a']);
    expect(Buffer.from(bytes).toString('latin1')).toContain('Fran\u00e7oise \u008cuvre \u0080');
  });

  it('output.unencodable: ISO-8859-1 has no € or Œ', () => {
    const d = preset('hello-customer', { output: { ...preset('hello-customer').output, encoding: 'iso-8859-1' } });
    const r = prepare(d, ['Email', 'Language', 'LastName'], [['a@example.be', 'FR', 'Œuvre'], ['b@example.be', 'FR', 'Zoë Müller']]);
    expect(codes(r)).toEqual(['0:LastName:output.unencodable']);
    expect(Buffer.from(r.files[0]!.bytes).toString('latin1')).toBe('Email;Language;FirstName;LastName;Department;CustomId\r\nb@example.be;FR;;Zoë Müller;;\r\n');
  });

  it('output.formula-neutralised: =, +, -, @, tab and CR at the start of text', () => {
    const d = destination({ columns: [{ name: 'Note' }, { name: 'Phone', rule: 'phone' }] });
    const r = prepare(d, ['Note', 'Phone'], [['=HYPERLINK("http://x","y")', '+32 470 12 34 56'], ['+1 more', ''], ['-5', ''], ['@SUM(A1)', ''], ['\tx', ''], ['plain', '']]);
    note(r);
    // `-5` is a plain signed number: a spreadsheet shows it as -5, so it is left alone.
    expect(r.issues.map(i => i.code)).toEqual(Array(4).fill('output.formula-neutralised'));
    expect(r.issues.every(i => i.severity === 'warning')).toBe(true);
    expect(text(r, d)).toBe(`Note,Phone\r\n"'=HYPERLINK(""http://x"",""y"")",+32470123456\r\n'+1 more,\r\n-5,\r\n'@SUM(A1),\r\n'\tx,\r\nplain,\r\n`);
    const off = prepare({ ...d, neutraliseFormulas: false }, ['Note', 'Phone'], [['=1+1', '']]);
    expect(off.issues).toEqual([]);
    expect(text(off, d)).toBe('Note,Phone\r\n=1+1,\r\n');
  });

  it('limit.row-too-large: a row bigger than a whole file', () => {
    const d = destination({ columns: [{ name: 'Note' }], limits: { maxBytes: 50, maxRows: null } });
    const r = prepare(d, ['Note'], [['short'], ['x'.repeat(60)]]);
    note(r);
    expect(codes(r)).toEqual(['1:-:limit.row-too-large']);
    expect(r.files).toHaveLength(1);
    // Also when the big row would have started a new part: no empty part is left behind.
    const byRows = prepare({ ...d, limits: { maxBytes: 50, maxRows: 1 } }, ['Note'], [['short'], ['x'.repeat(60)], ['again']]);
    expect(byRows.files.map(f => f.rows)).toEqual([1, 1]);
  });

  it('text.invalid-bytes: bytes that were not UTF-8 are said per row and column, never sent, and read as Windows-1252 on request', () => {
    // The reader keeps each invalid byte as U+DC00 + byte: "Zoë" and "Dupré" appended in Latin-1.
    const d = preset('hello-customer');
    const cells = [['zoe@example.com', 'FR', 'Zo\uDCEB', 'Dupr\uDCE9'], ['jan@example.com', 'NL', 'Jan', 'Peeters']];
    const r = prepare(d, ['Email', 'Language', 'FirstName', 'LastName'], cells);
    note(r);
    expect(codes(r)).toEqual(['0:FirstName:text.invalid-bytes', '0:LastName:text.invalid-bytes']);
    expect(r.issues[0]).toMatchObject({
      row: 0,
      sourceLine: 2,
      severity: 'error',
      params: { line: 2, column: 'FirstName', value: 'Zo\uFFFD', bytes: 'EB', reading: 'Zoë' },
    });
    expect(englishIssueText(r.issues[0]!)).toBe('Line 2: “Zo\uFFFD” in FirstName holds bytes that are not valid UTF-8 (EB); read as Windows-1252 it is “Zoë”.');
    expect(r.issues.some(i => i.code === 'output.unencodable')).toBe(false);
    expect(r.blocked).toBe(true);
    expect(text(r, d)).not.toContain('Zo');
    const fixed = prepare(d, ['Email', 'Language', 'FirstName', 'LastName'], cells, {
      fixes: [
        { kind: 'read-as-windows-1252', column: 'FirstName' },
        { kind: 'read-as-windows-1252', column: 'LastName' },
      ],
    });
    expect(fixed.issues).toEqual([]);
    expect(text(fixed, d)).toContain('zoe@example.com;FR;Zoë;Dupré;;');
    // A Windows-1252 destination says the same (not “cannot be written”), and writes ë as EB once fixed.
    const latin = preset('hello-customer', { output: { ...d.output, encoding: 'windows-1252' } });
    expect(codes(prepare(latin, ['Email', 'Language', 'FirstName', 'LastName'], cells))).toEqual(['0:FirstName:text.invalid-bytes', '0:LastName:text.invalid-bytes']);
  });

  it('text.control-characters: each cell holding one is said, and none is ever written, whatever the output', () => {
    const header = ['Email', 'Language', 'FirstName', 'LastName'];
    const cells = [
      ['a@example.be', 'NL', 'Ja\x00n', 'Peeters'],
      ['b@example.be', 'NL', 'Piet\x1b[0m', 'De\x07 Smet\x7f'],
      ['c@@example.be', 'FR', 'Zo\x0be', 'Noël'],
      ['d@example.be', 'FR', 'Anne\tMarie', 'Dubois'],
    ];
    const d = preset('hello-customer');
    const r = prepare(d, header, cells);
    note(r);
    expect(codes(r)).toEqual(['0:FirstName:text.control-characters', '1:FirstName:text.control-characters', '1:LastName:text.control-characters', '2:Email:email.invalid', '2:FirstName:text.control-characters', '3:FirstName:output.delimiter']);
    expect(r.issues[0]).toMatchObject({
      severity: 'error',
      params: { line: 2, column: 'FirstName', value: 'Ja␀n' },
    });
    expect(englishIssueText(r.issues[0]!)).toBe('Line 2: “Ja␀n” in FirstName holds an invisible control character (shown as a symbol such as ␀), which is never written to a file.');
    const outputs = [
      d,
      preset('hello-customer', { output: { ...d.output, quoting: 'standard', encoding: 'windows-1252' } }),
      destination({ columns: [{ name: 'Email', rule: 'email' }, { name: 'Language' }, { name: 'FirstName' }, { name: 'LastName' }], output: { delimiter: ',', quoting: 'standard', encoding: 'utf-8-bom', lineEnding: 'crlf' } }),
      destination({ columns: [{ name: 'Email', rule: 'email' }, { name: 'Language' }, { name: 'FirstName' }, { name: 'LastName' }], output: { delimiter: '\t', quoting: 'standard', encoding: 'iso-8859-1', lineEnding: 'lf' } }),
    ];
    for (const out of outputs) {
      const mapping = Object.fromEntries(out.columns.map(c => [c.name, header.includes(c.name) ? c.name : null]));
      for (const extra of [{}, { excludeInvalid: true }]) {
        const result = prepareRows({ destination: out, sourceColumns: header, mapping, now: NOW, ...extra }, rows(cells));
        expect(result.issues.filter(i => i.code === 'text.control-characters'), out.name).toHaveLength(4);
        for (const f of result.files) expect([...f.bytes].filter(b => b < 0x20 && b !== 9 && b !== 10 && b !== 13).concat([...f.bytes].filter(b => b === 0x7f)), out.name).toEqual([]);
      }
    }
    const fixed = prepare(d, header, cells, { fixes: [{ kind: 'remove-control-characters', column: 'FirstName' }, { kind: 'remove-control-characters', column: 'LastName' }] });
    expect(codes(fixed)).toEqual(['2:Email:email.invalid', '3:FirstName:output.delimiter']);
    expect(text(fixed, d)).toBe('Email;Language;FirstName;LastName;Department;CustomId\r\na@example.be;NL;Jan;Peeters;;\r\nb@example.be;NL;Piet[0m;De Smet;;\r\n');
  });

  it('list.separator-in-item, date.time-skipped and date.time-twice (BlueConic lists and time zones)', () => {
    const d = destination({
      columns: [{ name: 'Interests', multiValue: { sourceSeparator: ';' } }, { name: 'Seen', rule: 'date' }],
      output: { dateFormat: 'YYYY-MM-DD HH:mm:ss', timeZone: 'UTC', sourceTimeZone: 'Europe/Brussels' },
    });
    const r = prepare(d, ['Interests', 'Seen'], [['sports;a|b', '2026-03-29 02:30:00'], ['music', '2026-10-25 02:30:00']]);
    note(r);
    expect(codes(r)).toEqual(['0:Interests:list.separator-in-item', '0:Seen:date.time-skipped', '1:Seen:date.time-twice']);
    expect(text(r, d)).toBe('Interests,Seen\r\nmusic,2026-10-25 00:30:00\r\n');
  });

  it('recording.missing and recording.unreadable (EvaluAgent’s recordings, checked in the folder given)', () => {
    const d = preset('evaluagent', { recordings: { column: 'Recording', remoteFolder: '/recordings' } });
    const r = prepare(d, ['Contact ID', 'Agent Email', 'Date', 'Recording'], [['C-1', 'a@example.be', '2026-12-01', 'call-1.wav'], ['C-2', 'b@example.be', '2026-12-01', 'call-8812.wav'], ['C-3', 'c@example.be', '2026-12-01', 'locked.wav']], { recordings: { readable: ['call-1.wav'], unreadable: ['locked.wav'] } });
    note(r);
    expect(codes(r)).toEqual(['1:Recording:recording.missing', '2:Recording:recording.unreadable']);
    expect(englishIssueText(r.issues[0]!)).toBe('Line 3: the recording “call-8812.wav” is not in the folder.');
    expect(r.recordings).toEqual(['call-1.wav']);
    expect(r.blocked).toBe(true);
  });

  it('covers every code', () => {
    for (const code of Object.keys(issueCodes)) expect(seen, code).toContain(code);
  });
});
