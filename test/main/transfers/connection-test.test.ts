import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection, type ConnectionStep } from '../../../src-main/transfers/connection-test';
import { freePort } from '../../harness/servers/ports';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { ftpsTransport, namesIn, sftpTransport, testSecrets } from './transfer-helpers';
import { connectionStepTexts, fillTemplate } from '../../../src-core/transfers/connection-steps';
import { errorText } from '../../../src-renderer/src/error-text';
import { createI18n } from '../../../src-renderer/src/i18n/i18n';
import type { MessageKey } from '../../../src-core/words/en';

const summary = (steps: readonly ConnectionStep[]) => steps.map(s => `${s.id}:${s.status}`);

const i18n = { fr: createI18n('fr', 'fr-BE'), nl: createI18n('nl', 'nl-BE') };
/** Every step can be said in French and Dutch with nothing left blank; its English is main's. */
function expectSayable(steps: readonly ConnectionStep[]): void {
  for (const step of steps) {
    if (step.status !== 'failed') {
      const template = connectionStepTexts[step.says.key as keyof typeof connectionStepTexts];
      expect(template, step.says.key).toBeDefined();
      expect(fillTemplate(template, step.says.params)).toBe(step.message);
    }
    for (const [name, language] of Object.entries(i18n)) {
      const text =
        step.status === 'failed'
          ? errorText({ code: step.code, message: step.message, params: step.says.params }, language)
          : language.t(step.says.key as MessageKey, step.says.params);
      expect(text, `${name} ${step.id}:${step.status}`).not.toMatch(/\{\w+\}/);
      // Translated, not copied (“SFTP, port 22.” is the same in French).
      if (language.t(step.says.key as MessageKey) !== createI18n('en', 'en').t(step.says.key as MessageKey)) {
        expect(text, `${name} ${step.id}:${step.status}`).not.toBe(step.message);
      }
    }
  }
}

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
    expectSayable([...sftp.steps, ...ftps.steps]);
    expect(sftp.steps.find(s => s.id === 'login')!.says).toEqual({ key: 'connection.login.ok', params: { user: user.name } });
    // A port is a name, not an amount: never “2 222” in French.
    const tcp = ftps.steps.find(s => s.id === 'tcp')!;
    expect(i18n.fr.t(tcp.says.key as MessageKey, tcp.says.params)).toBe(`Le serveur répond sur le port ${vsftpd.port}.`);
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

    // Each of these can be said in French and Dutch, naming the fingerprint or folder concerned.
    for (const result of [closed, unknown, wrong, missing, readOnly, ftpsReadOnly, unpinned]) expectSayable(result.steps);
    expect(unknown.steps.find(s => s.status === 'failed')!.says).toEqual({ key: 'error.trust.unknown-host-key', params: { fingerprint: sshd.hostKeyFingerprint } });
    // The refusal names the folder (the probe's own name only as `file`).
    expect(readOnly.steps.find(s => s.status === 'failed')!.says.params).toEqual({ path: user.readOnlyDir, file: expect.stringContaining('courier-probe') });
  });

  it('refuses plain FTP unless allowed', async () => {
    const result = await testConnection('D', { ...ftpsTransport(vsftpd), protocol: 'ftp', allowPlainFtp: false }, testSecrets({ password: 'x' }));
    expect(result.steps[0]).toMatchObject({ id: 'protocol', status: 'failed', code: 'transfer.plain-ftp-refused' });
  });
});
