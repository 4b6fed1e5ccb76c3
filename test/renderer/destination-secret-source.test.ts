import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { getDestination, saveDestination } from '../../src-main/settings/destination-store';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { startRecordingFtp, type RecordingFtp } from '../harness/recording-ftp';
import { tempHome } from '../harness/temp-home';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// The destination form's "Where the password comes from": choosing an environment variable saves
// only its name in the destination, hides the password field, and the connection test logs in
// with the variable's value.
describe('the destination form and where the password comes from', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-dest-source-', { shared: true });
  let ftp: RecordingFtp;
  const variable = `COURIER_UI_PW_${randomBytes(3).toString('hex').toUpperCase()}`;
  const password = `Env-pw-${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    harness = await startBrowser();
    ftp = await startRecordingFtp();
    process.env[variable] = password;
  });
  afterAll(async () => {
    delete process.env[variable];
    await harness?.close();
    await ftp?.stop();
  });

  it('saves an environment variable as the source and logs in with its value', async () => {
    const name = `Drop env ${randomBytes(3).toString('hex')}`;
    const home = join(dir.path, 'home');
    const preset = destinationFromPreset('generic', name);
    await saveDestination(home, {
      ...preset,
      transport: {
        ...preset.transport,
        protocol: 'ftp',
        allowPlainFtp: true,
        host: '127.0.0.1',
        port: ftp.port,
        user: 'alice',
      },
    });
    const app = await harness.openApp({ home });
    const { page } = app;
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    await page.getByRole('heading', { name: `Edit ${name}` }).waitFor(patience);
    expect(await page.locator('#dest-password').count()).toBe(1);

    await page
      .getByLabel('Where the password comes from')
      .selectOption({ label: 'An environment variable' });
    await page.getByLabel('Variable name').fill(variable);
    expect(await page.locator('#dest-password').count()).toBe(0);
    await expect
      .poll(() => page.locator('#dest-secret-source-hint').textContent(), patience)
      .toMatch(/Anyone who can see this program’s environment can see the password/);
    await page.getByRole('button', { name: 'Save the destination' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor(patience);
    expect((await getDestination(home, name))?.transport.secretSource).toEqual({
      kind: 'environment',
      variable,
    });

    await page.getByRole('button', { name: 'Test the connection' }).click();
    await expect
      .poll(() => ftp.lines.filter(l => l.startsWith('PASS')), patience)
      .toEqual([`PASS ${password}`]);
    await app.close();
  });
});
