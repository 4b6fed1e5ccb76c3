import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { getDestination, saveDestination } from '../../src-main/settings/destination-store';
import { SecretStore } from '../../src-main/secrets/secret-store';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { startRecordingFtp, type RecordingFtp } from '../harness/recording-ftp';
import { tempHome } from '../harness/temp-home';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// The destination form: after the server changes, the saved password is asked for again (or
// kept on purpose, confirmed in main's dialog); the new server never receives the old one.
describe('the destination form and a saved password', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-dest-secret-', { shared: true });
  let original: RecordingFtp;
  let stranger: RecordingFtp;
  const store = new SecretStore();
  const names: string[] = [];
  beforeAll(async () => {
    harness = await startBrowser();
    original = await startRecordingFtp();
    stranger = await startRecordingFtp();
  });
  afterAll(async () => {
    for (const name of names) await store.deleteAll(name).catch(() => 0);
    await harness?.close();
    await original?.stop();
    await stranger?.stop();
  });

  const setUp = async (label: string, services: Parameters<BrowserHarness['openApp']>[0] = {}) => {
    const name = `Drop ${label} ${randomBytes(3).toString('hex')}`;
    names.push(name);
    const home = join(dir.path, name);
    const preset = destinationFromPreset('generic', name);
    await saveDestination(home, {
      ...preset,
      transport: {
        ...preset.transport,
        protocol: 'ftp',
        allowPlainFtp: true,
        host: '127.0.0.1',
        port: original.port,
        user: 'alice',
      },
    });
    const app = await harness.openApp({ ...services, home });
    const password = `Old-pw-${randomBytes(6).toString('hex')}`;
    await app.handlers['secrets:set']({ destination: name, kind: 'password', value: password });
    const { page } = app;
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    await page.getByRole('heading', { name: `Edit ${name}` }).waitFor(patience);
    await expect
      .poll(() => page.locator('#dest-password-hint').textContent(), patience)
      .toBe('A password is saved. Type a new one to replace it.');
    await page.getByLabel('Port').fill(String(stranger.port));
    return { app, page, name, home, password };
  };

  it('asks for the password again after the port changes, and sends only the new one', async () => {
    const { app, page, name, home, password } = await setUp('ask');
    const hint = page.locator('#dest-password-hint');
    await expect
      .poll(() => hint.textContent(), patience)
      .toMatch(/^Enter the password for the new server/);
    expect(
      await page.locator('#dest-password').evaluate(input => (input as HTMLInputElement).required)
    ).toBe(true);

    // Saving without a password is stopped by the form: the destination keeps its server.
    await page.getByRole('button', { name: 'Save the destination' }).click();
    expect(
      await page
        .locator('#dest-password')
        .evaluate(input => (input as HTMLInputElement).validity.valueMissing)
    ).toBe(true);
    expect((await getDestination(home, name))?.transport.port).toBe(original.port);

    await page.locator('#dest-password').fill('New-pw-for-stranger');
    await page.getByRole('button', { name: 'Save the destination' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor(patience);
    expect((await getDestination(home, name))?.transport.port).toBe(stranger.port);

    await page.getByRole('button', { name: 'Test the connection' }).click();
    await expect
      .poll(() => stranger.lines.filter(l => l.startsWith('PASS')), patience)
      .toEqual(['PASS New-pw-for-stranger']);
    expect(stranger.lines.some(l => l.includes(password))).toBe(false);
    await app.close();
  });

  it('keeps the saved password for the new server only once main’s dialog confirms it', async () => {
    const asked: string[] = [];
    const { app, page, password } = await setUp('keep', {
      services: { confirmKeepSecret: async change => (asked.push(change.to), true) },
    });
    await page.getByLabel('Use the saved password for the new server too').check();
    expect(
      await page.locator('#dest-password').evaluate(input => (input as HTMLInputElement).required)
    ).toBe(false);
    await page.getByRole('button', { name: 'Save the destination' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor(patience);
    expect(asked).toEqual([`ftp://alice@127.0.0.1:${stranger.port}`]);
    await page.getByRole('button', { name: 'Test the connection' }).click();
    await expect
      .poll(() => stranger.lines.filter(l => l.includes(password)), patience)
      .toEqual([`PASS ${password}`]);
    await app.close();
  });
});
