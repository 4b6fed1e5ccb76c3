import { describe, expect, it } from 'vitest';
import { destinationAdvice, parseDestination, uploadFolder } from '../../../src-core/destinations/destination';
import { applyDigitaleoOptions, columnsFromSample, destinationFromPreset, digitaleoActions, findPreset, presets } from '../../../src-core/destinations/presets';
import type { CourierError } from '../../../src-core/errors';

describe('presets honour PLATFORMS.md', () => {
  it('has every platform, each a valid, editable destination', () => {
    expect(presets.map(p => p.id)).toEqual(['hello-customer', 'customergauge', 'digitaleo', 'blueconic', 'evaluagent', 'generic']);
    for (const p of presets) {
      expect(parseDestination(JSON.parse(JSON.stringify(p.destination)))).toEqual(p.destination);
      expect(p.destination.version).toBe(1);
      expect(p.destination.neutraliseFormulas).toBe(true);
    }
  });

  it('Hello Customer: FTPS, semicolon without quotes, header, 1 MB, e-mail + ISO 639-1 language required, touchpoint + date name', () => {
    const d = findPreset('hello-customer')!.destination;
    expect(d.transport.protocol).toBe('ftps');
    expect(d.output).toMatchObject({ delimiter: ';', quoting: 'never', encoding: 'utf-8', header: true });
    expect(d.limits.maxBytes).toBe(1_000_000);
    expect(d.columns.slice(0, 2)).toEqual([
      expect.objectContaining({ name: 'Email', required: true, rule: 'email' }),
      expect.objectContaining({ name: 'Language', required: true, rule: 'language', letterCase: 'upper' }),
    ]);
    expect(d.fileName).toContain('{touchpoint}');
    expect(d.fileName).toContain('{date:YYYYMMDD}');
  });

  it('CustomerGauge: SFTP, 5,000 contacts per file, new names, columns from the sample file', () => {
    const d = findPreset('customergauge')!.destination;
    expect(d.transport.protocol).toBe('sftp');
    expect(d.limits.maxRows).toBe(5000);
    expect(d.columnsFromSample).toBe(true);
    expect(d.fileName).toMatch(/\{time:HHmmss\}/);
  });

  it('Digitaleo: UTF-8, LF, comma, 20 MB, French headers in order, receipt, one of Email/phone/mobile', () => {
    const d = findPreset('digitaleo')!.destination;
    expect(d.output).toMatchObject({ delimiter: ',', encoding: 'utf-8', lineEnding: 'lf' });
    expect(d.limits.maxBytes).toBe(20_000_000);
    expect(d.columns.map(c => c.name)).toEqual(['Civilité', 'Prénom', 'Nom', 'Email', 'Téléphone Fixe', 'Mobile', 'Fax', 'Adresse 1', 'Adresse 2', 'Code postal', 'Ville', 'Etat', 'Pays', 'Date de naissance', 'Société', 'Référence']);
    expect(d.atLeastOneOf).toEqual(['Email', 'Téléphone Fixe', 'Mobile']);
    expect(d.receipt).toBe('digitaleo');
    expect(uploadFolder(d)).toBe('/contacts/import/in');
  });

  it('Digitaleo options: reference uniqueness, opt-out media, multi-account dispatch', () => {
    const base = destinationFromPreset('digitaleo');
    const byRef = applyDigitaleoOptions(base, { uniqueness: 'reference' });
    expect(byRef.columns.filter(c => c.required).map(c => c.name)).toEqual(['Référence']);
    expect(byRef.atLeastOneOf).toEqual([]);
    expect(byRef.duplicateKey).toEqual(['Référence']);
    const sms = applyDigitaleoOptions(base, { action: 'optoutSMS' });
    expect(sms.columns.filter(c => c.required).map(c => c.name)).toEqual(['Mobile']);
    expect(uploadFolder(sms)).toBe('/contacts/optoutSMS/in');
    const voice = applyDigitaleoOptions(base, { action: 'optoutVOICE', multiAccount: true });
    expect(voice.columns.at(-1)).toMatchObject({ name: 'dispatch', required: true });
    expect(voice.columns.filter(c => c.required).map(c => c.name)).toEqual(['Téléphone Fixe', 'dispatch']);
    expect(digitaleoActions.map(a => a.action)).toHaveLength(10);
    // Applying twice does not add a second dispatch column.
    expect(applyDigitaleoOptions(voice).columns.filter(c => c.name === 'dispatch')).toHaveLength(1);
  });

  it('BlueConic: SFTP, .done receipt; EvaluAgent: SFTP with a key, sample-file columns', () => {
    expect(findPreset('blueconic')!.destination).toMatchObject({ receipt: 'done-suffix', transport: { protocol: 'sftp' } });
    expect(findPreset('evaluagent')!.destination).toMatchObject({ columnsFromSample: true, transport: { protocol: 'sftp', auth: 'key' } });
  });

  it('a preset copy is independent of the preset', () => {
    const copy = destinationFromPreset('hello-customer', 'My touchpoint');
    copy.columns[0]!.name = 'Changed';
    expect(findPreset('hello-customer')!.destination.columns[0]!.name).toBe('Email');
    expect(copy.name).toBe('My touchpoint');
  });
});

