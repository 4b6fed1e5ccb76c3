import { describe, expect, it } from 'vitest';
import { destination, prepare, preset } from './helpers';
import { emailProblemKinds, emailProblemOf } from '../../../src-core/validation/email';
import { issueCodes, issueVariants, type RowIssue } from '../../../src-core/validation/issues';
import { englishIssueText } from '../../../src-core/words/issue-text';

// The raw values behind each sentence, so the review can say it in French or Dutch: the right
// variant, every value the English sentence uses, and nothing in English words.
describe('issue params and variants', () => {
  const seen = new Set<string>();
  const note = (issues: readonly RowIssue[]) => {
    for (const i of issues) seen.add(i.variant === null ? i.code : `${i.code}/${i.variant}`);
    return issues;
  };
  const pick = (issues: readonly RowIssue[], code: RowIssue['code']) =>
    note(issues)
      .filter(i => i.code === code)
      .map(i => ({ variant: i.variant, params: i.params }));

  it('mapping.required-unmapped and required.missing name the column and the destination', () => {
    const d = preset('hello-customer');
    const unmapped = prepare(d, ['Email'], [['wendy@hellocustomer.com']]);
    expect(pick(unmapped.issues, 'mapping.required-unmapped')).toEqual([
      { variant: null, params: { column: 'Language', destination: 'Hello Customer' } },
    ]);
    const empty = prepare(d, ['Email', 'Language'], [['  ', 'NL']]);
    expect(pick(empty.issues, 'required.missing')).toEqual([
      { variant: null, params: { line: 2, column: 'Email', destination: 'Hello Customer' } },
    ]);
  });

  it('email.invalid: the problem is a kind, the refused character a param', () => {
    const d = preset('hello-customer');
    const r = prepare(
      d,
      ['Email', 'Language'],
      [
        ['jan@@example.com', 'NL'],
        ['jan@exa_mple.com', 'NL'],
        ['"jan"@example.com', 'NL'],
      ]
    );
    expect(pick(r.issues, 'email.invalid')).toEqual([
      { variant: 'many-at', params: { line: 2, value: 'jan@@example.com', character: '' } },
      {
        variant: 'domain-character',
        params: { line: 3, value: 'jan@exa_mple.com', character: '_' },
      },
      {
        variant: 'local-character',
        params: { line: 4, value: '"jan"@example.com', character: '"' },
      },
    ]);
    // The English sentence is said from the same kind, through the catalogue.
    expect(englishIssueText(r.issues[1]!)).toBe(
      'Line 3: “jan@exa_mple.com” is not a valid e-mail address (the character “_” is not allowed in a domain).'
    );
  });

  it('email.invalid: every kind is reachable, and the preparation reports each one it can meet', () => {
    const examples: Record<(typeof emailProblemKinds)[number], string> = {
      empty: '',
      space: 'jan @example.com',
      'no-at': 'jan.example.com',
      'many-at': 'jan@example@com',
      'local-empty': '@example.com',
      'domain-empty': 'jan@',
      'local-too-long': `${'a'.repeat(65)}@example.com`,
      'too-long': `a@${`${'b'.repeat(63)}.`.repeat(4)}com`,
      'local-dot': 'jan..peeters@example.com',
      'formula-start': '=1+1@example.com',
      'local-character': 'jan(at)x@example.com',
      'domain-no-dot': 'jan@example',
      'domain-dot': 'jan@example..com',
      'label-too-long': `jan@${'b'.repeat(64)}.com`,
      'label-hyphen': 'jan@-example.com',
      'domain-character': 'jan@exa_mple.com',
      'tld-number': 'jan@example.123',
      'tld-short': 'jan@example.c',
    };
    for (const kind of emailProblemKinds)
      expect(emailProblemOf(examples[kind])?.kind, kind).toBe(kind);
    // An empty value is `required.missing` (or nothing) before it is ever an address.
    const reachable = emailProblemKinds.filter(k => k !== 'empty');
    const d = destination({ columns: [{ name: 'Email', rule: 'email' }] });
    const r = prepare(
      d,
      ['Email'],
      reachable.map(k => [examples[k]])
    );
    expect(pick(r.issues, 'email.invalid').map(i => i.variant)).toEqual(reachable);
    seen.add('email.invalid/empty');
    // A long value is shortened the way every sentence shows it.
    expect(r.issues.find(i => i.variant === 'too-long')!.params).toMatchObject({
      value: `a@${'b'.repeat(55)}…`,
    });
  });

  it('language.invalid and language.normalised: the value and the code it is sent as', () => {
    const d = preset('hello-customer');
    const r = prepare(
      d,
      ['Email', 'Language'],
      [
        ['a@example.be', 'Français'],
        ['b@example.be', 'Klingon'],
      ]
    );
    expect(pick(r.issues, 'language.normalised')).toEqual([
      { variant: null, params: { line: 2, value: 'Français', code: 'FR' } },
    ]);
    expect(pick(r.issues, 'language.invalid')).toEqual([
      { variant: null, params: { line: 3, value: 'Klingon' } },
    ]);
  });

  it('phone.invalid: countries as ISO codes, the neighbouring reading when there is one', () => {
    const d = destination({ columns: [{ name: 'Mobile', rule: 'phone' }], phoneCountry: 'BE' });
    const r = prepare(d, ['Mobile'], [['06 12 34 56 78'], ['12345']]);
    expect(pick(r.issues, 'phone.invalid')).toEqual([
      {
        variant: 'elsewhere',
        params: {
          line: 2,
          value: '06 12 34 56 78',
          country: 'BE',
          otherCountry: 'FR',
          international: '+33612345678',
        },
      },
      {
        variant: 'plain',
        params: { line: 3, value: '12345', country: 'BE', otherCountry: '', international: '' },
      },
    ]);
    const dutch = prepare({ ...d, phoneCountry: 'NL' }, ['Mobile'], [['12']]);
    expect(dutch.issues[0]!.params).toMatchObject({ country: 'NL' });
    expect(englishIssueText(dutch.issues[0]!)).toContain('not a valid phone number (default country: Netherlands)');
  });

  it('phone.extension-dropped: the value, the extension left out and the number sent', () => {
    const d = destination({ columns: [{ name: 'Phone', rule: 'phone' }], phoneCountry: 'BE' });
    const r = prepare(d, ['Phone'], [['02 512 34 56 x 9']]);
    expect(pick(r.issues, 'phone.extension-dropped')).toEqual([
      {
        variant: null,
        params: { line: 2, value: '02 512 34 56 x 9', extension: '9', sent: '+3225123456' },
      },
    ]);
  });

  it('phone.leading-zero: the value, with its 0 put back, the number sent and the country', () => {
    const d = destination({ columns: [{ name: 'Phone', rule: 'phone' }], phoneCountry: 'BE' });
    const r = prepare(d, ['Phone'], [['473893257']]);
    expect(pick(r.issues, 'phone.leading-zero')).toEqual([
      { variant: null, params: { line: 2, value: '473893257', restored: '0473893257', sent: '+32473893257', country: 'BE' } },
    ]);
  });

  it('date.invalid: the expected format, and the reading in it when another common format fits', () => {
    const d = destination({ columns: [{ name: 'Born', rule: 'date', dateFormat: 'DD/MM/YYYY' }] });
    const r = prepare(d, ['Born'], [['1980-11-20'], ['31/02/1980']]);
    expect(pick(r.issues, 'date.invalid')).toEqual([
      {
        variant: 'reads-as',
        params: {
          line: 2,
          value: '1980-11-20',
          format: 'DD/MM/YYYY',
          reading: '20/11/1980',
          from: 'YYYY-MM-DD',
        },
      },
      {
        variant: 'plain',
        params: { line: 3, value: '31/02/1980', format: 'DD/MM/YYYY', reading: '', from: '' },
      },
    ]);
  });

  it('number.invalid, value.not-allowed (the allowed values as a list) and contact.missing (the columns)', () => {
    const d = destination({
      columns: [
        { name: 'Duration', rule: 'number' },
        { name: 'Direction', allowedValues: ['Inbound', 'Outbound'] },
      ],
    });
    const r = prepare(d, ['Duration', 'Direction'], [['2 min', 'sideways']]);
    expect(pick(r.issues, 'number.invalid')).toEqual([
      { variant: null, params: { line: 2, value: '2 min', column: 'Duration' } },
    ]);
    expect(pick(r.issues, 'value.not-allowed')).toEqual([
      {
        variant: null,
        params: {
          line: 2,
          value: 'sideways',
          column: 'Direction',
          allowed: ['Inbound', 'Outbound'],
        },
      },
    ]);
    const digitaleo = preset('digitaleo');
    const c = prepare(
      digitaleo,
      ['Nom', 'Email', 'Téléphone Fixe', 'Mobile'],
      [['DURAND', '', '', '']]
    );
    expect(pick(c.issues, 'contact.missing')).toEqual([
      {
        variant: null,
        params: {
          line: 2,
          columns: ['Email', 'Téléphone Fixe', 'Mobile'],
          destination: 'Digitaleo',
        },
      },
    ]);
  });

  it('duplicate.key: the key columns and the first line', () => {
    const d = preset('hello-customer', { duplicateKey: ['Email', 'Language'] });
    const r = prepare(
      d,
      ['Email', 'Language'],
      [
        ['wendy@hellocustomer.com', 'EN'],
        ['jan@example.be', 'NL'],
        ['Wendy@HelloCustomer.com', 'EN'],
      ]
    );
    expect(pick(r.issues, 'duplicate.key')).toEqual([
      { variant: 'left-out', params: { line: 4, key: ['Email', 'Language'], firstLine: 2 } },
    ]);
    expect(englishIssueText(r.issues[0]!)).toBe(
      'Line 4 has the same Email and Language as line 2. It is left out: only the first is sent.'
    );
    // A destination that sends every row says both are sent.
    const kept = prepare(
      preset('hello-customer', { duplicates: 'keep' }),
      ['Email', 'Language'],
      [
        ['wendy@hellocustomer.com', 'EN'],
        ['Wendy@HelloCustomer.com', 'EN'],
      ]
    );
    expect(pick(kept.issues, 'duplicate.key')).toEqual([
      { variant: 'kept', params: { line: 3, key: ['Email'], firstLine: 2 } },
    ]);
    expect(englishIssueText(kept.issues[0]!)).toBe('Line 3 has the same Email as line 2. Both are sent.');
  });

  it('output checks: separator or tab, line break, quote, unencodable character, formula, row size', () => {
    const d = preset('hello-customer');
    const r = prepare(
      d,
      ['Email', 'Language', 'Department', 'LastName'],
      [
        ['a@example.be', 'NL', 'Brussel; Centrum', ''],
        ['b@example.be', 'NL', 'Leuven\tCentrum', 'de "Smid"'],
        ['c@example.be', 'NL', 'Gent\nZuid', ''],
      ]
    );
    expect(pick(r.issues, 'output.delimiter')).toEqual([
      {
        variant: 'separator',
        params: { line: 2, value: 'Brussel; Centrum', column: 'Department', delimiter: ';' },
      },
      {
        variant: 'tab',
        params: { line: 3, value: 'Leuven⇥Centrum', column: 'Department', delimiter: ';' },
      },
    ]);
    expect(pick(r.issues, 'output.quote')).toEqual([
      { variant: null, params: { line: 3, value: 'de "Smid"', column: 'LastName' } },
    ]);
    expect(pick(r.issues, 'output.line-break')).toEqual([
      { variant: null, params: { line: 4, column: 'Department' } },
    ]);

    const latin = preset('hello-customer', { output: { ...d.output, encoding: 'windows-1252' } });
    const u = prepare(latin, ['Email', 'Language', 'LastName'], [['b@example.be', 'PL', 'Łukasz']]);
    expect(pick(u.issues, 'output.unencodable')).toEqual([
      {
        variant: null,
        params: { line: 2, value: 'Łukasz', character: 'Ł', encoding: 'windows-1252' },
      },
    ]);

    const notes = destination({
      columns: [{ name: 'Note' }],
      limits: { maxBytes: 50, maxRows: null },
    });
    const f = prepare(notes, ['Note'], [['=1+1'], ['x'.repeat(60)]]);
    expect(pick(f.issues, 'output.formula-neutralised')).toEqual([
      { variant: null, params: { line: 2, value: '=1+1', sent: "'=1+1" } },
    ]);
    expect(pick(f.issues, 'limit.row-too-large')).toEqual([
      { variant: null, params: { line: 3, destination: 'Test drop', maxBytes: 50 } },
    ]);
  });

  it('text checks: bytes that were not UTF-8 and control characters, with the cell shown and the Windows-1252 reading', () => {
    const d = preset('hello-customer');
    const r = prepare(
      d,
      ['Email', 'Language', 'FirstName', 'LastName'],
      [['zoe@example.com', 'FR', 'Zo\uDCEB', 'Du\x00pont\x1b']]
    );
    expect(pick(r.issues, 'text.invalid-bytes')).toEqual([
      {
        variant: null,
        params: { line: 2, value: 'Zo\uFFFD', column: 'FirstName', bytes: 'EB', reading: 'Zoë' },
      },
    ]);
    expect(pick(r.issues, 'text.control-characters')).toEqual([
      { variant: null, params: { line: 2, value: 'Du␀pont␛', column: 'LastName' } },
    ]);
  });

  it('list.separator-in-item (the item and the separator), date.time-skipped and date.time-twice (the zone, the offset read)', () => {
    const d = destination({
      columns: [
        { name: 'Interests', multiValue: { sourceSeparator: ';' } },
        { name: 'Seen', rule: 'date' },
      ],
      output: {
        dateFormat: 'YYYY-MM-DD HH:mm',
        timeZone: 'UTC',
        sourceTimeZone: 'Europe/Brussels',
      },
    });
    const r = prepare(
      d,
      ['Interests', 'Seen'],
      [
        ['a|b', '2026-03-29 02:30'],
        ['x', '2026-10-25 02:30'],
      ]
    );
    expect(pick(r.issues, 'list.separator-in-item')).toEqual([
      { variant: null, params: { line: 2, value: 'a|b', column: 'Interests', separator: '|' } },
    ]);
    expect(pick(r.issues, 'date.time-skipped')).toEqual([
      { variant: null, params: { line: 2, value: '2026-03-29 02:30', zone: 'Europe/Brussels' } },
    ]);
    expect(pick(r.issues, 'date.time-twice')).toEqual([
      {
        variant: null,
        params: { line: 3, value: '2026-10-25 02:30', zone: 'Europe/Brussels', offset: '+02:00' },
      },
    ]);
  });

  it('recording.missing and recording.unreadable (the recording as named, and its column)', () => {
    const d = preset('evaluagent', {
      recordings: { column: 'Recording', remoteFolder: '/recordings' },
    });
    const r = prepare(
      d,
      ['Contact ID', 'Recording'],
      [
        ['C-1', 'week 48\\call-8812.wav'],
        ['C-2', 'locked.wav'],
      ],
      { recordings: { readable: [], unreadable: ['locked.wav'] } }
    );
    expect(pick(r.issues, 'recording.missing')).toEqual([
      {
        variant: null,
        params: { line: 2, value: 'week 48\\call-8812.wav', column: 'Recording' },
      },
    ]);
    expect(pick(r.issues, 'recording.unreadable')).toEqual([
      { variant: null, params: { line: 3, value: 'locked.wav', column: 'Recording' } },
    ]);
  });

  it('covers every code and every variant', () => {
    for (const code of Object.keys(issueCodes) as Array<keyof typeof issueCodes>) {
      const variants: readonly string[] | undefined = (
        issueVariants as Partial<Record<string, readonly string[]>>
      )[code];
      if (variants)
        for (const v of variants) expect(seen, `${code}/${v}`).toContain(`${code}/${v}`);
      else expect(seen, code).toContain(code);
    }
  });
});
