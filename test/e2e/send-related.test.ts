import { randomBytes } from 'node:crypto';
import { chown, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../../src-main/secrets/secret-store';
import { dropFile, startBrowser, type BrowserHarness } from '../harness/browser';
import { startSshd, type SshdServer } from '../harness/servers/sshd';
import { courier } from '../main/cli-destinations/run-captured';
import { tempHome } from '../harness/temp-home';

const wait = { timeout: 20_000 };

// Issue 16, BlueConic: in the app, a destination with related files asks on the Send screen for
// each one (the system's file dialog), sends them to the real sshd after the main file, and says
// what became of each.
describe('the Send screen with related files', () => {
  let harness: BrowserHarness;
  let sshd: SshdServer;
  const dir = tempHome('ui-related-', { shared: true });
  const name = `Shop ${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    [harness, sshd] = await Promise.all([
      startBrowser(),
      startSshd({ users: [{ auth: 'password' }] }),
    ]);
  });
  afterAll(async () => {
    await new SecretStore().deleteAll(name).catch(() => 0);
    await harness?.close();
    await sshd?.stop();
  });

  it('chooses each related file, then sends them all after the main file', async () => {
    const home = join(dir.path, 'home');
    const user = sshd.users[0]!;
    const remote = join(user.uploadDir, 'shop');
    await mkdir(remote);
    await chown(remote, user.uid, user.gid);
    const added = await courier(
      [
        'destinations',
        'add',
        name,
        'file-name=profiles.csv',
        'related.orders.columns=order_id:reference*,customer_id:reference*,total:number',
        'related.orders.file-name=orders.csv',
        'related.products.columns=product_id*,title',
        'related.products.file-name=products.csv',
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
        'upload/shop',
        '--host-key',
        sshd.hostKeyFingerprint,
        '--password-stdin',
      ],
      { home, stdin: `${user.password}\n` }
    );
    expect(added.code, added.stderr).toBe(0);
    const write = async (file: string, lines: readonly string[]) => {
      const path = join(dir.path, file);
      await writeFile(path, [...lines, ''].join('\n'));
      return path;
    };
    const profiles = await write('profiles.csv', [
      'customer_id,email,first_name,last_name,language',
      'C-1,one@example.com,Ann,Peeters,nl',
      'C-2,two@example.com,Bert,Dubois,fr',
    ]);
    const orders = await write('orders.csv', ['order_id,customer_id,total', 'O-1,C-1,12.50']);
    const products = await write('products.csv', ['product_id,title', 'P-1,Tea']);
    const answers = [orders, products];
    const app = await harness.openApp({
      home,
      locale: 'en-GB',
      services: { pickFile: async () => answers.shift() ?? null },
    });
    const { page } = app;
    await dropFile(page, profiles);
    await page.getByRole('button', { name: 'Continue to columns' }).click(wait);
    await page.getByRole('button', { name: 'Continue to review' }).click(wait);
    await page.getByRole('button', { name: 'Continue to send' }).click(wait);

    // No related file yet: the screen says what it needs, and Send waits for them.
    const choice = page.getByTestId('send-related');
    await choice.waitFor(wait);
    expect(await choice.textContent()).toContain('“orders”: not chosen yet.');
    const sendNow = page.getByRole('button', { name: 'Send now' });
    expect(await sendNow.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Choose the “orders” file…' }).click();
    await expect.poll(() => choice.textContent(), wait).toContain(`“orders”: ${orders}`);
    expect(await sendNow.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Choose the “products” file…' }).click();
    await expect.poll(() => choice.textContent(), wait).toContain(`“products”: ${products}`);

    await sendNow.click();
    await expect
      .poll(() => page.getByTestId('send-outcome').textContent(), { timeout: 60_000 })
      .toContain('Sent: 2 rows delivered.');
    expect(
      await page.getByTestId('send-related-sent').getByRole('listitem').allTextContents()
    ).toEqual([
      'main file (profiles.csv): profiles.csv sent.',
      'orders (orders.csv): orders.csv sent.',
      'products (products.csv): products.csv sent.',
    ]);
    expect((await readdir(remote)).sort()).toEqual(['orders.csv', 'products.csv', 'profiles.csv']);

    // Done every night: the job takes the related files chosen for this send.
    await page.getByRole('button', { name: 'Do this every night' }).click();
    await page.getByRole('heading', { name: 'Do this on a schedule' }).waitFor(wait);
    expect(await page.getByTestId('job-related').getByRole('listitem').allTextContents()).toEqual([
      `“orders”: ${orders} Choose the “orders” file…`,
      `“products”: ${products} Choose the “products” file…`,
    ]);
    await page.getByRole('button', { name: 'Save the job' }).click();
    await expect
      .poll(async () => (await app.handlers['jobs:list'](undefined)).jobs.map(j => j.related), wait)
      .toEqual([
        [
          { name: 'orders', path: orders },
          { name: 'products', path: products },
        ],
      ]);
    // History lists every file of the run and what became of it.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'History' })
      .click();
    await page.getByRole('heading', { name: 'History' }).waitFor(wait);
    const [run] = await app.services.history.listRuns();
    await page
      .locator(`tr[data-run="${run!.id}"]`)
      .getByRole('button', { name: 'Details' })
      .click();
    await expect
      .poll(
        () => page.getByTestId('send-related-sent').getByRole('listitem').allTextContents(),
        wait
      )
      .toEqual([
        'main file (profiles.csv): profiles.csv sent.',
        'orders (orders.csv): orders.csv sent.',
        'products (products.csv): products.csv sent.',
      ]);
    await app.close();
  }, 180_000);
});
