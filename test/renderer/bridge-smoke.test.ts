import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, type BrowserHarness } from '../harness/browser';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// The renderer shell in real Chromium, calling the real main-process handler through the bridge.
describe('renderer shell in Chromium', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows what app:info returns from the real main handler, and rejects invalid requests in plain words', async () => {
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page, home } = app;
    await expect
      .poll(() => page.getByTestId('app-version').textContent(), patience)
      .toContain('0.1.0');
    // The page's API is the contract's: the call goes through routeCall and its validation.
    const info = await page.evaluate(() => window.courier.app.info());
    expect(info).toMatchObject({ name: 'Courier', version: '0.1.0', locale: 'en-GB', home });
    const refused = await page.evaluate(() =>
      (window.courier.app.info as unknown as (r: unknown) => Promise<unknown>)({
        unexpected: true,
      }).then(
        () => 'resolved',
        (e: Error & { code?: string }) => `${e.code}: ${e.message}`
      )
    );
    expect(refused).toMatch(/^ipc\.invalid-request: /);
    await app.close();
  });
});
