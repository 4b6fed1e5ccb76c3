import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCall, type Handlers } from '../../../src-main/ipc/ipc-router';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { OpenedFiles } from '../../../src-main/files/opened-files';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { createServices } from '../../../src-main/services/services';
import { tempHome } from '../../harness/temp-home';

// The renderer is not trusted with the file system: through the IPC contract it may only read,
// send or watch what the person chose (main's dialog, a drop, the command line, a saved job).

describe('only files the person chose', () => {
  const home = tempHome('courier-chosen-', { shared: true });
  let sshd: SshdServer;
  let secret: string;
  const destination = `Chosen ${randomBytes(3).toString('hex')}`;
  const store = new SecretStore();

  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const user = sshd.users[0]!;
    await saveDestination(home.path, {
      ...destinationFromPreset('hello-customer', destination),
      folder: 'upload',
      transport: {
        protocol: 'sftp',
        host: '127.0.0.1',
        port: sshd.port,
        user: user.name,
        hostKey: sshd.hostKeyFingerprint,
      },
    });
    // A private file the page knows the path of (like /etc/shadow), never chosen by the person.
    secret = join(home.path, 'shadow');
    await writeFile(secret, 'Email,Language\nroot@example.be,nl\n');
  });
  afterAll(async () => {
    await store.deleteAll(destination).catch(() => 0);
    await sshd?.stop();
  });

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
    return {
      openedFiles,
      call: (channel: string, request: unknown) =>
        routeCall(handlers as Handlers, channel, request, true),
    };
  };
  const refused = { ok: false, error: { code: 'files.not-chosen', params: { file: 'shadow' } } };

  it('refuses to open, review, sample, import or send a path the page invented', async () => {
    const { call } = app();
    expect(await call('files:open', { path: secret })).toMatchObject(refused);
    expect(await call('files:open', { path: join(home.path, 'x', '..', 'shadow') })).toMatchObject(
      refused
    );
    expect(
      await call('review:check', { path: secret, destination })
    ).toMatchObject(refused);
    expect(
      await call('review:save-rejected', { path: secret, destination })
    ).toMatchObject(refused);
    expect(await call('destinations:read-sample', { path: secret })).toMatchObject(refused);
    expect(await call('keys:import', { name: 'k', path: secret })).toMatchObject(refused);
    expect(await call('send:start', { path: secret, destination })).toMatchObject(refused);
    // A related file (BlueConic's orders) is a file read and sent too: only a chosen one.
    const dropped = join(home.path, 'dropped.csv');
    await writeFile(dropped, 'Email,Language\n');
    const { call: callWith, openedFiles } = app();
    openedFiles.add(dropped, 'dialog');
    expect(
      await callWith('send:start', {
        path: dropped,
        destination,
        related: [{ name: 'orders', path: secret }],
      })
    ).toMatchObject(refused);
    expect(
      await callWith('jobs:save', {
        name: 'Steal related',
        source: { kind: 'file', path: dropped },
        destination,
        related: [{ name: 'orders', path: secret }],
      })
    ).toMatchObject({ ok: false, error: { code: 'files.not-chosen' } });
    expect(
      await call('jobs:save', {
        name: 'Steal',
        source: { kind: 'file', path: secret },
        destination,
      })
    ).toMatchObject(refused);
    expect(
      await call('jobs:save', {
        name: 'Watch',
        source: { kind: 'folder', folder: home.path, pattern: '*' },
        destination,
      })
    ).toMatchObject({ ok: false, error: { code: 'files.not-chosen' } });
  });

  it('opens and sends a file picked in main’s dialog', async () => {
    const picked = join(home.path, 'picked.csv');
    await writeFile(picked, 'Email,Language\nwendy@example.be,nl\n');
    const { call } = app({ pickFile: async () => picked });
    expect(await call('files:open', { path: picked })).toMatchObject({
      ok: false,
      error: { code: 'files.not-chosen' },
    });
    expect(await call('files:pick', undefined)).toEqual({ ok: true, value: { path: picked } });
    expect(await call('files:open', { path: picked })).toMatchObject({
      ok: true,
      value: { fileName: 'picked.csv', columns: ['Email', 'Language'] },
    });
    expect(
      await call('review:check', { path: picked, destination })
    ).toMatchObject({ ok: true, value: { rowCount: 1 } });

    expect(
      await call('secrets:set', { destination, kind: 'password', value: sshd.users[0]!.password })
    ).toEqual({ ok: true, value: {} });
    const sent = await call('send:start', { path: picked, destination });
    expect(sent).toMatchObject({ ok: true, value: { outcome: 'sent', rows: { sent: 1 } } });
    const name = (sent as { value: { files: Array<{ name: string }> } }).value.files[0]!.name;
    expect(await readFile(join(sshd.users[0]!.uploadDir, name), 'utf8')).toContain(
      'wendy@example.be'
    );
  });

  it('opens a dropped file and one given on the command line, and keeps saved jobs editable', async () => {
    const dropped = join(home.path, 'dropped.csv');
    await writeFile(dropped, 'Email\na@example.be\n');
    const { call, openedFiles } = app();
    openedFiles.add(dropped, 'drop'); // what the preload reports for a real drop
    expect(await call('files:open', { path: dropped })).toMatchObject({
      ok: true,
      value: { fileName: 'dropped.csv' },
    });
    const saved = await call('jobs:save', {
      name: 'Daily',
      source: { kind: 'file', path: dropped },
      destination,
    });
    expect(saved).toMatchObject({ ok: true });

    // In a later session (nothing chosen yet), the saved job can still be changed and its file read.
    const later = app();
    const id = (saved as { value: { id: string } }).value.id;
    expect(
      await later.call('jobs:save', {
        id,
        name: 'Daily at two',
        source: { kind: 'file', path: dropped },
        destination,
      })
    ).toMatchObject({ ok: true });
    // …but not pointed at another file.
    expect(
      await later.call('jobs:save', {
        id,
        name: 'Daily',
        source: { kind: 'file', path: secret },
        destination,
      })
    ).toMatchObject(refused);
  });
});
