import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { saveDestination } from '../../src-main/settings/destination-store';
import { SecretStore } from '../../src-main/secrets/secret-store';
import { generateKeyPair } from '../../src-main/secrets/ssh-identity';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { tempHome } from '../harness/temp-home';

const patience = { timeout: 20_000 };

// A person who already has a key pair (the platform knows its public key) uses it in the app, as
// `courier keys import` does: the key goes to the keychain, the form shows its public key.
describe('the destination form and an existing private key', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-key-import-', { shared: true });
  const store = new SecretStore();
  const names: string[] = [];
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    for (const name of names) await store.deleteAll(name).catch(() => 0);
    await harness?.close();
  });

  it('imports a key file, asking for its passphrase when it has one', async () => {
    const name = `Agents ${randomBytes(3).toString('hex')}`;
    names.push(name);
    const home = join(dir.path, 'home');
    const preset = destinationFromPreset('evaluagent', name);
    await saveDestination(home, {
      ...preset,
      transport: {
        ...preset.transport,
        protocol: 'sftp',
        host: 'sftp.example.com',
        user: 'acme',
        auth: 'key',
      },
    });
    const pair = await generateKeyPair({ comment: 'acme-laptop', passphrase: 'open sesame' });
    const keyFile = join(dir.path, 'id_ed25519');
    await writeFile(keyFile, pair.privateKey, { mode: 0o600 });
    const app = await harness.openApp({ home, services: { pickFile: async () => keyFile } });
    const { page } = app;
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    await page.getByRole('heading', { name: `Edit ${name}` }).waitFor(patience);
    await page.getByText('No key pair yet.').waitFor(patience);

    // Without its passphrase the key cannot be opened: said plainly, nothing saved.
    await page.getByRole('button', { name: 'Use a private key you have…' }).click();
    await page.getByRole('alert').waitFor(patience);
    expect(await store.has(name, 'private-key')).toBe(false);

    await page.getByLabel('Passphrase of that key (if it has one)').fill('open sesame');
    await page.getByRole('button', { name: 'Use a private key you have…' }).click();
    const shown = page.getByLabel('Public key: give this to the platform');
    await expect.poll(() => shown.inputValue(), patience).toBe(pair.publicKey);
    expect(await store.has(name, 'private-key')).toBe(true);
    await app.close();
  }, 60_000);
});
