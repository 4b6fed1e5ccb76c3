import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFile,
  seriousA11yViolations,
  startBrowser,
  type BrowserHarness,
} from '../harness/browser';
import { calls } from '../../src-core/ipc/contract';
import { tempHome } from '../harness/temp-home';

const wait = { timeout: 20_000 };

// Review in Chromium, real services behind the bridge: an export carrying control characters
// (a NUL, an ESC) is read, each cell is flagged, and one click removes them from the column.
describe('review: control characters in an export', () => {
  let harness: BrowserHarness;
  const dir = tempHome('ui-text-fix-', { shared: true });
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('flags each cell, previews the removal, and the problem goes once applied', async () => {
    const file = join(dir.path, 'members.csv');
    await writeFile(
      file,
      'Email;Name\nan@example.be;An\x00na\nbo@example.be;Bo\x1b[0m\ncy@example.be;Cy\n'
    );
    const app = await harness.openApp({ locale: 'en-GB' });
    const save = app.handlers['destinations:save'] as (r: unknown) => Promise<unknown>;
    await save(
      calls['destinations:save'].request.parse({
        destination: {
          version: 1,
          name: 'Club',
          transport: {
            protocol: 'sftp',
            host: '127.0.0.1',
            port: 22,
            user: 'club',
            auth: 'password',
          },
          folder: '/in',
          columns: [
            { name: 'Email', required: true, rule: 'email' },
            { name: 'Name', rule: 'text' },
          ],
          output: {
            delimiter: ';',
            quoting: 'standard',
            quoteChar: '"',
            encoding: 'utf-8',
            lineEnding: 'crlf',
            header: true,
            zip: false,
          },
          fileName: 'members.csv',
        },
      })
    );
    const { page } = app;
    await dropFile(page, file);
    await page.getByRole('button', { name: 'Continue to columns' }).click();
    await expect
      .poll(() => page.getByLabel('Name', { exact: true }).inputValue(), wait)
      .toBe('Name');
    await page.getByRole('button', { name: 'Continue to review' }).click();

    const group = page.locator('[data-code="text.control-characters"]');
    await group.waitFor(wait);
    expect(await group.locator('h3').textContent()).toBe(
      '2 values hold invisible control characters'
    );
    await group.getByRole('button', { name: 'Show the rows' }).click();
    expect(await group.getByRole('button', { name: /^Line \d+, Name$/ }).allTextContents()).toEqual(
      ['Line 2, Name', 'Line 3, Name']
    );
    await expect
      .poll(
        () =>
          group
            .getByText('“An␀na” in Name holds an invisible control character', { exact: false })
            .count(),
        wait
      )
      .toBe(1);
    expect(await page.getByTestId('ready-count').textContent()).toBe('1');
    // The grid shows where they are, as symbols.
    await expect
      .poll(() => page.getByTestId('review-grid').getByText('An␀na', { exact: true }).count(), wait)
      .toBe(1);

    const offer = group.getByRole('button', { name: 'Remove the control characters from Name' });
    await offer.click();
    // Before and after, with the invisible characters shown as symbols.
    const preview = group.getByRole('table', { name: 'Before and after' });
    await preview.waitFor(wait);
    await expect.poll(() => preview.getByRole('cell', { name: 'An␀na' }).count(), wait).toBe(1);
    expect(await preview.getByRole('cell', { name: 'Anna', exact: true }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await group.getByRole('button', { name: 'Apply to the whole column' }).click();

    await expect.poll(() => group.count(), wait).toBe(0);
    await expect
      .poll(() => page.getByText('Control characters removed from Name').count(), wait)
      .toBe(1);
    await expect.poll(() => page.getByTestId('ready-count').textContent(), wait).toBe('3');
    expect(await page.getByRole('button', { name: 'Continue to send' }).isEnabled()).toBe(true);
    await app.close();
  }, 120_000);
  it('rows appended in Latin-1 to a UTF-8 export: the damaged characters are read as Windows-1252 in one click', async () => {
    const file = join(dir.path, 'appended.csv');
    // Over a megabyte of UTF-8 (more than Courier judges the encoding on), then a Latin-1 row.
    const lines = ['Email;Name'];
    for (let i = 0; lines.length < 40_000; i++) lines.push(`p${i}@example.be;Zoé Lefèvre`);
    const utf8 = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    await writeFile(
      file,
      Buffer.concat([utf8, Buffer.from('zoe@example.be;Zoë Dupré\n', 'latin1')])
    );
    const app = await harness.openApp({ locale: 'fr-BE' });
    const save = app.handlers['destinations:save'] as (r: unknown) => Promise<unknown>;
    await save(
      calls['destinations:save'].request.parse({
        destination: {
          version: 1,
          name: 'Club',
          transport: {
            protocol: 'sftp',
            host: '127.0.0.1',
            port: 22,
            user: 'club',
            auth: 'password',
          },
          folder: '/in',
          columns: [
            { name: 'Email', required: true, rule: 'email' },
            { name: 'Name', rule: 'text' },
          ],
          output: {
            delimiter: ';',
            quoting: 'standard',
            quoteChar: '"',
            encoding: 'utf-8',
            lineEnding: 'crlf',
            header: true,
            zip: false,
          },
          fileName: 'members.csv',
        },
      })
    );
    const { page } = app;
    await dropFile(page, file);
    await page.getByRole('button', { name: 'Continuer vers les colonnes' }).click();
    await expect
      .poll(() => page.getByLabel('Name', { exact: true }).inputValue(), wait)
      .toBe('Name');
    await page.getByRole('button', { name: 'Continuer vers la vérification' }).click();

    const group = page.locator('[data-code="text.invalid-bytes"]');
    await group.waitFor(wait);
    expect(await group.locator('h3').textContent()).toBe(
      '1 valeur a des caractères qui n’étaient pas en UTF-8 valide'
    );
    await group.getByRole('button', { name: 'Voir les lignes' }).click();
    await expect
      .poll(
        () =>
          group
            .getByText(
              /Ligne 40\s?001 : « Zo\uFFFD Dupr\uFFFD » dans Name contient des octets qui ne sont pas de l’UTF-8 valide \(EB E9\) ; lu en Windows-1252, c’est « Zoë Dupré »\.$/
            )
            .count(),
        wait
      )
      .toBe(1);
    await group
      .getByRole('button', { name: 'Lire les caractères abîmés de Name en Windows-1252' })
      .click();
    const preview = group.getByRole('table');
    await preview.waitFor(wait);
    // The row's cells reach the page with their bytes intact: before as �, after read as Windows-1252.
    await expect
      .poll(() => preview.getByRole('cell', { name: 'Zoë Dupré', exact: true }).count(), wait)
      .toBe(1);
    expect(
      await preview.getByRole('cell', { name: 'Zo\uFFFD Dupr\uFFFD', exact: true }).count()
    ).toBe(1);
    await group.getByRole('button', { name: 'Appliquer à toute la colonne' }).click();
    await expect.poll(() => group.count(), wait).toBe(0);
    await expect
      .poll(() => page.getByTestId('ready-count').textContent(), wait)
      .toMatch(/^40\s?000$/);
    await app.close();
  }, 120_000);
});
