import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { findSecrets } from '../secrets/find-secret';
import { requireKeychain } from '../secrets/keychain-harness';
import { courier } from './run-captured';
import { tempHome } from '../../harness/temp-home';

const run = promisify(execFile);
const home = tempHome('courier-keys-home-', { shared: true });
const work = tempHome('courier-keys-work-', { shared: true });
const store = new SecretStore();

beforeAll(async () => {
  requireKeychain();
});

describe('courier keys', () => {
  it('generates a key into the keychain, prints only the public key, and shows it again', async () => {
    const name = `vendor-${randomBytes(4).toString('hex')}`;
    const generated = await courier(['keys', 'generate', name, '--passphrase-stdin'], {
      home: home.path,
      stdin: 'key pass phrase\n',
    });
    expect(generated.code, generated.stderr).toBe(0);
    const publicKey = generated.stdout.trim();
    expect(publicKey).toMatch(new RegExp(`^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5\\S+ courier-${name}$`));
    const privateKey = (await store.getForThisComputer(name, 'private-key'))!;
    expect(await store.getForThisComputer(name, 'passphrase')).toBe('key pass phrase');

    // ssh-keygen agrees that this private key belongs to the printed public key.
    const keyFile = join(work.path, 'check');
    await writeFile(keyFile, privateKey, { mode: 0o600 });
    const { stdout } = await run('/usr/bin/ssh-keygen', [
      '-y',
      '-P',
      'key pass phrase',
      '-f',
      keyFile,
    ]);
    expect(stdout.trim().split(' ').slice(0, 2)).toEqual(publicKey.split(' ').slice(0, 2));
    await rm(keyFile);

    const shown = await courier(['keys', 'show', name, '--json'], { home: home.path });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual({ name, publicKey });

    const again = await courier(['keys', 'generate', name], { home: home.path });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has a private key/);

    const leaks = await findSecrets({
      folders: [home.path],
      texts: {
        genOut: generated.stdout,
        genErr: generated.stderr,
        showOut: shown.stdout,
        againOut: again.stdout,
        againErr: again.stderr,
      },
      secrets: { 'private key': privateKey, passphrase: 'key pass phrase' },
    });
    expect(leaks).toEqual([]);
    await store.deleteAll(name);
  });

  it('imports a PEM key with its passphrase and refuses a wrong one in plain words', async () => {
    const name = `pem-${randomBytes(4).toString('hex')}`;
    const keyFile = join(work.path, 'id_rsa');
    await run('/usr/bin/ssh-keygen', [
      '-q',
      '-t',
      'rsa',
      '-b',
      '2048',
      '-m',
      'PEM',
      '-N',
      'pem-pass-1',
      '-C',
      'x',
      '-f',
      keyFile,
    ]);
    const wrong = await courier(
      ['keys', 'import', name, '--key', keyFile, '--passphrase-stdin', '--json'],
      { home: home.path, stdin: 'nope\n' }
    );
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toEqual({
      error: {
        code: 'keys.wrong-passphrase',
        message: 'The passphrase does not open this private key. Check it and try again.',
      },
    });
    const ok = await courier(['keys', 'import', name, '--key', keyFile, '--passphrase-stdin'], {
      home: home.path,
      stdin: 'pem-pass-1\n',
    });
    expect(ok.code, ok.stderr).toBe(0);
    const expected = (await readFile(`${keyFile}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
    expect(ok.stdout.trim().split(' ').slice(0, 2).join(' ')).toBe(expected);
    expect(await store.getForThisComputer(name, 'private-key')).toBe(
      await readFile(keyFile, 'utf8')
    );
    await store.deleteAll(name);
  });

  it('explains a missing identity and bad usage', async () => {
    const missing = await courier(['keys', 'show', 'no-such-identity'], { home: home.path });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no private key called “no-such-identity”/);
    expect((await courier(['keys', 'show'], { home: home.path })).code).toBe(2);
    expect((await courier(['keys', 'destroy', 'x'], { home: home.path })).code).toBe(2);
    const empty = await courier(['keys', 'generate', 'x-empty', '--passphrase-stdin'], {
      home: home.path,
      stdin: '',
    });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/No passphrase arrived on standard input/);
  });
});
