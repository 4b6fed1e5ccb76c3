import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src-renderer/src/i18n/i18n';
import { issueText } from '../../src-core/words/issue-text';
import { IssueSchema } from '../../src-core/preparation/preparation-ipc';
import { issueCodes, issueVariants, type RowIssue } from '../../src-core/validation/issues';
import { destination, prepare, preset } from '../core/preparation/helpers';

const en = createI18n('en', 'en-GB');
const fr = createI18n('fr', 'fr-BE');
const nl = createI18n('nl', 'nl-BE');

/** Real issues from the real preparation: at least one of every code and variant. */
function everyIssue(): RowIssue[] {
  const hello = preset('hello-customer');
  const mail = destination({ columns: [{ name: 'Email', rule: 'email' }] });
  const emails = [
    'jan @example.com',
    'jan.example.com',
    'jan@example@com',
    '@example.com',
    'jan@',
    `${'a'.repeat(65)}@example.com`,
    `a@${`${'b'.repeat(63)}.`.repeat(4)}com`,
    'jan..peeters@example.com',
    'jan(at)x@example.com',
    'jan@example',
    'jan@example..com',
    `jan@${'b'.repeat(64)}.com`,
    'jan@-example.com',
    'jan@exa_mple.com',
    'jan@example.123',
    'jan@example.c',
    '=1+1@example.com',
  ];
  const phones = destination({ columns: [{ name: 'Mobile', rule: 'phone' }], phoneCountry: 'BE' });
  const dates = destination({
    columns: [{ name: 'Born', rule: 'date', dateFormat: 'DD/MM/YYYY' }],
  });
  const lists = destination({
    columns: [
      { name: 'Duration', rule: 'number' },
      { name: 'Direction', allowedValues: ['Inbound', 'Outbound'] },
    ],
  });
  const notes = destination({
    columns: [{ name: 'Note' }],
    limits: { maxBytes: 50, maxRows: null },
  });
  const latin = preset('hello-customer', { output: { ...hello.output, encoding: 'windows-1252' } });
  const issues: RowIssue[] = [
    ...prepare(hello, ['Email'], [['wendy@hellocustomer.com']]).issues,
    ...prepare(
      hello,
      ['Email', 'Language'],
      [
        ['', 'NL'],
        ['a@example.be', 'Français'],
        ['b@example.be', 'Klingon'],
        ['a@example.be', 'EN'],
      ]
    ).issues,
    ...prepare(
      mail,
      ['Email'],
      emails.map(e => [e])
    ).issues,
    ...prepare(
      phones,
      ['Mobile'],
      [['06 12 34 56 78'], ['12345'], ['02 512 34 56 ext 12'], ['473893257']]
    ).issues,
    ...prepare(dates, ['Born'], [['1980-11-20'], ['31/02/1980']]).issues,
    ...prepare(lists, ['Duration', 'Direction'], [['2 min', 'sideways']]).issues,
    ...prepare(
      destination({
        columns: [
          { name: 'Interests', multiValue: { sourceSeparator: ';' } },
          { name: 'Seen', rule: 'date' },
        ],
        output: {
          dateFormat: 'YYYY-MM-DD HH:mm',
          timeZone: 'UTC',
          sourceTimeZone: 'Europe/Brussels',
        },
      }),
      ['Interests', 'Seen'],
      [
        ['a|b', '2026-03-29 02:30'],
        ['x', '2026-10-25 02:30'],
      ]
    ).issues,
    ...prepare(
      preset('digitaleo'),
      ['Nom', 'Email', 'Téléphone Fixe', 'Mobile'],
      [['DURAND', '', '', '']]
    ).issues,
    ...prepare(
      hello,
      ['Email', 'Language', 'Department', 'LastName'],
      [
        ['c@example.be', 'NL', 'Brussel; Centrum', 'de "Smid"'],
        ['d@example.be', 'NL', 'Leuven\tCentrum\nZuid', ''],
      ]
    ).issues,
    ...prepare(latin, ['Email', 'Language', 'LastName'], [['e@example.be', 'PL', 'Łukasz']]).issues,
    ...prepare(
      preset('hello-customer', { duplicates: 'keep' }),
      ['Email', 'Language'],
      [
        ['g@example.be', 'NL'],
        ['G@example.be', 'NL'],
      ]
    ).issues,
    ...prepare(notes, ['Note'], [['=1+1'], ['x'.repeat(60)]]).issues,
    // As the reader gives them: a byte that was not UTF-8 kept as U+DC00 + byte, a NUL as is.
    ...prepare(
      hello,
      ['Email', 'Language', 'FirstName', 'LastName'],
      [['f@example.be', 'FR', 'Zo\uDCEB', 'Du\x00pont']]
    ).issues,
    // EvaluAgent's recordings, looked up in the folder the send was given.
    ...prepare(
      preset('evaluagent', { recordings: { column: 'Recording', remoteFolder: '/recordings' } }),
      ['Contact ID', 'Recording'],
      [
        ['C-1', 'call-8812.wav'],
        ['C-2', 'locked.wav'],
      ],
      { recordings: { readable: [], unreadable: ['locked.wav'] } }
    ).issues,
  ];
  // An empty address never reaches the e-mail check (it is a missing value): made by hand.
  issues.push({
    row: 0,
    sourceLine: 2,
    column: 'Email',
    code: 'email.invalid',
    variant: 'empty',
    params: { line: 2, value: '', character: '' },
    severity: 'error',
  });
  return issues;
}

