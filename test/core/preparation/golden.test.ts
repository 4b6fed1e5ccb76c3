import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { applyDigitaleoOptions, columnsFromSample } from '../../../src-core/destinations/presets';
import { prepareRows, type PreparationResult } from '../../../src-core/preparation/prepare';
import type { Destination } from '../../../src-core/destinations/destination';
import type { Fix } from '../../../src-core/fixes/fix';
import { NOW, preset, rows } from './helpers';

/**
 * Golden files: each preset's output for the same messy export, compared byte for byte with the
 * files in test/fixtures/golden/<preset>/ (reviewed by hand when written; `UPDATE_GOLDEN=1`
 * rewrites them after a deliberate change).
 */
const GOLDEN = join(import.meta.dirname, '../../fixtures/golden');

const header = ['Civilité', 'Prénom', 'Nom', 'E-mail', 'Langue', 'GSM', 'Tél. fixe', 'Ville', 'Né(e) le', 'Klantnummer', 'Commentaire'];
const data = [
  ['M.', 'Pierre ', 'DUPONT', 'pierre.dupont@mygmail.com', 'FR', '0470 12 34 56', '02 555 12 12', 'Bruxelles', '20/11/1980', 'C-001', 'Client fidèle, "VIP"'],
  ['Mme', 'Sylvie', 'MARTIN', 'sylvie.martin@mygmail.com', 'Français', '', '', 'Liège', '01/02/1975', 'C-002', ''],
  ['M.', 'Jan', 'Peeters', 'jan.peeters@voorbeeld.be', 'nl_BE', '+32 486 11 22 33', '', 'Gent', '', 'C-003', '=1+2'],
  ['Mevr.', 'Zoë', 'Müller', 'zoe@müller.de', 'de', '', '', 'Köln', '30/06/1990', 'C-004', 'Line one\nline two'],
  ['M.', 'Michel', 'DURAND', 'michel.durand@@mygmail.com', 'en-GB', '06 12 34 56 78', '', 'Paris', '', 'C-005', ''],
  ['', 'Wendy', 'De Vos', 'wendy@hellocustomer.com', 'EN', '', '', 'Brussel', '', 'C-006', 'dept 3'],
];

type Case = { name: string; destination: Destination; mapping: Record<string, string | null>; fixes?: Fix[] };

const cases: Case[] = [
  {
    name: 'hello-customer',
    destination: preset('hello-customer', { variables: { touchpoint: 'NPS_after_visit' } }),
    mapping: { Email: 'E-mail', Language: 'Langue', FirstName: 'Prénom', LastName: 'Nom', Department: 'Ville', CustomId: 'Klantnummer' },
    fixes: [{ kind: 'trim', column: 'FirstName' }, { kind: 'exclude-invalid' }],
  },
  {
    name: 'hello-customer-latin1',
    destination: preset('hello-customer', { variables: { touchpoint: 'NPS after visit' }, output: { ...preset('hello-customer').output, encoding: 'iso-8859-1', delimiter: '\t' } }),
    mapping: { Email: 'E-mail', Language: 'Langue', FirstName: 'Prénom', LastName: 'Nom', Department: 'Ville', CustomId: 'Klantnummer' },
    fixes: [{ kind: 'exclude-invalid' }],
  },
  {
    name: 'customergauge',
    destination: preset('customergauge', {
      columns: columnsFromSample(['Email', 'FirstName', 'LastName', 'Language', 'Reference', 'Comment'], [['john@example.com', 'John', 'Doe', 'en', 'R1', '']]),
      limits: { maxRows: 2, maxBytes: null },
    }),
    mapping: { Email: 'E-mail', FirstName: 'Prénom', LastName: 'Nom', Language: 'Langue', Reference: 'Klantnummer', Comment: 'Commentaire' },
    fixes: [{ kind: 'exclude-invalid' }, { kind: 'edit-cell', row: 4, column: 'Email', original: 'michel.durand@@mygmail.com', value: 'michel.durand@mygmail.com' }],
  },
  {
    name: 'digitaleo',
    destination: preset('digitaleo', { variables: { list: 'clients fidèles' } }),
    mapping: { Civilité: 'Civilité', Prénom: 'Prénom', Nom: 'Nom', Email: 'E-mail', 'Téléphone Fixe': 'Tél. fixe', Mobile: 'GSM', Ville: 'Ville', 'Date de naissance': 'Né(e) le', Référence: 'Klantnummer' },
    fixes: [{ kind: 'trim', column: 'Prénom' }, { kind: 'phone-international', column: 'Mobile', country: 'BE' }, { kind: 'exclude-row', row: 3 }, { kind: 'exclude-invalid' }],
  },
  {
    name: 'digitaleo-zip-multi-account',
    destination: (() => {
      const d = applyDigitaleoOptions(preset('digitaleo'), { multiAccount: true, uniqueness: 'reference' });
      return { ...d, output: { ...d.output, zip: true }, columns: d.columns.map(c => (c.name === 'dispatch' ? { ...c, fixedValue: 'A0201' } : c)) };
    })(),
    mapping: { Nom: 'Nom', Email: 'E-mail', Référence: 'Klantnummer' },
    fixes: [{ kind: 'exclude-invalid' }],
  },
  {
    name: 'blueconic',
    destination: preset('blueconic'),
    mapping: { customer_id: 'Klantnummer', email: 'E-mail', first_name: 'Prénom', last_name: 'Nom', language: 'Langue' },
    fixes: [{ kind: 'lower-case', column: 'email' }, { kind: 'normalise-language', column: 'language', letterCase: 'lower' }, { kind: 'exclude-invalid' }],
  },
  {
    name: 'evaluagent',
    destination: preset('evaluagent', {
      columns: [
        { name: 'Contact ID', required: true, rule: 'reference' },
        { name: 'Agent Email', required: true, rule: 'email' },
        { name: 'Date', required: true, rule: 'date', dateFormat: 'YYYY-MM-DD' },
        { name: 'Customer Phone', rule: 'phone' },
        { name: 'Notes' },
      ],
    }),
    mapping: { 'Contact ID': 'Klantnummer', 'Agent Email': 'E-mail', Date: 'Né(e) le', 'Customer Phone': 'GSM', Notes: 'Commentaire' },
    fixes: [{ kind: 'reformat-date', column: 'Date', from: 'DD/MM/YYYY', to: 'YYYY-MM-DD' }, { kind: 'exclude-invalid' }],
  },
  {
    name: 'generic',
    destination: preset('generic', {
      columns: [{ name: 'Email', required: true, rule: 'email' }, { name: 'Name' }, { name: 'Comment' }],
      output: { delimiter: '|', quoting: 'standard', quoteChar: '"', encoding: 'utf-8-bom', lineEnding: 'crlf', header: false, zip: false },
      fileName: '../exports/contacts:{date:YYYY-MM-DD}?.csv',
    }),
    mapping: { Email: 'E-mail', Name: 'Nom', Comment: 'Commentaire' },
    fixes: [{ kind: 'exclude-invalid' }],
  },
];

