import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toPlainError } from '../../src-core/errors';
import { redact } from '../logging/redact';
import type { Services } from '../services/services';

/** Exit codes of the `courier` command (a documented contract). */
export const ExitCode = {
  ok: 0,
  /** The file has blocking problems (or could not be read). */
  blocked: 1,
  usage: 2,
  /** Connection, trust, authentication or transfer failure. */
  transfer: 3,
} as const;

/** What a command can touch: its streams and environment (tests pass their own). */
export type CliIo = Readonly<{
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  /** Aborted when the person presses Ctrl-C (main.ts); a send then cancels its upload at once. */
  interrupt?: AbortSignal;
}>;

/** One command's context: its arguments after the command name, the settings folder, the streams. */
export type CommandContext = Readonly<{
  args: readonly string[];
  home: string;
  io: CliIo;
  /** The services, built once for `home` by `runCli` (the same `createServices` as the app's). */
  services: Services;
}>;

/** A top-level `courier` command such as `inspect` or `destinations`. */
export type CliCommand = Readonly<{
  name: string;
  /** One line for `courier --help`. */
  summary: string;
  /** Full usage text for `courier <name> --help`. */
  usage: string;
  run: (context: CommandContext) => Promise<number>;
}>;

/** Thrown for bad arguments; printed with the command's usage and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Writes one JSON document followed by a newline (the `--json` contract). */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints an error as `{"error": {code, message}}` with --json, or as a sentence otherwise. */
export function printError(io: CliIo, error: unknown, json: boolean): void {
  const raw = toPlainError(error);
  // Whatever a library put in its message, no secret the keychain handled is ever printed.
  const plain = { code: raw.code, message: redact(raw.message) };
  if (json) printJson(io, { error: plain });
  else io.stderr.write(`courier: ${plain.message}\n`);
}

/** `parseArgs` with the strictness every command wants; its errors become usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true } as const);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
