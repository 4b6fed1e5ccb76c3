import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transfer } from '../../../src-main/transfers/transfer';
import { startFaultProxy } from '../../harness/servers/fault-proxy';
import { freePort } from '../../harness/servers/ports';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { fileHash, ftpsTransport, localFolder, randomFile, sftpTransport, sha256, testSecrets } from './transfer-helpers';

// The issue asks for 200 MB; with two shared cores a 40 MiB file keeps each test well under a
// minute while still taking ≥ 20 cuts at random offsets (the benchmark moves the big files).
// A connection is cut after 0.5–2 MiB of upload, so 24 cuts cover about 30 MiB of the file.
// COURIER_FAULT_TEST_MB=200 runs the full-size version.
const size = Number(process.env.COURIER_FAULT_TEST_MB ?? 40) * 1024 * 1024;
const cutAfter = () => 512 * 1024 + Math.floor(Math.random() * 1.5 * 1024 * 1024);

/** Polls the folder and records the size of the final file the first time it is seen. */
function watchFinalName(dir: string, name: string) {
  const seen: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const info = await stat(join(dir, name)).catch(() => null);
      if (info) seen.push(info.size);
      await new Promise(r => setTimeout(r, 2));
    }
  })();
  return {
    sizesSeen: () => seen,
    stop: async () => {
      running = false;
      await loop;
      const info = await stat(join(dir, name)).catch(() => null);
      if (info) seen.push(info.size);
    },
  };
}

describe('uploads through a proxy that cuts the connection at random offsets', () => {
  let local: Awaited<ReturnType<typeof localFolder>>;
  let sshd: SshdServer;
  let vsftpd: VsftpdServer;
  beforeAll(async () => {
    local = await localFolder();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    // vsftpd listens on 127.0.0.2 so the proxy can take its passive ports on 127.0.0.1.
    vsftpd = await startVsftpd({ mode: 'explicit', listenAddress: '127.0.0.2', pasvPorts: 6 });
  });
  afterAll(async () => {
    await sshd?.stop();
    await vsftpd?.stop();
    await local?.cleanup();
  });

  it('SFTP: ≥ 20 cuts, then the remote SHA-256 equals the source and the final name only ever held the whole file', async () => {
    const user = sshd.users[0]!;
    const { path, data } = await randomFile(local.dir, 'big.csv', size);
    const port = await freePort();
    const proxy = await startFaultProxy({ routes: [{ listenPort: port, targetHost: sshd.host, targetPort: sshd.port }], cutAfter, maxCuts: 24 });
    const watch = watchFinalName(user.uploadDir, 'big.csv');
    try {
      const result = await new Transfer({
        destinationName: 'test',
        transport: sftpTransport(sshd, user, { port }),
        secrets: testSecrets({ password: user.password }),
        files: [{ id: 'big', localPath: path, remoteName: 'big.csv' }],
        retry: { attemptsWithoutProgress: 12, baseDelayMs: 10, maxDelayMs: 100 },
        readBackLimit: size,
      }).run();
      expect(proxy.cuts()).toBeGreaterThanOrEqual(20);
      expect(result.files[0]!.attempts).toBeGreaterThan(20);
      expect(result.files[0]!.verifiedBy).toBe('sha256');
    } finally {
      await watch.stop();
      await proxy.stop();
    }
    expect(await fileHash(join(user.uploadDir, 'big.csv'))).toBe(sha256(data));
    expect(new Set(watch.sizesSeen())).toEqual(new Set([size]));
  });

  it('FTPS: ≥ 20 cuts on control and data connections, then the remote SHA-256 equals the source', async () => {
    const { path, data } = await randomFile(local.dir, 'big-ftps.csv', size);
    const port = await freePort();
    const routes = [{ listenPort: port, targetHost: vsftpd.host, targetPort: vsftpd.port }];
    for (let p = vsftpd.pasvMin; p <= vsftpd.pasvMax; p++) routes.push({ listenPort: p, targetHost: vsftpd.host, targetPort: p });
    const proxy = await startFaultProxy({ routes, cutAfter, maxCuts: 24 });
    const watch = watchFinalName(vsftpd.uploadDir, 'big.csv');
    try {
      const result = await new Transfer({
        destinationName: 'test',
        transport: ftpsTransport(vsftpd, { host: '127.0.0.1', port }),
        secrets: testSecrets({ password: vsftpd.user.password }),
        files: [{ id: 'big', localPath: path, remoteName: 'big.csv' }],
        retry: { attemptsWithoutProgress: 12, baseDelayMs: 10, maxDelayMs: 100 },
        readBackLimit: size,
      }).run();
      expect(proxy.cuts()).toBeGreaterThanOrEqual(20);
      expect(result.files[0]!.verifiedBy).toBe('sha256');
    } finally {
      await watch.stop();
      await proxy.stop();
    }
    expect(await fileHash(join(vsftpd.uploadDir, 'big.csv'))).toBe(sha256(data));
    expect(new Set(watch.sizesSeen())).toEqual(new Set([size]));
  });
});
