import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The CLI as it ships: `out/main/cli.js`, built by scripts/test.mjs before the tests run. */
export const builtCli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');

export type BuiltCliResult = Readonly<{ code: number | null; stdout: string; stderr: string }>;

/**
 * Runs the built CLI in a child process, as a person or a service runs it, and collects what it
 * printed. `env` is the child's whole environment (default: this process's without
 * COURIER_HOME); `stdin`, when given, is written and closed.
 */
export function runBuiltCli(
  args: readonly string[],
  options: Readonly<{ env?: NodeJS.ProcessEnv; cwd?: string; stdin?: string }> = {}
): Promise<BuiltCliResult> {
  if (!existsSync(builtCli))
    throw new Error('Build first (scripts/test.mjs does): out/main/cli.js is missing.');
  const env = options.env ?? { ...process.env };
  if (!options.env) delete env.COURIER_HOME;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCli, ...args], {
      env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  });
}
