import { chown, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReceipt, downloadDigitaleoReports, placeDigitaleoMarkers, waitForReceipt, withSession } from '../../../src-main/transfers/receipts';
import { Transfer } from '../../../src-main/transfers/transfer';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { ftpsTransport, localFolder, namesIn, randomFile, sftpTransport, testSecrets } from './transfer-helpers';

// The platforms' own processing (Digitaleo moving files in → on → ok/ko, BlueConic adding
// `.done`) is played by the test on the server's disk; the client side runs for real.
describe('receipts and Digitaleo markers', () => {
  let vsftpd: VsftpdServer;
  let sshd: SshdServer;
  let local: Awaited<ReturnType<typeof localFolder>>;
  beforeAll(async () => {
    [vsftpd, sshd] = await Promise.all([startVsftpd({ mode: 'explicit' }), startSshd({ users: [{ auth: 'password' }] })]);
    local = await localFolder();
    for (const dir of ['contacts/import/in', 'contacts/import/on', 'contacts/import/ok', 'contacts/import/ko', 'contacts/optoutSMS/in', 'reporting/2026-11-21']) {
      await mkdir(join(vsftpd.uploadDir, dir), { recursive: true });
    }
    for (const dir of ['contacts', 'contacts/import', 'contacts/import/in', 'contacts/optoutSMS', 'contacts/optoutSMS/in']) await chown(join(vsftpd.uploadDir, dir), vsftpd.user.uid, vsftpd.user.gid);
    await writeFile(join(vsftpd.uploadDir, 'reporting/2026-11-21/2026-11-21_Daily.zip'), 'PK daily');
    await writeFile(join(vsftpd.uploadDir, 'reporting/2026-11-21/2026-11-21_12345_Campaign #1.zip'), 'PK campaign');
  });
  afterAll(async () => {
    await vsftpd?.stop();
    await sshd?.stop();
    await local?.cleanup();
  });
  const secrets = () => testSecrets({ password: vsftpd.user.password });

  it('follows a Digitaleo file from in/ to on/ (timestamp prefix) to ok/, and reports ko/ as rejected', async () => {
    const inFolder = '/upload/contacts/import/in';
    const transport = ftpsTransport(vsftpd, { folder: inFolder });
    for (const [name, outcome] of [['list_a.csv', 'ok'], ['list_b.csv', 'ko']] as const) {
      const { path } = await randomFile(local.dir, name, 500);
      await new Transfer({ destinationName: 'D', transport, secrets: secrets(), files: [{ id: name, localPath: path, remoteName: name }] }).run();
      await withSession('D', transport, secrets(), async session => {
        expect((await checkReceipt(session, 'digitaleo', inFolder, name)).status).toBe('waiting');
        const onName = `1795400000_${name}`;
        await rename(join(vsftpd.uploadDir, 'contacts/import/in', name), join(vsftpd.uploadDir, 'contacts/import/on', onName));
        expect(await checkReceipt(session, 'digitaleo', inFolder, name)).toMatchObject({ status: 'processing', seenAs: onName });
        await rename(join(vsftpd.uploadDir, 'contacts/import/on', onName), join(vsftpd.uploadDir, `contacts/import/${outcome}`, onName));
        const receipt = await waitForReceipt(session, 'digitaleo', inFolder, name, { timeoutMs: 5000, pollMs: 50 });
        expect(receipt).toMatchObject({ status: outcome === 'ok' ? 'accepted' : 'rejected', seenAs: onName });
        if (outcome === 'ko') expect(receipt.message).toMatch(/CSV syntax/);
      });
    }
  });

  it('places the import-mode marker (removing the other modes) and .explodeAndDispatch for multi-account opt-outs', async () => {
    const transport = ftpsTransport(vsftpd, { folder: '/upload' });
    await writeFile(join(vsftpd.uploadDir, 'contacts/import/.addToExistingList'), '');
    await chown(join(vsftpd.uploadDir, 'contacts/import/.addToExistingList'), vsftpd.user.uid, vsftpd.user.gid);
    await withSession('D', transport, secrets(), async session => {
      await placeDigitaleoMarkers(session, '/upload', { action: 'import', importMode: 'syncExistingList', multiAccount: false, uniqueness: 'email' });
      await placeDigitaleoMarkers(session, '/upload', { action: 'optoutSMS', importMode: null, multiAccount: true, uniqueness: 'email' });
    });
    expect((await namesIn(join(vsftpd.uploadDir, 'contacts/import'))).filter(n => n.startsWith('.'))).toEqual(['.syncExistingList']);
    expect(await readFile(join(vsftpd.uploadDir, 'contacts/import/.syncExistingList'), 'utf8')).toBe('');
    expect(await namesIn(join(vsftpd.uploadDir, 'contacts/optoutSMS'))).toContain('.explodeAndDispatch');
  });

  it('downloads the reporting zips of a day, and says when there are none', async () => {
    const transport = ftpsTransport(vsftpd, { folder: '/upload' });
    const target = join(local.dir, 'reports');
    await withSession('D', transport, secrets(), async session => {
      const saved = await downloadDigitaleoReports(session, '/upload', '2026-11-21', target);
      expect(saved.map(p => p.slice(target.length + 1)).sort()).toEqual(['2026-11-21_12345_Campaign #1.zip', '2026-11-21_Daily.zip']);
      await expect(downloadDigitaleoReports(session, '/upload', '2026-11-01', target)).rejects.toMatchObject({ code: 'receipt.no-reports' });
    });
    expect(await readFile(join(target, '2026-11-21_Daily.zip'), 'utf8')).toBe('PK daily');
  });

  it('sees BlueConic add .done over SFTP, and gives up waiting with the last state', async () => {
    const user = sshd.users[0]!;
    const transport = sftpTransport(sshd, user);
    const { path } = await randomFile(local.dir, 'profiles.csv', 500);
    await new Transfer({ destinationName: 'B', transport, secrets: testSecrets({ password: user.password }), files: [{ id: 'p', localPath: path, remoteName: 'profiles.csv' }] }).run();
    await withSession('B', transport, testSecrets({ password: user.password }), async session => {
      expect(await waitForReceipt(session, 'done-suffix', user.uploadDir, 'profiles.csv', { timeoutMs: 100, pollMs: 20 })).toMatchObject({ status: 'waiting' });
      await rename(join(user.uploadDir, 'profiles.csv'), join(user.uploadDir, 'profiles.csv.done'));
      expect(await waitForReceipt(session, 'done-suffix', user.uploadDir, 'profiles.csv', { timeoutMs: 2000, pollMs: 20 })).toMatchObject({ status: 'imported' });
    });
  });
});
