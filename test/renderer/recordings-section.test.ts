import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDestination } from '../../src-core/destinations/destination';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { applySettings } from '../../src-core/destinations/destination-settings';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { changed, mountSection } from '../harness/section-mount';

const patience = { timeout: 20_000 };

// Issue 16, EvaluAgent: the destination editor's “Call recordings” section, mounted alone in
// Chromium. What a person sets there is what `courier destinations set` would set.
describe('the Call recordings section', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('turns recordings on, names their column and server folder, as the settings words do', async () => {
    const context = await harness.browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const calls = destinationFromPreset('evaluagent', 'Calls');
      await mountSection(page, 'recordings', calls);
      await page.getByRole('heading', { name: 'Call recordings' }).waitFor(patience);
      await page.getByLabel('Send call recordings with the records').check();
      await page.getByLabel('Column naming each recording').fill('Recording');
      await page.getByLabel('Folder for the recordings on the server').fill('/in/recordings');
      const { destination } = await changed(page);
      const saved = parseDestination(JSON.parse(JSON.stringify(destination)));
      expect(saved.recordings).toEqual({ column: 'Recording', remoteFolder: '/in/recordings' });
      expect(saved).toEqual(
        applySettings(calls, [
          ['recordings.column', 'Recording'],
          ['recordings.folder', '/in/recordings'],
        ])
      );
      // Off again: the destination no longer sends recordings.
      await page.getByLabel('Send call recordings with the records').uncheck();
      expect((await changed(page)).destination.recordings).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it('says at the field why a column is refused, and keeps the one before', async () => {
    const context = await harness.browser.newContext({ locale: 'fr-BE' });
    try {
      const page = await context.newPage();
      const strict = parseDestination({
        ...destinationFromPreset('evaluagent', 'Calls'),
        extraColumns: false,
        recordings: { column: 'Contact ID', remoteFolder: '/recordings' },
      });
      await mountSection(page, 'recordings', strict, { language: 'fr' });
      await page.getByRole('heading', { name: 'Enregistrements d’appels' }).waitFor(patience);
      const column = page.getByLabel('Colonne qui nomme chaque enregistrement');
      await column.fill('Nope');
      await page
        .getByRole('alert')
        .filter({ hasText: 'Le réglage « recordings.column » ne peut pas valoir « Nope »' })
        .waitFor(patience);
      expect(await column.getAttribute('aria-invalid')).toBe('true');
      expect((await changed(page)).destination.recordings?.column).toBe('Contact ID');
      await column.fill('Duration');
      expect((await changed(page)).destination.recordings?.column).toBe('Duration');
    } finally {
      await context.close();
    }
  });
});
