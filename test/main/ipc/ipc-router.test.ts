import { describe, expect, it, vi } from 'vitest';
import { routeCall, type Handlers } from '../../../src-main/ipc/ipc-router';
import { isTrustedSender } from '../../../src-main/ipc/trusted-sender';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { createServices } from '../../../src-main/services/services';
import { CourierError } from '../../../src-core/errors';
import { clearRegisteredSecrets, registerSecret } from '../../../src-main/logging/redact';

const handlers = (): Handlers => createMainHandlers({ services: createServices('/tmp/courier-test-home'), emit: () => {}, appVersion: '9.9.9', locale: 'nl-BE' });

describe('routeCall', () => {
  it('answers a valid call from a trusted sender with the handler value', async () => {
    expect(await routeCall(handlers(), 'app:info', undefined, true)).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'Courier', version: '9.9.9', locale: 'nl-BE' }),
    });
  });

  it('refuses an untrusted sender before the handler runs', async () => {
    const spy = vi.fn();
    const h = { ...handlers(), 'app:info': spy } as Handlers;
    expect(await routeCall(h, 'app:info', undefined, false)).toEqual({
      ok: false,
      error: { code: 'ipc.untrusted-sender', message: expect.any(String) },
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel and an invalid payload', async () => {
    expect(await routeCall(handlers(), 'shell:exec', 'rm -rf /', true)).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
    expect(await routeCall(handlers(), 'app:info', { sneaky: true }, true)).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
    expect(await routeCall(handlers(), '__proto__', undefined, true)).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
  });

  it('turns a thrown CourierError into its plain code and message', async () => {
    const h = { ...handlers(), 'app:info': () => { throw new CourierError('read.empty-file', 'This file is empty.'); } } as Handlers;
    expect(await routeCall(h, 'app:info', undefined, true)).toEqual({ ok: false, error: { code: 'read.empty-file', message: 'This file is empty.' } });
  });

  it('passes on what the error is about, with no secret in it', async () => {
    registerSecret('hunter2-secret');
    try {
      const h = {
        ...handlers(),
        'app:info': () => {
          throw new CourierError('destination.exists', 'A destination called “Rennes” already exists.', {
            params: { name: 'Rennes', note: 'typed hunter2-secret', password: 'x', passphrase: 'y', count: 3 },
          });
        },
      } as Handlers;
      expect(await routeCall(h, 'app:info', undefined, true)).toEqual({
        ok: false,
        error: {
          code: 'destination.exists',
          message: 'A destination called “Rennes” already exists.',
          params: { name: 'Rennes', note: 'typed [redacted]', count: 3 },
        },
      });
      expect(await routeCall(handlers(), 'shell:exec', undefined, true)).toMatchObject({
        error: { code: 'ipc.unknown-channel', params: { channel: 'shell:exec' } },
      });
    } finally {
      clearRegisteredSecrets();
    }
  });
});

describe('isTrustedSender', () => {
  const ours = new Set([7]);
  it('trusts our window showing our page', () => {
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'file:///opt/courier/out/renderer/index.html', isMainFrame: true }, ours, ['file://'])).toBe(true);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'http://localhost:5173/', isMainFrame: true }, ours, ['http://localhost:5173'])).toBe(true);
  });
  it('refuses other windows, subframes, foreign origins and garbage URLs', () => {
    expect(isTrustedSender({ webContentsId: 8, frameUrl: 'file:///x/index.html', isMainFrame: true }, ours, ['file://'])).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'file:///x/index.html', isMainFrame: false }, ours, ['file://'])).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'https://evil.example/', isMainFrame: true }, ours, ['file://'])).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'http://localhost:5174/', isMainFrame: true }, ours, ['http://localhost:5173'])).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'not a url', isMainFrame: true }, ours, ['file://'])).toBe(false);
  });
});
