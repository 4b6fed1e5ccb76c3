/** Crashes on purpose with a secret in the error (run by redaction.test.ts in a child process). */
import { createLogger } from '../../../src-main/logging/logger';
import { installCrashRedaction } from '../../../src-main/logging/crash';
import { registerSecret } from '../../../src-main/logging/redact';

const [home, secret] = process.argv.slice(2);
installCrashRedaction({ logger: createLogger({ home: home! }) });
registerSecret(secret);
setImmediate(() => {
  throw new Error(`could not log in as ann with ${secret} (password=${secret})`);
});
