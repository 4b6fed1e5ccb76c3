import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { destinationFile } from '../../../src-main/settings/destination-store';
import { findSecrets, listFiles } from '../secrets/find-secret';
import { requireKeychain } from '../secrets/keychain-harness';
import { courier, type Captured } from './run-captured';
import { tempHome } from '../../harness/temp-home';

const run = promisify(execFile);
const store = new SecretStore();
const FP = 'SHA256:' + 'A'.repeat(43);

const home = tempHome('courier-dest-home-');
const work = tempHome('courier-dest-work-');
const outputs: Captured[] = [];
const cli = async (argv: readonly string[], stdin?: string): Promise<Captured> => {
  const result = await courier(argv, { home: home.path, stdin });
  outputs.push(result);
  return result;
};
const allOutput = () =>
  Object.fromEntries(
    outputs.flatMap((o, i) => [
      [`stdout#${i}`, o.stdout],
      [`stderr#${i}`, o.stderr],
    ])
  );

beforeAll(() => requireKeychain());
beforeEach(async () => {
  outputs.length = 0;
});

describe('courier destinations', () => {
  it('adds with --password-stdin, lists, renames and removes; the password is on no disk and in no output', async () => {
    const name = `Acme SFTP ${randomBytes(3).toString('hex')}`;
    const renamed = `${name} renamed`;
    const password = `Pw-${randomBytes(9).toString('base64url')}`;

    const added = await cli(
      [
        'destinations',
        'add',
        name,
        '--preset',
        'customergauge',
        '--protocol',
        'sftp',
        '--host',
        'sftp.example.com',
        '--port',
        '2222',
        '--user',
        'acme',
        '--folder',
        '/in',
        '--host-key',
        FP,
        '--password-stdin',
      ],
      `${password}\n`
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(
      `Added “${name}”: sftp to sftp.example.com:2222 as acme, folder /in.`
    );
    expect(added.stdout).toContain('In the system keychain: password.');
    expect(await store.getForThisComputer(name, 'password')).toBe(password);

    const saved = JSON.parse(await readFile(destinationFile(home.path, name), 'utf8'));
    expect(saved).toMatchObject({
      name,
      presetId: 'customergauge',
      folder: '/in',
      transport: {
        protocol: 'sftp',
        host: 'sftp.example.com',
        port: 2222,
        user: 'acme',
        auth: 'password',
        hostKey: FP,
      },
    });

    const listed = await cli(['destinations', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({
      destinations: [
        {
          name,
          presetId: 'customergauge',
          protocol: 'sftp',
          host: 'sftp.example.com',
          port: 2222,
          user: 'acme',
          auth: 'password',
          folder: '/in',
          hostKey: FP,
          tlsFingerprint: null,
          secretSource: 'keychain',
          secrets: { password: true, passphrase: false, privateKey: false },
        },
      ],
      problems: [],
    });
    const table = await cli(['destinations', 'list']);
    expect(table.stdout).toMatch(
      new RegExp(
        `^NAME +PRESET +PROTOCOL +SERVER +USER +IN KEYCHAIN\\n${name} +customergauge +sftp +sftp\\.example\\.com:2222 +acme +password\\n$`
      )
    );

    const moved = await cli(['destinations', 'rename', name, renamed, '--json']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(JSON.parse(moved.stdout)).toEqual({
      renamed: { from: name, to: renamed },
      secretsMoved: 1,
    });
    expect(await store.getForThisComputer(name, 'password')).toBeNull();
    expect(await store.getForThisComputer(renamed, 'password')).toBe(password);

    // Nothing in the settings folder, nor anything printed so far, holds the password.
    expect(await listFiles(home.path)).not.toEqual([]);
    expect(
      await findSecrets({ folders: [home.path], texts: allOutput(), secrets: { password } })
    ).toEqual([]);
    const grep = await run('grep', ['-rlF', password, home.path]).catch((e: { code: number }) => e);
    expect((grep as { code: number }).code).toBe(1);

    // Password rotation touches only the keychain entry.
    const before = await readFile(destinationFile(home.path, renamed), 'utf8');
    const rotated = await cli(
      ['destinations', 'set-password', renamed, '--password-stdin'],
      'Rotated-pw-2\n'
    );
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toBe(`The password of “${renamed}” is saved in your system keychain.\n`);
    expect(await store.getForThisComputer(renamed, 'password')).toBe('Rotated-pw-2');
    expect(await readFile(destinationFile(home.path, renamed), 'utf8')).toBe(before);
    expect((await cli(['destinations', 'set-password', renamed])).code).toBe(2);
    expect(
      (await cli(['destinations', 'set-password', 'nobody', '--password-stdin'], 'x-pw-3\n')).code
    ).toBe(2);

    const removed = await cli(['destinations', 'remove', renamed]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toBe(`Removed “${renamed}” and its secret from the keychain.\n`);
    expect(await store.hasAll(renamed)).toEqual({
      password: false,
      passphrase: false,
      'private-key': false,
      'proxy-password': false,
    });
    expect(JSON.parse((await cli(['destinations', 'list', '--json'])).stdout).destinations).toEqual(
      []
    );
  });

  it('imports --key FILE with its passphrase into the keychain, and keeps key text off the disk', async () => {
    const name = `Evalu ${randomBytes(3).toString('hex')}`;
    const keyFile = join(work.path, 'id_ed25519');
    await run('/usr/bin/ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      'key-pass-77',
      '-C',
      'it',
      '-f',
      keyFile,
    ]);
    const keyText = await readFile(keyFile, 'utf8');

    const wrong = await cli(
      [
        'destinations',
        'add',
        name,
        '--preset',
        'evaluagent',
        '--protocol',
        'sftp',
        '--host',
        'h.example',
        '--user',
        'u',
        '--key',
        keyFile,
        '--passphrase-stdin',
      ],
      'bad-pass\n'
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      'courier: The passphrase does not open this private key. Check it and try again.\n'
    );
    expect(JSON.parse((await cli(['destinations', 'list', '--json'])).stdout).destinations).toEqual(
      []
    );
    expect(await store.hasAll(name)).toEqual({
      password: false,
      passphrase: false,
      'private-key': false,
      'proxy-password': false,
    });

    const added = await cli(
      [
        'destinations',
        'add',
        name,
        '--preset',
        'evaluagent',
        '--protocol',
        'sftp',
        '--host',
        'h.example',
        '--user',
        'u',
        '--key',
        keyFile,
        '--passphrase-stdin',
        '--json',
      ],
      'key-pass-77\n'
    );
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).destination).toMatchObject({
      name,
      auth: 'key',
      secrets: { password: false, passphrase: true, privateKey: true },
    });
    expect(await store.getForThisComputer(name, 'private-key')).toBe(keyText);
    expect(await store.getForThisComputer(name, 'passphrase')).toBe('key-pass-77');
    expect(
      await findSecrets({
        folders: [home.path],
        texts: allOutput(),
        secrets: { key: keyText, passphrase: 'key-pass-77' },
      })
    ).toEqual([]);
    expect(await readFile(destinationFile(home.path, name), 'utf8')).not.toContain(keyFile);

    await cli(['destinations', 'remove', name]);
    expect(await store.hasAll(name)).toEqual({
      password: false,
      passphrase: false,
      'private-key': false,
      'proxy-password': false,
    });
  });

  it('uses an identity made with "courier keys generate" under the same name', async () => {
    const name = `keyed-${randomBytes(3).toString('hex')}`;
    expect((await cli(['keys', 'generate', name])).code).toBe(0);
    const added = await cli([
      'destinations',
      'add',
      name,
      '--protocol',
      'sftp',
      '--host',
      'h.example',
      '--user',
      'u',
      '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).destination).toMatchObject({
      auth: 'key',
      secrets: { privateKey: true, password: false },
    });
    await cli(['destinations', 'remove', name]);
    expect(await store.has(name, 'private-key')).toBe(false);
  });

  it('refuses bad input in plain words and writes nothing', async () => {
    const name = `bad-${randomBytes(3).toString('hex')}`;
    const noHost = await cli(
      ['destinations', 'add', name, '--protocol', 'sftp', '--user', 'u', '--password-stdin'],
      'pw-never-stored\n'
    );
    expect(noHost.code).toBe(2);
    expect(noHost.stderr).toMatch(/--host is missing/);
    const badFp = await cli(
      [
        'destinations',
        'add',
        name,
        '--protocol',
        'sftp',
        '--host',
        'h',
        '--user',
        'u',
        '--host-key',
        'SHA256:short',
        '--password-stdin',
      ],
      'pw-never-stored\n'
    );
    expect(badFp.code).toBe(2);
    expect(badFp.stderr).toMatch(/host key fingerprint looks like SHA256/);
    const ftpsKey = await cli([
      'destinations',
      'add',
      name,
      '--protocol',
      'ftps',
      '--host',
      'h',
      '--user',
      'u',
      '--key',
      '/nope',
    ]);
    expect(ftpsKey.code).toBe(2);
    const noPassword = await cli(
      [
        'destinations',
        'add',
        name,
        '--protocol',
        'ftps',
        '--host',
        'h',
        '--user',
        'u',
        '--password-stdin',
      ],
      ''
    );
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/No password arrived on standard input/);
    expect(await store.has(name, 'password')).toBe(false);
    // Only the log was written (the failures), and it holds no password.
    expect((await listFiles(home.path)).map(f => f.slice(home.path.length))).toEqual([
      '/logs/courier.log',
    ]);
    expect(
      await findSecrets({ folders: [home.path], secrets: { password: 'pw-never-stored' } })
    ).toEqual([]);

    expect((await cli(['destinations', 'remove', 'nobody'])).code).toBe(2);
    expect((await cli(['destinations', 'list', '--host', 'x'])).code).toBe(2);

    // A second destination of the same name (in any case) is refused, its secret untouched.
    expect(
      (
        await cli(
          [
            'destinations',
            'add',
            name,
            '--protocol',
            'ftps',
            '--host',
            'h',
            '--user',
            'u',
            '--password-stdin',
          ],
          'first-pw-1\n'
        )
      ).code
    ).toBe(0);
    const twice = await cli(
      [
        'destinations',
        'add',
        name.toUpperCase(),
        '--protocol',
        'ftps',
        '--host',
        'h',
        '--user',
        'u',
        '--password-stdin',
      ],
      'second-pw-2\n'
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/already exists/);
    expect(await store.getForThisComputer(name, 'password')).toBe('first-pw-1');
    await cli(['destinations', 'remove', name]);
  });
});
