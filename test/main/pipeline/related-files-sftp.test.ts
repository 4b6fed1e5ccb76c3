import { createHash } from 'node:crypto';
import { chown, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { runPipeline } from '../../../src-main/pipeline/run-pipeline';
import { prepareInThisThread } from '../../../src-main/preparation/send-preparation';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { openLedger } from '../../../src-main/transfers/ledger';
import { openTransferQueue } from '../../../src-main/transfers/transfer-queue';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startFaultProxy, type FaultProxy } from '../../harness/servers/fault-proxy';
import { freePort } from '../../harness/servers/ports';
import { tempHome } from '../../harness/temp-home';

/**
 * Related files through a cut connection, against the real sshd: profiles (about 1 MB), then
 * orders (about 4 MB) with the connection cut inside them, then products. The upload continues
 * where it was, every file arrives whole under its final name in the stated order, once.
 */
describe('related files through a cut connection (real sshd)', () => {
  let sshd: SshdServer;
  let proxy: FaultProxy;
  const home = tempHome('courier-related-', { shared: true });
  const sources: Record<string, string> = {};
  const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const user = sshd.users[0]!;
    const port = await freePort();
    // One cut, 2.5 MB into the connection: past the profiles, inside the orders.
    proxy = await startFaultProxy({
      routes: [{ listenPort: port, targetHost: sshd.host, targetPort: sshd.port }],
      cutAfter: () => 2.5 * 1024 * 1024,
      maxCuts: 1,
    });
    await mkdir(join(user.uploadDir, 'shop'));
    await chown(join(user.uploadDir, 'shop'), user.uid, user.gid);
    const lines = (header: string, n: number, row: (i: number) => string) =>
      [header, ...Array.from({ length: n }, (_, i) => row(i)), ''].join('\n');
    const files = {
      profiles: lines(
        'customer_id,email,first_name',
        20_000,
        i => `C-${i},p${i}@example.com,Name${i}`
      ),
      orders: lines(
        'order_id,customer_id,total',
        120_000,
        i => `O-${i},C-${i % 20_000},${i % 97}.5`
      ),
      products: lines('product_id,title', 50, i => `P-${i},Product ${i}`),
    };
    for (const [name, text] of Object.entries(files)) {
      sources[name] = join(home.path, `${name}.csv`);
      await writeFile(sources[name]!, text);
    }
    const blueconic = destinationFromPreset('blueconic', 'Shop');
    await saveDestination(home.path, {
      ...blueconic,
      folder: 'upload/shop',
      fileName: 'profiles.csv',
      columns: blueconic.columns.filter(c =>
        ['customer_id', 'email', 'first_name'].includes(c.name)
      ),
      transport: {
        protocol: 'sftp',
        host: '127.0.0.1',
        port,
        user: user.name,
        hostKey: sshd.hostKeyFingerprint,
      },
      related: [
        {
          name: 'orders',
          fileName: 'orders.csv',
          columns: [
            { name: 'order_id', required: true, rule: 'reference' },
            { name: 'customer_id', required: true, rule: 'reference' },
            { name: 'total', required: false, rule: 'number' },
          ],
        },
        {
          name: 'products',
          fileName: 'products.csv',
          columns: [
            { name: 'product_id', required: true, rule: 'reference' },
            { name: 'title', required: false, rule: 'text' },
          ],
        },
      ],
    });
  });
  afterAll(async () => {
    await proxy?.stop();
    await sshd?.stop();
  });

  it('continues after the cut and delivers every file whole, in order, once', async () => {
    const result = await runPipeline(
      {
        path: sources.profiles!,
        destination: 'Shop',
        trigger: 'cli',
        related: [
          { name: 'products', path: sources.products! },
          { name: 'orders', path: sources.orders! },
        ],
      },
      {
        home: home.path,
        secrets: fixedSecrets({ password: sshd.users[0]!.password }),
        prepare: prepareInThisThread,
      }
    );
    expect(result.run.error).toBeNull();
    expect(result.run.outcome).toBe('sent');
    expect(proxy.cuts()).toBe(1);
    // The destination's order, whatever order the files were given in.
    const sets = result.run.fileSets!;
    expect(sets.map(s => [s.set, s.rows, s.files.map(f => f.status)])).toEqual([
      ['main', 20_000, ['delivered']],
      ['orders', 120_000, ['delivered']],
      ['products', 50, ['delivered']],
    ]);
    const folder = join(sshd.users[0]!.uploadDir, 'shop');
    // Only the three final names: no temporary file left behind.
    expect((await readdir(folder)).sort()).toEqual(['orders.csv', 'products.csv', 'profiles.csv']);
    for (const set of sets) {
      const file = set.files[0]!;
      expect(sha(await readFile(join(folder, file.name)))).toBe(file.sha256);
    }
    expect((await readFile(join(folder, 'orders.csv'), 'utf8')).split('\n').length).toBe(120_002);
    expect((await openLedger(home.path).entriesFor('Shop')).map(e => e.remoteName)).toEqual([
      'profiles.csv',
      'orders.csv',
      'products.csv',
    ]);
    expect(await openTransferQueue(home.path).list()).toEqual([]);
  });
});
