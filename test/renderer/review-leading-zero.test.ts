import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile, startBrowser, type BrowserHarness } from '../harness/browser';
import { calls } from '../../src-core/ipc/contract';
import { tempHome } from '../harness/temp-home';

const wait = { timeout: 20_000 };

// Issue 15, item 10, in Chromium with the real services: a workbook whose phone column Excel
// stored as numbers. The review says the leading 0 was removed and offers to put it back.
describe('review: phone numbers that lost their leading 0', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-zero-', { shared: true });
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('says Excel removed the 0, shows the number sent, and puts the 0 back in one click', async () => {
    const file = join(dir.path, 'contacts.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Contacts');
    sheet.addRow(['Email', 'Mobile']);
    sheet.addRow(['an@example.be', 473893257]);
    sheet.addRow(['bo@example.be', '0470 12 34 56']);
    sheet.addRow(['cy@example.be', 471234567]);
    await workbook.xlsx.writeFile(file);

    const app = await harness.openApp({ locale: 'en-GB' });
    const save = app.handlers['destinations:save'] as (r: unknown) => Promise<unknown>;
    await save(
      calls['destinations:save'].request.parse({
        destination: {
          version: 1,
          name: 'Survey',
          transport: { protocol: 'sftp', host: '127.0.0.1', port: 22, user: 's', auth: 'password' },
          folder: '/in',
          columns: [
            { name: 'Email', required: true, rule: 'email' },
            { name: 'Mobile', rule: 'phone' },
          ],
          phoneCountry: 'BE',
          fileName: 'survey.csv',
        },
      })
    );
    const { page } = app;
    await dropFile(page, file);
    await page.getByRole('button', { name: 'Continue to columns' }).click();
    await expect
      .poll(() => page.getByLabel('Mobile', { exact: true }).inputValue(), wait)
      .toBe('Mobile');
    await page.getByRole('button', { name: 'Continue to review' }).click();

    const group = page.locator('[data-code="phone.leading-zero"]');
    await group.waitFor(wait);
    expect(await group.locator('h3').textContent()).toBe(
      'Excel removed the leading 0 of 2 phone numbers'
    );
    // The rows are still sent, as the numbers they are.
    expect(await page.getByTestId('ready-count').textContent()).toBe('3');
    const grid = page.getByTestId('review-grid');
    await expect.poll(() => grid.getByText('+32473893257', { exact: true }).count(), wait).toBe(1);
    await group.getByRole('button', { name: 'Show the rows' }).click();
    expect(
      await group
        .getByText('“473893257” lost its leading 0 (Excel removes it from numbers)', {
          exact: false,
        })
        .count()
    ).toBe(1);

    await group.getByRole('button', { name: 'Put the leading 0 back in Mobile' }).click();
    const preview = group.getByRole('table', { name: 'Before and after' });
    await preview.waitFor(wait);
    expect(await preview.getByRole('cell', { name: '473893257', exact: true }).count()).toBe(1);
    expect(await preview.getByRole('cell', { name: '0473893257', exact: true }).count()).toBe(1);
    await group.getByRole('button', { name: 'Apply to the whole column' }).click();
    await expect.poll(() => group.count(), wait).toBe(0);
    expect(await page.getByText('Leading 0 put back in Mobile').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Continue to send' }).isEnabled()).toBe(true);
    await app.close();
  }, 120_000);
});
