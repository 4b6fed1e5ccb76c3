import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { getDestination, saveDestination } from '../../src-main/settings/destination-store';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { tempHome } from '../harness/temp-home';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// The Destinations screen exports a destination to a file the person chooses in main's save
// dialog, and imports a file they pick under a new name, through the destination service.
describe('exporting and importing a destination on the Destinations screen', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-dest-export-', { shared: true });
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('exports “Acme NPS” and imports it back as “Acme NPS copy”', async () => {
    const home = join(dir.path, 'home');
    const file = join(dir.path, 'acme.courier-destination.json');
    const preset = destinationFromPreset('customergauge', 'Acme NPS');
    await saveDestination(home, {
      ...preset,
      output: { ...preset.output, delimiter: ';', encoding: 'windows-1252' },
      transport: { ...preset.transport, protocol: 'sftp', host: 'sftp.example.com', user: 'acme' },
    });
    const asked: string[] = [];
    const app = await harness.openApp({
      home,
      services: {
        pickSaveTarget: async ({ defaultPath, title }) => (
          asked.push(`${title}|${defaultPath}`),
          file
        ),
        pickFile: async () => file,
      },
    });
    const { page } = app;
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Export… Acme NPS' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), patience)
      .toBe(`“Acme NPS” is saved in ${file}. No password or key is in the file.`);
    expect(asked).toEqual(['Export the destination|Acme-NPS.courier-destination.json']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      format: 'courier-destination',
      version: 1,
      destination: { name: 'Acme NPS', output: { delimiter: ';', encoding: 'windows-1252' } },
    });

    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByRole('heading', { name: 'Import a destination file' }).waitFor(patience);
    await page.getByLabel('Name (empty: the name in the file)').fill('Acme NPS copy');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), patience)
      .toBe(
        '“Acme NPS copy” is imported. Its password or key is not in the file: enter it with Edit.'
      );
    await page.getByRole('heading', { name: 'Acme NPS copy' }).waitFor(patience);
    const original = await getDestination(home, 'Acme NPS');
    expect(await getDestination(home, 'Acme NPS copy')).toEqual({
      ...original,
      name: 'Acme NPS copy',
    });

    // The same file again without a new name: refused in words, nothing changed.
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), patience)
      .toContain('“Acme NPS” already exists');
    await app.close();
  });
});
