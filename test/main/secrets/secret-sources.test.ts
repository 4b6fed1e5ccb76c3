import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redact } from '../../../src-main/logging/redact';
import { checkSecretSource, readFromSource } from '../../../src-main/secrets/secret-sources';
import { readLoginSecrets, type SecretReader } from '../../../src-main/transfers/secret-reader';
import { tempHome } from '../../harness/temp-home';

// The readers behind each secret source, on real files, programs and environment variables.

const noKeychain: SecretReader = {
  get: async () => {
    throw new Error('the keychain must not be asked');
  },
};
const server = { protocol: 'sftp', host: '127.0.0.1', port: 22, user: 'u' } as const;

describe('secret sources other than the keychain', () => {
  const dir = tempHome('courier-sources-', { shared: true });

  it('stops a password command at its time limit with a plain error', async () => {
    await expect(
      readFromSource({ kind: 'command', argv: ['sleep', '30'], timeoutMs: 200 })
    ).rejects.toMatchObject({
      code: 'secrets.command-timed-out',
      message: 'The password command sleep did not finish within 1 seconds.',
      params: { program: 'sleep', seconds: 1 },
    });
  });

  it('says plainly when a password command cannot be started or prints nothing', async () => {
    await expect(
      readFromSource({ kind: 'command', argv: ['/nonexistent/courier-pass'] })
    ).rejects.toMatchObject({
      code: 'secrets.command-failed',
      message: expect.stringMatching(/could not be started/),
    });
    await expect(readFromSource({ kind: 'command', argv: ['true'] })).rejects.toMatchObject({
      code: 'secrets.command-failed',
      message: expect.stringMatching(/printed nothing/),
    });
  });

  it('registers every secret it reads with the redactor, and the value is the password', async () => {
    const password = `pw-${randomBytes(6).toString('hex')}`;
    const login = await readLoginSecrets(
      noKeychain,
      'Vendor',
      { ...server, auth: 'password', secretSource: { kind: 'environment', variable: 'V' } },
      { env: { V: password } }
    );
    expect(login).toEqual({ password });
    expect(redact(`login with ${password}`)).not.toContain(password);

    const fromCommand = `cmd-${randomBytes(6).toString('hex')}`;
    await writeFile(join(dir.path, 'secret'), `${fromCommand}\n`, { mode: 0o600 });
    const keyLogin = await readLoginSecrets(noKeychain, 'Vendor', {
      ...server,
      auth: 'key',
      secretSource: { kind: 'command', argv: ['cat', join(dir.path, 'secret')] },
    });
    // With a key-only login the value is the private key (the trailing newline dropped).
    expect(keyLogin).toEqual({ privateKey: fromCommand });
    expect(redact(fromCommand)).not.toContain(fromCommand);
  });

  it('checks a source without giving its value back', async () => {
    const check = await checkSecretSource(
      { kind: 'systemd-credential', name: 'pw' },
      { env: { CREDENTIALS_DIRECTORY: dir.path } }
    );
    expect(check).toMatchObject({
      source: 'systemd:pw',
      readable: false,
      error: { code: 'secrets.credential-missing' },
    });
    await writeFile(join(dir.path, 'pw'), 'hunter22\n', { mode: 0o600 });
    const ok = await checkSecretSource(
      { kind: 'systemd-credential', name: 'pw' },
      { env: { CREDENTIALS_DIRECTORY: dir.path } }
    );
    expect(ok).toEqual({ source: 'systemd:pw', kind: 'systemd-credential', readable: true });
    expect(JSON.stringify(ok)).not.toContain('hunter22');
  });
});
