import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel, EventPayload } from '../../../src-core/ipc/contract';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { createTransferHandlers, type TransferContext } from '../../../src-main/transfers/transfer-handlers';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { localFolder, testSecrets } from './transfer-helpers';

// The connection-test IPC handler against a real sshd; only the keychain is replaced by the
// account's test password (the keychain has its own tests). Uploads over IPC go through the send
// pipeline and its worker (test/main/pipeline/send-controls.test.ts).
describe('transfer IPC handlers (real sshd)', () => {
  let server: SshdServer;
  let local: Awaited<ReturnType<typeof localFolder>>;
  const events: Array<{ channel: EventChannel; payload: unknown }> = [];
  let handlers: ReturnType<typeof createTransferHandlers>;
  beforeAll(async () => {
    server = await startSshd({ users: [{ auth: 'password' }] });
    local = await localFolder();
    const user = server.users[0]!;
    const home = join(local.dir, 'home');
    await saveDestination(home, {
      version: 1,
      name: 'Fast',
      columns: [{ name: 'Email' }],
      folder: user.uploadDir,
      transport: { protocol: 'sftp', host: server.host, port: server.port, user: user.name, hostKey: server.hostKeyFingerprint },
    });
    const context: TransferContext = {
      home,
      emit: <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void events.push({ channel, payload }),
    };
    handlers = createTransferHandlers(context, testSecrets({ password: user.password }));
  });
  afterAll(async () => {
    await server?.stop();
    await local?.cleanup();
  });

  it('destinations:test streams its steps as events', async () => {
    const result = await handlers['destinations:test']({ name: 'Fast' });
    expect(result.ok).toBe(true);
    const streamed = events.filter(e => e.channel === 'destinations:test-step').map(e => (e.payload as { step: { id: string } }).step.id);
    expect(streamed).toEqual(result.steps.map(s => s.id));
  });
});
