import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { saveDestination } from '../../src-main/settings/destination-store';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { tempHome } from '../harness/temp-home';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// The destination's "Check setup" (the app's `courier doctor NAME`): where the secret comes from
// and whether it can be read now, the keychain and the proxy, without showing the secret.
describe('Check setup on a destination', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-setup-check-', { shared: true });
  const variable = `COURIER_SETUP_PW_${randomBytes(3).toString('hex').toUpperCase()}`;
  const password = `Setup-pw-${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    delete process.env[variable];
    await harness?.close();
  });

  it('says the variable is missing, then that everything is in place once it is set', async () => {
    const name = `Vendor ${randomBytes(3).toString('hex')}`;
    const home = join(dir.path, 'home');
    const preset = destinationFromPreset('generic', name);
    await saveDestination(home, {
      ...preset,
      transport: {
        ...preset.transport,
        protocol: 'sftp',
        host: '127.0.0.1',
        port: 2222,
        user: 'alice',
        secretSource: { kind: 'environment', variable },
        proxy: { kind: 'http', host: '127.0.0.1', port: 3128 },
      },
    });
    const app = await harness.openApp({ home });
    const { page } = app;
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    await page.getByRole('heading', { name: `Edit ${name}` }).waitFor(patience);

    const card = page.getByTestId('setup-check');
    await card.getByRole('button', { name: 'Check setup' }).click();
    await expect
      .poll(() => card.getByTestId('setup-result').textContent(), patience)
      .toBe('Something needs attention before this destination can send.');
    const secretLine = await card.locator('[data-check="secret"]').textContent();
    expect(secretLine).toContain(`An environment variable (env:${variable})`);
    expect(secretLine).toContain('cannot be read now');
    expect(secretLine).toContain(`The environment variable ${variable}`);
    expect(await card.locator('[data-check="proxy"]').textContent()).toBe(
      'Proxy: connections go through http://127.0.0.1:3128.'
    );

    process.env[variable] = password;
    await card.getByRole('button', { name: 'Check setup' }).click();
    await expect
      .poll(() => card.getByTestId('setup-result').textContent(), patience)
      .toBe('Everything this destination needs on this computer is in place.');
    expect(await card.locator('[data-check="secret"]').getAttribute('data-ok')).toBe('true');
    expect(await page.content()).not.toContain(password);
    await app.close();
  });
});
