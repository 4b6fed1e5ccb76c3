import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, EventPayload } from '../../../src-core/ipc/contract';
import type { ServiceContext } from '../../../src-main/services/main-handlers';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { createTransferHandlers } from '../../../src-main/transfers/transfer-handlers';
import { startFaultProxy, type FaultProxy } from '../../harness/servers/fault-proxy';
import { freePort } from '../../harness/servers/ports';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { fileHash, localFolder, namesIn, randomFile, sha256, testSecrets } from './transfer-helpers';

// The IPC handlers with the real transfer worker thread, a real sshd and real files; only the
// keychain is replaced by the account's test password (the keychain has its own tests).
describe('transfer IPC handlers (worker thread, real sshd)', () => {
  let server: SshdServer;
  let proxy: FaultProxy;
  let local: Awaited<ReturnType<typeof localFolder>>;
  const events: Array<{ channel: EventChannel; payload: unknown }> = [];
  let handlers: ReturnType<typeof createTransferHandlers>;
  beforeAll(async () => {
    server = await startSshd({ users: [{ auth: 'password' }] });
    local = await localFolder();
    const user = server.users[0]!;
    // A slow line (6 MB/s) in front of the server so a pause lands mid-upload.
    const port = await freePort();
    proxy = await startFaultProxy({ routes: [{ listenPort: port, targetHost: server.host, targetPort: server.port }], cutAfter: () => Infinity, maxCuts: 0, bytesPerSecond: 6_000_000 });
    const home = join(local.dir, 'home');
    const destination = (name: string, p: number) => ({
      version: 1,
      name,
      columns: [{ name: 'Email' }],
      folder: user.uploadDir,
      transport: { protocol: 'sftp', host: server.host, port: p, user: user.name, hostKey: server.hostKeyFingerprint },
    });
    await saveDestination(home, destination('Fast', server.port));
    await saveDestination(home, destination('Slow', port));
    const context: ServiceContext = {
      home,
      appVersion: 'test',
      locale: 'en',
      emit: <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void events.push({ channel, payload }),
    };
    handlers = createTransferHandlers(context, testSecrets({ password: user.password }));
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
    await local?.cleanup();
  });

  it('destinations:test streams its steps as events', async () => {
    const result = await handlers['destinations:test']({ name: 'Fast' });
    expect(result.ok).toBe(true);
    const streamed = events.filter(e => e.channel === 'destinations:test-step').map(e => (e.payload as { step: { id: string } }).step.id);
    expect(streamed).toEqual(result.steps.map(s => s.id));
  });

  it('upload:start delivers in the worker with progress events; pause, resume and cancel work', async () => {
    const user = server.users[0]!;
    const small = await randomFile(local.dir, 'small.csv', 200_000);
    const done = await handlers['upload:start']({ destination: 'Fast', files: [{ path: small.path, remoteName: 'small.csv' }] });
    expect(done).toMatchObject({ status: 'done', files: [{ remoteName: 'small.csv', verifiedBy: 'sha256' }], error: null });
    expect(await fileHash(join(user.uploadDir, 'small.csv'))).toBe(sha256(small.data));

    const big = await randomFile(local.dir, 'big.csv', 12_000_000);
    const started = handlers['upload:start']({ destination: 'Slow', uploadId: 'u1', files: [{ path: big.path, remoteName: 'big.csv' }] });
    await waitFor(() => events.some(e => e.channel === 'upload:progress' && (e.payload as { uploadId: string; fileBytes: number }).uploadId === 'u1' && (e.payload as { fileBytes: number }).fileBytes > 1_000_000));
    expect(await handlers['upload:pause']({ uploadId: 'u1' })).toEqual({ paused: true });
    expect((await started).status).toBe('paused');
    expect(await namesIn(user.uploadDir)).not.toContain('big.csv');
    const resumed = await handlers['upload:resume']({ uploadId: 'u1' });
    expect(resumed).toMatchObject({ status: 'done', files: [{ remoteName: 'big.csv' }] });
    expect(await fileHash(join(user.uploadDir, 'big.csv'))).toBe(sha256(big.data));

    const other = await randomFile(local.dir, 'other.csv', 12_000_000);
    const cancelled = handlers['upload:start']({ destination: 'Slow', uploadId: 'u2', files: [{ path: other.path, remoteName: 'other.csv' }] });
    await waitFor(() => events.some(e => e.channel === 'upload:progress' && (e.payload as { uploadId: string }).uploadId === 'u2' && (e.payload as { fileBytes: number }).fileBytes > 0));
    expect(await handlers['upload:cancel']({ uploadId: 'u2' })).toEqual({ cancelled: true });
    expect((await cancelled).status).toBe('cancelled');
    expect((await namesIn(user.uploadDir)).filter(n => n.includes('other'))).toEqual([]);
  });

  it('refuses to send the same content twice', async () => {
    const small = await randomFile(local.dir, 'twice.csv', 1000);
    await handlers['upload:start']({ destination: 'Fast', files: [{ path: small.path, remoteName: 'twice.csv' }] });
    const again = await handlers['upload:start']({ destination: 'Fast', files: [{ path: small.path, remoteName: 'twice.csv' }] });
    expect(again).toMatchObject({ status: 'failed', error: { code: 'transfer.already-sent' } });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for an event.');
    await new Promise(r => setTimeout(r, 10));
  }
}
