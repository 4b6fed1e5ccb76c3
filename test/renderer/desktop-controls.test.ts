import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  saveScreenshot,
  seriousA11yViolations,
  startBrowser,
  type BrowserHarness,
} from '../harness/browser';
import { recentFilesFile } from '../../src-main/files/recent-files';
import { tempHome } from '../harness/temp-home';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// Recent files, keyboard shortcuts, About and diagnostic information, in the real renderer.
describe('desktop controls in the window', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-desktop-', { shared: true });
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('lists recent files on the Start screen: opens one, greys a missing one and removes it', async () => {
    const home = await mkdtemp(join(dir.path, 'home-'));
    const kept = join(dir.path, 'contacts june.csv');
    const gone = join(dir.path, 'gone.xlsx');
    await writeFile(kept, 'email;language\nann@example.com;EN\n');
    await writeFile(
      recentFilesFile(home),
      JSON.stringify({
        version: 1,
        files: [
          { path: gone, openedAt: '2026-11-30T09:00:00.000Z' },
          { path: kept, openedAt: '2026-11-29T09:00:00.000Z' },
        ],
      })
    );
    const app = await harness.openApp({ home, locale: 'fr-BE' });
    const { page } = app;
    const card = page.getByRole('region', { name: 'Fichiers récents' });
    await card.waitFor(patience);
    await expect.poll(() => card.getByRole('listitem').count(), patience).toBe(2);
    // The missing file: greyed, not a button, said in words, removable.
    expect(await card.getByRole('button', { name: 'Ouvrir gone.xlsx' }).count()).toBe(0);
    expect(await card.getByText('Introuvable — déplacé ou supprimé').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'start-recent-files', 'light');
    await card.getByRole('button', { name: 'Retirer gone.xlsx de la liste' }).click();
    await expect.poll(() => card.getByRole('listitem').count(), patience).toBe(1);
    // Opening a recent file in a new session: main lets the window read it (it is on the list).
    await card.getByRole('button', { name: 'Ouvrir contacts june.csv' }).click();
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe('contacts june.csv');
    await app.close();
  });

  it('a file opened is remembered and shown on the Start screen', async () => {
    const file = join(dir.path, 'new export.csv');
    await writeFile(file, 'email;language\nann@example.com;EN\n');
    const app = await harness.openApp();
    const { page } = app;
    await page.getByRole('heading', { name: 'Send a file' }).waitFor();
    const card = page.getByRole('region', { name: 'Recent files' });
    await card.getByText('Files you open appear here.').waitFor(patience);
    app.emit('app:open-file', { path: file });
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe('new export.csv');
    // The next time the window opens, the Start screen lists it (once main has written the list:
    // the title shows as soon as the window has the file, before main's answer).
    await expect
      .poll(async () => JSON.stringify(await app.handlers['recent:list'](undefined)), patience)
      .toContain('new export.csv');
    await page.reload();
    await expect
      .poll(() => card.getByRole('button', { name: 'Open new export.csv' }).count(), patience)
      .toBe(1);
    await app.close();
  });

  it('keyboard: Ctrl+O opens a file, Ctrl+, Destinations, Ctrl+Shift+H History, F1 the list, Esc closes', async () => {
    const file = join(dir.path, 'picked.csv');
    await writeFile(file, 'email;language\nann@example.com;EN\n');
    const app = await harness.openApp({
      // The system file chooser is an Electron object: faked here.
      services: { pickFile: async () => file },
    });
    const { page } = app;
    await page.getByRole('heading', { name: 'Send a file' }).waitFor();
    await page.keyboard.press('Control+,');
    await expect
      .poll(() => page.locator('h1:visible').first().textContent(), patience)
      .toBe('Destinations');
    await page.keyboard.press('Control+Shift+H');
    await expect
      .poll(() => page.locator('h1:visible').first().textContent(), patience)
      .toBe('History');
    await page.keyboard.press('Control+o');
    await expect
      .poll(() => page.locator('h1:visible').first().textContent(), patience)
      .toBe('picked.csv');
    await page.keyboard.press('F1');
    const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await list.waitFor(patience);
    expect(await list.getByTestId('shortcuts').innerText()).toMatch(/Ctrl\+O\s+Open a file/);
    expect(await list.innerText()).toContain('Esc');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => list.isVisible(), patience).toBe(false);
    await app.close();
  });

  it('About shows the versions; "Copy diagnostic information" shows the text (no clipboard here); the menu opens it too', async () => {
    const app = await harness.openApp({ locale: 'nl-BE' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Bestand versturen' }).waitFor();
    // Help → About Courier in the app menu asks the window.
    app.emit('app:command', { command: 'about' });
    const about = page.getByRole('dialog', { name: 'Over Courier' });
    await about.waitFor(patience);
    const facts = about.getByTestId('about');
    await expect.poll(() => facts.innerText(), patience).toContain(process.versions.node);
    expect(await facts.innerText()).toContain('niet in Electron');
    await about.getByRole('button', { name: 'Diagnostische gegevens kopiëren' }).click();
    const text = about.getByTestId('diagnostics');
    await expect.poll(() => text.innerText(), patience).toContain('Courier 0.1.0 (app)');
    expect(await text.innerText()).toContain('Destinations: 0');
    expect(await about.getByRole('status').innerText()).toContain('Selecteer deze tekst');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'about', 'light');
    await page.keyboard.press('Escape');
    await expect.poll(() => about.isVisible(), patience).toBe(false);
    // And from the sidebar, where the mouse finds it.
    await page.getByRole('button', { name: 'Over Courier' }).click();
    await about.waitFor(patience);
    await about.getByRole('button', { name: 'Sluiten' }).click();
    await expect.poll(() => about.isVisible(), patience).toBe(false);
    await app.close();
  });
});
