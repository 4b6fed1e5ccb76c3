import { describe, expect, it } from 'vitest';
import { courier } from './run-captured';
import { tempHome } from '../../harness/temp-home';

// Issue 16: BlueConic's number, list, date and time-zone settings are keys of
// `courier destinations set`, saved through the destination service like every other setting.

const home = tempHome('courier-output-settings-');

const add = (name: string) =>
  courier(
    [
      'destinations',
      'add',
      name,
      '--preset',
      'blueconic',
      '--protocol',
      'sftp',
      '--host',
      'sftp.example.com',
      '--user',
      'acme',
      '--folder',
      '/in',
      '--host-key',
      `SHA256:${'A'.repeat(43)}`,
    ],
    { home: home.path }
  );

const show = async (name: string) =>
  JSON.parse((await courier(['destinations', 'show', name, '--json'], { home: home.path })).stdout)
    .destination;

describe('courier destinations set: numbers, lists, dates and time zones', () => {
  it('sets each output key and a multi-value column, and shows them back', async () => {
    const added = await add('Profiles');
    expect(added.code, added.stderr).toBe(0);
    const column = (await show('Profiles')).columns[0].name as string;
    const set = await courier(
      [
        'destinations',
        'set',
        'Profiles',
        'output.decimal=,',
        'output.multi-value=;',
        'output.date-format=DD/MM/YYYY HH:mm',
        'output.time-zone=UTC',
        'output.source-time-zone=Europe/Brussels',
        `column.${column}.split=,`,
        `column.${column}.combine=Interest 2, Interest 3`,
      ],
      { home: home.path }
    );
    expect(set.code, set.stderr).toBe(0);
    const d = await show('Profiles');
    expect(d.output).toMatchObject({
      decimal: ',',
      multiValueSeparator: ';',
      dateFormat: 'DD/MM/YYYY HH:mm',
      timeZone: 'UTC',
      sourceTimeZone: 'Europe/Brussels',
    });
    expect(d.columns[0].multiValue).toEqual({
      sourceSeparator: ',',
      alsoFrom: ['Interest 2', 'Interest 3'],
    });

    const cleared = await courier(
      [
        'destinations',
        'set',
        'Profiles',
        'output.time-zone=none',
        'output.source-time-zone=system',
        'output.date-format=none',
        `column.${column}.multi-value=no`,
      ],
      { home: home.path }
    );
    expect(cleared.code, cleared.stderr).toBe(0);
    const again = await show('Profiles');
    expect(again.output).toMatchObject({ timeZone: null, sourceTimeZone: null, dateFormat: null });
    expect(again.columns[0].multiValue).toBeUndefined();
  });

  it('refuses a bad value in plain words, exit 2, and changes nothing', async () => {
    expect((await add('Strict')).code).toBe(0);
    for (const [word, says] of [
      ['output.decimal=;', 'output.decimal must be “.” or “,” (got “;”)'],
      ['output.time-zone=Mars/Olympus', 'output.time-zone must be a time zone such as'],
      ['output.date-format=soon', 'output.date-format must be a format such as'],
      ['output.multi-value=', 'output.multi-value must be one to three characters'],
      ['column.Nope.split=;', 'column.Nope.split must be one of the columns'],
    ] as const) {
      const bad = await courier(['destinations', 'set', 'Strict', word], { home: home.path });
      expect(bad.code, word).toBe(2);
      expect(bad.stderr).toContain(says);
    }
    expect((await show('Strict')).output).toMatchObject({
      decimal: '.',
      multiValueSeparator: '|',
      timeZone: null,
    });
  });
});
