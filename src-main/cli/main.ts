import { runCli } from './run-cli';
import { installCrashRedaction } from '../logging/crash';

// A crash prints only redacted text (never a password a library put in its message).
installCrashRedaction();

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
process.exitCode = code;
