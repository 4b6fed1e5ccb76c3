import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeCall, type Handlers } from '../../../src-main/ipc/ipc-router';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { OpenedFiles } from '../../../src-main/files/opened-files';
import { createServices } from '../../../src-main/services/services';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { requireKeychain } from './keychain-harness';
import { tempHome } from '../../harness/temp-home';

const run = promisify(execFile);

describe('keychain IPC handlers', () => {
  let handlers: Handlers;
  const dir = tempHome('courier-secret-ipc-', { shared: true });
  const store = new SecretStore();
  const openedFiles = new OpenedFiles();
  const outcomes: unknown[] = [];
  const call = async (channel: string, request?: unknown) => {
    const outcome = await routeCall(handlers, channel, request, true);
    outcomes.push(outcome);
    return outcome;
  };

  beforeAll(async () => {
    requireKeychain();
    handlers = createMainHandlers({
      services: createServices(dir.path, { secrets: store }),
      emit: () => undefined,
      appVersion: '0.0.0',
      locale: 'en',
      openedFiles,
    });
  });

  it('sets, reports and deletes secrets, and never sends one back', async () => {
    const destination = `ipc-${randomBytes(4).toString('hex')}`;
    const password = `pw-${randomBytes(8).toString('hex')}`;
    expect(await call('keychain:status')).toEqual({
      ok: true,
      value: { usable: true, backend: expect.stringMatching(/Secret Service/) },
    });
    expect(await call('secrets:has', { destination })).toEqual({
      ok: true,
      value: { password: false, passphrase: false, privateKey: false },
    });
    expect(await call('secrets:set', { destination, kind: 'password', value: password })).toEqual({
      ok: true,
      value: {},
    });
    expect(await store.getForThisComputer(destination, 'password')).toBe(password);
    expect(await call('secrets:has', { destination })).toEqual({
      ok: true,
      value: { password: true, passphrase: false, privateKey: false },
    });

    const generated = await call('keys:generate', {
      name: destination,
      passphrase: 'ipc-key-pass',
    });
    expect(generated).toEqual({
      ok: true,
      value: { publicKey: expect.stringMatching(/^ssh-ed25519 /) },
    });
    expect(await call('keys:public', { name: destination })).toEqual(generated);
    expect(await call('secrets:has', { destination })).toEqual({
      ok: true,
      value: { password: true, passphrase: true, privateKey: true },
    });

    // An empty value deletes the secret (how the destination form clears one).
    for (const kind of ['password', 'passphrase', 'private-key'] as const)
      expect(await call('secrets:set', { destination, kind, value: '' })).toEqual({
        ok: true,
        value: {},
      });
    expect(await call('secrets:has', { destination })).toEqual({
      ok: true,
      value: { password: false, passphrase: false, privateKey: false },
    });

    const privateKeyText = 'OPENSSH PRIVATE KEY';
    const everything = JSON.stringify(outcomes);
    expect(everything).not.toContain(password);
    expect(everything).not.toContain('ipc-key-pass');
    expect(everything).not.toContain(privateKeyText);
  });

  it('imports a key file the user picked, and explains a wrong passphrase', async () => {
    const name = `import-${randomBytes(4).toString('hex')}`;
    const file = join(dir.path, 'id_ed25519');
    await run('/usr/bin/ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      'file-pass',
      '-C',
      'picked',
      '-f',
      file,
    ]);
    // Main's dialog answered with this file (and with a missing one, below).
    openedFiles.add(file, 'dialog');
    openedFiles.add(join(dir.path, 'missing'), 'dialog');
    const wrong = await call('keys:import', { name, path: file, passphrase: 'nope' });
    expect(wrong).toEqual({
      ok: false,
      error: {
        code: 'keys.wrong-passphrase',
        message: 'The passphrase does not open this private key. Check it and try again.',
      },
    });
    const imported = await call('keys:import', { name, path: file, passphrase: 'file-pass' });
    expect(imported).toEqual({
      ok: true,
      value: { publicKey: (await readFile(`${file}.pub`, 'utf8')).trim() },
    });
    expect(await call('keys:import', { name, path: join(dir.path, 'missing') })).toMatchObject({
      ok: false,
      error: { code: 'keys.no-file' },
    });
    await store.deleteAll(name);
  });

  it('moves secrets with a destination renamed in the app and deletes them when it is removed', async () => {
    const name = `app-${randomBytes(4).toString('hex')}`;
    const renamed = `${name}-renamed`;
    const preset = await call('destinations:get', { name: 'generic' });
    const destination = {
      ...(preset as { value: { destination: Record<string, unknown> } }).value.destination,
      name,
    };
    expect(await call('destinations:save', { destination })).toMatchObject({ ok: true });
    await call('secrets:set', { destination: name, kind: 'password', value: 'app-password-1' });
    expect(
      await call('destinations:save', {
        destination: { ...destination, name: renamed },
        previousName: name,
      })
    ).toMatchObject({ ok: true });
    expect(await store.getForThisComputer(name, 'password')).toBeNull();
    expect(await store.getForThisComputer(renamed, 'password')).toBe('app-password-1');
    expect(await call('destinations:remove', { name: renamed })).toEqual({
      ok: true,
      value: { removed: true },
    });
    expect(await store.getForThisComputer(renamed, 'password')).toBeNull();
  });

  it('rejects malformed requests before they reach the keychain', async () => {
    expect(
      await call('secrets:set', { destination: 'x', kind: 'token', value: 'v' })
    ).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
    expect(
      await call('secrets:set', { destination: '', kind: 'password', value: 'v' })
    ).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
  });
});
