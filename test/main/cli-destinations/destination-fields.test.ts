import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeCall, type Handlers } from '../../../src-main/ipc/ipc-router';
import { createDestinationHandlers } from '../../../src-main/destinations/destination-handlers';
import { createDestinationService } from '../../../src-main/destinations/destination-service';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { courier } from './run-captured';
import { tempHome } from '../../harness/temp-home';

// Issue 13, item 10: a host, user or folder holding a control character was saved, then failed
// only after six retries and stayed queued. It is refused when the destination is saved.

const home = tempHome('courier-dest-fields-');

const add = (host: string, user: string, folder: string) =>
  courier(
    [
      'destinations',
      'add',
      'Drop',
      '--protocol',
      'sftp',
      '--host',
      host,
      '--user',
      user,
      '--folder',
      folder,
      '--host-key',
      `SHA256:${'A'.repeat(43)}`,
    ],
    { home: home.path }
  );

describe('courier destinations add', () => {
  it('refuses a control character in the host, user or folder, naming the field, and saves nothing', async () => {
    const cases = [
      {
        args: ['sftp.example.com\r\nQUIT', 'u', '/in'],
        words: 'The server name (host) cannot contain spaces or invisible characters',
        code: 'destination.host-invalid',
      },
      {
        args: ['sftp.example.com', 'u\r\nPASS x', '/in'],
        words: 'The user name cannot contain invisible characters',
        code: 'destination.user-invalid',
      },
      {
        args: ['sftp.example.com', 'u', '/in\u0000/x'],
        words: 'The remote folder cannot contain invisible characters',
        code: 'destination.folder-invalid',
      },
      {
        args: ['sftp.example.com', 'u', '/in\tbox'],
        words: 'The remote folder cannot contain invisible characters',
        code: 'destination.folder-invalid',
      },
      {
        args: ['sftp example.com', 'u', '/in'],
        words: 'The server name (host) cannot contain spaces',
        code: 'destination.host-invalid',
      },
    ];
    for (const c of cases) {
      const r = await add(c.args[0]!, c.args[1]!, c.args[2]!);
      expect(r.code, c.code).toBe(2);
      expect(r.stderr.startsWith(`courier: ${c.words}`), r.stderr).toBe(true);
      expect(r.stderr).toMatch(/Type it again\.\n$/);
      const json = await courier(
        [
          'destinations',
          'add',
          'Drop',
          '--protocol',
          'sftp',
          '--host',
          c.args[0]!,
          '--user',
          c.args[1]!,
          '--folder',
          c.args[2]!,
          '--json',
        ],
        { home: home.path }
      );
      expect(JSON.parse(json.stdout).error.code, c.code).toBe(c.code);
    }
    expect(await readdir(join(home.path, 'destinations')).catch(() => [])).toEqual([]);
    // Spaces around a host name are only trimmed; a plain destination is still saved.
    const ok = await add('  sftp.example.com ', 'user name', '/in box/ü');
    expect(ok.code, ok.stderr).toBe(0);
    const list = JSON.parse(
      (await courier(['destinations', 'list', '--json'], { home: home.path })).stdout
    );
    expect(JSON.stringify(list)).toContain('"host":"sftp.example.com"');
  });
});

describe('destinations:save over IPC', () => {
  it('refuses the same fields with their own code and plain message, before anything is written', async () => {
    const handlers = createDestinationHandlers(
      createDestinationService({ home: home.path, secrets: new SecretStore() })
    ) as unknown as Handlers;
    const base = destinationFromPreset('customergauge');
    const save = (change: { host?: string; user?: string; folder?: string }) =>
      routeCall(
        handlers,
        'destinations:save',
        {
          destination: {
            ...base,
            name: 'CG',
            folder: change.folder ?? '/in',
            transport: {
              protocol: 'sftp',
              host: change.host ?? 'sftp.example.com',
              user: change.user ?? 'u',
            },
          },
        },
        true
      );
    expect(await save({ host: 'sftp.example.com\nx' })).toEqual({
      ok: false,
      error: {
        code: 'destination.host-invalid',
        message:
          'The server name (host) cannot contain spaces or invisible characters such as a line break or a tab. Type it again.',
      },
    });
    expect(await save({ user: 'u\u007f' })).toMatchObject({
      ok: false,
      error: { code: 'destination.user-invalid' },
    });
    expect(await save({ folder: '/in\u2028' })).toMatchObject({
      ok: false,
      error: { code: 'destination.folder-invalid' },
    });
    expect(await readdir(join(home.path, 'destinations')).catch(() => [])).toEqual([]);
    expect(await save({})).toMatchObject({ ok: true, value: { destination: { name: 'CG' } } });
  });
});
