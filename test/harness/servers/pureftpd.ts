import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { requireUnpacked } from './debs';
import { freePort, freePortRange, waitForPort } from './ports';
import { makeServerRoot, removeServerRoot } from './server-root';
import { selfSignedCertificate } from './certificates';
import { descendants, killSessions } from './session-processes';
import { createSystemUser, deleteSystemUser, type SystemUser } from './system-users';

/** A running Pure-FTPd 1.0.50 with FTPS (explicit AUTH TLS, required) on loopback. */
export type PureftpdServer = Readonly<{
  host: string;
  port: number;
  certFingerprint: string;
  user: Readonly<{ name: string; password: string; uid: number; gid: number }>;
  /** The account's home, its chroot (`/` on the server). */
  root: string;
  /** `/upload` on the server, writable by the account. */
  uploadDir: string;
  /** `/readonly` on the server, not writable by the account. */
  readOnlyDir: string;
  /** What Pure-FTPd wrote to stdout/stderr (it logs to syslog otherwise). */
  log: () => string;
  /** Kills the per-session processes (a cut on the server's side); the daemon keeps listening. */
  killSessions: () => Promise<number>;
  /** The per-session processes now (to kill them at an exact moment: `process.kill(pid, 'SIGKILL')`). */
  sessionPids: () => Promise<number[]>;
  stop: () => Promise<void>;
}>;

export type PureftpdOptions = Readonly<{
  /** Extra command-line flags, e.g. `-x` (no file names starting with a dot may be written). */
  extraFlags?: readonly string[];
}>;

/**
 * Starts Pure-FTPd from the unpacked Debian package (scripts/server-debs.mjs) in the foreground,
 * with Debian's stock flags (`-E -u 1000 -J HIGH`, chroot for everyone) except what the test
 * needs: the address and port, a passive range, TLS required with a self-signed certificate, and
 * system-account logins (`-l unix`: there is no pure-ftpd PAM service on the test machine).
 * Call `stop()` in afterAll.
 */
export async function startPureftpd(options: PureftpdOptions = {}): Promise<PureftpdServer> {
  const pureftpd = requireUnpacked('usr/sbin/pure-ftpd');
  const host = '127.0.0.1';
  const base = await makeServerRoot('pureftpd');
  let account: SystemUser | undefined;
  let child: ChildProcess | undefined;
  let output = '';
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child!.once('exit', r));
      await killSessions(child.pid!);
      child.kill('SIGTERM');
      await exited;
    }
    if (account) await deleteSystemUser(account);
    await removeServerRoot(base);
  };
  try {
    const root = join(base, 'home');
    const uploadDir = join(root, 'upload');
    const readOnlyDir = join(root, 'readonly');
    await mkdir(uploadDir, { recursive: true });
    await mkdir(readOnlyDir, { recursive: true });
    account = await createSystemUser('crpure', () => root);
    await chmod(root, 0o755);
    await chown(uploadDir, account.uid, account.gid);
    await chmod(uploadDir, 0o755);
    await chmod(readOnlyDir, 0o555);
    const cert = await selfSignedCertificate(base);
    const port = await freePort(host);
    const pasvMin = await freePortRange(8);
    const args = [
      '-S',
      `${host},${port}`,
      '-l',
      'unix',
      '-E',
      '-A',
      '-u',
      '1000',
      '-J',
      'HIGH',
      '-Y',
      '2',
      '-2',
      `${cert.certPath},${cert.keyPath}`,
      '-p',
      `${pasvMin}:${pasvMin + 7}`,
      '-g',
      join(base, 'pure-ftpd.pid'),
      ...(options.extraFlags ?? []),
    ];
    child = spawn(pureftpd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', d => (output = (output + String(d)).slice(-20_000)));
    child.stderr?.on('data', d => (output = (output + String(d)).slice(-20_000)));
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', code => reject(new Error(`pure-ftpd exited (${code}): ${output}`)))
    );
    await Promise.race([waitForPort(port, host), exited]);
    exited.catch(() => undefined);
    const pid = child.pid!;
    return {
      host,
      port,
      certFingerprint: cert.fingerprint,
      user: { name: account.name, password: account.password, uid: account.uid, gid: account.gid },
      root,
      uploadDir,
      readOnlyDir,
      log: () => output,
      killSessions: () => killSessions(pid),
      sessionPids: () => descendants(pid),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
