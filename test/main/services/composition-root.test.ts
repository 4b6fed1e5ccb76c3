import { randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { runCli } from '../../../src-main/cli/run-cli';
import { routeCall } from '../../../src-main/ipc/ipc-router';
import { SecretStore } from '../../../src-main/secrets/secret-store';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { createServices } from '../../../src-main/services/services';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { serverIdentity } from '../../../src-core/destinations/server-identity';
import { OpenedFiles } from '../../../src-main/files/opened-files';
import { tempHome } from '../../harness/temp-home';
import { requireKeychain } from '../secrets/keychain-harness';

// A keychain of its own (another service name): only code that uses the services it was given
// can see the password saved in it; a private `new SecretStore()` would look in Courier's.
const isolated = new SecretStore({
  service: `courier-root-test-${randomBytes(4).toString('hex')}`,
});
const name = `Root ${randomBytes(3).toString('hex')}`;
const home = tempHome('courier-root-', { shared: true });

beforeAll(async () => {
  requireKeychain();
  await saveDestination(home.path, destinationFromPreset('hello-customer', name));
  await isolated.set(
    name,
    'password',
    'only-in-the-isolated-keychain',
    serverIdentity(destinationFromPreset('hello-customer', name).transport)
  );
});
afterAll(async () => {
  await isolated.deleteAll(name);
});

async function listJson(overrides?: Parameters<typeof runCli>[2]): Promise<unknown> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const io = {
    stdout,
    stderr: new PassThrough(),
    stdin: Readable.from([]),
    env: { ...process.env, COURIER_HOME: undefined },
  };
  expect(await runCli(['--home', home.path, 'destinations', 'list', '--json'], io, overrides)).toBe(
    0
  );
  return JSON.parse(out);
}

describe('one composition root: the entry points pass their services down', () => {
  it('the CLI commands use the keychain the CLI entry built', async () => {
    expect(await listJson({ secrets: isolated })).toMatchObject({
      destinations: [
        expect.objectContaining({ name, secrets: expect.objectContaining({ password: true }) }),
      ],
    });
    // The default services look in Courier's own keychain, where this password is not.
    expect(await listJson()).toMatchObject({
      destinations: [
        expect.objectContaining({ name, secrets: expect.objectContaining({ password: false }) }),
      ],
    });
  });

  it('the IPC handlers use the keychain and jobs of the services they were given', async () => {
    const services = createServices(home.path, { secrets: isolated });
    // The person picked the export (main only lets the window use files chosen by the person).
    const openedFiles = new OpenedFiles();
    openedFiles.add('/x/export.csv', 'dialog');
    const handlers = createMainHandlers({
      services,
      openedFiles,
      emit: () => undefined,
      appVersion: '1',
      locale: 'en',
    });
    expect(await routeCall(handlers, 'secrets:has', { destination: name }, true)).toMatchObject({
      ok: true,
      value: { password: true },
    });
    const saved = await routeCall(
      handlers,
      'jobs:save',
      { name: 'Nightly', source: { kind: 'file', path: '/x/export.csv' }, destination: name },
      true
    );
    expect(saved).toMatchObject({ ok: true });
    expect((await services.jobs.service.overview()).jobs.map(j => j.name)).toEqual(['Nightly']);
  });

  it('builds new services per call: no cache per settings folder', () => {
    expect(createServices(home.path).jobs).not.toBe(createServices(home.path).jobs);
  });
});
