import { createWriteStream } from 'node:fs';
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
import { writeMessyExport } from './messy-export';
import { tempHome } from '../harness/temp-home';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

async function writeMillionRows(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('id;email;name\n');
  let chunk = '';
  for (let i = 0; i < 1_000_000; i += 1) {
    chunk += `${i};user${i}@example.com;Person ${i}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>(done => out.once('drain', () => done()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>(done => out.once('finish', () => done()));
}

// Preview in Chromium: the real reader behind the bridge, the format in words, the grid.
describe('preview', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-preview-', { shared: true });
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows a messy Latin-1 export with its format in words, decoded, from line 4', async () => {
    const file = join(dir.path, 'contacts export.csv');
    await writeMessyExport(file);
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Send a file' }).waitFor();
    await dropFile(page, file);
    await page.getByRole('heading', { name: 'contacts export.csv' }).waitFor();
    expect(await page.getByTestId('format-words').textContent()).toBe(
      'Semicolon-separated, Western European encoding (Windows-1252), header on line 3'
    );
    await expect
      .poll(() => page.getByTestId('row-count').textContent(), { timeout: 20_000 })
      .toBe('6 rows');
    const grid = page.getByRole('grid', { name: 'Rows of contacts export.csv' });
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual([
      'Line',
      'E-mail',
      'Prénom',
      'Nom',
      'Langue',
      'Ville',
    ]);
    const first = grid.locator('[role=row][aria-rowindex="2"]');
    expect(await first.getByRole('gridcell').allTextContents()).toEqual([
      'anne.dupont@example.be',
      'Anne',
      'Dupont',
      'FR',
      'Liège',
    ]);
    expect(await first.getByRole('rowheader').textContent()).toBe('4');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'preview', 'light');
    await saveScreenshot(page, 'preview', 'dark');

    // Correcting the header line reads the file again from there.
    await page.getByText('Correct the format').click();
    await page.getByLabel('Header on line').fill('4');
    await page.getByRole('button', { name: 'Read again' }).click();
    await expect
      .poll(() => grid.getByRole('columnheader').nth(1).textContent())
      .toBe('anne.dupont@example.be');
    await expect
      .poll(() => page.getByTestId('row-count').textContent(), { timeout: 20_000 })
      .toBe('5 rows');
    await app.close();
  });

  it('says in plain words what is wrong with a file it cannot read, and offers another', async () => {
    const file = join(dir.path, 'contract.pdf');
    await writeFile(
      file,
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0, 7])])
    );
    const app = await harness.openApp({ locale: 'nl-BE' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Bestand versturen' }).waitFor();
    await dropFile(page, file);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    const message = (await alert.textContent()) ?? '';
    // In the user's language, from the error's stable code.
    expect(message).toBe(
      '„contract.pdf” is geen tabel die Courier kan lezen. Exporteer het opnieuw als CSV of Excel.'
    );
    expect(message).not.toMatch(/unexpected|Error:|at \w+ \(/i);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ander bestand openen' }).click();
    await page.getByRole('heading', { name: 'Bestand versturen' }).waitFor();
    await app.close();
  });

  it('scrolls smoothly through a million rows while showing the row count in the user’s language', async () => {
    const file = join(dir.path, 'million.csv');
    await writeMillionRows(file);
    const app = await harness.openApp({ locale: 'fr-BE' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Envoyer un fichier' }).waitFor();
    await dropFile(page, file);
    const grid = page.getByRole('grid', { name: 'Lignes de million.csv' });
    await grid.waitFor();
    // The preview is there at once; the full read finishes in the background.
    expect(
      await grid.locator('[role=row][aria-rowindex="2"] [role=gridcell]').first().textContent()
    ).toBe('0');
    await expect
      .poll(() => page.getByTestId('row-count').textContent(), { timeout: 90_000 })
      .toBe('1\u202f000\u202f000 lignes');
    // Only a screenful of rows exists in the page.
    expect(await grid.getByRole('row').count()).toBeLessThan(60);
    await grid.evaluate(el => (el.scrollTop = el.scrollHeight));
    await expect
      .poll(() => grid.locator('[aria-rowindex="1000001"] [role=gridcell]').first().textContent())
      .toBe('999999');
    await grid.evaluate(el => (el.scrollTop = el.scrollHeight / 2));
    await expect
      .poll(async () => {
        const cells = await grid
          .locator('[role=row][data-index]')
          .evaluateAll(rows =>
            rows.map(r => r.querySelector('[role=gridcell]')?.textContent ?? '')
          );
        return cells.some(c => Number(c) > 490_000 && Number(c) < 510_000);
      })
      .toBe(true);
    // Keyboard: the grid takes focus and scrolls with the keys.
    await grid.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => grid.evaluate(el => el.scrollTop), patience).toBe(0);
    expect(await grid.getByRole('row').count()).toBeLessThan(60);
    await app.close();
  });
});
