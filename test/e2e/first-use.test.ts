import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFile,
  saveScreenshot,
  seriousA11yViolations,
  startBrowser,
  type BrowserHarness,
} from '../harness/browser';
import { startVsftpd, type VsftpdServer } from '../harness/servers/vsftpd';
import { writeTwoSheetWorkbook } from '../harness/two-sheet-workbook';
import { tempHome } from '../harness/temp-home';

// Services run in worker threads on two shared cores: give answers time.
const wait = { timeout: 20_000 };

// The newcomer's walk (issue 15): nothing set up yet, a two-sheet workbook dropped first, the
// destination set up from the Send step and back, the duplicate left out as the card says.
describe('first use without a dead end', () => {
  let harness: BrowserHarness;
  let server: VsftpdServer;
  const dir = tempHome('ui-e2e-first-', { shared: true });
  beforeAll(async () => {
    [server, harness] = await Promise.all([startVsftpd({ mode: 'explicit' }), startBrowser()]);
  });
  afterAll(async () => {
    await harness?.close();
    await server?.stop();
  });

  it('drops a workbook first, sets Hello Customer up from Send, and sends what the screen said', async () => {
    const file = join(dir.path, 'contacts.xlsx');
    await writeTwoSheetWorkbook(file, { contacts: 5 });
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page } = app;

    // The workbook opens on the sheet with the data, and says so; its sheets are tabs.
    await dropFile(page, file);
    await page.getByRole('heading', { name: 'contacts.xlsx' }).waitFor(wait);
    await expect
      .poll(() => page.getByTestId('sheet-chosen').textContent(), wait)
      .toBe(
        'Courier opened the sheet “Contacts”, the one that holds the data. This workbook has 2 sheets: choose another with the tabs.'
      );
    const tabs = page.getByRole('tablist', { name: 'Sheets of this workbook' });
    expect(await tabs.getByRole('tab').allTextContents()).toEqual(['Read me', 'Contacts']);
    expect(await tabs.getByRole('tab', { name: 'Contacts' }).getAttribute('aria-selected')).toBe(
      'true'
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'first-use-preview', 'light');
    await page.getByRole('button', { name: 'Continue to columns' }).click();

    // No destination yet: Hello Customer is chosen as a platform.
    await page.getByRole('heading', { name: 'Match the columns' }).waitFor();
    await page.getByLabel('Send to').selectOption('hello-customer');
    await expect
      .poll(() => page.getByLabel('Email', { exact: true }).inputValue(), wait)
      .toBe('E-mail');
    await page.getByRole('button', { name: 'Continue to review' }).click();

    // Review: the duplicate card says the later row is left out; the bad address is corrected.
    await page.getByRole('heading', { name: 'Check the rows' }).waitFor();
    const duplicates = page.locator('[data-code="duplicate.key"]');
    await expect
      .poll(() => duplicates.locator('h3').textContent(), wait)
      .toBe('1 row is a duplicate');
    expect(await duplicates.locator('p.muted').first().textContent()).toBe(
      'An earlier row has the same values in the destination’s key columns. Only the first is sent: these rows are left out.'
    );
    await duplicates.getByRole('button', { name: 'Show the rows' }).click();
    const sentence = (await duplicates
      .locator('.issue-list li .muted')
      .first()
      .textContent())!.trim();
    expect(sentence).toBe(
      'Line 4 has the same Email as line 2. It is left out: only the first is sent.'
    );
    const email = page.locator('[data-code="email.invalid"]');
    await email.getByRole('button', { name: 'Show the rows' }).click();
    await email.getByRole('button', { name: 'Line 6, Email' }).click();
    const editor = page.getByRole('region', { name: 'Row on line 6' });
    await editor.getByLabel('Email').fill('contact4@example.be');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Your corrections' }).waitFor(wait);
    await expect.poll(() => page.getByTestId('ready-count').textContent(), wait).toBe('4');
    await page.getByRole('button', { name: 'Continue to send' }).click();

    // Send: not set up yet; the button opens Hello Customer's own form, pre-filled.
    await page.getByRole('heading', { name: 'Send', exact: true }).waitFor();
    await page.getByText('Hello Customer is not set up yet').waitFor(wait);
    expect(await page.getByRole('button', { name: 'Send now' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Set up the destination' }).click();
    await page.getByRole('heading', { name: 'New destination' }).waitFor(wait);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Hello Customer');
    expect(await page.getByLabel('Value for “touchpoint” in file names').count()).toBe(1);
    await page.getByLabel('Server', { exact: true }).fill(server.host);
    await page.getByLabel('Port').fill(String(server.port));
    await page.getByLabel('User name').fill(server.user.name);
    await page.getByLabel('Password', { exact: true }).fill(server.user.password);
    await page.getByLabel('Folder on the server').fill('/upload');
    await page.getByLabel('Value for “touchpoint” in file names').fill('NPS_after_visit');
    await page.getByRole('button', { name: 'Save and go back to the file' }).click();

    // Back where it left off: the destination is ready, the correction kept, the duplicate out.
    await page.getByRole('heading', { name: 'Send', exact: true }).waitFor(wait);
    const expected = [
      'Email;Language;FirstName;LastName;Department;CustomId',
      'contact0@example.be;NL;Name 0;Family 0;;',
      'contact1@example.be;NL;Name 1;Family 1;;',
      'contact3@example.be;NL;Name 3;Family 3;;',
      'contact4@example.be;NL;Name 4;Family 4;;',
    ];
    await expect
      .poll(() => page.getByTestId('first-lines').textContent(), wait)
      .toBe(expected.join('\n'));
    await expect
      .poll(() => page.getByRole('button', { name: 'Send now' }).isDisabled(), wait)
      .toBe(false);
    expect(await page.getByText('is not set up yet').count()).toBe(0);
    await page.getByRole('button', { name: 'Send now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Is this the right server?' });
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'It matches: trust and send' }).click();
    await expect
      .poll(() => page.getByTestId('send-outcome').textContent(), { timeout: 60_000 })
      .toContain('Sent: 4 rows delivered, 1 left out.');

    // The delivered bytes are what the duplicate sentence said: line 4 (Anne) did not go.
    const names = (await readdir(server.uploadDir)).filter(n => !n.startsWith('.'));
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^NPS_after_visit_\d{8}\.csv$/);
    const bytes = await readFile(join(server.uploadDir, names[0]!));
    expect(bytes.equals(Buffer.from(expected.join('\r\n') + '\r\n', 'utf8'))).toBe(true);
    expect(sentence).toContain('It is left out');
    expect(bytes.toString('utf8')).not.toContain('Anne');

    // One entry per destination: the set-up platform is listed once, under its name.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Check the rows' }).waitFor();
    await page.getByRole('button', { name: 'Back' }).first().click();
    await page.getByRole('heading', { name: 'Match the columns' }).waitFor();
    // The list of destinations arrives from main after the heading: wait for it.
    const helloOptions = async () =>
      (await page.getByLabel('Send to').locator('option').allTextContents()).filter(o =>
        o.startsWith('Hello Customer')
      );
    await expect.poll(helloOptions, wait).toEqual(['Hello Customer']);
    await app.close();
  }, 240_000);

  it('keeps the duplicates when the person chooses to, and says both are sent', async () => {
    const file = join(dir.path, 'again.xlsx');
    await writeTwoSheetWorkbook(file, { contacts: 4 });
    const app = await harness.openApp({ locale: 'en-GB' });
    const { page } = app;
    await dropFile(page, file);
    await page.getByRole('heading', { name: 'again.xlsx' }).waitFor(wait);
    await page.getByRole('button', { name: 'Continue to columns' }).click();
    await page.getByRole('heading', { name: 'Match the columns' }).waitFor();
    await page.getByLabel('Send to').selectOption('hello-customer');
    await expect
      .poll(() => page.getByLabel('Email', { exact: true }).inputValue(), wait)
      .toBe('E-mail');
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByRole('heading', { name: 'Check the rows' }).waitFor();
    await expect.poll(() => page.getByTestId('ready-count').textContent(), wait).toBe('3');
    const duplicates = page.locator('[data-code="duplicate.key"]');
    await duplicates.getByRole('button', { name: 'Send them too' }).click();
    await expect.poll(() => page.getByTestId('ready-count').textContent(), wait).toBe('4');
    expect(await page.getByText('Duplicate rows sent too').count()).toBe(1);
    expect(await duplicates.locator('p.muted').first().textContent()).toBe(
      'Another row has the same values in the destination’s key columns. Every row is sent, the duplicates too.'
    );
    await duplicates.getByRole('button', { name: 'Show the rows' }).click();
    expect((await duplicates.locator('.issue-list li .muted').first().textContent())!.trim()).toBe(
      'Line 4 has the same Email as line 2. Both are sent.'
    );
    await page.getByRole('button', { name: 'Continue to send' }).click();
    await expect
      .poll(() => page.getByTestId('first-lines').textContent(), wait)
      .toContain('CONTACT0@example.be;FR;Anne;Twice;;');
    await app.close();
  }, 120_000);
});
