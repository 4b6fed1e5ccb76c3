import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCall } from '../../src-main/ipc/ipc-router';
import { startBrowser, type BrowserHarness } from '../harness/browser';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// A settings file main had to keep aside is said in the window, in the user's language.
describe('a settings file kept aside, told in the window', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows main’s notice in French until it is closed', async () => {
    const app = await harness.openApp({ locale: 'fr-BE' });
    const { page, home } = app;
    await page.getByRole('button', { name: 'Tâches planifiées' }).waitFor(patience);
    await writeFile(join(home, 'background.json'), '{"notifyOnSuccess":tru');
    // Saving the background settings (as the jobs screen does) keeps the damaged file aside.
    const saved = await routeCall(
      app.handlers,
      'jobs:set-settings',
      { notifyOnSuccess: true },
      true
    );
    expect(saved.ok).toBe(true);
    const kept = (await readdir(home)).find(f => f.startsWith('background.json.damaged-'))!;
    const notice = page.locator('.app-notice');
    await expect.poll(() => notice.textContent(), patience).toContain(`« ${kept} »`);
    expect(await notice.textContent()).toContain(
      'Courier n’a pas pu lire son fichier de réglages « background.json »'
    );
    await notice.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => notice.count(), patience).toBe(0);
    await app.close();
  });
});
