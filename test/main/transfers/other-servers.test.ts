import { chown, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transport } from '../../../src-core/destinations/transport';
import { Transfer, temporaryName } from '../../../src-main/transfers/transfer';
import { startProftpd, type ProftpdServer } from '../../harness/servers/proftpd';
import { startPureftpd, type PureftpdServer } from '../../harness/servers/pureftpd';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { fileHash, localFolder, namesIn, randomFile, sha256, testSecrets } from './transfer-helpers';

type Server = Readonly<{ name: string; transport: (o?: Partial<Transport>) => Transport; password: () => string; uploadDir: () => string; uid: () => number; gid: () => number }>;

let proftpdFtps: ProftpdServer;
let proftpdSftp: ProftpdServer;
let pureftpd: PureftpdServer;
let vsftpd: VsftpdServer;
let local: Awaited<ReturnType<typeof localFolder>>;

beforeAll(async () => {
  [proftpdFtps, proftpdSftp, pureftpd, vsftpd, local] = await Promise.all([
    startProftpd({ mode: 'ftps' }),
    startProftpd({ mode: 'sftp' }),
    startPureftpd(),
    startVsftpd({ mode: 'explicit' }),
    localFolder(),
  ]);
});
afterAll(async () => {
  await Promise.all([proftpdFtps?.stop(), proftpdSftp?.stop(), pureftpd?.stop(), vsftpd?.stop(), local?.cleanup()]);
});

const ftps = (get: () => ProftpdServer | PureftpdServer | VsftpdServer, name: string): Server => ({
  name,
  transport: o => Transport.parse({ protocol: 'ftps', host: get().host, port: get().port, user: get().user.name, folder: '/upload', tlsFingerprint: get().certFingerprint, ...o }),
  password: () => get().user.password,
  uploadDir: () => get().uploadDir,
  uid: () => get().user.uid,
  gid: () => get().user.gid,
});
const servers: Server[] = [
  ftps(() => proftpdFtps, 'ProFTPD FTPS'),
  {
    name: 'ProFTPD SFTP',
    transport: o => Transport.parse({ protocol: 'sftp', host: proftpdSftp.host, port: proftpdSftp.port, user: proftpdSftp.user.name, folder: '/upload', hostKey: proftpdSftp.hostKeyFingerprint, ...o }),
    password: () => proftpdSftp.user.password,
    uploadDir: () => proftpdSftp.uploadDir,
    uid: () => proftpdSftp.user.uid,
    gid: () => proftpdSftp.user.gid,
  },
  ftps(() => pureftpd, 'Pure-FTPd FTPS'),
  ftps(() => vsftpd, 'vsftpd FTPS'),
];

describe.each(servers)('$name', server => {
  const send = (files: { id: string; localPath: string; remoteName: string }[], o: Partial<Transport> = {}) =>
    new Transfer({ destinationName: 'interop', transport: server.transport(o), secrets: testSecrets({ password: server.password() }), files, retry: { baseDelayMs: 1, maxDelayMs: 2 } }).run();

  it('delivers byte-identical files', async () => {
    const { path, data } = await randomFile(local.dir, `${server.name}-a.csv`, 3_000_000);
    await send([{ id: 'a1', localPath: path, remoteName: 'a.csv' }]);
    expect(await fileHash(join(server.uploadDir(), 'a.csv'))).toBe(sha256(data));
  });

  it('resumes a partial temporary file (or starts over when the server refuses to append)', async () => {
    const { path, data } = await randomFile(local.dir, `${server.name}-r.csv`, 2_000_000);
    const temp = join(server.uploadDir(), temporaryName('r.csv', 'r1'));
    await writeFile(temp, data.subarray(0, 700_001));
    await chown(temp, server.uid(), server.gid());
    const result = await send([{ id: 'r1', localPath: path, remoteName: 'r.csv' }]);
    expect(await fileHash(join(server.uploadDir(), 'r.csv'))).toBe(sha256(data));
    expect((await namesIn(server.uploadDir())).filter(n => n.endsWith('.part'))).toEqual([]);
    console.log(server.name, result.files[0]);
  });

  it('says the folder is missing, at once', async () => {
    const { path } = await randomFile(local.dir, `${server.name}-m.csv`, 100_000);
    const error = await send([{ id: 'm1', localPath: path, remoteName: 'm.csv' }], { folder: '/no-such-folder' }).catch(e => e);
    console.log(server.name, error.code, error.message, error.params);
    expect(error.code).toBe('transfer.folder-missing');
  });
});
