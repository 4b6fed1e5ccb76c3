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
