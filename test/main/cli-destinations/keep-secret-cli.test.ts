import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { getDestination } from '../../../src-main/settings/destination-store';
import { requireKeychain } from '../secrets/keychain-harness';
import { courier } from './run-captured';
import { tempHome } from '../../harness/temp-home';

// `courier destinations set`: a stored password belongs to the server it was entered for; a new
// host, port, protocol or user needs the new password (--password-stdin) or --keep-secret.

const store = new SecretStore();
const home = tempHome('courier-keep-secret-');
let name: string;
const password = `Pw-${randomBytes(9).toString('base64url')}`;
const oldServer = 'ftps://acme@ftp.example.com:21';
const newServer = 'ftps://acme@files.example.net:21';

beforeAll(() => requireKeychain());
beforeEach(async () => {
  name = `Keep ${randomBytes(3).toString('hex')}`;
  const added = await courier(
    [
      'destinations',
      'add',
      name,
      '--protocol',
      'ftps',
      '--host',
      'ftp.example.com',
      '--user',
      'acme',
      '--password-stdin',
    ],
    { home: home.path, stdin: `${password}\n` }
  );
  expect(added.code, added.stderr).toBe(0);
});
afterEach(async () => {
  await store.deleteAll(name).catch(() => 0);
});

describe('courier destinations set', () => {
  it('refuses to move a saved password to another host without --keep-secret or a new password', async () => {
    expect(await store.get(name, 'password', oldServer)).toBe(password);
    const moved = await courier(['destinations', 'set', name, '--host', 'files.example.net'], {
      home: home.path,
    });
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain(`has a saved password for ${oldServer}`);
    expect(moved.stderr).toContain('--keep-secret');
    expect(moved.stderr).not.toContain(password);
    // Nothing changed: same host, and the password is still refused to the new server.
    expect((await getDestination(home.path, name))?.transport.host).toBe('ftp.example.com');
    await expect(store.get(name, 'password', newServer)).rejects.toMatchObject({
      code: 'secrets.other-server',
    });
  });

  it('--keep-secret moves the saved password to the new server on purpose', async () => {
    const moved = await courier(
      ['destinations', 'set', name, '--host', 'files.example.net', '--keep-secret', '--json'],
      { home: home.path }
    );
    expect(moved.code, moved.stderr).toBe(0);
    expect(JSON.parse(moved.stdout)).toMatchObject({
      destination: { host: 'files.example.net' },
      secretsKept: true,
    });
    expect(await store.get(name, 'password', newServer)).toBe(password);
    await expect(store.get(name, 'password', oldServer)).rejects.toMatchObject({
      code: 'secrets.other-server',
    });
  });

  it('--password-stdin gives the new server its own password; the old one goes nowhere', async () => {
    const moved = await courier(
      ['destinations', 'set', name, '--port', '2121', '--password-stdin'],
      { home: home.path, stdin: 'New-pw-2\n' }
    );
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain(`Changed “${name}”: ftps to ftp.example.com:2121 as acme`);
    expect(await store.get(name, 'password', 'ftps://acme@ftp.example.com:2121')).toBe('New-pw-2');
    expect(
      await courier(['destinations', 'set', name, '--password-stdin', '--keep-secret'], {
        home: home.path,
        stdin: 'x\n',
      })
    ).toMatchObject({ code: 2 });
  });

  it('changes the folder alone without asking anything', async () => {
    const moved = await courier(['destinations', 'set', name, '--folder', '/in'], {
      home: home.path,
    });
    expect(moved.code, moved.stderr).toBe(0);
    expect(await store.get(name, 'password', oldServer)).toBe(password);
  });
});
