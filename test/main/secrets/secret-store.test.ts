import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { AsyncEntry } from '@napi-rs/keyring';
import { beforeAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { redact } from '../../../src-main/logging/redact';
import { requireKeychain, runInKeychainSession } from './keychain-harness';

const child = resolve(import.meta.dirname, 'keychain-child.ts');
const unique = (label: string): string => `${label}-${randomBytes(4).toString('hex')}`;

describe('SecretStore against the real Secret Service', () => {
  beforeAll(() => requireKeychain());
  const store = new SecretStore();

  it('stores, reads back, replaces and deletes a password', async () => {
    const name = unique('acme drop');
    expect(await store.getForThisComputer(name, 'password')).toBeNull();
    await store.set(name, 'password', 'first-Secret-1', null);
    expect(await store.getForThisComputer(name, 'password')).toBe('first-Secret-1');
    expect(await store.has(name, 'password')).toBe(true);
    expect(await store.has(name, 'passphrase')).toBe(false);
    await store.set(name, 'password', 'second-Secret-2', null);
    expect(await store.getForThisComputer(name, 'password')).toBe('second-Secret-2');
    expect(await store.delete(name, 'password')).toBe(true);
    expect(await store.getForThisComputer(name, 'password')).toBeNull();
    expect(await store.delete(name, 'password')).toBe(false);
  });

  it('answers null for missing secrets read in parallel (the usability probes do not collide)', async () => {
    const name = unique('parallel');
    await store.set(name, 'password', 'only-the-password', null);
    const reads = await Promise.all([
      store.getForThisComputer(name, 'password'),
      store.getForThisComputer(name, 'passphrase'),
      store.getForThisComputer(name, 'private-key'),
      new SecretStore().getForThisComputer(name, 'passphrase'),
      new SecretStore().getForThisComputer(name, 'private-key'),
    ]);
    expect(reads).toEqual(['only-the-password', null, null, null, null]);
    await store.deleteAll(name);
  });

  it('keeps the entry in the Secret Service under service "Courier" and account NAME/kind', async () => {
    const name = unique('layout');
    await store.set(name, 'private-key', 'key text\nwith lines', null);
    // Read it with the library directly: proves the entry really is in the Secret Service.
    const raw = new AsyncEntry('Courier', `${name}/private-key`, {
      linux: { store: 'secret-service' },
    });
    expect(await raw.getPassword()).toBe('key text\nwith lines');
    await store.deleteAll(name);
    expect(await raw.getPassword()).toBeNull();
  });

  it('renames every secret of a destination, and refuses to overwrite another one', async () => {
    const from = unique('old');
    const to = unique('new');
    await store.set(from, 'password', 'pw-to-move', null);
    await store.set(from, 'passphrase', 'pp-to-move', null);
    expect(await store.rename(from, to)).toBe(2);
    expect(await store.hasAll(from)).toEqual({
      password: false,
      passphrase: false,
      'private-key': false,
      'proxy-password': false,
    });
    expect(await store.getForThisComputer(to, 'password')).toBe('pw-to-move');
    expect(await store.getForThisComputer(to, 'passphrase')).toBe('pp-to-move');

    const other = unique('other');
    await store.set(other, 'password', 'other-pw', null);
    await expect(store.rename(other, to)).rejects.toMatchObject({ code: 'secrets.name-taken' });
    expect(await store.getForThisComputer(other, 'password')).toBe('other-pw');
    await store.deleteAll(other);
    await store.deleteAll(to);
  });

  it('deletes all secrets of one destination and leaves the others alone', async () => {
    const gone = unique('gone');
    const kept = unique('kept');
    await store.set(gone, 'password', 'pw-gone', null);
    await store.set(gone, 'passphrase', 'pp-gone', null);
    await store.set(gone, 'private-key', 'key-gone', null);
    await store.set(kept, 'password', 'pw-kept', null);
    expect(await store.deleteAll(gone)).toBe(3);
    expect(await store.hasAll(gone)).toEqual({
      password: false,
      passphrase: false,
      'private-key': false,
      'proxy-password': false,
    });
    expect(await store.getForThisComputer(kept, 'password')).toBe('pw-kept');
    await store.deleteAll(kept);
  });

  it('says the keychain is usable, and registers what it handles with the redactor', async () => {
    expect(await store.status()).toMatchObject({ usable: true });
    await store.checkUsable();
    const name = unique('redact');
    await store.set(name, 'password', 'Tr0ub4dor&3-horse', null);
    expect(redact('login with Tr0ub4dor&3-horse failed')).toBe('login with [redacted] failed');
    await store.deleteAll(name);
  });
});

describe('SecretStore when the keychain cannot be used', () => {
  it('explains that there is no keychain when there is no D-Bus session at all', async () => {
    const result = await runInKeychainSession('no-bus', { afterLock: [child, 'report', 'nobody'] });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    for (const op of ['get', 'has', 'set', 'delete', 'checkUsable']) {
      expect(report[op], op).toMatchObject({ code: 'secrets.unavailable' });
      expect(report[op].message).toMatch(/cannot reach your system keychain/);
      expect(report[op].message).toMatch(/never keeps passwords in a file/);
    }
    expect(report.status).toMatchObject({ usable: false, code: 'secrets.unavailable' });
  });

  it('explains that there is no keychain when nobody provides the Secret Service', async () => {
    const result = await runInKeychainSession('no-secret-service', {
      afterLock: [child, 'report', 'nobody'],
    });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    for (const op of ['get', 'set', 'checkUsable'])
      expect(report[op], op).toMatchObject({ code: 'secrets.unavailable' });
    expect(report.status.message).toMatch(/Secret Service/);
  });

  it('says the keychain is locked instead of reporting "no password saved"', async () => {
    const result = await runInKeychainSession('locked', {
      beforeLock: [[child, 'store', 'acme', 'saved-before-lock']],
      afterLock: [child, 'report', 'acme'],
    });
    expect(result.code, result.stderr).toBe(0);
    const [stored, report] = result.stdout
      .trim()
      .split('\n')
      .map(line => JSON.parse(line));
    expect(stored).toEqual({ stored: true });
    for (const op of ['get', 'has', 'set', 'delete', 'checkUsable']) {
      expect(report[op], op).toEqual({
        code: 'secrets.locked',
        message: 'Your system keychain is locked. Unlock it and try again.',
      });
    }
    expect(report.status).toMatchObject({ usable: false, code: 'secrets.locked' });
    expect(result.stdout).not.toContain('saved-before-lock');
  });
});
