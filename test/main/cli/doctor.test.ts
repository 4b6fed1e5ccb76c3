import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDestination, saveDestination } from '../../../src-main/settings/destination-store';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startTinyproxy, type HttpProxyServer } from '../../harness/servers/tinyproxy';
import { runBuiltCli } from '../../harness/built-cli';
import { tempHome } from '../../harness/temp-home';

// `courier doctor` on a server: the built CLI in a child with no desktop session (no D-Bus, so
// no keychain), destinations whose secrets come from an environment variable or the keychain,
// the proxy from the environment (the real tinyproxy), and --connect to the real sshd.


type Result = Readonly<{ code: number | null; stdout: string; stderr: string }>;

describe('courier doctor', () => {
  let sshd: SshdServer;
  let proxy: HttpProxyServer;
  const dir = tempHome('courier-doctor-', { shared: true });
  let home: string;
  const variable = `DOCTOR_PW_${randomBytes(3).toString('hex').toUpperCase()}`;

  const courier = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Result> => {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: dir.path,
      XDG_DATA_HOME: join(dir.path, 'data'),
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir.path, 'no-bus-here')}`,
      ...env,
    };
    for (const name of [
      'COURIER_TEST_KEYRING',
      'COURIER_HOME',
      'SSH_AUTH_SOCK',
      'ALL_PROXY',
      'all_proxy',
      'HTTPS_PROXY',
      'https_proxy',
      'NO_PROXY',
      'no_proxy',
    ])
      if (!(name in env)) delete childEnv[name];
    return runBuiltCli(['--home', home, ...args], { env: childEnv });
  };

  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    proxy = await startTinyproxy();
    home = join(dir.path, 'home');
  });
  afterAll(async () => {
    await proxy?.stop();
    await sshd?.stop();
  });

  const addDestination = (name: string, extra: readonly string[]) =>
    courier([
      'destinations',
      'add',
      name,
      '--protocol',
      'sftp',
      '--host',
      '127.0.0.1',
      '--port',
      String(sshd.port),
      '--user',
      sshd.users[0]!.name,
      '--folder',
      'upload',
      '--host-key',
      sshd.hostKeyFingerprint,
      ...extra,
    ]);

  it('says where each secret comes from, whether it can be read, the keychain and the proxy', async () => {
    const password = sshd.users[0]!.password!;
    const add = await addDestination('vendor', [
      '--secret-source',
      `env:${variable}`,
      '--proxy',
      'env',
    ]);
    expect(add.code, add.stderr).toBe(0);
    const proxyUrl = `http://${proxy.host}:${proxy.port}`;

    // Everything in place: the variable is set, the proxy comes from the environment.
    const ready = await courier(['doctor'], { [variable]: password, HTTPS_PROXY: proxyUrl });
    expect(ready.stderr).toBe('');
    expect(ready.code).toBe(0);
    expect(ready.stdout).toContain('System keychain: cannot be reached (no destination needs it)');
    expect(ready.stdout).toContain('vendor: ready');
    expect(ready.stdout).toContain(`secret:  env:${variable} — can be read now`);
    expect(ready.stdout).toContain(`proxy:   through ${proxyUrl} (from ALL_PROXY / HTTPS_PROXY)`);
    expect(ready.stdout).toContain('not contacted (add --connect');
    expect(ready.stdout).not.toContain(password);

    // --connect: the real connection test, through the real proxy, to the real sshd.
    const connected = await courier(['doctor', 'vendor', '--connect', '--json'], {
      [variable]: password,
      HTTPS_PROXY: proxyUrl,
    });
    expect(connected.code, connected.stdout).toBe(0);
    const report = JSON.parse(connected.stdout) as {
      ok: boolean;
      destinations: {
        proxy: { via: string };
        connection: { ok: boolean; steps: { id: string; status: string }[] };
      }[];
    };
    expect(report.ok).toBe(true);
    expect(report.destinations[0]!.proxy.via).toBe(proxyUrl);
    expect(report.destinations[0]!.connection.ok).toBe(true);
    expect(report.destinations[0]!.connection.steps.find(s => s.id === 'proxy')?.status).toBe('ok');
    expect(proxy.output()).toMatch(new RegExp(`CONNECT 127\\.0\\.0\\.1:${sshd.port}\\b`));
    expect(connected.stdout).not.toContain(password);

    // The variable is missing: said in plain words, exit 1; a wrong password fails --connect (3).
    const missing = await courier(['doctor', '--json']);
    expect(missing.code).toBe(1);
    const missingReport = JSON.parse(missing.stdout) as {
      destinations: { ok: boolean; secret: { readable: boolean; error: { code: string } } }[];
    };
    expect(missingReport.destinations[0]).toMatchObject({
      ok: false,
      secret: { readable: false, error: { code: 'secrets.variable-missing' } },
    });
    const wrong = await courier(['doctor', '--connect'], { [variable]: 'not-the-password' });
    expect(wrong.code).toBe(3);
    expect(wrong.stdout).toContain('vendor: NEEDS ATTENTION');
    expect(wrong.stdout).toMatch(/Login\.+ FAILED/);
    expect(wrong.stdout).not.toContain('not-the-password');
  });

  it('a destination that keeps its password in the keychain needs it: no keychain here, exit 1', async () => {
    // As the desktop saved it: no source named, so the keychain (which this computer lacks).
    const vendor = (await getDestination(home, 'vendor'))!;
    const { secretSource: _source, proxy: _proxy, ...transport } = vendor.transport;
    await saveDestination(home, { ...vendor, name: 'desk', transport });
    const result = await courier(['doctor', 'desk']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('desk: NEEDS ATTENTION');
    expect(result.stdout).toContain('secret:  keychain — cannot be read now');
    expect(result.stdout).toContain('keychain: needed by this destination, and cannot be reached');
    const unknown = await courier(['doctor', 'nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no destination called “nobody”');
  });
});