function run(c: Case): PreparationResult {
  return prepareRows({ destination: c.destination, sourceColumns: header, mapping: c.mapping, fixes: c.fixes, now: NOW, alreadySentNames: [] }, rows(data));
}

describe('golden output files per preset', () => {
  for (const c of cases) {
    it(`${c.name}: byte for byte`, () => {
      const result = run(c);
      const folder = join(GOLDEN, c.name);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(folder, { recursive: true });
        for (const f of result.files) writeFileSync(join(folder, f.name), f.bytes);
      }
      expect(existsSync(folder), `golden folder ${c.name}`).toBe(true);
      expect(result.files.map(f => f.name).sort()).toEqual(readdirSync(folder).sort());
      for (const f of result.files) expect(Buffer.from(f.bytes).equals(readFileSync(join(folder, f.name))), f.name).toBe(true);
    });
  }

  it('Hello Customer: semicolons, no quotes, UTF-8 without BOM, touchpoint_date.csv', () => {
    const [file] = run(cases[0]!).files;
    expect(file!.name).toBe('NPS_after_visit_20261122.csv');
    const bytes = Buffer.from(file!.bytes);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(bytes.includes('"')).toBe(false);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('Email;Language;FirstName;LastName;Department;CustomId');
  });

  it('CustomerGauge: at most 5,000 (here 2) contacts per file, the sample file’s columns, unique names', () => {
    const result = run(cases[2]!);
    expect(result.files.map(f => [f.name, f.rows])).toEqual([
      ['contacts_20261122_080509_1.csv', 2],
      ['contacts_20261122_080509_2.csv', 2],
      ['contacts_20261122_080509_3.csv', 2],
    ]);
    for (const f of result.files) expect(Buffer.from(f.bytes).toString('utf8').startsWith('Email,FirstName,LastName,Language,Reference,Comment\r\n')).toBe(true);
  });

  it('Digitaleo: UTF-8, LF only, French headers; zipped: exactly one file at the zip root', () => {
    const plain = Buffer.from(run(cases[3]!).files[0]!.bytes);
    expect(plain.includes('\r')).toBe(false);
    expect(plain.toString('utf8').split('\n')[0]).toBe('Civilité,Prénom,Nom,Email,Téléphone Fixe,Mobile,Fax,Adresse 1,Adresse 2,Code postal,Ville,Etat,Pays,Date de naissance,Société,Référence');
    const zipped = run(cases[4]!).files[0]!;
    expect(zipped.name.endsWith('.zip')).toBe(true);
    const inside = unzipSync(zipped.bytes);
    expect(Object.keys(inside)).toEqual([zipped.innerName]);
    expect(Buffer.from(inside[zipped.innerName!]!).toString('utf8').split('\n')[0]!.endsWith(',Référence,dispatch')).toBe(true);
  });
});
