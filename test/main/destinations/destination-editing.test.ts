import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../harness/temp-home';
import { routeCall } from '../../../src-main/ipc/ipc-router';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { createServices } from '../../../src-main/services/services';
import { OpenedFiles } from '../../../src-main/files/opened-files';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { parseDestination } from '../../../src-core/destinations/destination';
import { prepareFile } from '../../../src-main/preparation/prepare-file';
import { destinationFile, saveDestination } from '../../../src-main/settings/destination-store';

// The editor's questions to main: a vendor's sample file read as columns and format, and the
// output file as the send writes it (the same preparation), refused fields told at their place.

const home = tempHome('courier-dest-editing-');

/** An EvaluAgent-style sample: semicolons, quoted values, CRLF, Windows-1252. */
const sampleText = [
  '"Contact ID";"Agent Email";"Date";"Direction";"Customer Phone";"Duration"',
  '"C-1001";"eva@example.com";"20/11/2026";"Entrant";"+32470123456";"125"',
  '"C-1002";"noël@example.com";"21/11/2026";"Sortant";"+32470654321";"48"',
  '',
].join('\r\n');

function app(opened = new OpenedFiles()) {
  const services = createServices(home.path);
  const handlers = createMainHandlers({
    services,
    appVersion: '0.1.0',
    locale: 'en',
    emit: () => undefined,
    openedFiles: opened,
  });
  return {
    services,
    call: (channel: string, request?: unknown) => routeCall(handlers, channel, request, true),
  };
}

describe('the destination editor’s service', () => {
  it('reads a sample file’s columns, guessed rules and format; the preview is the file a send writes', async () => {
    const sample = join(home.path, 'evaluagent-sample.csv');
    await writeFile(sample, iconv.encode(sampleText, 'win1252'));
    const opened = new OpenedFiles();
    const { call, services } = app(opened);
    // A path the person did not choose is refused.
    const refused = await call('destinations:read-sample', { path: sample });
    expect(refused.ok).toBe(false);
    opened.add(sample, 'dialog');

    const read = await call('destinations:read-sample', { path: sample });
    if (!read.ok) throw new Error(read.error.message);
    const got = read.value as {
      columns: Array<{ name: string; rule: string; dateFormat?: string }>;
      format: object;
    };
    expect(got.columns.map(c => [c.name, c.rule])).toEqual([
      ['Contact ID', 'reference'],
      ['Agent Email', 'email'],
      ['Date', 'date'],
      ['Direction', 'text'],
      ['Customer Phone', 'phone'],
      // Two durations are too few to call the column a number: the person can say so.
      ['Duration', 'text'],
    ]);
    expect(got.columns[2]!.dateFormat).toBe('DD/MM/YYYY');
    expect(got.format).toEqual({
      delimiter: ';',
      quoting: 'standard',
      quoteChar: '"',
      lineEnding: 'crlf',
      encoding: 'windows-1252',
      header: true,
    });

    const destination = parseDestination({
      ...destinationFromPreset('evaluagent', 'EA Acme'),
      columns: got.columns,
      output: { ...destinationFromPreset('evaluagent').output, ...got.format },
    });
    const preview = await call('destinations:preview-output', { destination, samplePath: sample });
    if (!preview.ok) throw new Error(preview.error.message);
    const value = preview.value as {
      lines: string[];
      head: string;
      bytes: number;
      synthetic: boolean;
      nextName: string;
    };
    expect(value.synthetic).toBe(false);
    expect(value.lines).toEqual([
      'Contact ID;Agent Email;Date;Direction;Customer Phone;Duration',
      'C-1001;eva@example.com;20/11/2026;Entrant;+32470123456;125',
      'C-1002;noël@example.com;21/11/2026;Sortant;+32470654321;48',
    ]);
    expect(value.nextName).toMatch(/^contacts_\d{8}_\d{6}\.csv$/);
    // The same bytes as the send's own preparation of the sample file.
    const prepared = await prepareFile(sample, destination, {
      mapping: Object.fromEntries(destination.columns.map(c => [c.name, c.name])),
      now: new Date(),
      home: home.path,
    });
    expect(Buffer.from(value.head, 'base64').toString('hex')).toBe(
      Buffer.from(prepared.files[0]!.bytes).toString('hex')
    );
    expect(value.bytes).toBe(prepared.files[0]!.bytes.length);
    expect(await readFile(sample)).toEqual(iconv.encode(sampleText, 'win1252'));
    expect(await services.destinations.list()).toMatchObject({ destinations: [] });
  });

  it('previews made-up rows without a sample, and tells problems instead of a file', async () => {
    const { call } = app();
    const hello = destinationFromPreset('hello-customer', 'HC');
    const unfinished = await call('destinations:preview-output', { destination: hello });
    if (!unfinished.ok) throw new Error(unfinished.error.message);
    expect(unfinished.value).toMatchObject({
      problems: [{ field: 'variables.touchpoint', code: 'destination.variable-missing' }],
      lines: [],
    });
    const ready = await call('destinations:preview-output', {
      destination: { ...hello, variables: { touchpoint: 'NPS' } },
    });
    if (!ready.ok) throw new Error(ready.error.message);
    expect(ready.value).toMatchObject({
      problems: [],
      synthetic: true,
      rows: 3,
      lines: [
        'Email;Language;FirstName;LastName;Department;CustomId',
        'anne@example.com;FR;Anne;Anne;Anne;A-1001',
        'bart@example.com;NL;Bart;Bart;Bart;A-1002',
        'chloe@example.com;EN;Chloé;Chloé;Chloé;A-1003',
      ],
    });
  });

  it('refuses to save an edit without the file name’s variable, and saves nothing', async () => {
    const { call } = app();
    // Saved by an older Courier (straight to the settings folder): no touchpoint yet.
    await saveDestination(home.path, destinationFromPreset('hello-customer', 'HC'));
    const before = await readFile(destinationFile(home.path, 'HC'), 'utf8');
    const saved = await call('destinations:save', {
      destination: { ...destinationFromPreset('hello-customer', 'HC'), folder: '/in' },
      previousName: 'HC',
    });
    expect(saved).toMatchObject({
      ok: false,
      error: {
        code: 'destination.variable-missing',
        params: { variable: 'touchpoint', field: 'variables.touchpoint' },
      },
    });
    expect(await readFile(destinationFile(home.path, 'HC'), 'utf8')).toBe(before);
  });
});
