import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireUnpacked, serverDebsRoot } from './debs';
import { freePort, freePortRange, waitForPort } from './ports';
import { makeServerRoot, removeServerRoot } from './server-root';
import { selfSignedCertificate } from './certificates';
import { descendants, killSessions } from './session-processes';
import { sshFingerprint } from './sshd';
import { createSystemUser, deleteSystemUser, type SystemUser } from './system-users';

const run = promisify(execFile);

/** A running ProFTPD 1.3.8 on loopback: FTPS (mod_tls, explicit AUTH TLS) or SFTP (mod_sftp). */
export type ProftpdServer = Readonly<{
  mode: 'ftps' | 'sftp';
  host: string;
  port: number;
  /** FTPS: the self-signed certificate's SHA-256 fingerprint (colon-separated hex). */
  certFingerprint: string;
  /** SFTP: the host key's `SHA256:…` fingerprint. */
  hostKeyFingerprint: string;
  user: Readonly<{ name: string; password: string; uid: number; gid: number }>;
  /** The account's home, its chroot (`/` on the server). */
  root: string;
  /** `/upload` on the server, writable by the account. */
  uploadDir: string;
  /** `/readonly` on the server, not writable by the account. */
  readOnlyDir: string;
  /** ProFTPD's own log and its TLS/SFTP log, for diagnosing a failing test. */
  log: () => Promise<string>;
  /** Kills the per-session processes (a cut on the server's side); the daemon keeps listening. */
  killSessions: () => Promise<number>;
  /** The per-session processes now (to kill them at an exact moment: `process.kill(pid, 'SIGKILL')`). */
  sessionPids: () => Promise<number[]>;
  stop: () => Promise<void>;
}>;

export type ProftpdOptions = Readonly<{
  mode: 'ftps' | 'sftp';
  /** Extra proftpd.conf lines, e.g. `AllowStoreRestart on`. */
  extraConfig?: readonly string[];
}>;

/**
 * Starts ProFTPD from the unpacked Debian packages (scripts/server-debs.mjs) in the foreground,
 * in its stock configuration except what the test needs: the port, the account, the certificate
 * or host key, and TLS (FTPS) or SFTP only. Stock means, among others, `AllowStoreRestart off`
 * (APPE and REST before STOR are refused) and TLS session reuse required on data connections.
 * Call `stop()` in afterAll.
 */
export async function startProftpd(options: ProftpdOptions): Promise<ProftpdServer> {
  const proftpd = requireUnpacked('usr/sbin/proftpd');
  const host = '127.0.0.1';
  const base = await makeServerRoot('proftpd');
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
    account = await createSystemUser('crpro', () => root);
    await chmod(root, 0o755);
    await chown(uploadDir, account.uid, account.gid);
    await chmod(uploadDir, 0o755);
    await chmod(readOnlyDir, 0o555);
    const port = await freePort(host);
    const logPath = join(base, 'proftpd.log');
    const moduleLog = join(base, `${options.mode}.log`);
    let certFingerprint = '';
    let hostKeyFingerprint = '';
    const protocolConfig: string[] = [];
    if (options.mode === 'ftps') {
      const cert = await selfSignedCertificate(base);
      certFingerprint = cert.fingerprint;
      const pasvMin = await freePortRange(8);
      protocolConfig.push(
        'LoadModule mod_tls.c',
        `PassivePorts ${pasvMin} ${pasvMin + 7}`,
        'TLSEngine on',
        'TLSRequired on',
        `TLSECCertificateFile ${cert.certPath}`,
        `TLSECCertificateKeyFile ${cert.keyPath}`,
        'TLSVerifyClient off',
        `TLSLog ${moduleLog}`
      );
    } else {
      const hostKey = join(base, 'ssh_host_rsa_key');
      await run('/usr/bin/ssh-keygen', [
        '-q',
        '-t',
        'rsa',
        '-b',
        '2048',
        '-m',
        'PEM',
        '-N',
        '',
        '-f',
        hostKey,
      ]);
      hostKeyFingerprint = await sshFingerprint(`${hostKey}.pub`);
      protocolConfig.push(
        'LoadModule mod_sftp.c',
        'SFTPEngine on',
        `SFTPHostKey ${hostKey}`,
        'SFTPAuthMethods password',
        `SFTPLog ${moduleLog}`
      );
    }
    const config = [
      'ServerName "Courier test ProFTPD"',
      'ServerType standalone',
      'DefaultServer on',
      `Port ${port}`,
      `DefaultAddress ${host}`,
      'SocketBindTight on',
      'UseIPv6 off',
      `ModulePath ${join(serverDebsRoot, 'usr/lib/proftpd')}`,
      `ScoreboardFile ${join(base, 'scoreboard')}`,
      `PidFile ${join(base, 'proftpd.pid')}`,
      `SystemLog ${logPath}`,
      'WtmpLog off',
      'User nobody',
      'Group nogroup',
      'Umask 022',
      'DefaultRoot ~',
      // Test speed only: no reverse lookups, no login delays; PAM has no proftpd service here.
      'UseReverseDNS off',
      'DelayEngine off',
      '<IfModule mod_auth_pam.c>',
      '  AuthPAM off',
      '</IfModule>',
      ...protocolConfig,
      ...(options.extraConfig ?? []),
    ].join('\n');
    const configPath = join(base, 'proftpd.conf');
    await writeFile(configPath, `${config}\n`, { mode: 0o600 });
    // -n: stay in the foreground; -q: quiet on stderr.
    child = spawn(proftpd, ['-n', '-q', '-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', d => (output += String(d)));
    child.stderr?.on('data', d => (output += String(d)));
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', code => reject(new Error(`proftpd exited (${code}): ${output}`)))
    );
    await Promise.race([waitForPort(port, host), exited]);
    exited.catch(() => undefined);
    const pid = child.pid!;
    return {
      mode: options.mode,
      host,
      port,
      certFingerprint,
      hostKeyFingerprint,
      user: { name: account.name, password: account.password, uid: account.uid, gid: account.gid },
      root,
      uploadDir,
      readOnlyDir,
      log: async () =>
        `${output}\n${await readFile(logPath, 'utf8').catch(() => '')}\n${await readFile(moduleLog, 'utf8').catch(() => '')}`,
      killSessions: () => killSessions(pid),
      sessionPids: () => descendants(pid),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
