import { chown, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transfer, temporaryName } from '../../../src-main/transfers/transfer';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { fileHash, ftpsTransport, localFolder, namesIn, randomFile, sha256, testSecrets } from './transfer-helpers';

for (const mode of ['explicit', 'implicit'] as const) {
  describe(`Transfer over FTPS ${mode} (real vsftpd, require_ssl_reuse=YES)`, () => {
    let server: VsftpdServer;
    let local: Awaited<ReturnType<typeof localFolder>>;
    beforeAll(async () => {
      server = await startVsftpd({ mode });
      local = await localFolder();
    });
    afterAll(async () => {
      await server?.stop();
      await local?.cleanup();
    });
    const secrets = () => testSecrets({ password: server.user.password });

    it('uploads under a temporary name, verifies the SHA-256 by reading back, and renames', async () => {
      const { path, data } = await randomFile(local.dir, 'a.csv', 3_000_000);
      const result = await new Transfer({
        destinationName: 'test',
        transport: ftpsTransport(server),
        secrets: secrets(),
        files: [
          { id: 'a', localPath: path, remoteName: 'contacts.csv' },
          { id: 'b', localPath: path, remoteName: 'contacts-2.csv' },
        ],
      }).run();
      expect(result.files.map(f => f.verifiedBy)).toEqual(['sha256', 'sha256']);
      expect(result.tlsMaxVersion).toBeUndefined();
      expect(await fileHash(join(server.uploadDir, 'contacts.csv'))).toBe(sha256(data));
      expect(await namesIn(server.uploadDir)).toEqual(['contacts-2.csv', 'contacts.csv']);
    });

    it('resumes with APPE from what the server already has', async () => {
      const { path, data } = await randomFile(local.dir, 'resume.csv', 2_000_000);
      const temp = join(server.uploadDir, temporaryName('resume.csv', 'r1'));
      await writeFile(temp, data.subarray(0, 700_001));
      await chown(temp, server.user.uid, server.user.gid);
      const result = await new Transfer({
        destinationName: 'test',
        transport: ftpsTransport(server),
        secrets: secrets(),
        files: [{ id: 'r1', localPath: path, remoteName: 'resume.csv' }],
      }).run();
      expect(result.files[0]!.resumedFrom).toBe(700_001);
      expect(await fileHash(join(server.uploadDir, 'resume.csv'))).toBe(sha256(data));
      expect((await namesIn(server.uploadDir)).filter(n => n.endsWith('.part'))).toEqual([]);
    });

    it('sends an empty file and handles a file that is already complete on the server', async () => {
      const empty = join(local.dir, 'empty.csv');
      await writeFile(empty, '');
      const before = await randomFile(local.dir, 'before.csv', 10_000);
      // The empty file comes second, on a session that already used a data connection; it must
      // go through at the first attempt (an empty TLS data stream used to be refused).
      const sent = await new Transfer({
        destinationName: 'test',
        transport: ftpsTransport(server),
        secrets: secrets(),
        files: [
          { id: 'x', localPath: before.path, remoteName: 'before.csv' },
          { id: 'e', localPath: empty, remoteName: 'empty.csv' },
        ],
        retry: { baseDelayMs: 10 },
      }).run();
      expect(sent.files[1]!.attempts).toBe(1);
      expect(await fileHash(join(server.uploadDir, 'empty.csv'))).toBe(sha256(new Uint8Array()));
      const { path, data } = await randomFile(local.dir, 'whole.csv', 100_000);
      const temp = join(server.uploadDir, temporaryName('whole.csv', 'w'));
      await writeFile(temp, data);
      await chown(temp, server.user.uid, server.user.gid);
      const result = await new Transfer({ destinationName: 'test', transport: ftpsTransport(server), secrets: secrets(), files: [{ id: 'w', localPath: path, remoteName: 'whole.csv' }] }).run();
      expect(result.files[0]!.resumedFrom).toBe(data.length);
      expect(await fileHash(join(server.uploadDir, 'whole.csv'))).toBe(sha256(data));
    });

    it('refuses an unpinned self-signed certificate and a changed one, with the fingerprint to check', async () => {
      const { path } = await randomFile(local.dir, 'trust.csv', 1000);
      const run = (tlsFingerprint: string | undefined) =>
        new Transfer({ destinationName: 'test', transport: ftpsTransport(server, { tlsFingerprint }), secrets: secrets(), files: [{ id: 't', localPath: path, remoteName: 'trust.csv' }] }).run();
      await expect(run(undefined)).rejects.toMatchObject({
        code: 'trust.unknown-certificate',
        fingerprint: server.certFingerprint,
        message: expect.stringContaining(server.certFingerprint),
      });
      await expect(run('00'.repeat(32))).rejects.toMatchObject({ code: 'trust.certificate-changed', fingerprint: server.certFingerprint });
    });

    it('says a wrong password and a read-only folder apart', async () => {
      const { path } = await randomFile(local.dir, 'bad.csv', 1000);
      const run = (password: string, folder = '/upload') =>
        new Transfer({
          destinationName: 'test',
          transport: ftpsTransport(server, { folder }),
          secrets: testSecrets({ password }),
          files: [{ id: 'b', localPath: path, remoteName: 'bad.csv' }],
          retry: { attemptsWithoutProgress: 1 },
        }).run();
      await expect(run('wrong')).rejects.toMatchObject({ code: 'auth.login-failed', message: expect.stringMatching(/refused the login/) });
      await expect(run(server.user.password, '/readonly')).rejects.toMatchObject({ code: 'transfer.folder-not-writable' });
    });
  });
}

