import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, type BrowserHarness } from '../harness/browser';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// Main tells the window about runs it did not ask for: a clicked notification (history:show) and
// a platform's receipt that arrived later (history:updated). Both must reach the person.
describe('History follows what main says about runs', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('a clicked notification opens History on its run, and a later receipt shows without reloading', async () => {
    const app = await harness.openApp();
    const { page, services } = app;
    await page.getByRole('heading', { level: 1 }).first().waitFor(patience);
    const run = await services.history.append({
      startedAt: '2026-12-02T02:00:00.000Z',
      trigger: 'job',
      job: { id: 'j', name: 'Nightly' },
      outcome: 'sent',
      source: { fileName: 'contacts.csv', sha256: 'c'.repeat(64) },
      destination: 'Shop survey',
      rows: { read: 3, sent: 3, excluded: 0, issues: {} },
      error: null,
      transfer: { status: 'uploaded', remoteFolder: '/in' },
      receipt: { status: 'pending' },
    });

    // The notification about this run was clicked (main sends history:show).
    app.emit('history:show', { id: run.id });
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor(patience);
    const details = page.locator(`#run-${run.id}`);
    await expect
      .poll(() => details.textContent(), patience)
      .toContain('Waiting for the platform’s receipt');

    // The platform's receipt comes in later: the open run changes in place.
    const updated = await services.history.recordReceipt(run.id, { status: 'accepted' });
    expect(updated).not.toBeNull();
    app.emit('history:updated', updated!);
    await expect
      .poll(() => details.textContent(), patience)
      .toContain('The platform accepted the file');
    await app.close();
  });
});
