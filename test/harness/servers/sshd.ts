import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitForPort } from './ports';
import { requireProgram } from './programs';
import { descendants, killSessions } from './session-processes';
import { makeServerRoot, removeServerRoot } from './server-root';
import { createSystemUser, deleteSystemUser, type SystemUser } from './system-users';

const run = promisify(execFile);

/** How a test account of the SSH server logs in. */
export type SshUserSpec = Readonly<{
  auth: 'password' | 'key' | 'key-and-password';
  /** Encrypts the generated private key. */
  passphrase?: string;
  /** `openssh` (ed25519, the default) or `pem` (an RSA key in PEM format). */
  keyFormat?: 'openssh' | 'pem';
}>;

/** A test account on the SSH server, with its secrets (test data, never real ones). */
export type SshdUser = Readonly<{
  name: string;
  auth: SshUserSpec['auth'];
  password: string;
  /** The private key (file contents) for key logins. */
  privateKey?: string;
  privateKeyPath?: string;
  passphrase?: string;
  uid: number;
  gid: number;
  /** The account's home (the SFTP session starts here), owned by the account. */
  home: string;
  /** `<home>/upload`, writable by the account. */
  uploadDir: string;
  /** `<home>/readonly`, owned by root and not writable by the account. */
  readOnlyDir: string;
}>;

/** A running OpenSSH server on 127.0.0.1. */
export type SshdServer = Readonly<{
  host: string;
  port: number;
  /** The host key's fingerprint exactly as `ssh-keygen -lf` prints it: `SHA256:…`. */
  hostKeyFingerprint: string;
  root: string;
  users: readonly SshdUser[];
  /** What sshd wrote to stderr (for diagnosing a failing test). */
  log: () => string;
  /** Kills the per-connection processes (a cut on the server's side); the listener keeps running. */
  killSessions: () => Promise<number>;
  /** The per-session processes now (to kill them at an exact moment: `process.kill(pid, 'SIGKILL')`). */
  sessionPids: () => Promise<number[]>;
  stop: () => Promise<void>;
}>;

/** The `SHA256:…` fingerprint of a public key file, as ssh-keygen prints it. */
export async function sshFingerprint(publicKeyPath: string): Promise<string> {
  const { stdout } = await run('/usr/bin/ssh-keygen', ['-lf', publicKeyPath]);
  const match = /SHA256:[A-Za-z0-9+/]{43}/.exec(stdout);
  if (!match) throw new Error(`ssh-keygen printed no fingerprint: ${stdout}`);
  return match[0];
}

/**
 * Starts a real OpenSSH `sshd` on 127.0.0.1 (free port, own folder, own host key, internal-sftp).
 *
 * Each user in `users` becomes a fresh local account (password, ed25519 key, or both); the
 * default is one password user and one key user. Call `stop()` in afterAll: it stops sshd and
 * deletes the accounts and the folder.
 */
export async function startSshd(
  options: { users?: readonly SshUserSpec[]; extraConfig?: readonly string[] } = {}
): Promise<SshdServer> {
  const sshd = requireProgram('/usr/sbin/sshd', 'openssh-server');
  requireProgram('/usr/bin/ssh-keygen', 'openssh-client');
  const specs = options.users ?? [{ auth: 'password' }, { auth: 'key' }];
  // sshd refuses to start without its privilege-separation folder.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const root = await makeServerRoot('sshd');
  const accounts: SystemUser[] = [];
  let child: ChildProcess | undefined;
  let stderr = '';
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    for (const account of accounts) await deleteSystemUser(account);
    await removeServerRoot(root);
  };
  try {
    const hostKey = join(root, 'ssh_host_ed25519_key');
    await run('/usr/bin/ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      'courier-test-host',
      '-f',
      hostKey,
    ]);
    const keysDir = join(root, 'authorized_keys');
    await mkdir(keysDir, { mode: 0o755 });
    const users: SshdUser[] = [];
    for (const spec of specs) {
      const homesDir = join(root, 'home');
      await mkdir(homesDir, { recursive: true, mode: 0o755 });
      const account = await createSystemUser('crsftp', name => join(homesDir, name));
      accounts.push(account);
      const home = join(homesDir, account.name);
      const uploadDir = join(home, 'upload');
      const readOnlyDir = join(home, 'readonly');
      await mkdir(uploadDir, { recursive: true });
      await mkdir(readOnlyDir, { recursive: true });
      await chown(home, account.uid, account.gid);
      await chmod(home, 0o755);
      await chown(uploadDir, account.uid, account.gid);
      await chmod(uploadDir, 0o755);
      await chmod(readOnlyDir, 0o555);
      let privateKey: string | undefined;
      let privateKeyPath: string | undefined;
      if (spec.auth !== 'password') {
        privateKeyPath = join(root, `${account.name}_key`);
        const keyArgs =
          spec.keyFormat === 'pem' ? ['-t', 'rsa', '-b', '2048', '-m', 'PEM'] : ['-t', 'ed25519'];
        await run('/usr/bin/ssh-keygen', [
          '-q',
          ...keyArgs,
          '-N',
          spec.passphrase ?? '',
          '-C',
          'courier-test-user',
          '-f',
          privateKeyPath,
        ]);
        privateKey = await readFile(privateKeyPath, 'utf8');
        const authorized = join(keysDir, account.name);
        await writeFile(authorized, await readFile(`${privateKeyPath}.pub`), { mode: 0o644 });
      }
      users.push({
        name: account.name,
        auth: spec.auth,
        password: account.password,
        privateKey,
        privateKeyPath,
        passphrase: spec.passphrase,
        uid: account.uid,
        gid: account.gid,
        home,
        uploadDir,
        readOnlyDir,
      });
    }
    const port = await freePort();
    const matchBlocks = users.map(user =>
      user.auth === 'key-and-password'
        ? `Match User ${user.name}\n  AuthenticationMethods publickey,password\n`
        : user.auth === 'key'
          ? `Match User ${user.name}\n  AuthenticationMethods publickey\n`
          : `Match User ${user.name}\n  AuthenticationMethods password\n`
    );
    const config = [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${join(root, 'sshd.pid')}`,
      'UsePAM no',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      `AuthorizedKeysFile ${keysDir}/%u`,
      'StrictModes yes',
      'PermitRootLogin no',
      `AllowUsers ${users.map(u => u.name).join(' ')}`,
      'MaxStartups 100:30:200',
      'MaxAuthTries 10',
      'LogLevel INFO',
      'Subsystem sftp internal-sftp',
      // Global options must come before the Match blocks.
      ...(options.extraConfig ?? []),
      ...matchBlocks,
    ].join('\n');
    const configPath = join(root, 'sshd_config');
    await writeFile(configPath, `${config}\n`);
    await run(sshd, ['-t', '-f', configPath]);
    child = spawn(sshd, ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', d => (stderr = (stderr + String(d)).slice(-20_000)));
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', code => reject(new Error(`sshd exited (${code}): ${stderr}`)))
    );
    await Promise.race([waitForPort(port), exited]);
    exited.catch(() => undefined);
    return {
      host: '127.0.0.1',
      port,
      hostKeyFingerprint: await sshFingerprint(`${hostKey}.pub`),
      root,
      users,
      log: () => stderr,
      killSessions: () => killSessions(child!.pid!),
      sessionPids: () => descendants(child!.pid!),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
