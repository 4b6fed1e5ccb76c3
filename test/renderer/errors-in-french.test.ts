import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { saveDestination } from '../../src-main/settings/destination-store';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { freePort } from '../harness/servers/ports';
import { tempHome } from '../harness/temp-home';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// What goes wrong, said in the user's language: a connection test and a file Courier refuses.
describe('errors and connection steps in French', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-errors-fr-', { shared: true });
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('tests a connection step by step in French, naming the port and server', async () => {
    const home = join(dir.path, 'home');
    const port = await freePort();
    const preset = destinationFromPreset('hello-customer', 'Partenaire');
    await saveDestination(home, {
      ...preset,
      transport: { ...preset.transport, host: '127.0.0.1', port, user: 'courier' },
    });
    const app = await harness.openApp({ locale: 'fr-BE', home });
    const { page } = app;
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Modifier Partenaire' }).click();
    await page.getByRole('heading', { name: 'Modifier Partenaire' }).waitFor(patience);
    // The preset's notes, untouched, are shown in French.
    expect(await page.locator('.notice').first().textContent()).toMatch(/^FTPS uniquement \(explicite/);

    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await expect
      .poll(() => page.getByTestId('test-result').textContent(), patience)
      .toBe('La connexion ne fonctionne pas encore.');
    const step = (id: string) => page.locator(`[data-step="${id}"]`).textContent();
    expect(await step('protocol')).toContain(`FTPS explicite, port ${port}.`);
    expect(await step('lookup')).toContain('127.0.0.1 correspond à l’adresse 127.0.0.1.');
    const tcp = page.locator('[data-step="tcp"][data-status="failed"]');
    expect(await tcp.textContent()).toContain(
      'Le serveur a refusé la connexion. Vérifiez le numéro de port'
    );
    expect(await tcp.textContent()).toContain('Vérifiez le port, et s’il s’agit de FTPS explicite');
    expect(await step('write')).toContain('Non testé (une étape précédente a échoué).');
    // Nothing of the English main wrote is left on the steps.
    expect(await page.locator('.steps-list').textContent()).not.toMatch(
      /The server|Not tested|Explicit FTPS|Check the/
    );
    await app.close();
  });

  it('says why a file cannot be read in French, with the numbers main sent along', async () => {
    const file = join(dir.path, 'large.csv');
    const columns = Array.from({ length: 2345 }, (_, i) => `c${i}`);
    await writeFile(file, `${columns.join(',')}\n${columns.map(() => 'x').join(',')}\n`);
    const app = await harness.openApp({ locale: 'fr-BE' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Envoyer un fichier' }).waitFor(patience);
    app.emit('app:open-file', { path: file });
    const number = (n: number) => new Intl.NumberFormat('fr-BE').format(n);
    await expect
      .poll(() => page.getByRole('alert').textContent(), patience)
      .toBe(
        `« large.csv » a ${number(2345)} colonnes ; Courier en lit au plus ${number(2000)}. Vérifiez le séparateur, ou supprimez les colonnes inutiles.`
      );
    await app.close();
  });
});
