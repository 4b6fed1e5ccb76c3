import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile, seriousA11yViolations, startBrowser, type BrowserHarness } from '../harness/browser';
import { calls } from '../../src-core/ipc/contract';
import { tempHome } from '../harness/temp-home';

const wait = { timeout: 20_000 };

// Review in Chromium, real services behind the bridge: dates written the other way round are
// offered a one-click rewrite of the whole column, previewed before and after.
describe('review: rewriting a date column', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-date-fix-', { shared: true });
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('proposes the format the wrong dates read in, and the problem goes once applied', async () => {
    const file = join(dir.path, 'members.csv');
    // Most birthdays in ISO form, one already right, one that is no date at all.
    await writeFile(file, 'Email;Born\nan@example.be;1980-11-20\nbo@example.be;1975-02-03\ncy@example.be;04/05/1990\ndi@example.be;soon\n');
    const app = await harness.openApp({ locale: 'fr-BE' });
    const save = app.handlers['destinations:save'] as (r: unknown) => Promise<unknown>;
    await save(
      calls['destinations:save'].request.parse({
        destination: {
          version: 1,
          name: 'Club',
          transport: { protocol: 'sftp', host: '127.0.0.1', port: 22, user: 'club', auth: 'password' },
          folder: '/in',
          columns: [
            { name: 'Email', required: true, rule: 'email' },
            { name: 'Born', rule: 'date', dateFormat: 'DD/MM/YYYY' },
          ],
          output: { delimiter: ';', quoting: 'standard', quoteChar: '"', encoding: 'utf-8', lineEnding: 'crlf', header: true, zip: false },
          fileName: 'members.csv',
        },
      })
    );
    const { page } = app;
    await dropFile(page, file);
    await page.getByRole('button', { name: 'Continuer vers les colonnes' }).click();
    await expect.poll(() => page.getByLabel('Born', { exact: true }).inputValue(), wait).toBe('Born');
    await page.getByRole('button', { name: 'Continuer vers la vérification' }).click();

    const dates = page.locator('[data-code="date.invalid"]');
    await dates.waitFor(wait);
    const offer = dates.getByRole('button', { name: 'Réécrire les dates de la colonne Born (AAAA-MM-JJ → JJ/MM/AAAA)' });
    await offer.click();
    // Before and after, on the rows concerned, then applied to the whole column.
    await expect.poll(() => dates.getByText('20/11/1980').count(), wait).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dates.getByRole('button', { name: 'Appliquer à toute la colonne' }).click();
    // Only the value that is no date at all is left; the one already right was not touched.
    await expect.poll(() => dates.locator('h3').textContent(), wait).toMatch(/^1 /);
    expect(await offer.count()).toBe(0);
    await dates.getByRole('button', { name: 'Voir les lignes' }).click();
    expect(await dates.getByRole('button', { name: /^Ligne \d+, Born$/ }).allTextContents()).toHaveLength(1);
    expect(await dates.getByRole('button', { name: 'Ligne 5, Born' }).count()).toBe(1);
    await app.close();
  }, 120_000);
});