describe('plain FTP', () => {
  it('is refused unless the destination allows it', async () => {
    const transfer = new Transfer({
      destinationName: 'test',
      transport: { protocol: 'ftp', host: '127.0.0.1', port: 1, user: 'x', auth: 'password', folder: '/', allowPlainFtp: false, uploadThenRename: true },
      secrets: testSecrets({ password: 'x' }),
      files: [],
    });
    await expect(transfer.run()).resolves.toBeDefined(); // nothing to send: nothing connects
    const local = await localFolder();
    try {
      const { path } = await randomFile(local.dir, 'p.csv', 10);
      await expect(
        new Transfer({
          destinationName: 'test',
          transport: { protocol: 'ftp', host: '127.0.0.1', port: 1, user: 'x', auth: 'password', folder: '/', allowPlainFtp: false, uploadThenRename: true },
          secrets: testSecrets({ password: 'x' }),
          files: [{ id: 'p', localPath: path, remoteName: 'p.csv' }],
        }).run()
      ).rejects.toMatchObject({ code: 'transfer.plain-ftp-refused' });
    } finally {
      await local.cleanup();
    }
  });
});

describe('plain FTP when the destination allows it (real vsftpd without TLS)', () => {
  let server: VsftpdServer;
  let local: Awaited<ReturnType<typeof localFolder>>;
  beforeAll(async () => {
    server = await startVsftpd({ mode: 'explicit', extraConfig: ['ssl_enable=NO'] });
    local = await localFolder();
  });
  afterAll(async () => {
    await server?.stop();
    await local?.cleanup();
  });

  it('uploads, verifies and renames, and warns that nothing was encrypted', async () => {
    const { path, data } = await randomFile(local.dir, 'plain.csv', 100_000);
    const result = await new Transfer({
      destinationName: 'test',
      transport: ftpsTransport(server, { protocol: 'ftp', allowPlainFtp: true, tlsFingerprint: undefined }),
      secrets: testSecrets({ password: server.user.password }),
      files: [{ id: 'p', localPath: path, remoteName: 'plain.csv' }],
    }).run();
    expect(result.warnings).toContain('Plain FTP: the password and the file travel unencrypted.');
    expect(result.files[0]!.verifiedBy).toBe('sha256');
    expect(await fileHash(join(server.uploadDir, 'plain.csv'))).toBe(sha256(data));
  });
});

describe('PASV fallback with a private address in the reply (real vsftpd, plain FTP so the test can read the commands)', () => {
  let server: VsftpdServer;
  let local: Awaited<ReturnType<typeof localFolder>>;
  let proxy: Server;
  let port: number;
  const commands: string[] = [];
  beforeAll(async () => {
    server = await startVsftpd({ mode: 'explicit', pasvAddress: '10.1.2.3', extraConfig: ['ssl_enable=NO'] });
    local = await localFolder();
    // Forwards the control connection, turning EPSV into an unknown command so the client has
    // to fall back to PASV, whose reply names 10.1.2.3 (a NAT-ed server's private address).
    proxy = createServer(client => {
      const upstream = connect({ host: server.host, port: server.port });
      client.on('data', chunk => {
        commands.push(...String(chunk).split('\r\n').filter(Boolean));
        upstream.write(String(chunk).replace(/^EPSV\r\n/gm, 'XEPSV\r\n'));
      });
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
    port = (proxy.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise(resolve => proxy?.close(resolve));
    await server?.stop();
    await local?.cleanup();
  });

  it('connects the data connection to the control host instead of the private address', async () => {
    const { path, data } = await randomFile(local.dir, 'pasv.csv', 50_000);
    await new Transfer({
      destinationName: 'test',
      transport: ftpsTransport(server, { protocol: 'ftp', allowPlainFtp: true, tlsFingerprint: undefined, port }),
      secrets: testSecrets({ password: server.user.password }),
      files: [{ id: 'p', localPath: path, remoteName: 'pasv.csv' }],
    }).run();
    expect(await fileHash(join(server.uploadDir, 'pasv.csv'))).toBe(sha256(data));
    expect(commands).toContain('EPSV');
    expect(commands.filter(c => c === 'PASV').length).toBeGreaterThan(0);
  });
});
