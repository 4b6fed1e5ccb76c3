import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, planAgainstLedger } from '../../../src-main/transfers/ledger';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { addSftpDestination, courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';
import { tempHome } from '../../harness/temp-home';

// The ledger stops the same file from reaching a destination twice. One that cannot be read (a
// folder in its place, a `null` line) must stop sends, never read as "nothing was sent before".
// And the upload queue's damaged parts are kept and said, without breaking sends.
// Through `courier send`, against a real sshd, with the password in the real keychain.

const exportText = (n: number) => ['E-mail;Taal', `person${n}@example.be;nl`, ''].join('\r\n');

describe('courier send with a ledger or queue that cannot be read (real sshd)', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-ledger-home-', { shared: true });
  const work = tempHome('courier-ledger-work-', { shared: true });
  const name = `hc-ledger-${randomBytes(4).toString('hex')}`;
  const csvOnServer = async () =>
    (await readdir(sshd.users[0]!.uploadDir)).filter(f => f.endsWith('.csv'));
  const send = async (file: string) => {
    const result = await courier(['send', file, '--destination', name, '--json'], {
      home: home.path,
    });
    return { ...result, report: JSON.parse(result.stdout) };
  };

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const user = sshd.users[0]!;
    const add = await addSftpDestination(home.path, name, sshd, user);
    expect(add.code, add.stderr).toBe(0);
  });
  afterAll(async () => {
    await courier(['destinations', 'remove', name], { home: home.path }).catch(() => undefined);
    await sshd?.stop();
  });

  it('refuses to send again when a folder stands in the ledger’s place, or it holds a null line', async () => {
    const file = join(work.path, 'export.csv');
    await writeFile(file, exportText(1));
    const first = await send(file);
    expect(first.code, first.stdout).toBe(0);
    expect(await csvOnServer()).toHaveLength(1);
    // The platform picks the file up (its import moves it away): a second copy would be imported again.
    const uploadDir = sshd.users[0]!.uploadDir;
    for (const delivered of await csvOnServer()) await rm(join(uploadDir, delivered));

    const ledger = join(home.path, 'ledger.jsonl');
    const good = await readFile(ledger, 'utf8');

    // A folder in its place: the same file again is refused, in words, and nothing is uploaded.
    await rename(ledger, join(work.path, 'ledger.saved'));
    await mkdir(ledger);
    const folder = await send(file);
    expect(folder.code).not.toBe(0);
    expect(folder.report).toMatchObject({
      outcome: 'failed',
      error: { code: 'transfer.ledger-unreadable' },
    });
    expect(folder.report.error.message).toContain('Nothing was sent');
    expect(await csvOnServer()).toEqual([]);
    await rm(ledger, { recursive: true });

    // A `null` line: the same.
    await writeFile(ledger, `${good}null\n`);
    const nullLine = await send(file);
    expect(nullLine.code).not.toBe(0);
    expect(nullLine.report).toMatchObject({
      error: { code: 'transfer.ledger-unreadable', params: { line: 2 } },
    });
    expect(await csvOnServer()).toEqual([]);
    // Even a file never sent: the unreadable line may be a delivery to this destination.
    const other = join(work.path, 'other.csv');
    await writeFile(other, exportText(2));
    expect((await send(other)).report.error.code).toBe('transfer.ledger-unreadable');
    expect(await csvOnServer()).toEqual([]);
    // The ledger is left as it was, for a person to repair.
    expect(await readFile(ledger, 'utf8')).toBe(`${good}null\n`);

    // The refusals are in the history, with their reason.
    const runs = JSON.parse((await courier(['history', '--json'], { home: home.path })).stdout);
    const codes = (runs.runs ?? runs).map((r: { error?: { code: string } }) => r.error?.code);
    expect(codes.filter((c: string) => c === 'transfer.ledger-unreadable')).toHaveLength(3);

    // Repaired: the duplicate check works again.
    await writeFile(ledger, good);
    expect((await send(file)).report).toMatchObject({
      outcome: 'nothing-new',
      nothingNew: { code: 'transfer.already-sent' },
    });
    expect(await csvOnServer()).toEqual([]);
  });

  it('sends past queue items it cannot read, keeps them, and says so', async () => {
    await writeFile(join(home.path, 'queue.json'), JSON.stringify({ version: 1, items: [null] }));
    const file = join(work.path, 'third.csv');
    await writeFile(file, exportText(3));
    const sent = await send(file);
    expect(sent.code, sent.stdout).toBe(0);
    expect(sent.report.outcome).toBe('sent');
    expect(sent.stderr).toContain('upload queue');
    expect(JSON.parse(await readFile(join(home.path, 'queue.json'), 'utf8')).items).toEqual([null]);
  });

  it('keeps a damaged queue aside and says so, and the send goes through', async () => {
    const damaged = '{"version":1,"items":[{"id":"x"';
    await writeFile(join(home.path, 'queue.json'), damaged);
    const file = join(work.path, 'fourth.csv');
    await writeFile(file, exportText(4));
    const sent = await send(file);
    expect(sent.code, sent.stdout).toBe(0);
    const aside = (await readdir(home.path)).filter(f => f.startsWith('queue.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(home.path, aside[0]!), 'utf8')).toBe(damaged);
    expect(sent.stderr).toContain(aside[0]!);
  });
});

describe('ledger lines that cannot be read', () => {
  const home = tempHome('courier-ledger-lines-');
  it('stop only the destination they name, and a line torn by a crash stops nothing', async () => {
    const ledger = openLedger(home.path);
    await ledger.record({
      at: '2026-11-20T10:00:00.000Z',
      destination: 'CG',
      remoteFolder: '/',
      remoteName: 'a.csv',
      size: 1,
      sha256: 'aaa',
    });
    // A torn record (a crash mid-append), then a damaged line that names its destination.
    await appendFile(join(home.path, 'ledger.jsonl'), '{"at":"2026-11-21T1');
    await ledger.record({
      at: '2026-11-22T10:00:00.000Z',
      destination: 'CG',
      remoteFolder: '/',
      remoteName: 'b.csv',
      size: 1,
      sha256: 'bbb',
    });
    await appendFile(join(home.path, 'ledger.jsonl'), '{"destination":"Other","sha256":7}\n');
    expect(
      await planAgainstLedger(ledger, 'CG', [{ remoteName: 'a.csv', sha256: 'ccc' }], false)
    ).toEqual(['a-2.csv']);
    await expect(
      planAgainstLedger(ledger, 'Other', [{ remoteName: 'a.csv', sha256: 'ccc' }], true)
    ).rejects.toMatchObject({ code: 'transfer.ledger-unreadable' });
    // The record after the torn line started on a line of its own.
    expect((await ledger.entries()).map(e => e.remoteName)).toEqual(['a.csv', 'b.csv']);
  });
});
