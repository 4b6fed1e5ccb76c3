import { describe, expect, it } from 'vitest';
import { CourierError } from '../../../src-core/errors';
import {
  applySettings,
  destinationFromSample,
} from '../../../src-core/destinations/destination-settings';
import { destinationFromPreset, presets } from '../../../src-core/destinations/presets';
import { missingVariables, settleDestination } from '../../../src-core/destinations/settle';

/** One function applied on every save: the app's editor and the CLI get the same destination. */
const codeOf = (f: () => unknown): { code: string; params: unknown } | null => {
  try {
    f();
    return null;
  } catch (error) {
    return error instanceof CourierError
      ? { code: error.code, params: error.params }
      : { code: String(error), params: null };
  }
};

describe('settleDestination', () => {
  it('refuses a file-name variable without a value, naming the field (Hello Customer touchpoint)', () => {
    const hc = destinationFromPreset('hello-customer');
    expect(missingVariables(hc)).toEqual(['touchpoint']);
    expect(codeOf(() => settleDestination(hc))).toEqual({
      code: 'destination.variable-missing',
      params: { variable: 'touchpoint', field: 'variables.touchpoint', name: 'Hello Customer' },
    });
    expect(settleDestination({ ...hc, variables: { touchpoint: 'NPS' } }).variables).toEqual({
      touchpoint: 'NPS',
    });
  });

  it('leaves every preset as it is (once its variables are given)', () => {
    for (const p of presets) {
      const d = { ...p.destination, variables: { ...p.destination.variables, touchpoint: 'NPS' } };
      expect(settleDestination(d), p.id).toEqual(d);
    }
  });

  it("Digitaleo: the options decide the contact columns only; a person's own column settings stay", () => {
    const d = destinationFromPreset('digitaleo');
    const mine = applySettings(d, [
      ['column.Société.required', 'yes'],
      ['digitaleo.unique', 'reference'],
    ]);
    expect(mine.columns.filter(c => c.required).map(c => c.name)).toEqual(['Société', 'Référence']);
    // A second save changes nothing more.
    expect(settleDestination(mine)).toEqual(mine);
  });

  it('a refused setting names its key; an unknown one says so', () => {
    const d = destinationFromPreset('generic');
    expect(codeOf(() => applySettings(d, [['quoting', 'sometimes']]))).toMatchObject({
      code: 'destination.setting-invalid',
      params: { setting: 'quoting', value: 'sometimes' },
    });
    expect(codeOf(() => applySettings(d, [['colour', 'blue']]))).toMatchObject({
      code: 'destination.setting-unknown',
      params: { setting: 'colour' },
    });
  });

  it('a sample file gives the columns and proposes its format; keys naming columns that are gone are dropped', () => {
    const d = destinationFromSample(destinationFromPreset('customergauge'), {
      columns: ['Contact Email', 'Name', 'Ref'],
      rows: [['a@example.com', 'Anna', 'R-1']],
      delimiter: ';',
      encoding: 'windows-1252',
      bom: false,
      newline: '\r\n',
    });
    expect(d.columns.map(c => [c.name, c.rule])).toEqual([
      ['Contact Email', 'email'],
      ['Name', 'text'],
      ['Ref', 'reference'],
    ]);
    expect(d.output).toMatchObject({
      delimiter: ';',
      encoding: 'windows-1252',
      lineEnding: 'crlf',
    });
    expect(d.duplicateKey).toEqual([]);
    expect(
      codeOf(() =>
        destinationFromSample(d, {
          columns: ['', ''],
          rows: [],
          delimiter: null,
          encoding: null,
          bom: false,
          newline: null,
        })
      )
    ).toMatchObject({ code: 'destination.sample-empty' });
  });
});

describe('Digitaleo list naming', () => {
  it('zipped, the list mode sends <list>.zip holding <list>.csv, the same every run', async () => {
    const { prepareRows } = await import('../../../src-core/preparation/prepare');
    const d = applySettings(destinationFromPreset('digitaleo'), [
      ['zip', 'yes'],
      ['digitaleo.mode', 'sync'],
      ['digitaleo.list', 'Clients'],
    ]);
    const once = (now: string, taken: string[]) =>
      prepareRows(
        {
          destination: d,
          sourceColumns: ['Email'],
          mapping: { Email: 'Email' },
          now: new Date(now),
          alreadySentNames: taken,
        },
        [{ index: 0, line: 2, cells: ['anna@example.com'] }]
      ).files[0]!;
    const first = once('2026-12-01T09:00:00', []);
    expect([first.name, first.innerName]).toEqual(['Clients.zip', 'Clients.csv']);
    expect(once('2026-12-02T09:00:00', ['Clients.zip']).name).toBe('Clients.zip');
  });
});