describe('destination schema', () => {
  it('refuses contradictions with a readable message and a stable code', () => {
    const base = destinationFromPreset('generic');
    const attempt = (change: object) => {
      try {
        parseDestination({ ...base, ...change });
        return null;
      } catch (error) {
        return error as CourierError;
      }
    };
    expect(attempt({ columns: [{ name: 'A' }, { name: 'A' }] })?.message).toContain('“A” appears twice');
    expect(attempt({ duplicateKey: ['Nope'] })?.message).toContain('“Nope” is not one of its columns');
    expect(attempt({ name: 'a/b' })?.code).toBe('destination.invalid');
    expect(attempt({ version: 2 })?.code).toBe('destination.invalid');
    expect(attempt({ output: { encoding: 'utf-16' } })?.message).toContain('output.encoding');
  });

  it('a hand-written destination gets defaults', () => {
    const d = parseDestination({ version: 1, name: 'Drop', columns: [{ name: 'Email', rule: 'email' }] });
    expect(d).toMatchObject({ presetId: 'generic', folder: '/', receipt: 'none', neutraliseFormulas: true, phoneCountry: 'BE', output: { delimiter: ',', quoting: 'standard', encoding: 'utf-8' } });
    // Connection settings are filled in by the transfer set-up; until then they are empty.
    expect(d.transport).toEqual({});
    const blank = parseDestination({ version: 1, name: 'Drop', columns: [{ name: 'Email' }], transport: { protocol: 'sftp', host: '', user: '' } });
    expect(blank.transport).toMatchObject({ protocol: 'sftp', host: '', user: '' });
  });
});

describe('columns from a sample file', () => {
  it('keeps the sample’s names and order, guesses rules', () => {
    const cols = columnsFromSample(['Call ID', 'Agent Email', 'Call Date', 'Customer Phone', 'Language', 'Notes', '', ''], [['1', 'a@b.be', '20/11/2026', '+32470123456', 'en', 'x']]);
    expect(cols.map(c => [c.name, c.rule])).toEqual([
      ['Call ID', 'reference'],
      ['Agent Email', 'email'],
      ['Call Date', 'date'],
      ['Customer Phone', 'phone'],
      ['Language', 'language'],
      ['Notes', 'text'],
    ]);
    expect(cols[2]!.dateFormat).toBe('DD/MM/YYYY');
    expect(cols[4]!.letterCase).toBe('lower');
    expect(columnsFromSample(['A', '', 'A'])).toEqual([
      expect.objectContaining({ name: 'A' }),
      expect.objectContaining({ name: 'Column 2' }),
      expect.objectContaining({ name: 'A (2)' }),
    ]);
  });
});

describe('advice against PLATFORMS.md', () => {
  it('is silent for the presets as shipped', () => {
    for (const p of presets) expect(destinationAdvice(p.destination), p.id).toEqual([]);
  });

  it('speaks up when an edit departs from what the platform documents', () => {
    const hc = destinationFromPreset('hello-customer');
    expect(destinationAdvice({ ...hc, transport: { protocol: 'sftp', host: '10.0.0.5' } })).toEqual([
      'Hello Customer accepts FTPS only (not SFTP or plain FTP).',
      'Hello Customer asks to connect by host name (import.hellocustomer.com), never by IP address: the address behind it can change.',
    ]);
    expect(destinationAdvice({ ...hc, output: { ...hc.output, quoting: 'standard', header: false }, limits: { maxBytes: null, maxRows: null } })).toHaveLength(3);
    const cg = destinationFromPreset('customergauge');
    expect(destinationAdvice({ ...cg, limits: { maxRows: 10_000, maxBytes: null }, fileName: 'contacts.csv' })).toHaveLength(2);
    const dg = destinationFromPreset('digitaleo');
    expect(destinationAdvice({ ...dg, output: { ...dg.output, lineEnding: 'crlf', encoding: 'utf-8-bom' } })).toHaveLength(2);
  });
});
