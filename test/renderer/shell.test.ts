import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFile,
  saveScreenshot,
  seriousA11yViolations,
  startBrowser,
  type BrowserHarness,
} from '../harness/browser';
import { tempHome } from '../harness/temp-home';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// The app shell in Chromium: languages, keyboard, accessibility, opening a file.
describe('app shell', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-shell-', { shared: true });
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('speaks the system language and switches language on request', async () => {
    const app = await harness.openApp({ locale: 'fr-BE' });
    const { page } = app;
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe('Envoyer un fichier');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByLabel('Langue').selectOption('nl');
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe('Bestand versturen');
    expect(await page.getByRole('button', { name: 'Bestand kiezen' }).count()).toBe(1);
    await page.getByLabel('Taal').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe('Send a file');
    // The choice is remembered over a restart of the window.
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe('Send a file');
    await app.close();
  });

  it('is reachable by keyboard with a visible focus, and has no serious accessibility problem', async () => {
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Send a file' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'start', 'light');
    await saveScreenshot(page, 'start', 'dark');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Tab from the top: the skip link, then the navigation, in order.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toContain('Destinations');
    const outline = await focused.evaluate(el => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.tagName + ':' + document.activeElement?.textContent
        )
      )
      .toBe('H1:Destinations');
    expect(
      await page.getByRole('button', { name: 'Destinations' }).getAttribute('aria-current')
    ).toBe('page');
    await app.close();
  });

  it('opens a file dropped anywhere on the window, or chosen with the file chooser', async () => {
    const file = join(dir.path, 'export.csv');
    await writeFile(file, 'email;language\nann@example.com;EN\n');
    const picked: string[] = [];
    const app = await harness.openApp({
      // The system file chooser is an Electron object: faked here.
      services: { pickFile: async () => (picked.push('asked'), null) },
    });
    const { page } = app;
    await page.getByRole('heading', { name: 'Send a file' }).waitFor();
    // Cancelling the chooser leaves the user where they were.
    await page.getByRole('button', { name: 'Choose a file' }).click();
    await expect.poll(() => picked.length, patience).toBe(1);
    expect(await page.locator('h1').textContent()).toBe('Send a file');
    // Dropping on the sidebar (not the drop zone) still opens the file.
    await dropFile(page, file, '.sidebar');
    await expect.poll(() => page.getByRole('list', { name: 'Steps' }).count(), patience).toBe(1);
    await app.close();
  });

  it('opens the file a second launch of Courier passes on', async () => {
    const file = join(dir.path, 'second launch.csv');
    await writeFile(file, 'email;language\nann@example.com;EN\n');
    const app = await harness.openApp();
    const { page } = app;
    await page.getByRole('heading', { name: 'Send a file' }).waitFor();
    app.emit('app:open-file', { path: file });
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe('second launch.csv');
    await app.close();
  });
});
