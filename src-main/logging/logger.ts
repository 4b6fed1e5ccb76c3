import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { redact, redactValue } from './redact';

export { redact, redactValue, registerSecret, REDACTED } from './redact';

/** How serious a log line is. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Extra structured data for a log line (plain JSON; secrets are redacted anyway). */
export type LogFields = Readonly<Record<string, unknown>>;

/** Writes redacted JSON lines to `<home>/logs/courier.log`. */
export type Logger = Readonly<{
  debug: (message: string, fields?: LogFields) => void;
  info: (message: string, fields?: LogFields) => void;
  warn: (message: string, fields?: LogFields) => void;
  error: (message: string, fields?: LogFields) => void;
  /** A logger that adds these fields (e.g. `{ scope: 'transfers' }`) to every line. */
  child: (fields: LogFields) => Logger;
  /** Resolves when every line logged so far is on disk. */
  flush: () => Promise<void>;
}>;

/** Where and how a logger writes. */
export type LoggerOptions = Readonly<{
  /** The settings folder; the log is `<home>/logs/courier.log`. */
  home: string;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
  /** Lines below this level are dropped. Default `info`. */
  level?: LogLevel;
  /** The log is moved aside to `courier.1.log` when it grows past this many bytes. */
  maxBytes?: number;
}>;

const rank: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** The log file of a settings folder. */
export const logFilePath = (home: string): string => join(home, 'logs', 'courier.log');

/**
 * Creates a logger for a settings folder.
 *
 * Every message and field is passed through `redact` before it is written, so a secret Courier
 * has handled (or anything shaped like one) never reaches the file. Writing is asynchronous and
 * ordered; a failure to write the log is swallowed because logging must never break a transfer.
 */
export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? (() => new Date());
  const minimum = rank[options.level ?? 'info'];
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const file = logFilePath(options.home);
  let queue: Promise<void> = Promise.resolve();
  let prepared = false;

  const write = (line: string): void => {
    queue = queue
      .then(async () => {
        if (!prepared) {
          await mkdir(join(options.home, 'logs'), { recursive: true, mode: 0o700 });
          const size = await stat(file).then(
            s => s.size,
            () => 0
          );
          if (size > maxBytes) await rename(file, join(options.home, 'logs', 'courier.1.log'));
          prepared = true;
        }
        await appendFile(file, line, { mode: 0o600 });
      })
      // A line that cannot be written (disk full, folder gone) is dropped: logging never stops work.
      .catch(() => undefined);
  };

  const make = (base: LogFields): Logger => {
    const log = (level: LogLevel) => (message: string, fields?: LogFields) => {
      if (rank[level] < minimum) return;
      const extra = redactValue({ ...base, ...fields }) as object;
      const head = { time: now().toISOString(), level, message: redact(message) };
      // Fields cannot overwrite the head (spreading it last keeps its keys first and its values).
      const entry = { ...head, ...extra, ...head };
      // Redact the serialised line too: JSON escaping can reassemble a registered secret.
      write(`${redact(JSON.stringify(entry))}\n`);
    };
    return {
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      child: fields => make({ ...base, ...fields }),
      flush: () => queue,
    };
  };
  return make({});
}
