import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDestination } from '../../src-core/destinations/destination';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { applySettings } from '../../src-core/destinations/destination-settings';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { changed, mountSection } from '../harness/section-mount';

const patience = { timeout: 20_000 };

// Issue 16, BlueConic: the destination editor's “Related files” section, mounted alone in
// Chromium. What a person sets there is what `courier destinations set` would set.
describe('the Related files section', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('adds a related file, changes its columns and file name, and removes it, as the settings words do', async () => {
    const context = await harness.browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const shop = destinationFromPreset('blueconic', 'Shop');
      await mountSection(page, 'related', shop);
      await page.getByRole('heading', { name: 'Related files' }).waitFor(patience);
      await page.getByLabel('Name of a new related file').fill('orders');
      await page.getByLabel('Its columns').fill('order_id:reference*, customer_id*, total:number');
      await page.getByRole('button', { name: 'Add the related file' }).click();
      await page.getByLabel('File name of “orders”').fill('orders_{date:YYYYMMDD}.csv');
      const { destination } = await changed(page);
      const saved = parseDestination(JSON.parse(JSON.stringify(destination)));
      expect(saved).toEqual(
        applySettings(shop, [
          ['related.orders.columns', 'order_id:reference*, customer_id*, total:number'],
          ['related.orders.file-name', 'orders_{date:YYYYMMDD}.csv'],
        ])
      );
      expect(await page.getByLabel('Columns of “orders”').inputValue()).toBe(
        'order_id:reference*, customer_id*, total:number'
      );
      await page.getByRole('button', { name: 'Remove “orders”' }).click();
      expect((await changed(page)).destination.related).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it('says at the field why columns are refused, and keeps the ones before (Dutch)', async () => {
    const context = await harness.browser.newContext({ locale: 'nl-BE' });
    try {
      const page = await context.newPage();
      const shop = applySettings(destinationFromPreset('blueconic', 'Shop'), [
        ['related.orders.columns', 'order_id*,total'],
      ]);
      await mountSection(page, 'related', shop, { language: 'nl' });
      await page.getByRole('heading', { name: 'Gekoppelde bestanden' }).waitFor(patience);
      const columns = page.getByLabel('Kolommen van “orders”');
      await columns.fill('order_id:colour');
      await page.getByRole('alert').filter({ hasText: 'related.orders.columns' }).waitFor(patience);
      expect(await columns.getAttribute('aria-invalid')).toBe('true');
      expect((await changed(page)).destination.related?.[0]?.columns.map(c => c.name)).toEqual([
        'order_id',
        'total',
      ]);
    } finally {
      await context.close();
    }
  });
});
