import { chown, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transfer, temporaryName, type TransferProgress } from '../../../src-main/transfers/transfer';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { fileHash, localFolder, namesIn, randomFile, sftpTransport, sha256, testSecrets } from './transfer-helpers';

describe('Transfer over SFTP (real sshd)', () => {
  let server: SshdServer;
  let local: Awaited<ReturnType<typeof localFolder>>;
  beforeAll(async () => {
    server = await startSshd({
      users: [{ auth: 'password' }, { auth: 'key', passphrase: 'correct horse' }, { auth: 'key-and-password', keyFormat: 'pem' }],
    });
    local = await localFolder();
  });
  afterAll(async () => {
    await server?.stop();
    await local?.cleanup();
  });
  const user = (auth: string) => server.users.find(u => u.auth === auth)!;
  const secretsOf = (auth: string) => {
    const u = user(auth);
    return testSecrets({ password: u.password, privateKey: u.privateKey, passphrase: u.passphrase });
  };

  it('uploads under a temporary name, verifies the SHA-256 and renames, for each kind of login', async () => {
    for (const auth of ['password', 'key', 'key-and-password']) {
      const u = user(auth);
      const { path, data } = await randomFile(local.dir, `${auth}.csv`, 3_000_000);
      const progress: TransferProgress[] = [];
      const transfer = new Transfer({
        destinationName: 'test',
        transport: sftpTransport(server, u),
        secrets: secretsOf(auth),
        files: [{ id: `id-${auth}`, localPath: path, remoteName: `contacts-${auth}.csv` }],
        onProgress: p => progress.push(p),
      });
      const result = await transfer.run();
      expect(result.files[0]).toMatchObject({ remoteName: `contacts-${auth}.csv`, size: data.length, sha256: sha256(data), verifiedBy: 'sha256', direct: false });
      expect(await fileHash(join(u.uploadDir, `contacts-${auth}.csv`))).toBe(sha256(data));
      expect(await namesIn(u.uploadDir)).toEqual([`contacts-${auth}.csv`]);
      expect(progress.at(-1)).toMatchObject({ phase: 'done', bytes: data.length, totalBytes: data.length });
    }
  });

  it('reads the private key from the destination\'s key file when set (passphrase from the keychain)', async () => {
    const u = user('key');
    const { path, data } = await randomFile(local.dir, 'keyfile.csv', 10_000);
    await new Transfer({
      destinationName: 'test',
      transport: sftpTransport(server, u, { keyFile: u.privateKeyPath }),
      secrets: testSecrets({ passphrase: u.passphrase }),
      files: [{ id: 'k', localPath: path, remoteName: 'keyfile.csv' }],
    }).run();
    expect(await fileHash(join(u.uploadDir, 'keyfile.csv'))).toBe(sha256(data));
  });

  it('resumes from the acknowledged offset of an earlier run without resending the start', async () => {
    const u = user('password');
    const { path, data } = await randomFile(local.dir, 'resume.csv', 2_000_000);
    // An earlier run wrote the first 1,200,000 bytes under the temporary name and recorded it.
    const temp = join(u.uploadDir, temporaryName('resume.csv', 'r1'));
    await writeFile(temp, data.subarray(0, 1_200_000));
    await chown(temp, u.uid, u.gid);
    const result = await new Transfer({
      destinationName: 'test',
      transport: sftpTransport(server, u),
      secrets: secretsOf('password'),
      files: [{ id: 'r1', localPath: path, remoteName: 'resume.csv', writtenOffset: 1_200_000 }],
    }).run();
    expect(result.files[0]!.resumedFrom).toBe(1_200_000);
    expect(await fileHash(join(u.uploadDir, 'resume.csv'))).toBe(sha256(data));
  });

  it('refuses an unknown host key and a changed one, each with its fingerprint', async () => {
    const u = user('password');
    const { path } = await randomFile(local.dir, 'trust.csv', 1000);
    const run = (hostKey: string | undefined) =>
      new Transfer({
        destinationName: 'test',
        transport: sftpTransport(server, u, { hostKey }),
        secrets: secretsOf('password'),
        files: [{ id: 't', localPath: path, remoteName: 'trust.csv' }],
      }).run();
    await expect(run(undefined)).rejects.toMatchObject({ code: 'trust.unknown-host-key', fingerprint: server.hostKeyFingerprint });
    await expect(run(`SHA256:${'A'.repeat(43)}`)).rejects.toMatchObject({
      code: 'trust.host-key-changed',
      fingerprint: server.hostKeyFingerprint,
      message: expect.stringMatching(/host key has changed/),
    });
    expect(await namesIn(u.uploadDir)).not.toContain('trust.csv');
  });

  it('says a wrong password, a wrong passphrase and a read-only folder apart', async () => {
    const { path } = await randomFile(local.dir, 'bad.csv', 1000);
    const run = (auth: string, secrets: Parameters<typeof testSecrets>[0], folder?: string) =>
      new Transfer({
        destinationName: 'test',
        transport: sftpTransport(server, user(auth), folder ? { folder } : {}),
        secrets: testSecrets(secrets),
        files: [{ id: 'b', localPath: path, remoteName: 'bad.csv' }],
        retry: { attemptsWithoutProgress: 1 },
      }).run();
    await expect(run('password', { password: 'wrong' })).rejects.toMatchObject({ code: 'auth.login-failed' });
    const keyUser = user('key');
    await expect(run('key', { privateKey: keyUser.privateKey, passphrase: 'wrong' })).rejects.toMatchObject({ code: 'auth.key-unreadable' });
    const pw = user('password');
    await expect(run('password', { password: pw.password }, pw.readOnlyDir)).rejects.toMatchObject({
      code: 'transfer.folder-not-writable',
      message: expect.stringMatching(/does not let this account write/),
    });
  });

  it('pauses, resumes and cancels; a cancelled upload leaves nothing behind', async () => {
    const u = user('password');
    const { path, data } = await randomFile(local.dir, 'pause.csv', 8_000_000);
    const phases: string[] = [];
    const transfer = new Transfer({
      destinationName: 'test',
      transport: sftpTransport(server, u),
      secrets: secretsOf('password'),
      files: [{ id: 'p', localPath: path, remoteName: 'pause.csv' }],
      progressIntervalMs: 0,
      onProgress: p => {
        phases.push(p.phase);
        if (p.phase === 'uploading' && p.fileBytes > 0 && !phases.includes('paused')) {
          transfer.pause();
          setTimeout(() => transfer.resume(), 50);
        }
      },
    });
    const result = await transfer.run();
    expect(phases).toContain('paused');
    expect(result.files[0]!.attempts).toBeGreaterThanOrEqual(2);
    expect(await fileHash(join(u.uploadDir, 'pause.csv'))).toBe(sha256(data));

    const cancelled = new Transfer({
      destinationName: 'test',
      transport: sftpTransport(server, u),
      secrets: secretsOf('password'),
      files: [{ id: 'c', localPath: path, remoteName: 'cancel.csv' }],
      progressIntervalMs: 0,
      onProgress: p => {
        if (p.phase === 'uploading' && p.fileBytes > 0) cancelled.cancel();
      },
    });
    await expect(cancelled.run()).rejects.toMatchObject({ code: 'cancelled' });
    expect((await namesIn(u.uploadDir)).filter(n => n.includes('cancel'))).toEqual([]);
  });

  it('uploads straight under the final name when the destination forbids renames, and says so', async () => {
    const u = user('password');
    const { path, data } = await randomFile(local.dir, 'direct.csv', 300_000);
    const result = await new Transfer({
      destinationName: 'test',
      transport: sftpTransport(server, u, { uploadThenRename: false }),
      secrets: secretsOf('password'),
      files: [{ id: 'd', localPath: path, remoteName: 'direct.csv' }],
    }).run();
    expect(result.files[0]).toMatchObject({ direct: true, remotePath: join(u.uploadDir, 'direct.csv') });
    expect(result.warnings.join(' ')).toMatch(/does not allow renaming/);
    expect(await fileHash(join(u.uploadDir, 'direct.csv'))).toBe(sha256(data));
    expect((await namesIn(u.uploadDir)).filter(n => n.startsWith('.direct'))).toEqual([]);
  });

  it('a cancel while paused removes the temporary file too', async () => {
    const u = user('password');
    const { path } = await randomFile(local.dir, 'pc.csv', 8_000_000);
    const transfer = new Transfer({
      destinationName: 'test',
      transport: sftpTransport(server, u),
      secrets: secretsOf('password'),
      files: [{ id: 'pc', localPath: path, remoteName: 'pc.csv' }],
      progressIntervalMs: 0,
      onProgress: p => {
        if (p.phase === 'uploading' && p.fileBytes > 0 && !transfer.paused) transfer.pause();
        if (p.phase === 'paused') setTimeout(() => transfer.cancel(), 100);
      },
    });
    await expect(transfer.run()).rejects.toMatchObject({ code: 'cancelled' });
    expect((await namesIn(u.uploadDir)).filter(n => n.includes('pc.csv'))).toEqual([]);
  });

  it('sends an empty file and refuses to overwrite a file already under the final name', async () => {
    const u = user('password');
    const empty = join(local.dir, 'empty.csv');
    await writeFile(empty, '');
    const transport = sftpTransport(server, u);
    const result = await new Transfer({ destinationName: 'test', transport, secrets: secretsOf('password'), files: [{ id: 'e', localPath: empty, remoteName: 'empty.csv' }] }).run();
    expect(result.files[0]!.size).toBe(0);
    expect(await fileHash(join(u.uploadDir, 'empty.csv'))).toBe(sha256(new Uint8Array()));
    await expect(
      new Transfer({ destinationName: 'test', transport, secrets: secretsOf('password'), files: [{ id: 'e2', localPath: empty, remoteName: 'empty.csv' }] }).run()
    ).rejects.toMatchObject({ code: 'transfer.name-taken' });
  });
});
