import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src-core/words/en';
import { fr } from '../../src-core/words/fr';
import { nl } from '../../src-core/words/nl';
import { dropFile, startBrowser, type BrowserHarness } from '../harness/browser';
import { tempHome } from '../harness/temp-home';

const wait = { timeout: 20_000 };

const texts = (catalogue: Record<string, unknown>): string[] =>
  Object.values(catalogue).flatMap(m =>
    typeof m === 'string' ? [m] : Object.values(m as Record<string, string>)
  );

// Issue 15, item 13: the app leads with plain words; the precise term stays, second, for IT.
describe('plain words first', () => {
  it('no sentence leads with jargon a newcomer does not know (EN/FR/NL)', () => {
    const leadsWithJargon = [
      /^FTPS \(/,
      /^Known synonym$/,
      /^Synonyme connu$/,
      /^Bekend synoniem$/,
      /^Lower-case /,
      /^Data connection$/,
      /^Connexion de données$/,
      /^Gegevensverbinding$/,
      /pin it to trust this server/,
      /^The \{handshake\} handshake worked/,
      /^La négociation \{handshake\}/,
      /^De \{handshake\}-handshake/,
    ];
    for (const [name, catalogue] of Object.entries({ en, fr, nl })) {
      const found = texts(catalogue).filter(text => leadsWithJargon.some(j => j.test(text)));
      expect(found, name).toEqual([]);
    }
    // The precise term is kept, after the plain words, for whoever sets the server up.
    expect(en['dest.protocol.ftps']).toBe('Secure FTP, usually on 21 (FTPS, explicit TLS)');
    expect(en['step.data-connection']).toBe('Sending the file (data connection)');
  });

  describe('in Chromium', () => {
    let harness: BrowserHarness;
    const dir = tempHome('ui-words-', { shared: true });
    beforeAll(async () => {
      harness = await startBrowser();
    });
    afterAll(async () => {
      await harness?.close();
    });

    it('explains Hello Customer’s own column names beside them, and says matches plainly', async () => {
      const file = join(dir.path, 'contacts.csv');
      await writeFile(file, 'E-mail;Langue;Service\nan@example.be;fr;Ventes\n');
      const app = await harness.openApp({ locale: 'en-GB' });
      const { page } = app;
      await dropFile(page, file);
      await page.getByRole('button', { name: 'Continue to columns' }).click();
      await page.getByLabel('Send to').selectOption('hello-customer');
      await expect
        .poll(() => page.getByLabel('Email', { exact: true }).inputValue(), wait)
        .toBe('E-mail');
      const department = page.locator('tr[data-target="Department"] th');
      // The vendor's column name stays; one line beside it says what it is.
      expect(await department.locator('label').textContent()).toBe('Department');
      expect(await department.locator('.column-hint').textContent()).toBe(
        'Hello Customer’s name for a group of your choice (a shop, a team, a region): results can be split by it.'
      );
      expect(await page.locator('tr[data-target="CustomId"] .column-hint').textContent()).toContain(
        'Your own reference for the contact'
      );
      const table = page.getByRole('table', { name: /./ });
      expect(await table.textContent()).not.toContain('Known synonym');
      await app.close();
    }, 120_000);
  });
});
