import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, planAgainstLedger, unusedName } from '../../../src-main/transfers/ledger';
import { queuePath, type QueueItem } from '../../../src-main/transfers/transfer-queue';
import { resumeQueue, uploadFiles } from '../../../src-main/transfers/upload-files';
import { startFaultProxy } from '../../harness/servers/fault-proxy';
import { freePort } from '../../harness/servers/ports';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { fileHash, localFolder, namesIn, randomFile, sftpTransport, sha256, testSecrets } from './transfer-helpers';

describe('ledger', () => {
  it('refuses content already sent, renames a reused name, and skips a torn line', async () => {
    const local = await localFolder();
    try {
      const ledger = openLedger(local.dir);
      await ledger.record({ at: '2026-11-20T10:00:00.000Z', destination: 'CG', remoteFolder: '/', remoteName: 'contacts.csv', size: 3, sha256: 'aaa' });
      await writeFile(join(local.dir, 'ledger.jsonl'), (await readFile(join(local.dir, 'ledger.jsonl'), 'utf8')) + '{"at":"2026-11-2');
      await expect(planAgainstLedger(ledger, 'CG', [{ remoteName: 'other.csv', sha256: 'aaa' }], false)).rejects.toMatchObject({
        code: 'transfer.already-sent',
        message: expect.stringContaining('2026-11-20'),
      });
      expect(await planAgainstLedger(ledger, 'CG', [{ remoteName: 'contacts.csv', sha256: 'aaa' }], true)).toEqual(['contacts-2.csv']);
      expect(await planAgainstLedger(ledger, 'Other', [{ remoteName: 'contacts.csv', sha256: 'aaa' }], false)).toEqual(['contacts.csv']);
      expect(unusedName('a.csv', new Set(['a.csv', 'a-2.csv']))).toBe('a-3.csv');
    } finally {
      await local.cleanup();
    }
  });
});

describe('uploadFiles with the ledger and the persistent queue (real sshd)', () => {
  let server: SshdServer;
  let local: Awaited<ReturnType<typeof localFolder>>;
  beforeAll(async () => {
    server = await startSshd({ users: [{ auth: 'password' }] });
    local = await localFolder();
  });
  afterAll(async () => {
    await server?.stop();
    await local?.cleanup();
  });

  it('records a delivery, refuses the same file again, and sends it under a new name when forced', async () => {
    const user = server.users[0]!;
    const home = join(local.dir, 'home-ledger');
    const { path, data } = await randomFile(local.dir, 'c.csv', 50_000);
    const request = { home, destinationName: 'CG', transport: sftpTransport(server, user), secrets: testSecrets({ password: user.password }), files: [{ localPath: path, remoteName: 'c.csv' }] };
    await uploadFiles(request);
    await expect(uploadFiles(request)).rejects.toMatchObject({ code: 'transfer.already-sent' });
    const again = await uploadFiles({ ...request, force: true });
    expect(again.files[0]!.remoteName).toBe('c-2.csv');
    expect(await namesIn(user.uploadDir)).toEqual(expect.arrayContaining(['c.csv', 'c-2.csv']));
    const entries = await openLedger(home).entries();
    expect(entries.map(e => [e.destination, e.remoteName, e.size, e.sha256])).toEqual([
      ['CG', 'c.csv', data.length, sha256(data)],
      ['CG', 'c-2.csv', data.length, sha256(data)],
    ]);
    expect(JSON.parse(await readFile(queuePath(home), 'utf8')).items).toEqual([]);
  });

  it('resumes the queue after the uploading process is killed with SIGKILL', async () => {
    const user = server.users[0]!;
    const home = join(local.dir, 'home-crash');
    const size = 24 * 1024 * 1024;
    const { path, data } = await randomFile(local.dir, 'crash.csv', size);
    // A slow line (8 MB/s) so the kill lands mid-upload.
    const port = await freePort();
    const proxy = await startFaultProxy({ routes: [{ listenPort: port, targetHost: server.host, targetPort: server.port }], cutAfter: () => Infinity, maxCuts: 0, bytesPerSecond: 8_000_000 });
    const transport = sftpTransport(server, user, { port });
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'upload-child.ts'), JSON.stringify({ home, transport, localPath: path, remoteName: 'crash.csv' })], {
      env: { ...process.env, COURIER_TEST_PASSWORD: user.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', d => (output += String(d)));
    child.stderr.on('data', d => (output += String(d)));
    const exited = new Promise<NodeJS.Signals | null>(resolve => child.once('exit', (_code, signal) => resolve(signal)));
    let killedAt: number;
    try {
      for (;;) {
        const items = (JSON.parse(await readFile(queuePath(home), 'utf8').catch(() => '{"items":[]}')) as { items: QueueItem[] }).items;
        const offset = items[0]?.writtenOffset ?? 0;
        if (offset >= 4 * 1024 * 1024) {
          killedAt = offset;
          child.kill('SIGKILL');
          break;
        }
        if (child.exitCode !== null) throw new Error(`The upload process ended before it could be killed: ${output}`);
        await new Promise(r => setTimeout(r, 20));
      }
      expect(await exited).toBe('SIGKILL');
    } finally {
      await proxy.stop();
    }
    expect(await namesIn(user.uploadDir)).not.toContain('crash.csv');
    const outcomes = await resumeQueue({ home, secrets: testSecrets({ password: user.password }), retry: { baseDelayMs: 10, maxDelayMs: 20 } });
    // The queued transport points at the proxy, which is gone: the destination's real port is
    // what a restarted app would use, so resume with it.
    expect(outcomes[0]?.error?.code).toBe('connection.refused');
    const queued = JSON.parse(await readFile(queuePath(home), 'utf8')) as { items: QueueItem[] };
    queued.items = queued.items.map(item => ({ ...item, transport: { ...item.transport, port: server.port } }));
    await writeFile(queuePath(home), JSON.stringify(queued));
    const [outcome] = await resumeQueue({ home, secrets: testSecrets({ password: user.password }) });
    expect(outcome?.error).toBeUndefined();
    expect(outcome?.result?.files[0]!.resumedFrom).toBeGreaterThanOrEqual(killedAt);
    expect(await fileHash(join(user.uploadDir, 'crash.csv'))).toBe(sha256(data));
    expect((await namesIn(user.uploadDir)).filter(n => n.includes('crash'))).toEqual(['crash.csv']);
    expect(JSON.parse(await readFile(queuePath(home), 'utf8')).items).toEqual([]);
    expect((await openLedger(home).entries()).map(e => e.remoteName)).toEqual(['crash.csv']);
  });
});
