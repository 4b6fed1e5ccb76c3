import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../harness/temp-home';
import { courier } from './run-captured';

/**
 * The destination editor in the CLI: every setting the editor has is a `set` key that round-trips
 * through `show --json`; a bad value is exit code 2 with a sentence naming the key; Digitaleo's
 * options take effect on every save; Hello Customer needs its touchpoint; a vendor's sample file
 * gives the columns; a dummy-data file passes the destination's own checks.
 */
const home = tempHome('courier-editor-cli-');

const add = (name: string, preset: string, ...extra: string[]) =>
  courier(
    [
      'destinations',
      'add',
      name,
      ...extra,
      '--preset',
      preset,
      '--protocol',
      'sftp',
      '--host',
      'sftp.example.com',
      '--user',
      'acme',
    ],
    { home: home.path }
  );
const set = (name: string, ...words: string[]) =>
  courier(['destinations', 'set', name, ...words], { home: home.path });
const show = async (name: string) => {
  const shown = await courier(['destinations', 'show', name, '--json'], { home: home.path });
  expect(shown.code, shown.stderr).toBe(0);
  return JSON.parse(shown.stdout).destination;
};

describe('courier destinations set: every editor setting', () => {
  it('columns, column.NAME.*, quoting, receipt, touchpoint and extra columns round-trip through show --json', async () => {
    expect((await add('Drop', 'generic')).code).toBe(0);
    const changed = await set(
      'Drop',
      'columns=Email,First name,Last name,Tier,Joined,Account,Lang,Fax',
      'column.First name.required=yes',
      'column.Email.rule=email',
      'column.Tier.allowed=Gold|Silver|Bronze',
      'column.Joined.rule=date',
      'column.Joined.date-format=DD/MM/YYYY',
      'column.Account.value=ACME-01',
      'column.Account.rule=reference',
      'column.Lang.rule=language',
      'column.Lang.letter-case=upper',
      'column.Fax.rule=phone',
      'column.Fax.lenient=yes',
      'column.Last name.name=Surname',
      'quoting=always',
      'receipt=done-suffix',
      'extra-columns=yes',
      'duplicates=leave-out',
      'duplicate-key=Email',
      'name-reuse=never'
    );
    expect(changed.code, changed.stderr).toBe(0);
    const d = await show('Drop');
    expect(d.columns).toEqual([
      { name: 'Email', required: true, rule: 'email' },
      { name: 'First name', required: true, rule: 'text' },
      { name: 'Surname', required: false, rule: 'text' },
      { name: 'Tier', required: false, rule: 'text', allowedValues: ['Gold', 'Silver', 'Bronze'] },
      { name: 'Joined', required: false, rule: 'date', dateFormat: 'DD/MM/YYYY' },
      { name: 'Account', required: false, rule: 'reference', fixedValue: 'ACME-01' },
      { name: 'Lang', required: false, rule: 'language', letterCase: 'upper' },
      { name: 'Fax', required: false, rule: 'phone', lenient: true },
    ]);
    expect(d).toMatchObject({
      output: { quoting: 'always' },
      receipt: 'done-suffix',
      extraColumns: true,
      duplicates: 'leave-out',
      duplicateKey: ['Email'],
      nameReuse: 'never',
    });

    // Quote character none (with standard quoting), a touchpoint, extra columns off again.
    expect(
      (
        await set(
          'Drop',
          'quoting=standard',
          'quote-char=none',
          'touchpoint=NPS_after_visit',
          'extra-columns=no',
          'column.Tier.allowed='
        )
      ).code
    ).toBe(0);
    const again = await show('Drop');
    expect(again.output).toMatchObject({ quoting: 'standard', quoteChar: 'none' });
    expect(again.variables).toEqual({ touchpoint: 'NPS_after_visit' });
    expect(again.extraColumns).toBe(false);
    expect(again.columns[3]).toEqual({ name: 'Tier', required: false, rule: 'text' });
  });

  it('refuses a bad value with exit code 2 and a sentence naming the key; nothing is saved', async () => {
    expect((await add('Strict', 'generic')).code).toBe(0);
    const before = await show('Strict');
    for (const [word, says] of [
      ['quoting=sometimes', 'quoting must be standard, always or never (got “sometimes”)'],
      ['quote-char=`', 'quote-char must be ", \' or none (got “`”)'],
      ['receipt=email', 'receipt must be none, digitaleo, done-suffix (got “email”)'],
      ['extra-columns=maybe', 'extra-columns must be yes or no (got “maybe”)'],
      [
        'column.Email.rule=postcode',
        'column.Email.rule must be text, email, language, phone, date, reference, number (got “postcode”)',
      ],
      ['column.Email.required=perhaps', 'column.Email.required must be yes or no (got “perhaps”)'],
      [
        'column.Nope.rule=email',
        'column.Nope.rule must be one of the columns (“Email”) (got “Nope”)',
      ],
      [
        'column.Email.date-format=soon',
        'column.Email.date-format must be a date format such as YYYY-MM-DD or DD/MM/YYYY (got “soon”)',
      ],
      ['columns=', 'columns must be at least one column name'],
      ['columns=A,B,A', 'columns must be each column name once'],
      ['digitaleo.mode=sync', 'digitaleo.mode must be set on a Digitaleo destination only'],
      ['digitaleo.list=Clients', 'digitaleo.list must be set on a Digitaleo destination only'],
    ] as const) {
      const bad = await set('Strict', 'delimiter=;', word);
      expect(bad.code, word).toBe(2);
      expect(bad.stderr, word).toContain(says);
    }
    // A refused setting leaves the whole destination as it was (the delimiter before it too).
    expect(await show('Strict')).toEqual(before);
    // quoting=always with no quote character cannot be written.
    const none = await set('Strict', 'quote-char=none', 'quoting=always');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('quoting “always” needs a quote character');
  });

  it('Digitaleo options take effect whenever they change: uniqueness, multi-account, opt-out medium, list naming', async () => {
    expect((await add('Leads', 'digitaleo')).code).toBe(0);
    const fresh = await show('Leads');
    expect(fresh.atLeastOneOf).toEqual(['Email', 'Téléphone Fixe', 'Mobile']);
    expect(fresh.columns.filter((c: { required: boolean }) => c.required)).toEqual([]);

    expect(
      (await set('Leads', 'digitaleo.unique=reference', 'digitaleo.multi-account=yes')).code
    ).toBe(0);
    const byReference = await show('Leads');
    const required = (d: { columns: Array<{ name: string; required: boolean }> }) =>
      d.columns.filter(c => c.required).map(c => c.name);
    expect(required(byReference)).toEqual(['Référence', 'dispatch']);
    expect(byReference.atLeastOneOf).toEqual([]);
    expect(byReference.duplicateKey).toEqual(['Référence']);
    expect(byReference.columns.at(-1).name).toBe('dispatch');
    expect(byReference.digitaleo).toMatchObject({ uniqueness: 'reference', multiAccount: true });

    expect(
      (
        await set(
          'Leads',
          'digitaleo.unique=email+phone+mobile',
          'digitaleo.multi-account=no',
          'digitaleo.action=optoutSMS'
        )
      ).code
    ).toBe(0);
    const optout = await show('Leads');
    expect(required(optout)).toEqual(['Mobile']);
    expect(optout.columns.some((c: { name: string }) => c.name === 'dispatch')).toBe(false);
    for (const [action, column] of [
      ['optinEMAIL', 'Email'],
      ['optoutVOICE', 'Téléphone Fixe'],
      ['optinVOICEMAIL', 'Mobile'],
    ] as const) {
      expect((await set('Leads', `digitaleo.action=${action}`)).code).toBe(0);
      expect(required(await show('Leads')), action).toEqual([column]);
    }

    // Sync an existing list: the file is named exactly after the list, the same every run.
    expect(
      (
        await set(
          'Leads',
          'digitaleo.action=import',
          'digitaleo.mode=sync',
          'digitaleo.list=Clients Gent'
        )
      ).code
    ).toBe(0);
    const sync = await show('Leads');
    expect(sync).toMatchObject({
      fileName: '{list}.csv',
      nameReuse: 'same-every-run',
      variables: { list: 'Clients Gent' },
      digitaleo: { importMode: 'syncExistingList' },
    });
    const forPeople = await courier(['destinations', 'show', 'Leads'], { home: home.path });
    expect(forPeople.stdout).toContain('the same file name every run');
    expect(forPeople.stdout).toContain(
      'Digitaleo import (syncExistingList), unique by email+phone+mobile'
    );
    // Back to a new list per file: dated names that are never reused.
    expect((await set('Leads', 'digitaleo.mode=create')).code).toBe(0);
    expect(await show('Leads')).toMatchObject({
      fileName: '{list}_{date:YYYYMMDD}_{time:HHmmss}.csv',
      nameReuse: 'never',
    });

    for (const [word, says] of [
      ['digitaleo.mode=merge', 'digitaleo.mode must be create, add, sync or none (got “merge”)'],
      [
        'digitaleo.unique=fax',
        'digitaleo.unique must be email+phone+mobile, reference, email, mobile, phone or none (got “fax”)',
      ],
      ['digitaleo.multi-account=2', 'digitaleo.multi-account must be yes or no (got “2”)'],
      ['digitaleo.action=export', 'digitaleo.action must be import, optoutEMAIL'],
      ['digitaleo.list=a/b', 'digitaleo.list must be a list name without'],
    ] as const) {
      const bad = await set('Leads', word);
      expect(bad.code, word).toBe(2);
      expect(bad.stderr, word).toContain(says);
    }
  });

  it('Hello Customer needs its touchpoint before it is saved (no more touchpoint_20261202.csv)', async () => {
    const without = await add('Survey', 'hello-customer');
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('The file name uses {touchpoint}');
    expect(without.stderr).toContain('variables.touchpoint');
    const added = await add('Survey', 'hello-customer', 'touchpoint=NPS_after_visit');
    expect(added.code, added.stderr).toBe(0);
    expect((await show('Survey')).variables).toEqual({ touchpoint: 'NPS_after_visit' });
    const emptied = await set('Survey', 'touchpoint=');
    expect(emptied.code).toBe(2);
    expect(emptied.stderr).toContain('needs a value for “touchpoint”');
    expect((await show('Survey')).variables).toEqual({ touchpoint: 'NPS_after_visit' });
  });

  it('add --from-sample and set --columns-from-sample take the sample header in order, rules guessed, format proposed', async () => {
    const sample = join(home.path, 'vendor-sample.csv');
    await writeFile(
      sample,
      Buffer.from(
        'Customer ID;E-mail;First Name;Lang;Signed up;Amount\n' +
          'C-1;anna@example.com;Anna;EN;2026-01-31;12\n' +
          'C-2;ben@example.org;Ben;FR;2026-02-01;7\n',
        'utf8'
      )
    );
    const added = await add('Gauge', 'customergauge', '--from-sample', sample);
    expect(added.code, added.stderr).toBe(0);
    const d = await show('Gauge');
    expect(d.columns.map((c: { name: string }) => c.name)).toEqual([
      'Customer ID',
      'E-mail',
      'First Name',
      'Lang',
      'Signed up',
      'Amount',
    ]);
    expect(d.columns.map((c: { rule: string }) => c.rule)).toEqual([
      'reference',
      'email',
      'text',
      'language',
      'date',
      'text',
    ]);
    expect(d.columns[3].letterCase).toBe('upper');
    expect(d.columns[4].dateFormat).toBe('YYYY-MM-DD');
    expect(d.output).toMatchObject({ delimiter: ';', encoding: 'utf-8', lineEnding: 'lf' });
    expect(d.columnsFromSample).toBe(true);

    const tsv = join(home.path, 'second-sample.tsv');
    await writeFile(tsv, Buffer.from('Agent Email\tCall ID\r\nagent@example.com\tX-1\r\n', 'utf8'));
    const replaced = await set(
      'Gauge',
      '--columns-from-sample',
      tsv,
      'column.Call ID.required=yes'
    );
    expect(replaced.code, replaced.stderr).toBe(0);
    const after = await show('Gauge');
    expect(after.columns).toEqual([
      { name: 'Agent Email', required: false, rule: 'email' },
      { name: 'Call ID', required: true, rule: 'reference' },
    ]);
    expect(after.output).toMatchObject({ delimiter: '\t', lineEnding: 'crlf' });

    // The vendor's sample as a workbook (EvaluAgent hands over XLSX): columns only, format kept.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Template');
    sheet.addRow(['Contact ID', 'Agent Email', 'Call Date', 'Language']);
    sheet.addRow(['C-1', 'agent@example.com', '2026-12-01', 'en']);
    const xlsx = join(home.path, 'evaluagent-template.xlsx');
    await book.xlsx.writeFile(xlsx);
    const fromBook = await set('Gauge', '--columns-from-sample', xlsx);
    expect(fromBook.code, fromBook.stderr).toBe(0);
    const booked = await show('Gauge');
    expect(booked.columns.map((c: { name: string; rule: string }) => [c.name, c.rule])).toEqual([
      ['Contact ID', 'reference'],
      ['Agent Email', 'email'],
      ['Call Date', 'date'],
      ['Language', 'language'],
    ]);
    expect(booked.output).toEqual(after.output);
  });
});