const kind = (i: RowIssue) => (i.variant === null ? i.code : `${i.code}/${i.variant}`);

describe('issue sentences in the user’s language', () => {
  const issues = everyIssue();

  it('has an example of every code and every variant', () => {
    const kinds = new Set(issues.map(kind));
    for (const code of Object.keys(issueCodes)) {
      const variants = (issueVariants as Partial<Record<string, readonly string[]>>)[code];
      for (const k of variants ? variants.map(v => `${code}/${v}`) : [code])
        expect(kinds, k).toContain(k);
    }
  });

  it('says every one of them in French and Dutch, every blank filled, none left in English', () => {
    for (const issue of issues) {
      // What the review receives is what crossed IPC.
      const received = IssueSchema.parse(issue);
      const english = issueText(received, en);
      expect(english, kind(issue)).not.toMatch(/[{}]/);
      for (const i18n of [fr, nl]) {
        const said = issueText(received, i18n);
        expect(said, `${i18n.language} ${kind(issue)}`).not.toMatch(/[{}]/);
        expect(said, `${i18n.language} ${kind(issue)}`).not.toBe(english);
        expect(said, `${i18n.language} ${kind(issue)}`).toMatch(
          i18n.language === 'fr' ? /^(Ligne|La ligne|Aucune) / : /^(Regel|Er is) /
        );
        expect(said, `${i18n.language} ${kind(issue)}`).not.toMatch(
          /\b(Row|Line|the|is not|contains)\b/
        );
      }
    }
  });

  it('says them exactly, with the language’s quotes, country names, lists and sizes', () => {
    const find = (k: string) => issues.find(i => kind(i) === k)!;
    expect(issueText(find('text.invalid-bytes'), nl)).toBe(
      'Regel 2: „Zo\uFFFD” in FirstName bevat bytes die geen geldige UTF-8 zijn (EB); gelezen als Windows-1252 is het „Zoë”.'
    );
    expect(issueText(find('text.control-characters'), fr)).toBe(
      'Ligne 2 : « Du␀pont » dans LastName contient un caractère de contrôle invisible (montré par un symbole comme ␀), qui n’est jamais écrit dans un fichier.'
    );
    expect(issueText(find('email.invalid/many-at'), en)).toBe(
      'Line 4: “jan@example@com” is not a valid e-mail address (it has more than one @).'
    );
    expect(issueText(find('email.invalid/many-at'), fr)).toBe(
      'Ligne 4 : « jan@example@com » n’est pas une adresse e-mail valide (elle contient plus d’un @).'
    );
    expect(issueText(find('email.invalid/domain-character'), nl)).toBe(
      'Regel 15: „jan@exa_mple.com” is geen geldig e-mailadres (het teken „_” is niet toegestaan in een domein).'
    );
    expect(issueText(find('phone.invalid/elsewhere'), fr)).toBe(
      'Ligne 2 : « 06 12 34 56 78 » n’est pas un numéro de téléphone valide (pays par défaut : Belgique). Si c’est un numéro de l’étranger (France), son format international est +33612345678.'
    );
    expect(issueText(find('phone.invalid/plain'), nl)).toBe(
      'Regel 3: „12345” is geen geldig telefoonnummer (standaardland: België).'
    );
    expect(issueText(find('phone.invalid/elsewhere'), en)).toBe(
      'Line 2: “06 12 34 56 78” is not a valid phone number (default country: Belgium). If it is a number from France, its international form is +33612345678.'
    );
    expect(issueText(find('date.invalid/reads-as'), nl)).toBe(
      'Regel 2: „1980-11-20” is geen datum in de vorm DD/MM/JJJJ. In die vorm is dat 20/11/1980.'
    );
    expect(issueText(find('value.not-allowed'), fr)).toBe(
      'Ligne 2 : « sideways » n’est pas une valeur acceptée dans Direction ; les valeurs acceptées sont Inbound et Outbound.'
    );
    expect(issueText(find('recording.missing'), fr)).toBe(
      'Ligne 2 : l’enregistrement « call-8812.wav » n’est pas dans le dossier.'
    );
    expect(issueText(find('recording.missing'), nl)).toBe(
      'Regel 2: de opname „call-8812.wav” staat niet in de map.'
    );
    expect(issueText(find('recording.unreadable'), en)).toBe(
      'Line 3: the recording “locked.wav” is in the folder, but Courier may not read it. Ask for read access to it.'
    );
    expect(issueText(find('contact.missing'), nl)).toBe(
      'Regel 2: geen van de kolommen Email, Téléphone Fixe en Mobile bevat een geldige waarde, dus Digitaleo zou dit contact weigeren.'
    );
    expect(issueText(find('duplicate.key/left-out'), fr)).toBe(
      'La ligne 5 a la même valeur dans Email que la ligne 3. Elle est écartée : seule la première est envoyée.'
    );
    expect(issueText(find('duplicate.key/kept'), nl)).toBe(
      'Regel 3 heeft dezelfde waarde in Email als regel 2. Beide worden verstuurd.'
    );
    expect(issueText(find('output.delimiter/separator'), fr)).toBe(
      'Ligne 2 : la valeur « Brussel; Centrum » de Department contient un point-virgule (;), le caractère qui sépare les valeurs de ce fichier, et ce format ne permet pas de mettre des guillemets. Supprimez ou remplacez ce caractère.'
    );
    expect(issueText(find('output.unencodable'), nl)).toBe(
      'Regel 2: „Łukasz” bevat „Ł”, dat niet in de West-Europese codering (Windows-1252) kan worden geschreven. Vervang dat teken, of kies UTF-8 voor deze bestemming.'
    );
    expect(issueText(find('limit.row-too-large'), fr)).toBe(
      'La ligne 3 dépasse à elle seule la limite de 50\u00a0octets par fichier de Test drop.'
    );
  });

  it('writes line numbers the language’s way', () => {
    const far = {
      ...issues.find(i => i.code === 'language.invalid')!,
      params: { line: 123_456, value: 'Klingon' },
    };
    expect(issueText(far, fr)).toBe(
      'Ligne 123\u202f456 : « Klingon » n’est pas une langue que Courier reconnaît ; écrivez un code à deux lettres comme EN, FR, NL ou DE.'
    );
  });

  it('says what the catalogue cannot say whole by its group title and line, never with a hole', () => {
    expect(issueText({ code: 'future.code', variant: null, params: { line: 2 } }, fr)).toBe(
      'Ligne 2: future.code.'
    );
    expect(
      issueText(
        { code: 'email.invalid', variant: 'future-kind', params: { line: 2, value: 'x', character: '' } },
        fr
      )
    ).toBe('Ligne 2: E-mail addresses that are not valid.');
    // A sentence whose value is missing is not shown with a hole in it.
    expect(
      issueText({ code: 'number.invalid', variant: null, params: { line: 2, value: 'x' } }, nl)
    ).toBe('Regel 2: Values that are not numbers.');
    expect(issueText({ code: 'number.invalid', variant: null, params: { value: 'x' } }, en)).toBe(
      'Values that are not numbers.'
    );
  });
});
