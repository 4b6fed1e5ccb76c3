import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { getDestination } from '../../../src-main/settings/destination-store';
import { startDante, type SocksProxyServer } from '../../harness/servers/dante';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { requireKeychain } from '../secrets/keychain-harness';
import { courier } from './run-captured';
import { tempHome } from '../../harness/temp-home';

// `courier destinations add/set --proxy … --proxy-password-stdin`, then a real connection test
// through a real SOCKS5 proxy (dante, with a user and password) to a real vsftpd.

const store = new SecretStore();
const home = tempHome('courier-proxy-cli-', { shared: true });
let vsftpd: VsftpdServer;
let socks: SocksProxyServer;
const name = `Proxied ${randomBytes(3).toString('hex')}`;

/** Every file under a folder, read as text (the settings Courier writes). */
async function allText(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) text += await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return text;
}

beforeAll(async () => {
  requireKeychain();
  vsftpd = await startVsftpd({ mode: 'explicit' });
  socks = await startDante({ auth: true });
});
afterAll(async () => {
  await store.deleteAll(name).catch(() => 0);
  await socks?.stop();
  await vsftpd?.stop();
});

describe('courier destinations … --proxy', () => {
  it('adds a destination behind a SOCKS5 proxy, keeps the proxy password in the keychain only, and tests it step by step', async () => {
    const added = await courier(
      [
        'destinations',
        'add',
        name,
        '--protocol',
        'ftps',
        '--host',
        '127.0.0.1',
        '--port',
        String(vsftpd.port),
        '--user',
        vsftpd.user.name,
        '--folder',
        '/upload',
        '--tls-fingerprint',
        vsftpd.certFingerprint,
        '--proxy',
        `socks5://${socks.auth!.user}@${socks.host}:${socks.port}`,
        '--password-stdin',
        '--proxy-password-stdin',
      ],
      { home: home.path, stdin: `${vsftpd.user.password}\n${socks.auth!.password}\n` }
    );
    expect(added.code, added.stderr).toBe(0);
    expect((await getDestination(home.path, name))?.transport.proxy).toEqual({
      kind: 'socks5',
      host: socks.host,
      port: socks.port,
      user: socks.auth!.user,
    });
    expect(await allText(home.path)).not.toContain(socks.auth!.password);

    const tested = await courier(['destinations', 'test', name, '--json'], { home: home.path });
    expect(tested.code, tested.stdout + tested.stderr).toBe(0);
    const steps = JSON.parse(tested.stdout).steps as {
      id: string;
      status: string;
      message: string;
    }[];
    expect(steps[1]).toMatchObject({ id: 'proxy', status: 'ok' });
    expect(steps[1]!.message).toContain(
      `Proxy socks5://${socks.auth!.user}@${socks.host}:${socks.port} reached`
    );
    expect(tested.stdout).not.toContain(socks.auth!.password);
  });

  it('set --proxy with a new proxy password, then none; a password inside --proxy is refused', async () => {
    const wrong = await courier(
      [
        'destinations',
        'set',
        name,
        '--proxy',
        `socks5://${socks.auth!.user}@${socks.host}:${socks.port}`,
        '--proxy-password-stdin',
      ],
      { home: home.path, stdin: 'not-the-password\n' }
    );
    expect(wrong.code, wrong.stderr).toBe(0);
    const refused = await courier(['destinations', 'test', name], { home: home.path });
    expect(refused.code).toBe(3);
    expect(refused.stdout).toMatch(/^Proxy\.+ FAILED/m);
    expect(refused.stdout).toContain('refused the user name or password');
    expect(refused.stdout).not.toContain('not-the-password');

    const inline = await courier(
      ['destinations', 'set', name, '--proxy', 'http://u:secret@127.0.0.1:3128'],
      { home: home.path }
    );
    expect(inline.code).toBe(2);
    expect(inline.stderr).toContain('--proxy-password-stdin');
    expect(inline.stderr).not.toContain('secret@');

    const direct = await courier(['destinations', 'set', name, '--proxy', 'none'], {
      home: home.path,
    });
    expect(direct.code, direct.stderr).toBe(0);
    expect((await getDestination(home.path, name))?.transport.proxy).toEqual({ kind: 'none' });
    const tested = await courier(['destinations', 'test', name, '--json'], { home: home.path });
    expect(JSON.parse(tested.stdout).steps.map((s: { id: string }) => s.id)).toContain('tcp');
  });
});
