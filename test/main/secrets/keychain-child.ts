/**
 * Run by keychain tests in a child process with its own D-Bus session (see keychain-harness.ts).
 *
 * Usage: keychain-child.ts store NAME VALUE | report NAME. `report` tries every SecretStore
 * operation and prints one JSON object: what each returned or the error code and message.
 */
import { CourierError } from '../../../src-core/errors';
import { SecretStore } from '../../../src-main/secrets/secret-store';

const [action, name = 'child', value = ''] = process.argv.slice(2);
const store = new SecretStore({ timeoutMs: 20_000 });

const attempt = async (run: () => Promise<unknown>): Promise<unknown> => {
  try {
    return { value: (await run()) ?? null };
  } catch (error) {
    return error instanceof CourierError
      ? { code: error.code, message: error.message }
      : { code: 'not-a-courier-error', message: String(error) };
  }
};

if (action === 'store') {
  await store.set(name, 'password', value, null);
  process.stdout.write(
    `${JSON.stringify({ stored: (await store.getForThisComputer(name, 'password')) === value })}\n`
  );
} else if (action === 'report') {
  const report = {
    status: await store.status(),
    get: await attempt(() => store.getForThisComputer(name, 'password')),
    has: await attempt(() => store.has(name, 'password')),
    set: await attempt(() => store.set(name, 'passphrase', 'another-secret-value', null)),
    delete: await attempt(() => store.delete(name, 'password')),
    checkUsable: await attempt(() => store.checkUsable()),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  process.stderr.write(`unknown action ${action}\n`);
  process.exit(2);
}
