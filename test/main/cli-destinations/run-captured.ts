/** Runs `courier` in-process with captured output and a given standard input. */
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../../src-main/cli/run-cli';

export type Captured = Readonly<{ code: number; stdout: string; stderr: string }>;

/** Runs `courier <argv>` with `stdin` as standard input; `--home` is added when given. */
export async function courier(
  argv: readonly string[],
  options: Readonly<{ home?: string; stdin?: string }> = {}
): Promise<Captured> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const args = options.home ? ['--home', options.home, ...argv] : [...argv];
  const code = await runCli(args, {
    stdout,
    stderr,
    stdin,
    env: { ...process.env, COURIER_HOME: undefined },
  });
  return { code, stdout: out, stderr: err };
}

/** The harness's sshd as `courier destinations add` needs it: port, host key, one user. */
type SftpServer = Readonly<{ port: number; hostKeyFingerprint: string }>;
type SftpUser = Readonly<{ name: string; password: string }>;

/**
 * `courier destinations add NAME --preset hello-customer` for an SFTP user of the test sshd, with
 * the user's password on standard input (as IT would type it), into folder `upload`.
 */
export function addSftpDestination(
  home: string,
  name: string,
  server: SftpServer,
  user: SftpUser
): Promise<Captured> {
  return courier(
    [
      'destinations',
      'add',
      name,
      // Hello Customer's file name starts with the touchpoint: a destination needs one.
      'touchpoint=NPS',
      '--preset',
      'hello-customer',
      '--protocol',
      'sftp',
      '--host',
      '127.0.0.1',
      '--port',
      String(server.port),
      '--user',
      user.name,
      '--folder',
      'upload',
      '--host-key',
      server.hostKeyFingerprint,
      '--password-stdin',
    ],
    { home, stdin: `${user.password}\n` }
  );
}
