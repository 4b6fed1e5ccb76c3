import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../src-main/cli/cli-io';

/** Captured CLI streams for in-process `runCli` calls. */
export function captureIo(env: NodeJS.ProcessEnv = {}): {
  io: CliIo;
  out: () => string;
  err: () => string;
} {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', chunk => (out += String(chunk)));
  stderr.on('data', chunk => (err += String(chunk)));
  return { io: { stdout, stderr, stdin: new PassThrough(), env }, out: () => out, err: () => err };
}
