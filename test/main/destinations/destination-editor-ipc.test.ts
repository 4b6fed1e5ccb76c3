import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../harness/temp-home';
import { routeCall, type CallOutcome } from '../../../src-main/ipc/ipc-router';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { createServices } from '../../../src-main/services/services';
import { OpenedFiles } from '../../../src-main/files/opened-files';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { applySettings } from '../../../src-core/destinations/destination-settings';
import { courier } from '../cli-destinations/run-captured';

/**
 * The editor's IPC channels go through the same destination service as the CLI: the same
 * settings vocabulary and refusals, the same dummy-data writer.
 */
const home = tempHome('courier-editor-ipc-');

function app(options: { opened?: OpenedFiles; saveAs?: string | null } = {}) {
  const services = createServices(home.path);
  const handlers = createMainHandlers({
    services,
    appVersion: '0.1.0',
    locale: 'en',
    emit: () => undefined,
    openedFiles: options.opened ?? new OpenedFiles(),
    pickSaveTarget: async () => options.saveAs ?? null,
  });
  const call = (channel: string, request?: unknown): Promise<CallOutcome> =>
    routeCall(handlers, channel, request, true);
  return { call };
}

describe('destination editor channels', () => {
  it('destinations:save applies the platform rules as the CLI does; a bad one names its field and saves nothing', async () => {
    const { call } = app();
    const created = await call('destinations:save', {
      destination: { ...destinationFromPreset('digitaleo'), name: 'Leads' },
    });
    expect(created.ok).toBe(true);
    // What the editor's Digitaleo section sends: the settings the CLI spells as KEY=VALUE.
    const edited = applySettings({ ...destinationFromPreset('digitaleo'), name: 'Leads' }, [
      ['digitaleo.mode', 'add'],
      ['digitaleo.list', 'Prospects'],
      ['digitaleo.multi-account', 'yes'],
    ]);
    const changed = await call('destinations:save', { destination: edited, previousName: 'Leads' });
    expect(changed.ok).toBe(true);
    const d = (
      changed as {
        value: {
          destination: { fileName: string; nameReuse: string; columns: { name: string }[] };
        };
      }
    ).value.destination;
    expect(d).toMatchObject({ fileName: '{list}.csv', nameReuse: 'same-every-run' });
    expect(d.columns.at(-1)!.name).toBe('dispatch');
    // What the CLI shows is what the app saved.
    const shown = JSON.parse(
      (await courier(['destinations', 'show', 'Leads', '--json'], { home: home.path })).stdout
    ).destination;
    expect(shown).toEqual(d);

    // The CLI refuses a value the editor's choices cannot make, naming the setting.
    const refused = await courier(['destinations', 'set', 'Leads', 'digitaleo.mode=merge'], {
      home: home.path,
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('digitaleo.mode');

    // Saving Hello Customer without its touchpoint is refused at the field.
    const hc = await call('destinations:save', {
      destination: { ...destinationFromPreset('hello-customer'), name: 'Survey' },
    });
    expect(hc).toMatchObject({
      ok: false,
      error: {
        code: 'destination.variable-missing',
        params: { variable: 'touchpoint', field: 'variables.touchpoint' },
      },
    });
    const saved = await call('destinations:save', {
      destination: {
        ...destinationFromPreset('hello-customer'),
        name: 'Survey NPS',
        variables: { touchpoint: 'NPS' },
      },
    });
    expect(saved.ok).toBe(true);
  });

  it('destinations:dummy-data writes where the person chose, in the destination’s exact format; the sample is read only from a picked file', async () => {
    const target = join(home.path, 'dummy.csv');
    const opened = new OpenedFiles();
    const { call } = app({ opened, saveAs: target });
    expect(
      (
        await call('destinations:save', {
          destination: {
            ...destinationFromPreset('hello-customer'),
            name: 'Survey',
            variables: { touchpoint: 'NPS' },
          },
        })
      ).ok
    ).toBe(true);
    const written = await call('destinations:dummy-data', { name: 'Survey', rows: 12 });
    expect(written).toMatchObject({ ok: true, value: { files: [{ path: target, rows: 12 }] } });
    const text = await readFile(target, 'utf8');
    expect(text.split('\r\n')[0]).toBe('Email;Language;FirstName;LastName;Department;CustomId');
    expect(text.split('\r\n')).toHaveLength(14);

    const sample = join(home.path, 'sample.csv');
    await writeFile(sample, 'Agent Email,Call ID\nagent@example.com,X-1\n');
    const refused = await call('destinations:read-sample', { path: sample });
    expect(refused).toMatchObject({ ok: false, error: { code: 'files.not-chosen' } });
    opened.add(sample, 'dialog');
    const proposed = await call('destinations:read-sample', { path: sample });
    expect(proposed).toMatchObject({
      ok: true,
      value: {
        columns: [
          { name: 'Agent Email', rule: 'email' },
          { name: 'Call ID', rule: 'reference' },
        ],
      },
    });
  });
});
