import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer, type SshdUser } from '../../harness/servers/sshd';
import { findSecrets } from './find-secret';
import { tempHome } from '../../harness/temp-home';

// Courier on a server: no desktop session, no D-Bus at all, so no Secret Service. The CLI runs in
// a child process whose D-Bus address points at nothing; each destination names where its
// secret comes from, and `courier send` delivers to the real sshd. No secret lands in any file
// under the home or in the output.

const repoRoot = resolve(import.meta.dirname, '../../..');
const contacts = [
  'E-mail;Taal;Voornaam',
  'wendy@example.be;nl;Wendy',
  'jean@example.fr;FR;Jean',
].join('\r\n');

type Result = Readonly<{ code: number | null; stdout: string; stderr: string }>;

describe('courier without a keychain (no D-Bus): secrets from the server’s own sources', () => {
  let sshd: SshdServer;
  let passwordUser: SshdUser;
  let keyUser: SshdUser;
  const dir = tempHome('courier-no-keychain-', { shared: true });
  let home: string;
  let exportFile: string;
  const unique = randomBytes(3).toString('hex');

  /** Runs `courier --home HOME …` in a child with no D-Bus session and the given environment. */
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
      'CREDENTIALS_DIRECTORY',
    ])
      if (!(name in env)) delete childEnv[name];
    return new Promise((resolvePromise, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src-main/cli/main.ts', '--home', home, ...args],
        {
          cwd: repoRoot,
          env: childEnv,
          stdio: ['ignore', 'pipe', 'pipe'],
        }
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', code => resolvePromise({ code, stdout, stderr }));
    });
  };

  const add = (
    name: string,
    user: SshdUser,
    source: string,
    extra: readonly string[] = [],
    env: NodeJS.ProcessEnv = {}
  ) =>
    courier(
      [
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
        user.name,
        '--folder',
        'upload',
        '--host-key',
        sshd.hostKeyFingerprint,
        '--secret-source',
        source,
        ...extra,
      ],
      env
    );

  const send = (name: string, env: NodeJS.ProcessEnv = {}) =>
    courier(['send', exportFile, '--destination', name, '--force', '--json'], env);

  /** The file the last send put on the server, by the name the report gives. */
  const delivered = async (user: SshdUser, report: Result): Promise<string> => {
    const [file] = JSON.parse(report.stdout).files as { name: string }[];
    return readFile(join(user.uploadDir, file!.name), 'utf8');
  };

  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }, { auth: 'key' }] });
    passwordUser = sshd.users.find(u => u.auth === 'password')!;
    keyUser = sshd.users.find(u => u.auth === 'key')!;
    home = join(dir.path, 'courier-home');
    exportFile = join(dir.path, 'export.csv');
    await writeFile(exportFile, contacts);
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('has no keychain: a destination that uses it fails with the keychain message', async () => {
    const name = `kc-${unique}`;
    expect((await add(name, passwordUser, 'env:UNUSED')).code).toBe(0);
    const set = await courier(['destinations', 'set', name, '--secret-source', 'keychain']);
    expect(set.stdout).toContain('the secret comes from the system keychain');
    expect(set.code).toBe(0);
    const sent = await send(name);
    expect(sent.code).toBe(3);
    expect(JSON.parse(sent.stdout)).toMatchObject({
      outcome: 'failed',
      error: { code: 'secrets.unavailable' },
    });
  });

  it('sends with the password from a systemd credentials directory', async () => {
    const credentials = join(dir.path, 'credentials');
    await rm(credentials, { recursive: true, force: true, maxRetries: 10 });
    await mkdir(credentials, { mode: 0o700 });
    await writeFile(join(credentials, 'vendor-password'), `${passwordUser.password}\n`, {
      mode: 0o400,
    });
    const env = { CREDENTIALS_DIRECTORY: credentials };
    const name = `systemd-${unique}`;
    const added = await add(name, passwordUser, 'systemd:vendor-password');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('the systemd credential “vendor-password”');

    const tested = await courier(['destinations', 'test', name], env);
    expect(tested.stdout).toContain(
      'Secret source... the systemd credential “vendor-password”: can be read now'
    );
    expect(tested.code).toBe(0);
    // Without the directory (started outside systemd), test says so, plainly.
    const outside = await courier(['destinations', 'test', name, '--json']);
    expect(JSON.parse(outside.stdout).secretSource).toMatchObject({
      source: 'systemd:vendor-password',
      readable: false,
      error: { code: 'secrets.credential-missing' },
    });

    const sent = await send(name, env);
    expect(sent.stderr).toBe('');
    expect(JSON.parse(sent.stdout)).toMatchObject({ outcome: 'sent' });
    expect(await delivered(passwordUser, sent)).toContain('wendy@example.be');
    expect(
      await findSecrets({
        folders: [home],
        texts: {
          added: added.stdout,
          tested: tested.stdout,
          outside: outside.stdout,
          sent: sent.stdout,
        },
        secrets: { password: passwordUser.password },
      })
    ).toEqual([]);
  });

  it('sends with the password a command prints (no shell), and a failing command gives a plain error', async () => {
    const secretFile = join(dir.path, 'pass-store');
    await writeFile(secretFile, `${passwordUser.password}\n`, { mode: 0o600 });
    const name = `command-${unique}`;
    const added = await add(name, passwordUser, `command:cat ${secretFile}`);
    expect(added.code).toBe(0);
    const list = await courier(['destinations', 'list', '--json']);
    expect(JSON.parse(list.stdout).destinations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name, secretSource: `command:cat ${secretFile}` }),
      ])
    );
    const sent = await send(name);
    expect(sent.stderr).toBe('');
    expect(JSON.parse(sent.stdout)).toMatchObject({ outcome: 'sent' });
    expect(await delivered(passwordUser, sent)).toContain('jean@example.fr');

    // A shell would expand $HOME and run the pipe; without one the words reach cat as they are.
    const failing = `failing-${unique}`;
    expect((await add(failing, passwordUser, `command:cat '$HOME/x' | sh`)).code).toBe(0);
    const refused = await send(failing);
    expect(refused.code).toBe(3);
    const report = JSON.parse(refused.stdout);
    expect(report.error).toMatchObject({
      code: 'secrets.command-failed',
    });
    expect(report.error.message).toMatch(/^The password command cat failed \(exit status 1\)/);
    expect(
      await findSecrets({
        folders: [home],
        texts: { list: list.stdout, sent: sent.stdout, refused: refused.stdout + refused.stderr },
        secrets: { password: passwordUser.password },
      })
    ).toEqual([]);
  });

  it('sends with the password from an environment variable named by the destination', async () => {
    const name = `env-${unique}`;
    expect((await add(name, passwordUser, 'env:VENDOR_SFTP_PASSWORD')).code).toBe(0);
    const missing = await send(name);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      outcome: 'failed',
      error: { code: 'secrets.variable-missing' },
    });
    const sent = await send(name, { VENDOR_SFTP_PASSWORD: passwordUser.password });
    expect(sent.stderr).toBe('');
    expect(JSON.parse(sent.stdout)).toMatchObject({ outcome: 'sent' });
    expect(await delivered(passwordUser, sent)).toContain('wendy@example.be');
    expect(
      await findSecrets({
        folders: [home],
        texts: { missing: missing.stdout, sent: sent.stdout },
        secrets: { password: passwordUser.password },
      })
    ).toEqual([]);
  });

  describe('with an SSH agent started by the test', () => {
    let agent: ChildProcess;
    let socket: string;
    beforeAll(async () => {
      socket = join(dir.path, 'agent.sock');
      agent = spawn('/usr/bin/ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
      for (let i = 0; i < 200 && !existsSync(socket); i++)
        await new Promise(r => setTimeout(r, 25));
      const added = await new Promise<number | null>((resolvePromise, reject) => {
        const child = spawn('/usr/bin/ssh-add', [keyUser.privateKeyPath!], {
          env: { ...process.env, SSH_AUTH_SOCK: socket },
          stdio: 'ignore',
        });
        child.on('error', reject);
        child.on('close', resolvePromise);
      });
      expect(added).toBe(0);
    });
    afterAll(() => {
      agent?.kill();
    });

    it('logs in with the key held by the agent; the key never reaches Courier', async () => {
      const name = `agent-${unique}`;
      const added = await add(name, keyUser, 'ssh-agent');
      expect(added.code).toBe(0);
      expect(
        JSON.parse((await courier(['destinations', 'list', '--json'])).stdout).destinations
      ).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name, auth: 'key', secretSource: 'ssh-agent' }),
        ])
      );
      const noAgent = await send(name);
      expect(JSON.parse(noAgent.stdout)).toMatchObject({
        outcome: 'failed',
        error: { code: 'secrets.agent-missing' },
      });
      const sent = await send(name, { SSH_AUTH_SOCK: socket });
      expect(sent.stderr).toBe('');
      expect(JSON.parse(sent.stdout)).toMatchObject({ outcome: 'sent' });
      expect(await delivered(keyUser, sent)).toContain('jean@example.fr');
      expect(
        await findSecrets({
          folders: [home],
          texts: { sent: sent.stdout },
          secrets: { 'private key': keyUser.privateKey },
        })
      ).toEqual([]);
    });
  });

  it('refuses a private key file others can read, in plain words, and uses it once it is private', async () => {
    const keyFile = join(dir.path, 'vendor_key');
    await copyFile(keyUser.privateKeyPath!, keyFile);
    await chmod(keyFile, 0o644);
    const name = `keyfile-${unique}`;
    expect((await add(name, keyUser, `key-file:${keyFile}`)).code).toBe(0);
    const refused = await send(name);
    expect(refused.code).toBe(3);
    const report = JSON.parse(refused.stdout);
    expect(report.error).toMatchObject({
      code: 'secrets.key-file-open',
    });
    expect(report.error.message).toContain(
      'can be read by other people on this computer, so Courier refuses to use it'
    );
    const tested = await courier(['destinations', 'test', name]);
    expect(tested.stdout).toContain(
      `Secret source... the private key file ${keyFile}: cannot be read now.`
    );

    await chmod(keyFile, 0o600);
    const sent = await send(name);
    expect(sent.stderr).toBe('');
    expect(JSON.parse(sent.stdout)).toMatchObject({ outcome: 'sent' });
    expect(
      await findSecrets({
        folders: [home],
        texts: { refused: refused.stdout, tested: tested.stdout, sent: sent.stdout },
        secrets: { 'private key': keyUser.privateKey },
      })
    ).toEqual([]);
    // The destination file names the source, never the secret.
    const saved = (await readdir(join(home, 'destinations'))).find(f => f.startsWith(name))!;
    expect(
      JSON.parse(await readFile(join(home, 'destinations', saved), 'utf8')).transport.secretSource
    ).toEqual({ kind: 'key-file', path: keyFile });
  });
});
