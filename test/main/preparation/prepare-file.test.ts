import { describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import {
  prepareFile,
  readMappingFile,
  writePreparedFiles,
  writeRejectedRows,
} from '../../../src-main/preparation/prepare-file';
import { createPreparationHandlers } from '../../../src-main/preparation/preparation-handlers';
import { createDestinationHandlers } from '../../../src-main/destinations/destination-handlers';
import { createDestinationService } from '../../../src-main/destinations/destination-service';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { rememberMapping } from '../../../src-main/settings/mapping-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { parseDestination } from '../../../src-core/destinations/destination';
import { applyColumnFix } from '../../../src-core/fixes/fix';
import { calls, type CallChannel, type CallRequest } from '../../../src-core/ipc/contract';
import { createMappingMemory } from '../../../src-main/mapping/mapping-memory';
import { resolveDestination } from '../../../src-main/settings/destination-store';
import { tempHome } from '../../harness/temp-home';

const memory = (home: string) =>
  createMappingMemory({ home, resolve: name => resolveDestination(home, name) });

const dir = tempHome('courier-prep-');

// A messy Latin-1 semicolon export with a title line above the header, as a CRM writes it.
const latin1Export = iconv.encode(
  'Export du 20/11/2026\r\nCourriel;Langue;Prénom;Nom;Magasin\r\nwendy@hellocustomer.com;EN;Wendy;De Vos;Brussel\r\njan@@example.com;Français;Jan;Peeters;Gent\r\nzoë@exemple.fr;nl_BE;Zoë;Müller;Liège\r\n',
  'latin1'
);

describe('prepareFile: read → map → fix → validate → write', () => {
  it('reads a Latin-1 export and writes exactly the Hello Customer file', async () => {
    const path = join(dir.path, 'export.csv');
    await writeFile(path, latin1Export);
    const d = parseDestination({
      ...destinationFromPreset('hello-customer'),
      variables: { touchpoint: 'NPS' },
    });
    const now = new Date(2026, 10, 22, 9, 0, 0);
    const result = await prepareFile(path, d, { now, excludeInvalid: true });
    expect(result.mappingOrigin).toBe('suggested');
    expect(result.mapping).toMatchObject({
      Email: 'Courriel',
      Language: 'Langue',
      FirstName: 'Prénom',
      LastName: 'Nom',
      Department: 'Magasin',
    });
    expect(result.issues.map(i => [i.sourceLine, i.code])).toEqual([
      [4, 'email.invalid'],
      [4, 'language.normalised'],
      [5, 'language.normalised'],
    ]);
    const out = join(dir.path, 'out');
    const written = await writePreparedFiles(result, out);
    expect(await readdir(out)).toEqual(['NPS_20261122.csv']);
    expect(written).toEqual([join(out, 'NPS_20261122.csv')]);
    // The rejected rows go to a folder of their own, never beside the files to send.
    expect(await writeRejectedRows(result, out)).toBe(join(out, 'rejected', 'rejected.csv'));
    expect((await readdir(out)).sort()).toEqual(['NPS_20261122.csv', 'rejected']);
    expect(await readFile(join(out, 'NPS_20261122.csv'), 'utf8')).toBe(
      'Email;Language;FirstName;LastName;Department;CustomId\r\nwendy@hellocustomer.com;EN;Wendy;De Vos;Brussel;\r\nzoë@exemple.fr;NL;Zoë;Müller;Liège;\r\n'
    );
    const rejected = await readFile(join(out, 'rejected', 'rejected.csv'), 'utf8');
    expect(rejected).toBe(
      '\ufeffLine,Courriel,Langue,Prénom,Nom,Magasin,Why it was not sent\r\n4,jan@@example.com,Français,Jan,Peeters,Gent,Line 4: “jan@@example.com” is not a valid e-mail address (it has more than one @).\r\n'
    );
  });

  it('uses the remembered mapping for this header set, and a given one over it', async () => {
    const path = join(dir.path, 'export.csv');
    await writeFile(path, 'A;B\r\nx@example.be;EN\r\n');
    const d = destinationFromPreset('hello-customer');
    await rememberMapping(dir.path, d.name, ['A', 'B'], { Email: 'A', Language: 'B' });
    const remembered = await prepareFile(path, d, { now: new Date(), home: dir.path });
    expect(remembered.mappingOrigin).toBe('remembered');
    expect(remembered.validRowCount).toBe(1);
    const given = await prepareFile(path, d, {
      now: new Date(),
      home: dir.path,
      mapping: { Email: 'A', Language: null },
    });
    expect(given.mappingOrigin).toBe('given');
    expect(given.issues.map(i => i.code)).toEqual(['mapping.required-unmapped']);
  });

  it('reads mapping files, with or without fixes, and explains bad ones', async () => {
    const plain = join(dir.path, 'm.json');
    await writeFile(plain, JSON.stringify({ Email: 'A', Language: null }));
    expect(await readMappingFile(plain)).toEqual({
      mapping: { Email: 'A', Language: null },
      fixes: [],
    });
    const withFixes = join(dir.path, 'mf.json');
    await writeFile(
      withFixes,
      JSON.stringify({ mapping: { Email: 'A' }, fixes: [{ kind: 'trim', column: 'Email' }] })
    );
    expect((await readMappingFile(withFixes)).fixes).toEqual([{ kind: 'trim', column: 'Email' }]);
    const bad = join(dir.path, 'bad.json');
    await writeFile(bad, JSON.stringify({ Email: 3 }));
    await expect(readMappingFile(bad)).rejects.toMatchObject({
      code: 'mapping.invalid',
      message: `The mapping file “${bad}” is not valid: “Email” must be text, not a number. It maps each destination column to a source column name or null, with "mapping" and "fixes" when it carries fixes.`,
    });
    // A fix of a kind Courier does not know is said as such, not as a mapping problem.
    const badFix = join(dir.path, 'bad-fix.json');
    await writeFile(
      badFix,
      JSON.stringify({ mapping: { Email: 'A' }, fixes: [{ kind: 'polish', column: 'Email' }] })
    );
    await expect(readMappingFile(badFix)).rejects.toMatchObject({
      code: 'mapping.invalid',
      message: expect.stringContaining(`“${badFix}” is not valid: “fixes.0.kind” cannot be “polish”.`),
    });
    await expect(readMappingFile(join(dir.path, 'none.json'))).rejects.toMatchObject({
      code: 'mapping.not-found',
    });
  });
});

describe('preparation IPC handlers', () => {
  it('destinations, mapping and review work end to end over plain data', async () => {
    const handlers = {
      ...createPreparationHandlers({
        home: dir.path,
        mappings: memory(dir.path),
        now: () => new Date(2026, 10, 22, 9, 0, 0),
      }),
      ...createDestinationHandlers(
        createDestinationService({ home: dir.path, secrets: new SecretStore() })
      ),
    };
    // Requests go through the contract's schemas, as the IPC router does.
    const call = <C extends keyof typeof handlers & CallChannel>(
      channel: C,
      request: CallRequest<C>
    ) =>
      (handlers[channel] as (r: unknown) => ReturnType<(typeof handlers)[C]>)(
        calls[channel].request.parse(request)
      );
    const { presets } = await call('presets:list', undefined);
    expect(presets.map(p => p.id)).toContain('digitaleo');
    const saved = await call('destinations:save', {
      destination: { ...presets[0]!.destination, name: 'NPS', variables: { touchpoint: 'NPS' } },
    });
    expect(saved.destination.name).toBe('NPS');
    expect((await call('destinations:list', undefined)).destinations.map(d => d.name)).toEqual([
      'NPS',
    ]);
    expect((await call('destinations:get', { name: 'blueconic' })).destination?.presetId).toBe(
      'blueconic'
    );
    expect((await call('destinations:get', { name: 'unknown' })).destination).toBeNull();

    const path = join(dir.path, 'export.csv');
    await writeFile(path, latin1Export);
    const suggestion = await call('mapping:suggest', {
      destinationName: 'NPS',
      columns: ['Courriel', 'Langue'],
      sampleRows: [['a@b.be', 'FR']],
    });
    expect(suggestion.suggestions[0]).toMatchObject({
      target: 'Email',
      source: 'Courriel',
      question: false,
    });
    expect(suggestion.remembered).toBeNull();
    await call('mapping:remember', {
      destinationName: 'NPS',
      columns: ['Courriel', 'Langue'],
      mapping: { Email: 'Courriel', Language: 'Langue' },
    });
    expect(
      (await call('mapping:suggest', { destinationName: 'NPS', columns: ['Courriel', 'Langue'] }))
        .remembered?.exact
    ).toBe(true);

    const review = await call('review:check', {
      path,
      destination: 'NPS',
      fixes: [{ kind: 'edit-cell', row: 1, column: 'Email', value: 'jan@example.com' }],
      maxIssues: 1,
    });
    expect(review).toMatchObject({
      rowCount: 3,
      validRowCount: 3,
      blocked: false,
      issueCount: 2,
      summary: { 'language.normalised': 2 },
    });
    expect(review.issues).toHaveLength(1);
    expect(review.files).toEqual([
      {
        name: 'NPS_20261122.csv',
        rows: 3,
        bytes: expect.any(Number),
        encoding: 'utf-8',
        firstLines: [
          'Email;Language;FirstName;LastName;Department;CustomId',
          'wendy@hellocustomer.com;EN;Wendy;De Vos;Brussel;',
          'jan@example.com;FR;Jan;Peeters;Gent;',
          'zoë@exemple.fr;NL;Zoë;Müller;Liège;',
        ],
      },
    ]);
    expect(JSON.parse(JSON.stringify(review))).toEqual(review);
    // The worker (default) and the inline path give the same answer.
    const inline = createPreparationHandlers({
      home: dir.path,
      mappings: memory(dir.path),
      now: () => new Date(2026, 10, 22, 9, 0, 0),
      inWorker: false,
    });
    const request = calls['review:check'].request.parse({
      path,
      destination: 'NPS',
      fixes: [{ kind: 'edit-cell', row: 1, column: 'Email', value: 'jan@example.com' }],
      maxIssues: 1,
    });
    expect(await inline['review:check'](request)).toEqual(review);

    // The review's before/after preview of a fix is worked out in the window, with core's fixes.
    const language = {
      kind: 'normalise-language',
      column: 'Language',
      letterCase: 'upper',
    } as const;
    expect(
      ['Français', 'nl_BE', 'EN', 'Klingon'].map(v => applyColumnFix(language, v, 'BE'))
    ).toEqual(['FR', 'NL', 'EN', 'Klingon']);
    expect(
      applyColumnFix({ kind: 'phone-international', column: 'Email' }, '0470 12 34 56', 'BE')
    ).toBe('+32470123456');

    // Without a save dialog (the CLI, a test): beside the source, never over an earlier file.
    const beside = join(dir.path, 'export-rejected.csv');
    await writeFile(beside, 'an earlier file');
    const saved2 = await call('review:save-rejected', {
      path,
      destination: 'NPS',
      fixes: [{ kind: 'exclude-row', row: 0 }],
    });
    expect(saved2).toEqual({ path: join(dir.path, 'export-rejected (2).csv'), rows: 2 });
    expect((await readFile(saved2.path!, 'utf8')).split('\r\n')[1]).toBe(
      '3,wendy@hellocustomer.com,EN,Wendy,De Vos,Brussel,Left out by hand.'
    );
    expect(await readFile(beside, 'utf8')).toBe('an earlier file');

    // With the app's save dialog: where the user chooses, under the title the screen gives; cancel writes nothing.
    const target = join(dir.path, 'rejected rows.csv');
    const asked: Array<{ defaultPath: string; title: string }> = [];
    let answer: string | null = null;
    const withDialog = createPreparationHandlers({
      home: dir.path,
      mappings: memory(dir.path),
      inWorker: false,
      pickSaveTarget: async options => (asked.push(options), answer),
    });
    const save = (request: CallRequest<'review:save-rejected'>) =>
      withDialog['review:save-rejected'](calls['review:save-rejected'].request.parse(request));
    const saveRequest: CallRequest<'review:save-rejected'> = {
      path,
      destination: 'NPS',
      fixes: [{ kind: 'exclude-row', row: 0 }],
      dialogTitle: 'Enregistrer les lignes',
    };
    expect(await save(saveRequest)).toEqual({ path: null, rows: 0 });
    expect(asked).toEqual([{ defaultPath: beside, title: 'Enregistrer les lignes' }]);
    expect(await readdir(dir.path)).not.toContain('rejected rows.csv');
    answer = target;
    expect(await save(saveRequest)).toEqual({ path: target, rows: 2 });
    expect((await readFile(target, 'utf8')).split('\r\n')[1]).toBe(
      '3,wendy@hellocustomer.com,EN,Wendy,De Vos,Brussel,Left out by hand.'
    );
    // A folder that disappeared meanwhile: a plain error, and no half file left behind.
    answer = join(dir.path, 'gone', 'rows.csv');
    await expect(save(saveRequest)).rejects.toMatchObject({
      code: 'files.folder-missing',
      message: expect.stringContaining('does not exist any more'),
    });
    expect((await readdir(dir.path)).filter(name => name.endsWith('.part'))).toEqual([]);

    expect(await call('destinations:remove', { name: 'NPS' })).toEqual({ removed: true });
    expect((await call('destinations:list', undefined)).destinations).toEqual([]);
    expect(
      (
        await call('mapping:suggest', {
          destinationName: 'hello-customer',
          columns: ['Courriel', 'Langue'],
        })
      ).remembered
    ).toBeNull();
  });
});
