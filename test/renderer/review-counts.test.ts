import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile, startBrowser, type BrowserHarness } from '../harness/browser';
import { calls } from '../../src-core/ipc/contract';
import { tempHome } from '../harness/temp-home';

const wait = { timeout: 20_000 };

// Review in Chromium with the real services: each number is a group of rows in the person's
// words, nothing is "left out" before they leave something out, what holds Continue back is said,
// the grid shows the values as they will be sent, and a fix's before/after fits in its card.
describe('review: counts a person understands', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-counts-', { shared: true });
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('says rows ready, rows with a problem and rows left out, and why Continue waits', async () => {
    const file = join(dir.path, 'contacts.csv');
    await writeFile(
      file,
      [
        'Email;Langue',
        'an@example.be;fr',
        'bo@example.be;nl',
        'cy@example.be;en',
        // Two rows with two problems each: 2 rows with a problem, 4 problems.
        '   Marie-Christine.Vanderlinden-Dupont AT Example-Company-International.be   ;xx',
        'not an address;yy',
      ].join('\n') + '\n'
    );
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
            { name: 'Language', rule: 'language', letterCase: 'upper' },
          ],
          output: {
            delimiter: ';',
            quoting: 'never',
            encoding: 'utf-8',
            lineEnding: 'crlf',
            header: true,
            zip: false,
          },
          fileName: 'survey.csv',
        },
      })
    );
    const { page } = app;
    await page.setViewportSize({ width: 1100, height: 900 });
    await dropFile(page, file);
    await page.getByRole('button', { name: 'Continue to columns' }).click();
    await expect
      .poll(() => page.getByLabel('Language', { exact: true }).inputValue(), wait)
      .toBe('Langue');
    await page.getByRole('button', { name: 'Continue to review' }).click();

    const ready = page.getByTestId('ready-count');
    await ready.waitFor(wait);
    const stats = page.getByTestId('review-stats');
    expect(await stats.textContent()).toContain('Rows ready to send');
    expect(await stats.textContent()).toContain('Rows with a problem');
    expect(await stats.textContent()).not.toContain('Problems found');
    expect(await ready.textContent()).toBe('3');
    expect(await page.getByTestId('problem-count').textContent()).toBe('2');
    // Nothing is left out before the person leaves something out.
    expect(await page.getByTestId('left-out-count').textContent()).toBe('0');
    expect(await page.getByText('2 rows have a problem.', { exact: false }).count()).toBe(1);
    const continueButton = page.getByRole('button', { name: 'Continue to send' });
    expect(await continueButton.isDisabled()).toBe(true);
    expect(await page.getByTestId('continue-why').textContent()).toBe(
      'Continue is available once the 2 rows with a problem are fixed or left out.'
    );
    expect(await continueButton.getAttribute('aria-describedby')).toBe('review-continue-why');
    expect(
      await page.getByText('Courier checked every row against what Survey accepts.').count()
    ).toBe(1);

    // The grid shows what the file will hold: FR, not fr.
    const grid = page.getByTestId('review-grid');
    await expect.poll(() => grid.getByText('FR', { exact: true }).count(), wait).toBe(1);
    expect(await grid.getByText('fr', { exact: true }).count()).toBe(0);

    // A fix's before/after table stays inside its card, long values wrapped, not cut off.
    const group = page.locator('[data-code="email.invalid"]');
    await group.getByRole('button', { name: 'Remove spaces and capitals in Email' }).click();
    const table = group.getByRole('table', { name: 'Before and after' });
    await table.waitFor(wait);
    const overflow = await group.evaluate(card => {
      const box = card.getBoundingClientRect();
      const inner = card.querySelector('table')!.getBoundingClientRect();
      const cells = [...card.querySelectorAll('td')];
      return {
        right: Math.max(0, Math.round(inner.right - box.right)),
        left: Math.max(0, Math.round(box.left - inner.left)),
        cells: cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent),
      };
    });
    expect(overflow).toEqual({ right: 0, left: 0, cells: [] });
    await group.getByRole('button', { name: 'Cancel' }).click();

    // Leaving them out moves them, and only then, to "left out"; Continue opens.
    await page.getByRole('button', { name: 'Leave out all rows with problems' }).click();
    await expect.poll(() => page.getByTestId('left-out-count').textContent(), wait).toBe('2');
    expect(await page.getByTestId('problem-count').textContent()).toBe('0');
    expect(await ready.textContent()).toBe('3');
    await expect.poll(() => continueButton.isEnabled(), wait).toBe(true);
    expect(await page.getByTestId('continue-why').count()).toBe(0);
    await app.close();
  }, 120_000);
});
