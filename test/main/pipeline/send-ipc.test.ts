import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { routeCall } from '../../../src-main/ipc/ipc-router';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { createServices } from '../../../src-main/services/services';
import { createSendHandlers } from '../../../src-main/pipeline/send-handlers';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { tempHome } from '../../harness/temp-home';

// The app's Send button through the IPC surface (validated by the router), against real sshd.

describe('send:start over IPC', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-send-ipc-', { shared: true });
  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('sends with progress events, and refuses a malformed request before any work', async () => {
    const user = sshd.users[0]!;
    await saveDestination(home.path, {
      ...destinationFromPreset('hello-customer', 'Shop survey'),
      folder: 'upload',
      transport: { protocol: 'sftp', host: '127.0.0.1', port: sshd.port, user: user.name, hostKey: sshd.hostKeyFingerprint },
    });
    const source = join(home.path, 'export.csv');
    await writeFile(source, 'Email,Language\nwendy@example.be,nl\n');
    const events: { channel: string; payload: { phase: string } }[] = [];
    const context = { services: createServices(home.path), home: home.path, appVersion: '1', locale: 'en', emit: ((channel: string, payload: { phase: string }) => events.push({ channel, payload })) as never };
    const handlers = { ...createMainHandlers(context), ...createSendHandlers(context, fixedSecrets({ password: user.password })) };

    expect(await routeCall(handlers, 'send:start', { path: '', destination: 'Shop survey' }, true)).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
    expect(await routeCall(handlers, 'send:cancel', undefined, true)).toEqual({ ok: true, value: { cancelled: false } });

    const outcome = await routeCall(handlers, 'send:start', { path: source, destination: 'Shop survey' }, true);
    expect(outcome).toMatchObject({ ok: true, value: { outcome: 'sent', rows: { read: 1, sent: 1, excluded: 0 }, error: null } });
    const value = (outcome as { value: { files: { name: string; remotePath: string; verifiedBy: string }[] } }).value;
    expect(value.files[0]!.verifiedBy).toMatch(/sha256|size/);
    expect(await readFile(join(user.uploadDir, value.files[0]!.name), 'utf8')).toBe('Email;Language;FirstName;LastName;Department;CustomId\r\nwendy@example.be;NL;;;;\r\n');
    expect(events.map(e => e.channel)).toContain('send:progress');
    expect(events.filter(e => e.channel === 'send:progress').at(-1)!.payload.phase).toBe('done');
  });
});
