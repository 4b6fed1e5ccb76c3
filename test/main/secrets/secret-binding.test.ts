import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCall, type Handlers } from '../../../src-main/ipc/ipc-router';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { OpenedFiles } from '../../../src-main/files/opened-files';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import type { Destination } from '../../../src-core/destinations/destination';
import { startRecordingFtp, type RecordingFtp } from '../../harness/recording-ftp';
import { createServices } from '../../../src-main/services/services';
import { tempHome } from '../../harness/temp-home';

// A compromised page saves a destination with another server, then asks for a connection test
// and a send: the stored password must never reach the new server (README, "Security").

describe('a saved secret belongs to its server', () => {
  const home = tempHome('courier-binding-', { shared: true });
  let stranger: RecordingFtp;
  let original: RecordingFtp;
  const store = new SecretStore();
  const names: string[] = [];

  beforeAll(async () => {
    stranger = await startRecordingFtp();
    original = await startRecordingFtp();
  });
  afterAll(async () => {
    for (const name of names) await store.deleteAll(name).catch(() => 0);
    await stranger?.stop();
    await original?.stop();
  });

  const fresh = (label: string) => {
    const name = `Binding ${label} ${randomBytes(3).toString('hex')}`;
    names.push(name);
    return name;
  };
  const destination = (name: string, port: number): Destination =>
    ({
      ...destinationFromPreset('generic', name),
      transport: {
        ...destinationFromPreset('generic', name).transport,
        protocol: 'ftp',
        allowPlainFtp: true,
        host: '127.0.0.1',
        port,
        user: 'alice',
      },
    }) as Destination;
  const app = (extra: Partial<Parameters<typeof createMainHandlers>[0]> = {}) => {
    const openedFiles = new OpenedFiles();
    const handlers = createMainHandlers({
      services: createServices(home.path),
      emit: () => {},
      appVersion: '1',
      locale: 'en',
      openedFiles,
      ...extra,
    });
    const call = (channel: string, request: unknown) =>
      routeCall(handlers as Handlers, channel, request, true);
    return { call, openedFiles };
  };
  const passwordsSeenBy = (server: RecordingFtp, password: string) =>
    server.lines.filter(line => line.includes(password));

  it('a connection test and a send to a changed port never transmit the old password', async () => {
    const { call, openedFiles } = app();
    const name = fresh('port');
    const password = `Old-pw-${randomBytes(6).toString('hex')}`;
    expect(
      await call('destinations:save', { destination: destination(name, original.port) })
    ).toMatchObject({ ok: true });
    expect(
      await call('secrets:set', { destination: name, kind: 'password', value: password })
    ).toEqual({ ok: true, value: {} });

    // The password works where it was entered: the original server receives it.
    await call('destinations:test', { name });
    expect(passwordsSeenBy(original, password)).toEqual([`PASS ${password}`]);

    // The page moves the destination to another server and asks for a test and a send.
    expect(
      await call('destinations:save', {
        destination: destination(name, stranger.port),
        previousName: name,
      })
    ).toMatchObject({ ok: true });
    const tested = (await call('destinations:test', { name })) as {
      ok: true;
      value: { ok: boolean; steps: Array<{ id: string; status: string; code?: string }> };
    };
    expect(tested.value.ok).toBe(false);
    expect(tested.value.steps.find(s => s.id === 'login')).toMatchObject({
      status: 'failed',
      code: 'secrets.other-server',
    });

    const source = join(home.path, 'export.csv');
    await writeFile(source, 'Email\nwendy@example.be\n');
    openedFiles.add(source, 'drop');
    const sent = await call('send:start', { path: source, destination: name });
    expect(sent).toMatchObject({
      ok: true,
      value: { outcome: 'failed', error: { code: 'secrets.other-server' } },
    });

    expect(passwordsSeenBy(stranger, password)).toEqual([]);
    expect(stranger.lines.some(line => line.startsWith('PASS'))).toBe(false);
  });

  it('a password saved before binding existed stays with the server it was entered for', async () => {
    const { call } = app();
    const name = fresh('legacy');
    const password = `Legacy-pw-${randomBytes(6).toString('hex')}`;
    await call('destinations:save', { destination: destination(name, original.port) });
    await store.set(name, 'password', password, null); // as an earlier Courier saved it
    const renamed = `${name} moved`;
    names.push(renamed);
    expect(
      await call('destinations:save', {
        destination: destination(renamed, stranger.port),
        previousName: name,
      })
    ).toMatchObject({ ok: true });
    await call('destinations:test', { name: renamed });
    expect(passwordsSeenBy(stranger, password)).toEqual([]);
  });

  it('a password left without its destination goes to no server a new destination names', async () => {
    const { call } = app();
    const name = fresh('orphan');
    const password = `Orphan-pw-${randomBytes(6).toString('hex')}`;
    await store.set(name, 'password', password, null); // an earlier Courier, destination file gone
    expect(
      await call('destinations:save', { destination: destination(name, stranger.port) })
    ).toMatchObject({ ok: true });
    const tested = (await call('destinations:test', { name })) as {
      value: { steps: Array<{ id: string; code?: string }> };
    };
    expect(tested.value.steps.find(s => s.id === 'login')).toMatchObject({
      code: 'secrets.other-server',
    });
    expect(passwordsSeenBy(stranger, password)).toEqual([]);
  });

  it('keeps the saved password for a new server only when the person confirms it in main’s dialog', async () => {
    const name = fresh('keep');
    const password = `Kept-pw-${randomBytes(6).toString('hex')}`;
    const refusing = app({ confirmKeepSecret: async () => false });
    await refusing.call('destinations:save', { destination: destination(name, original.port) });
    await refusing.call('secrets:set', { destination: name, kind: 'password', value: password });

    // The page's own "keep" is not enough: without main's dialog, or when the person says no, nothing changes.
    const noDialog = app();
    expect(
      await noDialog.call('destinations:save', {
        destination: destination(name, stranger.port),
        previousName: name,
        keepSecret: true,
      })
    ).toMatchObject({ ok: false, error: { code: 'secrets.keep-not-confirmed' } });
    expect(
      await refusing.call('destinations:save', {
        destination: destination(name, stranger.port),
        previousName: name,
        keepSecret: true,
      })
    ).toMatchObject({ ok: false, error: { code: 'secrets.keep-not-confirmed' } });
    await noDialog.call('destinations:test', { name });
    expect(passwordsSeenBy(stranger, password)).toEqual([]);
    expect(passwordsSeenBy(original, password)).toEqual([`PASS ${password}`]);

    const asked: Array<{ name: string; from: string; to: string }> = [];
    const confirming = app({ confirmKeepSecret: async change => (asked.push(change), true) });
    expect(
      await confirming.call('destinations:save', {
        destination: destination(name, stranger.port),
        previousName: name,
        keepSecret: true,
      })
    ).toMatchObject({ ok: true });
    expect(asked).toEqual([
      {
        name,
        from: `ftp://alice@127.0.0.1:${original.port}`,
        to: `ftp://alice@127.0.0.1:${stranger.port}`,
      },
    ]);
    await confirming.call('destinations:test', { name });
    expect(passwordsSeenBy(stranger, password)).toEqual([`PASS ${password}`]);
  });

  it('a new password entered after the change is bound to the new server', async () => {
    const { call } = app();
    const name = fresh('new');
    await call('destinations:save', { destination: destination(name, original.port) });
    await call('secrets:set', { destination: name, kind: 'password', value: 'First-pw-1' });
    expect(
      await call('destinations:save', {
        destination: destination(name, stranger.port),
        previousName: name,
      })
    ).toMatchObject({ ok: true });
    await call('secrets:set', { destination: name, kind: 'password', value: 'Second-pw-2' });
    await call('destinations:test', { name });
    expect(passwordsSeenBy(stranger, 'First-pw-1')).toEqual([]);
    expect(passwordsSeenBy(stranger, 'Second-pw-2')).toEqual(['PASS Second-pw-2']);
  });
});
