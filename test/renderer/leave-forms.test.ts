import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFile,
  seriousA11yViolations,
  startBrowser,
  type BrowserHarness,
} from '../harness/browser';
import { tempHome } from '../harness/temp-home';

const wait = { timeout: 20_000 };

// Issue 15, item 12, in Chromium with the real services: the sidebar leaves an open form, and
// leaving a form with unsaved changes asks first.
describe('leaving forms', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-leave-', { shared: true });
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('"Destinations" in the sidebar leaves an untouched form for the list', async () => {
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page } = app;
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    await sidebar.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Add a destination' }).click();
    await page.getByRole('button', { name: /^Other FTPS or SFTP drop/ }).click();
    await page.getByRole('heading', { name: 'New destination' }).waitFor(wait);
    await sidebar.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Add a destination' }).waitFor(wait);
    expect(await page.getByRole('heading', { name: 'New destination' }).count()).toBe(0);
    // Nothing was changed: no question was asked.
    expect(await page.getByRole('dialog').count()).toBe(0);
    await app.close();
  }, 120_000);

  it('asks before leaving a destination form with changes: Stay keeps them, Leave drops them', async () => {
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page } = app;
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    await sidebar.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Add a destination' }).click();
    await page.getByRole('button', { name: /^Other FTPS or SFTP drop/ }).click();
    await page.getByRole('heading', { name: 'New destination' }).waitFor(wait);
    await page.getByLabel('Server', { exact: true }).fill('sftp.example.be');

    await sidebar.getByRole('button', { name: 'Send a file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor(wait);
    expect(await dialog.textContent()).toContain('Your changes to this form are not saved.');
    // Stay is the safe answer, focused first.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stay on the form');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Stay on the form' }).click();
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);
    expect(await page.getByLabel('Server', { exact: true }).inputValue()).toBe('sftp.example.be');

    // The form's own Back asks too.
    await page.getByRole('button', { name: 'Back' }).click();
    await dialog.waitFor(wait);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), wait).toBe(false);
    expect(await page.getByRole('heading', { name: 'New destination' }).count()).toBe(1);

    await sidebar.getByRole('button', { name: 'Destinations' }).click();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await page.getByRole('button', { name: 'Add a destination' }).waitFor(wait);
    expect(await page.getByRole('heading', { name: 'New destination' }).count()).toBe(0);
    // Left once: the next visit does not ask again.
    await sidebar.getByRole('button', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor(wait);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await app.close();
  }, 120_000);

  it('"Send a file" from the file in progress opens the start screen, with a way back to it', async () => {
    const file = join(dir.path, 'contacts.csv');
    await writeFile(file, 'Email;Name\nan@example.be;An\n');
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page } = app;
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    await dropFile(page, file);
    await page.getByRole('heading', { name: 'contacts.csv' }).waitFor(wait);
    await sidebar.getByRole('button', { name: 'Send a file' }).click();
    await page.getByRole('heading', { name: 'Send a file' }).waitFor(wait);
    await page.getByRole('button', { name: 'Back to contacts.csv' }).click();
    await page.getByRole('heading', { name: 'contacts.csv' }).waitFor(wait);
    await app.close();
  }, 120_000);
});
