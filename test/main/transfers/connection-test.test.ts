import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection, type ConnectionStep } from '../../../src-main/transfers/connection-test';
import { freePort } from '../../harness/servers/ports';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { ftpsTransport, namesIn, sftpTransport, testSecrets } from './transfer-helpers';

const summary = (steps: readonly ConnectionStep[]) => steps.map(s => `${s.id}:${s.status}`);

describe('connection test against real servers', () => {
  let sshd: SshdServer;
  let vsftpd: VsftpdServer;
  beforeAll(async () => {
    [sshd, vsftpd] = await Promise.all([startSshd({ users: [{ auth: 'password' }] }), startVsftpd({ mode: 'explicit' })]);
  });
  afterAll(async () => {
    await sshd?.stop();
    await vsftpd?.stop();
  });

  it('walks every step for SFTP and FTPS, streaming them, and leaves no probe file', async () => {
    const user = sshd.users[0]!;
    const streamed: ConnectionStep[] = [];
    const sftp = await testConnection('D', sftpTransport(sshd, user), testSecrets({ password: user.password }), s => streamed.push(s));
    expect(summary(sftp.steps)).toEqual(['protocol:ok', 'lookup:ok', 'tcp:ok', 'handshake:ok', 'trust:ok', 'login:ok', 'folder:ok', 'write:ok']);
    expect(streamed).toEqual(sftp.steps);
    expect(sftp.ok).toBe(true);
    const ftps = await testConnection('D', ftpsTransport(vsftpd), testSecrets({ password: vsftpd.user.password }));
    expect(summary(ftps.steps)).toEqual(['protocol:ok', 'lookup:ok', 'tcp:ok', 'handshake:ok', 'trust:ok', 'login:ok', 'folder:ok', 'data-connection:ok', 'write:ok']);
    expect(ftps.steps.find(s => s.id === 'handshake')!.message).toMatch(/TLSv1\.[23]/);
    expect(await namesIn(user.uploadDir)).toEqual([]);
    expect(await namesIn(vsftpd.uploadDir)).toEqual([]);
  });

  it('explains a closed port, an unknown host key, a wrong password, a missing and a read-only folder', async () => {
    const user = sshd.users[0]!;
    const secrets = testSecrets({ password: user.password });
    const closed = await testConnection('D', sftpTransport(sshd, user, { port: await freePort() }), secrets);
    expect(closed.steps.find(s => s.status === 'failed')).toMatchObject({ id: 'tcp', code: 'connection.refused', advice: expect.stringMatching(/port/) });
    expect(closed.steps.at(-1)).toMatchObject({ id: 'write', status: 'skipped' });

    const unknown = await testConnection('D', sftpTransport(sshd, user, { hostKey: undefined }), secrets);
    expect(unknown.steps.find(s => s.status === 'failed')).toMatchObject({ id: 'trust', code: 'trust.unknown-host-key', fingerprint: sshd.hostKeyFingerprint });

    const wrong = await testConnection('D', sftpTransport(sshd, user), testSecrets({ password: 'nope' }));
    expect(wrong.steps.find(s => s.status === 'failed')).toMatchObject({ id: 'login', code: 'auth.login-failed' });

    const missing = await testConnection('D', sftpTransport(sshd, user, { folder: `${user.home}/nope` }), secrets);
    expect(missing.steps.find(s => s.status === 'failed')).toMatchObject({ id: 'folder' });

    const readOnly = await testConnection('D', sftpTransport(sshd, user, { folder: user.readOnlyDir }), secrets);
    expect(readOnly.steps.find(s => s.status === 'failed')).toMatchObject({ id: 'write', code: 'transfer.folder-not-writable', advice: expect.stringMatching(/write access/) });

    const ftpsReadOnly = await testConnection('D', ftpsTransport(vsftpd, { folder: '/readonly' }), testSecrets({ password: vsftpd.user.password }));
    expect(ftpsReadOnly.steps.find(s => s.status === 'failed')).toMatchObject({ id: 'write', code: 'transfer.folder-not-writable' });

    const unpinned = await testConnection('D', ftpsTransport(vsftpd, { tlsFingerprint: undefined }), testSecrets({ password: vsftpd.user.password }));
    expect(unpinned.steps.find(s => s.status === 'failed')).toMatchObject({ id: 'trust', code: 'trust.unknown-certificate', fingerprint: vsftpd.certFingerprint });
  });

  it('refuses plain FTP unless allowed', async () => {
    const result = await testConnection('D', { ...ftpsTransport(vsftpd), protocol: 'ftp', allowPlainFtp: false }, testSecrets({ password: 'x' }));
    expect(result.steps[0]).toMatchObject({ id: 'protocol', status: 'failed', code: 'transfer.plain-ftp-refused' });
  });
});
