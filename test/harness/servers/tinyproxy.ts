import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports';
import { requireProgram } from './programs';
import { makeServerRoot, removeServerRoot } from './server-root';

/** A running tinyproxy (HTTP CONNECT proxy) on loopback. */
export type HttpProxyServer = Readonly<{
  host: string;
  port: number;
  /** Set when the proxy asks for basic authentication. */
  auth?: Readonly<{ user: string; password: string }>;
  /** What tinyproxy printed (requests, refusals), for diagnosing a failing test. */
  output: () => string;
  stop: () => Promise<void>;
}>;

/**
 * Starts Debian's tinyproxy in the foreground on a free loopback port with a generated config:
 * CONNECT to any port, from 127.0.0.1 only, with basic authentication when `auth` is set.
 */
export async function startTinyproxy(
  options: Readonly<{ auth?: boolean }> = {}
): Promise<HttpProxyServer> {
  const program = requireProgram('/usr/bin/tinyproxy', 'tinyproxy');
  const base = await makeServerRoot('tinyproxy');
  let child: ChildProcess | undefined;
  let output = '';
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await removeServerRoot(base);
  };
  try {
    const host = '127.0.0.1';
    const port = await freePort(host);
    const auth = options.auth
      ? {
          user: `px${randomBytes(3).toString('hex')}`,
          password: randomBytes(9).toString('base64url'),
        }
      : undefined;
    const config = [
      'User nobody',
      'Group nogroup',
      `Port ${port}`,
      `Listen ${host}`,
      'Timeout 600',
      'MaxClients 50',
      'LogLevel Info',
      'Allow 127.0.0.1',
      // No ConnectPort line: CONNECT may reach any port (FTPS passive ports are high ones).
      ...(auth ? [`BasicAuth ${auth.user} ${auth.password}`] : []),
    ].join('\n');
    const configPath = join(base, 'tinyproxy.conf');
    await writeFile(configPath, `${config}\n`, { mode: 0o644 });
    child = spawn(program, ['-d', '-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', d => (output += String(d)));
    child.stderr?.on('data', d => (output += String(d)));
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', code => reject(new Error(`tinyproxy exited (${code}): ${output}`)))
    );
    await Promise.race([waitForPort(port, host), exited]);
    exited.catch(() => undefined);
    return { host, port, ...(auth ? { auth } : {}), output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
