import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyIdentity } from '../../src-core/destinations/proxy-setting';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { getDestination, saveDestination } from '../../src-main/settings/destination-store';
import { SecretStore } from '../../src-main/secrets/secret-store';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { startTinyproxy, type HttpProxyServer } from '../harness/servers/tinyproxy';
import { startVsftpd, type VsftpdServer } from '../harness/servers/vsftpd';
import { tempHome } from '../harness/temp-home';

const patience = { timeout: 20_000 };

// The destination form's Proxy field: typed as a URL, its password kept in the keychain (bound to
// the proxy), and the connection test goes through the real proxy (tinyproxy with basic auth).
describe('the destination form and a proxy', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-dest-proxy-', { shared: true });
  let vsftpd: VsftpdServer;
  let proxy: HttpProxyServer;
  const store = new SecretStore();
  const name = `Proxied ${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    harness = await startBrowser();
    vsftpd = await startVsftpd({ mode: 'explicit' });
    proxy = await startTinyproxy({ auth: true });
  });
  afterAll(async () => {
    await store.deleteAll(name).catch(() => 0);
    await harness?.close();
    await proxy?.stop();
    await vsftpd?.stop();
  });

  it('saves the proxy and its password, and the connection test shows “Proxy … reached”', async () => {
    const home = join(dir.path, 'home');
    const preset = destinationFromPreset('generic', name);
    await saveDestination(home, {
      ...preset,
      folder: '/upload',
      transport: {
        ...preset.transport,
        protocol: 'ftps',
        host: '127.0.0.1',
        port: vsftpd.port,
        user: vsftpd.user.name,
        tlsFingerprint: vsftpd.certFingerprint,
      },
    });
    const app = await harness.openApp({ home });
    await app.handlers['secrets:set']({
      destination: name,
      kind: 'password',
      value: vsftpd.user.password,
    });
    const { page } = app;
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    await page.getByRole('heading', { name: `Edit ${name}` }).waitFor(patience);

    await page.getByLabel('Proxy', { exact: true }).fill('nonsense://x');
    await expect
      .poll(() => page.locator('#dest-proxy-hint').textContent(), patience)
      .toMatch(/^Not a proxy address/);
    const url = `http://${proxy.auth!.user}@${proxy.host}:${proxy.port}`;
    await page.getByLabel('Proxy', { exact: true }).fill(url);
    await page.getByLabel('Proxy password').fill(proxy.auth!.password);
    await page.getByRole('button', { name: 'Save the destination' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor(patience);
    const setting = {
      kind: 'http',
      host: proxy.host,
      port: proxy.port,
      user: proxy.auth!.user,
    } as const;
    expect((await getDestination(home, name))?.transport.proxy).toEqual(setting);
    expect(await store.get(name, 'proxy-password', proxyIdentity(setting))).toBe(
      proxy.auth!.password
    );

    await page.getByRole('button', { name: 'Test the connection' }).click();
    await page.getByText('The connection works.', { exact: true }).waitFor(patience);
    await page
      .getByText(`Proxy ${url} reached; it connects to 127.0.0.1:${vsftpd.port}.`, { exact: true })
      .waitFor(patience);
    expect(proxy.output()).toMatch(new RegExp(`CONNECT 127\\.0\\.0\\.1:${vsftpd.port}\\b`));
    await app.close();
  });
});
