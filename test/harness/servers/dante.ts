import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports';
import { requireProgram } from './programs';
import { makeServerRoot, removeServerRoot } from './server-root';
import { createSystemUser, deleteSystemUser, type SystemUser } from './system-users';

/** A running Dante SOCKS5 server on loopback. */
export type SocksProxyServer = Readonly<{
  host: string;
  port: number;
  /** Set when the proxy asks for a user name and password (a temporary system account). */
  auth?: Readonly<{ user: string; password: string }>;
  output: () => string;
  stop: () => Promise<void>;
}>;

/**
 * Starts Debian's dante-server (`danted`) in the foreground on a free loopback port: SOCKS5
 * CONNECT from and to 127.0.0.0/8, with `socksmethod: username` (a system account) when `auth`.
 */
export async function startDante(
  options: Readonly<{ auth?: boolean }> = {}
): Promise<SocksProxyServer> {
  const program = requireProgram('/usr/sbin/danted', 'dante-server');
  const base = await makeServerRoot('dante');
  let child: ChildProcess | undefined;
  let account: SystemUser | undefined;
  let output = '';
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (account) await deleteSystemUser(account);
    await removeServerRoot(base);
  };
  try {
    const host = '127.0.0.1';
    const port = await freePort(host);
    if (options.auth) account = await createSystemUser('crsocks', () => base);
    const config = [
      'logoutput: stderr',
      `internal: ${host} port = ${port}`,
      `external: ${host}`,
      `socksmethod: ${options.auth ? 'username' : 'none'}`,
      'clientmethod: none',
      'user.privileged: root',
      'user.unprivileged: nobody',
      'client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }',
      // `log: connect` prints one line per relayed connection: the tests see the proxy was used.
      'socks pass {\n  from: 127.0.0.0/8 to: 127.0.0.0/8\n  command: connect\n  log: connect\n}',
    ].join('\n');
    const configPath = join(base, 'danted.conf');
    await writeFile(configPath, `${config}\n`, { mode: 0o644 });
    child = spawn(program, ['-f', configPath, '-p', join(base, 'danted.pid'), '-N', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', d => (output += String(d)));
    child.stderr?.on('data', d => (output += String(d)));
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', code => reject(new Error(`danted exited (${code}): ${output}`)))
    );
    await Promise.race([waitForPort(port, host), exited]);
    exited.catch(() => undefined);
    return {
      host,
      port,
      ...(account ? { auth: { user: account.name, password: account.password } } : {}),
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
