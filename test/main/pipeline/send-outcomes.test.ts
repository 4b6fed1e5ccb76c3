import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendHandlers } from '../../../src-main/pipeline/send-handlers';
import { createPreparationHandlers } from '../../../src-main/preparation/preparation-handlers';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { resolveDestination, saveDestination } from '../../../src-main/settings/destination-store';
import { createMappingMemory } from '../../../src-main/mapping/mapping-memory';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { openTransferQueue } from '../../../src-main/transfers/transfer-queue';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { addSftpDestination, courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';
import { tempHome } from '../../harness/temp-home';

// Issue 15, items 5 and 8 through the app's handlers and `courier`, against the real sshd:
// confirming a new server is a question, not a failed run; sending the same file again is
// "nothing new to send", not a failure, and History lists only what was delivered; the name the
// Send screen shows (made when the review ran) is the name the file arrives under.

const export1 = [
  'E-mail;Taal;Voornaam;Achternaam;Winkel',
  'wendy@example.be;nl;Wendy;De Vos;Brussel',
  'jean@example.fr;FR;Jean;Dupont;Liège',
].join('\r\n');

describe('outcomes of a send, in the person’s words', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-send-outcomes-', { shared: true });
  let source: string;
  let send: ReturnType<typeof createSendHandlers>;
  let review: ReturnType<typeof createPreparationHandlers>;
  const shownAt = new Date('2026-01-02T03:04:05Z');

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    source = join(home.path, 'export.csv');
    await writeFile(source, export1, 'latin1');
    const user = sshd.users[0]!;
    // A destination whose server has not been confirmed yet (no host key pinned).
    await saveDestination(home.path, {
      ...destinationFromPreset('hello-customer', 'Hello Customer'),
      folder: 'upload',
      transport: { protocol: 'sftp', host: '127.0.0.1', port: sshd.port, user: user.name },
    });
    const context = { home: home.path, appVersion: '1', locale: 'en', emit: (() => undefined) as never };
    send = createSendHandlers(context, fixedSecrets({ password: user.password }));
    // The review ran when the person looked at the Send screen (a fixed moment, long before the send).
    review = createPreparationHandlers({ home: home.path, mappings: createMappingMemory({ home: home.path, resolve: name => resolveDestination(home.path, name) }), now: () => shownAt, inWorker: false });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('a new server’s host key waiting for confirmation is a question, not a failed run', async () => {
    const outcome = await send['send:start']({ path: source, destination: 'Hello Customer' });
    expect(outcome).toMatchObject({
      outcome: 'needs-trust',
      fingerprint: sshd.hostKeyFingerprint,
      error: { code: 'trust.unknown-host-key' },
    });
    // Nothing in History, nothing left queued to be sent behind the person's back later.
    expect(await createHistoryStore(home.path).listRuns()).toEqual([]);
    expect(await openTransferQueue(home.path).list()).toEqual([]);
  });

  it('the name shown on the Send screen is the name the file arrives under', async () => {
    const user = sshd.users[0]!;
    // The person confirms the fingerprint (the app pins it), the review shows the name.
    const destination = {
      ...destinationFromPreset('hello-customer', 'Hello Customer'),
      folder: 'upload',
      transport: {
        protocol: 'sftp' as const,
        host: '127.0.0.1',
        port: sshd.port,
        user: user.name,
        hostKey: sshd.hostKeyFingerprint,
      },
    };
    await saveDestination(home.path, destination, { previousName: 'Hello Customer' });
    const reviewed = await review['review:check']({
      path: source,
      destination: 'Hello Customer',
      fixes: [],
      excludeInvalid: false,
      maxIssues: 10,
    });
    const shown = reviewed.files[0]!.name;
    expect(reviewed.namedAt).toBe(shownAt.toISOString());
    const outcome = await send['send:start']({
      path: source,
      destination: 'Hello Customer',
      namedAt: reviewed.namedAt,
    });
    expect(outcome).toMatchObject({ outcome: 'sent', error: null });
    expect(outcome.files.map(f => f.name)).toEqual([shown]);
    expect(await readdir(user.uploadDir)).toContain(shown);
    // One run in History: the delivery (the confirmation before it was not a run).
    const runs = await createHistoryStore(home.path).listRuns();
    expect(runs.map(r => r.outcome)).toEqual(['sent']);
    expect(runs[0]!.outputFiles.map(f => f.name)).toEqual([shown]);
  });

  it('sending the same file again is "nothing new to send", calm, with no file listed', async () => {
    const before = await readdir(sshd.users[0]!.uploadDir);
    const outcome = await send['send:start']({ path: source, destination: 'Hello Customer' });
    expect(outcome).toMatchObject({ outcome: 'nothing-new', error: null, files: [] });
    const [latest] = await createHistoryStore(home.path).listRuns();
    expect(latest).toMatchObject({
      outcome: 'nothing-new',
      outputFiles: [],
      error: null,
      transfer: { status: 'already-sent' },
    });
    expect(await readdir(sshd.users[0]!.uploadDir)).toEqual(before);
  });

  it('the CLI says "nothing new to send" with exit 0, and its History does not say "0 of 2 rows sent"', async () => {
    const user = sshd.users[0]!;
    expect((await addSftpDestination(home.path, 'Drop', sshd, user)).stderr).toBe('');
    expect((await courier(['send', source, '--destination', 'Drop'], { home: home.path })).code).toBe(0);
    const again = await courier(['send', source, '--destination', 'Drop'], { home: home.path });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(
      /^Nothing new to send: This file was already sent to Drop on \d{4}-\d\d-\d\d as "[^"]+\.csv"/
    );
    const json = await courier(['send', source, '--destination', 'Drop', '--json'], { home: home.path });
    expect(JSON.parse(json.stdout)).toMatchObject({
      outcome: 'nothing-new',
      files: [],
      error: null,
    });
    const history = await courier(['history'], { home: home.path });
    expect(history.stdout).toContain('Drop: nothing new to send; this file was sent before');
    expect(history.stdout).not.toMatch(/0 of 2 rows sent/);
  });
});
