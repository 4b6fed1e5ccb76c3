import { getEventListeners } from 'node:events';
import { runCli } from './run-cli';
import { installCrashRedaction } from '../logging/crash';

// A crash prints only redacted text (never a password a library put in its message).
installCrashRedaction();

// Ctrl-C: a command that listens (a send) cancels and cleans up; any other, or a second press, stops.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted || getEventListeners(interrupt.signal, 'abort').length === 0)
    process.exit(130);
  process.stderr.write('\nCancelling…\n');
  interrupt.abort();
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  interrupt: interrupt.signal,
});
process.exitCode = code;
