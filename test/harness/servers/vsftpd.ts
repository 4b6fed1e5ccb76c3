import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, freePortRange, waitForPort } from './ports';
import { requireProgram } from './programs';
import { selfSignedCertificate } from './certificates';
import { descendants, killSessions } from './session-processes';
import { makeServerRoot, removeServerRoot } from './server-root';
import { createSystemUser, deleteSystemUser, type SystemUser } from './system-users';

/** A running vsftpd with FTPS (explicit AUTH TLS or implicit TLS) on loopback. */
export type VsftpdServer = Readonly<{
  mode: 'explicit' | 'implicit';
  host: string;
  port: number;
  /** The first passive data port; the range is `pasvMin`…`pasvMax`. */
  pasvMin: number;
  pasvMax: number;
  /** The self-signed certificate (PEM) and its SHA-256 fingerprint as colon-separated hex. */
  certPem: string;
  certFingerprint: string;
  user: Readonly<{ name: string; password: string; uid: number; gid: number }>;
  /** The chroot (`/` on FTP): owned by root, mode 555, as vsftpd insists. */
  root: string;
  /** `/upload` on FTP, writable by the user. */
  uploadDir: string;
  /** `/readonly` on FTP, not writable by the user. */
  readOnlyDir: string;
  /** vsftpd's own log (protocol and SSL debug lines), for diagnosing a failing test. */
  log: () => Promise<string>;
  /** Kills the per-session processes (a cut on the server's side); the listener keeps running. */
  killSessions: () => Promise<number>;
  /** The per-session processes now (to kill them at an exact moment: `process.kill(pid, 'SIGKILL')`). */
  sessionPids: () => Promise<number[]>;
  stop: () => Promise<void>;
}>;

export type VsftpdOptions = Readonly<{
  mode: 'explicit' | 'implicit';
  /** The address vsftpd listens on (default 127.0.0.1; the fault proxy puts it on 127.0.0.2). */
  listenAddress?: string;
  /** What the PASV reply announces (default: the listen address). */
  pasvAddress?: string;
  /** Number of passive ports (default 8). */
  pasvPorts?: number;
  /** Extra vsftpd.conf lines, e.g. `ssl_tlsv1_3=NO`. */
  extraConfig?: readonly string[];
}>;

/**
 * Starts a real vsftpd with FTPS on loopback: explicit (AUTH TLS) or implicit TLS, a self-signed
 * certificate, `require_ssl_reuse=YES`, TLS forced for logins and data, its own passive range.
 *
 * The server runs with a fresh local account whose chroot is a root-owned 555 folder holding a
 * writable `upload/` (vsftpd refuses a writable chroot root) and a read-only `readonly/`.
 * Call `stop()` in afterAll.
 */
export async function startVsftpd(options: VsftpdOptions): Promise<VsftpdServer> {
  const vsftpd = requireProgram('/usr/sbin/vsftpd', 'vsftpd');
  const host = options.listenAddress ?? '127.0.0.1';
  const base = await makeServerRoot('vsftpd');
  let account: SystemUser | undefined;
  let child: ChildProcess | undefined;
  let output = '';
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child!.once('exit', r));
      // vsftpd's session processes are children of the listener; killing the process group
      // ends the sessions too.
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await exited;
    }
    if (account) await deleteSystemUser(account);
    await removeServerRoot(base);
  };
  try {
    const root = join(base, 'ftp');
    const uploadDir = join(root, 'upload');
    const readOnlyDir = join(root, 'readonly');
    const empty = join(base, 'empty');
    await mkdir(uploadDir, { recursive: true });
    await mkdir(readOnlyDir, { recursive: true });
    await mkdir(empty, { recursive: true });
    account = await createSystemUser('crftp', () => root);
    await chmod(root, 0o555);
    await chown(uploadDir, account.uid, account.gid);
    await chmod(uploadDir, 0o755);
    await chmod(readOnlyDir, 0o555);
    await chmod(empty, 0o555);
    const { certPath, keyPath, certPem, fingerprint } = await selfSignedCertificate(base);
    const count = options.pasvPorts ?? 8;
    const pasvHosts = host === '127.0.0.1' ? [host] : [host, '127.0.0.1'];
    const pasvMin = await freePortRange(count, pasvHosts);
    const port = await freePort(host);
    const logPath = join(base, 'vsftpd.log');
    const config = [
      'listen=YES',
      'listen_ipv6=NO',
      `listen_address=${host}`,
      `listen_port=${port}`,
      'background=NO',
      'anonymous_enable=NO',
      'local_enable=YES',
      'write_enable=YES',
      'local_umask=022',
      'chroot_local_user=YES',
      `local_root=${root}`,
      `secure_chroot_dir=${empty}`,
      'pam_service_name=vsftpd',
      'userlist_enable=NO',
      `userlist_file=${join(base, 'user_list')}`,
      'seccomp_sandbox=NO',
      'isolate=NO',
      'isolate_network=NO',
      'ssl_enable=YES',
      options.mode === 'implicit' ? 'implicit_ssl=YES' : 'implicit_ssl=NO',
      `rsa_cert_file=${certPath}`,
      `rsa_private_key_file=${keyPath}`,
      'require_ssl_reuse=YES',
      'force_local_data_ssl=YES',
      'force_local_logins_ssl=YES',
      'allow_anon_ssl=NO',
      'ssl_ciphers=HIGH',
      'pasv_enable=YES',
      `pasv_min_port=${pasvMin}`,
      `pasv_max_port=${pasvMin + count - 1}`,
      `pasv_address=${options.pasvAddress ?? host}`,
      'port_enable=NO',
      'delay_failed_login=0',
      'delay_successful_login=0',
      'max_login_fails=10',
      'idle_session_timeout=120',
      'data_connection_timeout=60',
      'dirmessage_enable=NO',
      'xferlog_enable=NO',
      'log_ftp_protocol=YES',
      'debug_ssl=YES',
      `vsftpd_log_file=${logPath}`,
      'dual_log_enable=NO',
      'syslog_enable=NO',
      ...(options.extraConfig ?? []),
    ].join('\n');
    const configPath = join(base, 'vsftpd.conf');
    await writeFile(configPath, `${config}\n`, { mode: 0o600 });
    child = spawn(vsftpd, [configPath], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout?.on('data', d => (output += String(d)));
    child.stderr?.on('data', d => (output += String(d)));
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', code => reject(new Error(`vsftpd exited (${code}): ${output}`)))
    );
    await Promise.race([waitForPort(port, host), exited]);
    exited.catch(() => undefined);
    return {
      mode: options.mode,
      host,
      port,
      pasvMin,
      pasvMax: pasvMin + count - 1,
      certPem,
      certFingerprint: fingerprint,
      user: { name: account.name, password: account.password, uid: account.uid, gid: account.gid },
      root,
      uploadDir,
      readOnlyDir,
      log: () => readFile(logPath, 'utf8').catch(() => ''),
      killSessions: () => killSessions(child!.pid!),
      sessionPids: () => descendants(child!.pid!),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
