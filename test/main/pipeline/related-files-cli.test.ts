import { chown, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDestination } from '../../../src-main/settings/destination-store';
import { openLedger } from '../../../src-main/transfers/ledger';
import { openTransferQueue } from '../../../src-main/transfers/transfer-queue';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';
import { requireKeychain } from '../secrets/keychain-harness';

/**
 * BlueConic's related files (issue 16): `courier destinations set NAME related.orders.columns=…`,
 * then `courier send profiles.csv --destination NAME --related orders=… --related products=…`
 * against the real sshd: every file is checked before any is sent (a problem in one holds them
 * all), they arrive in the stated order, History lists each one; a run that fails part-way says
 * which arrived and sending again sends only the rest.
 */
describe('courier send --related', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-related-cli-', { shared: true });
  const files: Record<string, string> = {};
  const remote = (...parts: string[]) => join(sshd.users[0]!.uploadDir, ...parts);

  const addDestination = async (name: string, folder: string) => {
    const user = sshd.users[0]!;
    const add = await courier(
      [
        'destinations',
        'add',
        name,
        '--preset',
        'blueconic',
        '--protocol',
        'sftp',
        '--host',
        '127.0.0.1',
        '--port',
        String(sshd.port),
        '--user',
        user.name,
        '--folder',
        folder,
        '--host-key',
        sshd.hostKeyFingerprint,
        '--auth',
        'password',
        '--password-stdin',
      ],
      { home: home.path, stdin: `${user.password}\n` }
    );
    expect(add.code, add.stderr).toBe(0);
    const set = await courier(
      [
        'destinations',
        'set',
        name,
        'file-name=profiles.csv',
        'related.orders.columns=order_id:reference*,customer_id:reference*,total:number',
        'related.orders.file-name=orders.csv',
        'related.products.columns=product_id*,title',
        'related.products.file-name=products.csv',
      ],
      { home: home.path }
    );
    expect(set.code, set.stderr).toBe(0);
  };
  const send = (destination: string, extra: readonly string[] = []) =>
    courier(
      [
        'send',
        files.profiles!,
        '--destination',
        destination,
        '--related',
        `orders=${files.orders!}`,
        '--related',
        `products=${files.products!}`,
        '--json',
        ...extra,
      ],
      { home: home.path }
    );

  beforeAll(async () => {
    requireKeychain();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const user = sshd.users[0]!;
    for (const folder of ['shop', 'cut', 'nightly']) {
      await mkdir(remote(folder));
      await chown(remote(folder), user.uid, user.gid);
    }
    const write = async (name: string, lines: readonly string[]) => {
      files[name] = join(home.path, `${name}.csv`);
      await writeFile(files[name]!, [...lines, ''].join('\n'));
    };
    await write('profiles', [
      'customer_id,email,first_name,last_name,language',
      'C-1,one@example.com,Ann,Peeters,nl',
      'C-2,two@example.com,Bert,Dubois,fr',
    ]);
    await write('orders', ['order_id,customer_id,total', 'O-1,C-1,12.50', 'O-2,C-2,3']);
    await write('products', ['product_id,title', 'P-1,Tea', 'P-2,Coffee']);
    await addDestination('Shop', 'upload/shop');
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('keeps the related file sets in the destination and shows them', async () => {
    const d = await getDestination(home.path, 'Shop');
    expect(d?.related?.map(s => [s.name, s.fileName])).toEqual([
      ['orders', 'orders.csv'],
      ['products', 'products.csv'],
    ]);
    expect(d?.related?.[0]?.columns).toEqual([
      { name: 'order_id', required: true, rule: 'reference' },
      { name: 'customer_id', required: true, rule: 'reference' },
      { name: 'total', required: false, rule: 'number' },
    ]);
    const shown = await courier(['destinations', 'show', 'Shop'], { home: home.path });
    expect(shown.stdout).toContain(
      'related:     orders: order_id*, customer_id*, total → orders.csv'
    );
  });

  it('needs every related file, and refuses one the destination does not know', async () => {
    const without = await courier(['send', files.profiles!, '--destination', 'Shop'], {
      home: home.path,
    });
    expect(without.code).toBe(1);
    expect(without.stderr).toContain(
      'Shop sends its “orders” file with the main file: give it (--related orders=FILE). Nothing was sent.'
    );
    const unknown = await send('Shop', ['--related', `refunds=${files.orders!}`]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.code).toBe('related.not-set-up');
    // A related file that is not there fails the run before anything is read or sent.
    const gone = await courier(
      [
        'send',
        files.profiles!,
        '--destination',
        'Shop',
        '--related',
        `orders=${join(home.path, 'no-orders.csv')}`,
        '--related',
        `products=${files.products!}`,
        '--json',
      ],
      { home: home.path }
    );
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.stdout).error.code).toBe('read.not-found');
    expect(await readdir(remote('shop'))).toEqual([]);
  });

  it('holds every file when a related one has a blocking problem: nothing is uploaded', async () => {
    const bad = join(home.path, 'orders-bad.csv');
    await writeFile(bad, 'order_id,customer_id,total\nO-1,,12.50\n');
    const held = await courier(
      [
        'send',
        files.profiles!,
        '--destination',
        'Shop',
        '--related',
        `orders=${bad}`,
        '--related',
        `products=${files.products!}`,
        '--json',
      ],
      { home: home.path }
    );
    expect(held.code).toBe(1);
    const report = JSON.parse(held.stdout);
    expect(report.outcome).toBe('held');
    expect(report.error.code).toBe('related.held');
    expect(report.error.params).toEqual({ set: 'orders', file: 'orders-bad.csv' });
    // The orders file's own check says which row and column.
    const orders = report.relatedChecks.find((c: { set: string }) => c.set === 'orders');
    expect(orders.file).toBe('orders-bad.csv');
    expect(orders.check.issues.map((i: { message: string }) => i.message)).toEqual([
      'Line 2: customer_id is empty, and Shop needs it in every row.',
    ]);
    expect(await readdir(remote('shop'))).toEqual([]);
    // Nothing prepared is left behind for a held run.
    expect(await readdir(join(home.path, 'outbox')).catch(() => [])).toEqual([]);
  });

  it('sends every file in the stated order and lists each in History', async () => {
    const sent = await send('Shop');
    expect(sent.code, sent.stderr + sent.stdout).toBe(0);
    const report = JSON.parse(sent.stdout);
    expect(report.outcome).toBe('sent');
    expect(
      report.fileSets.map((s: { set: string; source: string; rows: number }) => [
        s.set,
        s.source,
        s.rows,
      ])
    ).toEqual([
      ['main', 'profiles.csv', 2],
      ['orders', 'orders.csv', 2],
      ['products', 'products.csv', 2],
    ]);
    expect(report.files.map((f: { name: string }) => f.name)).toEqual([
      'profiles.csv',
      'orders.csv',
      'products.csv',
    ]);
    expect((await readdir(remote('shop'))).sort()).toEqual([
      'orders.csv',
      'products.csv',
      'profiles.csv',
    ]);
    // Each file with its own columns.
    expect(await readFile(remote('shop', 'orders.csv'), 'utf8')).toBe(
      'order_id,customer_id,total\nO-1,C-1,12.50\nO-2,C-2,3\n'
    );
    expect(await readFile(remote('shop', 'products.csv'), 'utf8')).toBe(
      'product_id,title\nP-1,Tea\nP-2,Coffee\n'
    );
    // Delivered in the stated order: the ledger records each file as it arrives.
    const ledger = (await openLedger(home.path).entriesFor('Shop')).map(e => e.remoteName);
    expect(ledger).toEqual(['profiles.csv', 'orders.csv', 'products.csv']);
    const history = await courier(['history', '--json'], { home: home.path });
    const run = JSON.parse(history.stdout).runs[0];
    expect(
      run.fileSets.flatMap((s: { files: { status: string }[] }) => s.files.map(f => f.status))
    ).toEqual(['delivered', 'delivered', 'delivered']);
    const words = await courier(['history'], { home: home.path });
    expect(words.stdout).toContain('  Related “orders” (orders.csv): orders.csv, sent.');
  });

  it('says which files arrived when a later one fails, and a new send sends only the rest', async () => {
    await addDestination('Cut', 'upload/cut');
    // The server refuses the orders file's final name (a folder of someone else is there): the
    // profiles arrive, the orders cannot be put in place, the products are never started.
    await mkdir(remote('cut', 'orders.csv', 'not-yours'), { recursive: true });
    const failed = await send('Cut');
    expect(failed.code, failed.stderr).toBe(3);
    const report = JSON.parse(failed.stdout);
    expect(report.outcome).toBe('failed');
    expect(
      report.fileSets.map((s: { set: string; files: { status: string }[] }) => [
        s.set,
        s.files[0]!.status,
      ])
    ).toEqual([
      ['main', 'delivered'],
      ['orders', 'not-delivered'],
      ['products', 'not-delivered'],
    ]);
    expect(report.files.map((f: { name: string }) => f.name)).toEqual(['profiles.csv']);
    // No partial file under a final name: only the profiles are there as a file.
    const there = (await readdir(remote('cut'), { withFileTypes: true }))
      .filter(e => e.isFile() && !e.name.includes('.part') && !e.name.startsWith('.'))
      .map(e => e.name);
    expect(there).toEqual(['profiles.csv']);
    // Sending again sends the orders and the products (under new names: their first names are
    // taken by the copies the failed run queued), never the profiles a second time.
    const again = await courier(
      [
        'send',
        files.profiles!,
        '--destination',
        'Cut',
        '--related',
        `orders=${files.orders!}`,
        '--related',
        `products=${files.products!}`,
      ],
      { home: home.path }
    );
    expect(again.code, again.stderr + again.stdout).toBe(0);
    expect(again.stdout).toContain(
      'Main file (profiles.csv): profiles.csv, already there (sent before, not sent again).'
    );
    expect(again.stdout).toContain('Related “orders” (orders.csv): orders_2.csv, sent.');
    expect(again.stdout).toContain('Related “products” (products.csv): products_2.csv, sent.');
    const ledger = (await openLedger(home.path).entriesFor('Cut')).map(e => e.remoteName);
    expect(ledger).toEqual(['profiles.csv', 'orders_2.csv', 'products_2.csv']);
    // Nothing is left queued to be sent a second time at the next start.
    expect(await openTransferQueue(home.path).list()).toEqual([]);
    const history = await courier(['history', '--limit', '2'], { home: home.path });
    expect(history.stdout).toContain('  Related “orders” (orders.csv): orders.csv, not sent.');
    // And once everything is there, a new send has nothing new.
    const third = await send('Cut');
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout).outcome).toBe('nothing-new');
  });

  it('a job sends its related files with the main file at every run', async () => {
    await addDestination('Nightly', 'upload/nightly');
    const add = await courier(
      [
        'jobs',
        'add',
        'Shop nightly',
        '--source',
        files.profiles!,
        '--destination',
        'Nightly',
        '--related',
        `orders=${files.orders!}`,
        '--related',
        `products=${files.products!}`,
      ],
      { home: home.path }
    );
    expect(add.code, add.stderr).toBe(0);
    const listed = await courier(['jobs', 'list', '--json'], { home: home.path });
    expect(JSON.parse(listed.stdout).jobs[0].related).toEqual([
      { name: 'orders', path: files.orders },
      { name: 'products', path: files.products },
    ]);
    const words = await courier(['jobs', 'list'], { home: home.path });
    expect(words.stdout).toContain(`  with related “orders”: ${files.orders!}\n`);
    const ran = await courier(['jobs', 'run', 'Shop nightly', '--json'], { home: home.path });
    expect(ran.code, ran.stderr + ran.stdout).toBe(0);
    const run = JSON.parse(ran.stdout).runs[0];
    expect(run.outcome).toBe('sent');
    expect(
      run.fileSets.map((s: { set: string; files: { status: string }[] }) => [
        s.set,
        s.files[0]!.status,
      ])
    ).toEqual([
      ['main', 'delivered'],
      ['orders', 'delivered'],
      ['products', 'delivered'],
    ]);
    expect((await readdir(remote('nightly'))).sort()).toEqual([
      'orders.csv',
      'products.csv',
      'profiles.csv',
    ]);
  });
});
