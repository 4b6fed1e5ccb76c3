import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, type BrowserHarness } from '../harness/browser';

const patience = { timeout: 20_000 };

// The Jobs screen's “In the background” card changes what the tray and notifications follow,
// through the same job service as `courier jobs settings`.
describe('the background settings in the window', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('turns on start at login and success notifications, and keeps History 30 days', async () => {
    const app = await harness.openApp();
    const { page } = app;
    await page.getByRole('button', { name: 'Scheduled jobs' }).click();
    const card = page.getByTestId('background-card');
    await card.waitFor(patience);

    await card.getByLabel('Start Courier in the tray when I log in').check();
    await expect
      .poll(async () => (await app.services.jobs.settings.get()).startAtLogin, patience)
      .toBe(true);
    await card.getByLabel('Also notify me when a run went well', { exact: false }).check();
    await expect
      .poll(async () => (await app.services.jobs.settings.get()).notifyOnSuccess, patience)
      .toBe(true);

    // A limit that is not a whole number above 0 is said, and cannot be saved.
    await card.getByLabel('Keep History for (days)').fill('0');
    expect(
      await card.getByRole('button', { name: 'Save how long runs are kept' }).isDisabled()
    ).toBe(true);
    expect(await card.textContent()).toContain('Type a whole number above 0');
    await card.getByLabel('Keep History for (days)').fill('30');
    await card.getByRole('button', { name: 'Save how long runs are kept' }).click();
    await expect
      .poll(async () => (await app.services.jobs.settings.get()).historyRetention.days, patience)
      .toBe(30);
    await app.close();
  }, 60_000);

  it('a tick box answered late leaves the days being typed alone', async () => {
    const app = await harness.openApp();
    const { page } = app;
    // The answer to the tick box waits until the person has typed a new limit.
    const handlers = app.handlers as unknown as Record<
      string,
      (request: unknown) => Promise<unknown>
    >;
    const setSettings = handlers['jobs:set-settings']!;
    let answer: () => void = () => undefined;
    const typed = new Promise<void>(resolve => (answer = resolve));
    handlers['jobs:set-settings'] = async request => {
      const saved = await setSettings(request);
      await typed;
      return saved;
    };
    await page.getByRole('button', { name: 'Scheduled jobs' }).click();
    const card = page.getByTestId('background-card');
    await card.waitFor(patience);
    await card.getByLabel('Also notify me when a run went well', { exact: false }).check();
    await card.getByLabel('Keep History for (days)').fill('30');
    answer();
    await expect.poll(() => card.textContent(), patience).toContain('Saved');
    expect(await card.getByLabel('Keep History for (days)').inputValue()).toBe('30');
    await app.close();
  }, 60_000);
});
