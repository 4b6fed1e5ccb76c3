import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile, startBrowser, type BrowserHarness } from '../harness/browser';
import { tempHome } from '../harness/temp-home';
import { calls } from '../../src-core/ipc/contract';

const wait = { timeout: 20_000 };

// One source of words: the rows a French window leaves out are saved with French headers and
// reasons, said from the same catalogue as the review screen (the CLI's `--lang fr` likewise).
describe('the rows left out, saved from a French window', () => {
  const dir = tempHome('ui-rejected-fr-', { shared: true });
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('writes the file in French, with the reason the review shows', async () => {
    const file = join(dir.path, 'contacts.csv');
    await writeFile(file, 'Email;Prénom\r\nan@example.be;An\r\njan@@example.be;Jan\r\n');
    const target = join(dir.path, 'lignes.csv');
    const app = await harness.openApp({
      locale: 'fr-BE',
      services: { pickSaveTarget: async () => target },
    });
    const save = app.handlers['destinations:save'] as (r: unknown) => Promise<unknown>;
    await save(
      calls['destinations:save'].request.parse({
        destination: {
          version: 1,
          name: 'Enquête',
          transport: { protocol: 'sftp', host: '127.0.0.1', port: 22, user: 's', auth: 'password' },
          folder: '/in',
          columns: [
            { name: 'Email', required: true, rule: 'email' },
            { name: 'Prénom', rule: 'text' },
          ],
          fileName: 'enquete.csv',
        },
      })
    );
    const { page } = app;
    await dropFile(page, file);
    await page.getByRole('button', { name: 'Continuer vers les colonnes' }).click();
    await page.getByRole('button', { name: 'Continuer vers la vérification' }).click();
    await page.getByRole('button', { name: 'Écarter toutes les lignes à problème' }).click(wait);
    await page
      .getByRole('button', { name: 'Enregistrer les lignes qui ne seront pas envoyées' })
      .click(wait);
    await expect.poll(() => readFile(target, 'utf8').catch(() => ''), wait).not.toBe('');
    const [header, row] = (await readFile(target, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Ligne,Email,Prénom,Pourquoi elle n’a pas été envoyée');
    expect(row).toMatch(/^3,jan@@example\.be,Jan,Ligne 3 : .*adresse e-mail/);
    // The review speaks of the same problem in the same words.
    expect(await page.locator('[data-code="email.invalid"]').textContent()).toContain(
      'adresse e-mail'
    );
  });
});
