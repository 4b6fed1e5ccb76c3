import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'basic-ftp';
import SftpClient from 'ssh2-sftp-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';

// Smoke tests of the real-server harness (issue 2): each server starts on 127.0.0.1, takes an
// upload from a stock client, and the bytes land in the account's folder.

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('OpenSSH sshd harness', () => {
  let server: SshdServer;
  beforeAll(async () => {
    server = await startSshd({ users: [{ auth: 'password' }, { auth: 'key' }] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('prints the host key fingerprint as ssh-keygen does', () => {
    expect(server.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('takes an SFTP upload from the password user and from the ed25519-key user', async () => {
    for (const user of server.users) {
      const client = new SftpClient();
      const data = randomBytes(300_000);
      await client.connect({
        host: server.host,
        port: server.port,
        username: user.name,
        ...(user.auth === 'password' ? { password: user.password } : { privateKey: user.privateKey }),
      });
      try {
        await client.put(data, 'upload/smoke.bin');
      } finally {
        await client.end();
      }
      const landed = await readFile(join(user.uploadDir, 'smoke.bin'));
      expect(sha256(landed)).toBe(sha256(data));
      expect((await stat(join(user.uploadDir, 'smoke.bin'))).uid).toBe(user.uid);
    }
  });

  it('refuses the key user with a password', async () => {
    const user = server.users.find(u => u.auth === 'key')!;
    const client = new SftpClient();
    await expect(client.connect({ host: server.host, port: server.port, username: user.name, password: user.password })).rejects.toThrow(
      /authentication/i
    );
  });
});

for (const mode of ['explicit', 'implicit'] as const) {
  describe(`vsftpd harness, ${mode} FTPS`, () => {
    let server: VsftpdServer;
    beforeAll(async () => {
      server = await startVsftpd({ mode });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('takes an FTPS upload with TLS session reuse required on the data connection', async () => {
      const client = new Client(10_000);
      const data = randomBytes(500_000);
      try {
        // Trust exactly this self-signed certificate, not "anything".
        await client.access({
          host: server.host,
          port: server.port,
          user: server.user.name,
          password: server.user.password,
          secure: mode === 'implicit' ? 'implicit' : true,
          secureOptions: { ca: [server.certPem], servername: 'localhost' },
        });
        await client.uploadFrom(Readable.from([data]), 'upload/smoke.bin');
        expect(await client.size('upload/smoke.bin')).toBe(data.length);
      } finally {
        client.close();
      }
      expect(sha256(await readFile(join(server.uploadDir, 'smoke.bin')))).toBe(sha256(data));
    });

    it('refuses a login without TLS (force_local_logins_ssl) and a write to the read-only folder', async () => {
      const client = new Client(10_000);
      try {
        await client.access({
          host: server.host,
          port: server.port,
          user: server.user.name,
          password: server.user.password,
          secure: mode === 'implicit' ? 'implicit' : true,
          secureOptions: { ca: [server.certPem], servername: 'localhost' },
        });
        await expect(client.uploadFrom(Readable.from([Buffer.from('x')]), 'readonly/nope.txt')).rejects.toThrow(/553|550|permission/i);
      } finally {
        client.close();
      }
      if (mode === 'explicit') {
        const plain = new Client(10_000);
        try {
          await expect(plain.access({ host: server.host, port: server.port, user: server.user.name, password: server.user.password })).rejects.toThrow(
            /530|encryption|SSL/i
          );
        } finally {
          plain.close();
        }
      }
    });
  });
}
