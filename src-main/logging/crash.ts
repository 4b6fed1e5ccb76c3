import type { Writable } from 'node:stream';
import { redact } from './redact';
import type { Logger } from './logger';

type CrashProcess = Pick<NodeJS.Process, 'on' | 'exit'>;

/**
 * Makes a crash print and log only redacted text.
 *
 * Node's default handler prints the raw error, which may carry a password (a library that puts
 * its connection options in a message). This replaces it for uncaught exceptions and unhandled
 * rejections: the redacted error goes to `stderr` and the log, then the process exits with `code`.
 * Call it once at the start of the app's main process and of the CLI.
 */
export function installCrashRedaction(
  options: Readonly<{
    process?: CrashProcess;
    stderr?: Writable;
    logger?: Logger;
    code?: number;
  }> = {}
): void {
  const target = options.process ?? process;
  const stderr = options.stderr ?? process.stderr;
  const code = options.code ?? 70;
  const crash = (kind: string) => (error: unknown) => {
    const text = redact(
      error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)
    );
    options.logger?.error(`Courier stopped: ${kind}`, { error: text });
    const exit = () => target.exit(code);
    stderr.write(
      `courier: Courier stopped because of an unexpected error (${kind}).\n${text}\n`,
      () => {
        if (options.logger) void options.logger.flush().then(exit, exit);
        else exit();
      }
    );
  };
  target.on('uncaughtException', crash('uncaught exception'));
  target.on('unhandledRejection', crash('unhandled rejection'));
}