describe('courier dummy-data', () => {
  it('writes invented contacts in the exact format, which pass the destination’s own checks with zero issues', async () => {
    for (const [name, preset, extra] of [
      ['Dummy Digitaleo', 'digitaleo', ['digitaleo.multi-account=yes']],
      ['Dummy Hello', 'hello-customer', ['touchpoint=NPS']],
      ['Dummy Eval', 'evaluagent', []],
      ['Dummy Gauge', 'customergauge', ['encoding=windows-1252', 'delimiter=;', 'quoting=always']],
    ] as const) {
      expect((await add(name, preset, ...extra)).code).toBe(0);
      const out = join(home.path, `${preset}-dummy.csv`);
      const written = await courier(['dummy-data', name, '--rows', '40', '--out', out, '--json'], {
        home: home.path,
      });
      expect(written.code, written.stderr).toBe(0);
      expect(JSON.parse(written.stdout)).toMatchObject({
        files: [{ path: out, rows: 40 }],
        issues: 0,
      });
      const text = (await readFile(out)).toString('latin1');
      // No real address: only the reserved example domains.
      for (const address of text.match(/[^\s,;"]+@[^\s,;"]+/g) ?? [])
        expect(address).toMatch(/@example\.(com|org)$/);
      const checked = await courier(['check', out, '--destination', name, '--json'], {
        home: home.path,
      });
      expect(checked.code, checked.stdout).toBe(0);
      const report = JSON.parse(checked.stdout);
      expect(report.issues, preset).toEqual([]);
      expect(report.validRowCount).toBe(40);
    }
    // The same seed writes the same bytes; another seed other people.
    const a = join(home.path, 'a.csv');
    const b = join(home.path, 'b.csv');
    const c = join(home.path, 'c.csv');
    await courier(['dummy-data', 'Dummy Eval', '--rows', '5', '--out', a, '--seed', '7'], {
      home: home.path,
    });
    await courier(['dummy-data', 'Dummy Eval', '--rows', '5', '--out', b, '--seed', '7'], {
      home: home.path,
    });
    await courier(['dummy-data', 'Dummy Eval', '--rows', '5', '--out', c, '--seed', '8'], {
      home: home.path,
    });
    expect(await readFile(a)).toEqual(await readFile(b));
    expect(await readFile(a)).not.toEqual(await readFile(c));

    const bad = await courier(['dummy-data', 'Dummy Eval', '--rows', 'many', '--out', a], {
      home: home.path,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rows must be a whole number above 0');
  });
});
