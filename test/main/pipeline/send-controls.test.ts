import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startFaultProxy, type FaultProxy } from '../../harness/servers/fault-proxy';
import { freePort } from '../../harness/servers/ports';
import { createSendHandlers } from '../../../src-main/pipeline/send-handlers';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { tempHome } from '../../harness/temp-home';

// Pause, resume and cancel of the app's Send, with the upload in the transfer worker, over a slow
// line (a throttling proxy in front of the real sshd) so there is time to press the buttons.

type Progress = { phase: string; bytes: number; totalBytes: number };

describe('send:pause / send:resume / send:cancel', () => {
  let sshd: SshdServer;
  let proxy: FaultProxy;
  const home = tempHome('courier-send-controls-', { shared: true });
  let source: string;
  const progress: Progress[] = [];
  let handlers: ReturnType<typeof createSendHandlers>;

  /** Resolves at the first progress event that satisfies `test` (events, not sleeps). */
  const nextProgress = (test: (p: Progress) => boolean) =>
    new Promise<Progress>(resolve => {
      const timer = setInterval(() => {
        const hit = progress.find(test);
        if (hit) {
          clearInterval(timer);
          resolve(hit);
        }
      }, 20);
    });

  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const port = await freePort();
    proxy = await startFaultProxy({ routes: [{ listenPort: port, targetHost: sshd.host, targetPort: sshd.port }], cutAfter: () => Infinity, maxCuts: 0, bytesPerSecond: 3_000_000 });
    const user = sshd.users[0]!;
    await saveDestination(home.path, {
      ...destinationFromPreset('generic', 'Slow drop'),
      folder: 'upload',
      transport: { protocol: 'sftp', host: '127.0.0.1', port, user: user.name, hostKey: sshd.hostKeyFingerprint },
    });
    source = join(home.path, 'contacts.csv');
    const lines = ['Email'];
    for (let i = 0; i < 250_000; i++) lines.push(`contact.number.${i}@example.be`);
    await writeFile(source, `${lines.join('\n')}\n`);
    const context = { home: home.path, appVersion: '1', locale: 'en', emit: ((channel: string, payload: Progress) => channel === 'send:progress' && progress.push(payload)) as never };
    handlers = createSendHandlers(context, fixedSecrets({ password: user.password }));
  });
  afterAll(async () => {
    await proxy?.stop();
    await sshd?.stop();
  });

  it('pauses and resumes an upload, which then arrives whole', async () => {
    progress.length = 0;
    const sending = handlers['send:start']({ path: source, destination: 'Slow drop' });
    await nextProgress(p => p.phase === 'uploading' && p.bytes > 0);
    expect(await handlers['send:pause'](undefined)).toEqual({ paused: true });
    await nextProgress(p => p.phase === 'paused');
    const pausedAt = progress.length;
    expect(await handlers['send:resume'](undefined)).toEqual({ paused: false });
    const outcome = await sending;
    expect(outcome).toMatchObject({ outcome: 'sent', error: null });
    expect(progress.slice(pausedAt).some(p => p.phase === 'uploading')).toBe(true);
    const user = sshd.users[0]!;
    const sent = await readFile(join(user.uploadDir, outcome.files[0]!.name));
    expect(createHash('sha256').update(sent).digest('hex')).toBe(outcome.files[0]!.sha256);
    expect((await readdir(user.uploadDir)).filter(n => n.endsWith('.part'))).toEqual([]);
  });

  it('cancels an upload and leaves nothing on the server', async () => {
    progress.length = 0;
    const user = sshd.users[0]!;
    const before = await readdir(user.uploadDir);
    await writeFile(source, `Email\n${Array.from({ length: 250_000 }, (_, i) => `other.${i}@example.be`).join('\n')}\n`);
    const sending = handlers['send:start']({ path: source, destination: 'Slow drop' });
    await nextProgress(p => p.phase === 'uploading' && p.bytes > 0);
    expect(await handlers['send:cancel'](undefined)).toEqual({ cancelled: true });
    const outcome = await sending;
    expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'cancelled' } });
    expect(await readdir(user.uploadDir)).toEqual(before);
    expect(await handlers['send:cancel'](undefined)).toEqual({ cancelled: false });
  });
});
