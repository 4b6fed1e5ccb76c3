import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFile,
  saveScreenshot,
  seriousA11yViolations,
  startBrowser,
  type AppPage,
  type BrowserHarness,
} from '../harness/browser';
import { startSshd, type SshdServer } from '../harness/servers/sshd';
import { routeCall } from '../../src-main/ipc/ipc-router';
import { saveDestination } from '../../src-main/settings/destination-store';
import { writeMessyExport } from '../renderer/messy-export';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { courier } from '../main/cli-destinations/run-captured';
import { tempHome } from '../harness/temp-home';

// Services run in worker threads on two shared cores: give answers time.
const wait = { timeout: 30_000 };

/** The vendor's sample file as CustomerGauge hands it over: its header is the agreed layout. */
async function writeSampleWorkbook(path: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Contacts');
  sheet.addRow(['Email', 'First Name', 'Last Name', 'Language', 'City']);
  sheet.addRow(['anne@example.com', 'Anne', 'Dupont', 'fr', 'Gent']);
  sheet.addRow(['bart@example.com', 'Bart', 'Peeters', 'nl', 'Liège']);
  await book.xlsx.writeFile(path);
}

const screenshots = join(import.meta.dirname, '../../docs/screenshots');

/** The names of the editor's columns, in order. */
const columnOrder = (app: AppPage) =>
  app.page
    .locator('.editor-columns tbody tr')
    .evaluateAll(rows => rows.map(r => r.getAttribute('data-column')));

/** The files on the server, oldest name first (hidden temporary names left aside). */
const uploaded = async (dir: string) => (await readdir(dir)).filter(n => !n.startsWith('.')).sort();

describe('the destination editor', () => {
  let harness: BrowserHarness;
  let server: SshdServer;
  const dir = tempHome('ui-e2e-editor-', { shared: true });
  beforeAll(async () => {
    [server, harness] = await Promise.all([
      startSshd({ users: [{ auth: 'password' }] }),
      startBrowser(),
    ]);
  });
  afterAll(async () => {
    await harness?.close();
    await server?.stop();
  });

  it('builds a CustomerGauge destination from a sample workbook and sends exactly that layout', async () => {
    const user = server.users[0]!;
    const sample = join(dir.path, 'customergauge-sample.xlsx');
    const messy = join(dir.path, 'export.csv');
    await writeSampleWorkbook(sample);
    await writeMessyExport(messy);
    // Electron's file dialog, faked: it answers with the vendor's sample file.
    const app = await harness.openApp({ services: { pickFile: async () => sample } });
    const { page } = app;
    const content = page.locator('#content');

    // A destination from the CustomerGauge preset: the connection first.
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Add a destination' }).click();
    await page.getByRole('button', { name: /^CustomerGauge/ }).click();
    await page.getByLabel('Name', { exact: true }).fill('Acme NPS');
    await page.getByLabel('Server', { exact: true }).fill(server.host);
    await page.getByLabel('Port').fill(String(server.port));
    await page.getByLabel('User name').fill(user.name);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByLabel('Folder on the server').fill(user.uploadDir);
    await page.getByRole('button', { name: 'Save the destination' }).click();
    await page.getByRole('heading', { name: 'Edit Acme NPS' }).waitFor(wait);
    await page.getByRole('button', { name: 'Back' }).click();

    // The editor: CustomerGauge asks for the sample file first.
    await page.getByRole('button', { name: 'Columns and file format Acme NPS' }).click();
    await page.getByRole('heading', { name: 'Columns and file of Acme NPS' }).waitFor(wait);
    await page.getByText('CustomerGauge agrees a sample file with each customer').waitFor(wait);
    await page.getByRole('button', { name: 'Load the vendor’s sample file…' }).click();
    await page.getByTestId('sample-loaded').waitFor(wait);
    expect(await columnOrder(app)).toEqual([
      'Email',
      'First Name',
      'Last Name',
      'Language',
      'City',
    ]);
    // Rules guessed from the sample's values, shown and changeable.
    expect(await page.getByLabel('Kind of value for Email').inputValue()).toBe('email');
    expect(await page.getByLabel('Kind of value for Language').inputValue()).toBe('language');
    expect(await page.getByLabel('Letter case for Language').inputValue()).toBe('lower');

    // Reorder with the keyboard: Alt+↓ in “First Name” moves it after “Last Name”.
    await page.getByLabel('Name of column 2').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(() => columnOrder(app))
      .toEqual(['Email', 'Last Name', 'First Name', 'Language', 'City']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('column-name-2');
    await page.getByLabel('Email is required').check();
    await page.getByLabel('Separator between values').selectOption(';');
    await page
      .getByLabel('Encoding (how letters such as é are stored)')
      .selectOption('windows-1252');

    // The live preview: main writes the sample's rows as the send will.
    const previewLines = [
      'Email;Last Name;First Name;Language;City',
      'anne@example.com;Dupont;Anne;fr;Gent',
      'bart@example.com;Peeters;Bart;nl;Liège',
    ];
    await expect
      .poll(() => page.getByTestId('output-preview').textContent(), wait)
      .toBe(previewLines.join('\n'));
    expect(await page.getByTestId('next-file-name').textContent()).toMatch(
      /^contacts_\d{8}_\d{6}_1\.csv$/
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'destination-editor', 'light');
    await saveScreenshot(page, 'destination-editor', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // The preview section itself, for the README.
    await page.locator('[data-section="editor-preview"]').scrollIntoViewIfNeeded();
    await page
      .locator('[data-section="editor-preview"]')
      .screenshot({ path: join(screenshots, 'destination-editor-preview-light.png') });
    await page.getByRole('button', { name: 'Save the destination' }).click();
    await expect.poll(() => page.getByTestId('editor-message').textContent(), wait).toBe('Saved.');
    const saved = await app.services.destinations.require('Acme NPS');
    expect(saved.columns.map(c => c.name)).toEqual([
      'Email',
      'Last Name',
      'First Name',
      'Language',
      'City',
    ]);
    expect(saved.output).toMatchObject({ delimiter: ';', encoding: 'windows-1252' });
    // What the preview showed, byte for byte (main's answer to the editor's request).
    const preview = await app.handlers['destinations:preview-output']({
      destination: saved,
      samplePath: sample,
    });
    await page.getByRole('button', { name: 'Back to the destinations' }).click();

    // The messy export, mapped and sent to the real sshd.
    await dropFile(page, messy);
    await page.getByRole('button', { name: 'Continue to columns' }).click();
    await content.getByLabel('Email', { exact: true }).waitFor(wait);
    for (const [target, source] of [
      ['Email', 'E-mail'],
      ['Last Name', 'Nom'],
      ['First Name', 'Prénom'],
      ['Language', 'Langue'],
      ['City', 'Ville'],
    ] as const) {
      await content.getByLabel(target, { exact: true }).selectOption(source);
    }
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByRole('button', { name: 'Leave out all rows with problems' }).click(wait);
    await page.getByRole('button', { name: 'Continue to send' }).click();
    await page.getByRole('button', { name: 'Send now' }).click(wait);
    const trust = page.getByRole('button', { name: 'It matches: trust and send' });
    await trust.waitFor(wait);
    await trust.click();
    await expect
      .poll(() => page.getByTestId('send-outcome').textContent(), { timeout: 60_000 })
      .toMatch(/^Sent/);
    const expected = [
      'Email;Last Name;First Name;Language;City',
      'anne.dupont@example.be;Dupont;Anne;fr;Liège',
      'Bart.Peeters@Example.BE;Peeters;Bart;nl;Gent',
      'eva.janssens@example.com;Janssens;Eva;nl;Antwerpen',
      'françois@example.fr;Noël;François;fr;Mons',
    ];
    const [first] = await uploaded(user.uploadDir);
    expect(first).toMatch(/^contacts_\d{8}_\d{6}_1\.csv$/);
    const bytes = await readFile(join(user.uploadDir, first!));
    expect(bytes.toString('hex')).toBe(
      iconv.encode(expected.join('\r\n') + '\r\n', 'win1252').toString('hex')
    );

    // The preview's bytes are the bytes sent: the sample itself, sent as an export.
    await dropFile(page, sample);
    await page.getByRole('button', { name: 'Continue to columns' }).click();
    await expect
      .poll(() => content.getByLabel('City', { exact: true }).inputValue(), wait)
      .toBe('City');
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByRole('button', { name: 'Continue to send' }).click(wait);
    await page.getByRole('button', { name: 'Send now' }).click(wait);
    await expect
      .poll(() => page.getByTestId('send-outcome').textContent(), { timeout: 60_000 })
      .toMatch(/^Sent: 2 rows delivered/);
    expect(await uploaded(user.uploadDir)).toHaveLength(2);
    const second = (await uploaded(user.uploadDir)).find(n => n !== first)!;
    const sent = await readFile(join(user.uploadDir, second));
    expect(sent.toString('hex')).toBe(Buffer.from(preview.head, 'base64').toString('hex'));
    expect(preview.bytes).toBe(sent.length);
    expect(iconv.decode(sent, 'win1252')).toBe(previewLines.join('\r\n') + '\r\n');

    // The same destination exported, imported under a new name through the CLI (as IT deploys
    // it), sends the messy export as the same bytes the app sent.
    const exported = join(dir.path, 'acme-nps.json');
    const exporting = await courier(['destinations', 'export', 'Acme NPS', '--out', exported], {
      home: app.home,
    });
    expect(exporting.code, exporting.stderr).toBe(0);
    const imported = await courier(
      ['destinations', 'import', exported, '--name', 'Acme NPS copy', '--password-stdin'],
      { home: app.home, stdin: `${user.password}\n` }
    );
    expect(imported.code, imported.stderr).toBe(0);
    const mapping = join(dir.path, 'acme-mapping.json');
    await writeFile(
      mapping,
      JSON.stringify({
        Email: 'E-mail',
        'Last Name': 'Nom',
        'First Name': 'Prénom',
        Language: 'Langue',
        City: 'Ville',
      })
    );
    const byCli = await courier(
      ['send', messy, '--destination', 'Acme NPS copy', '--mapping', mapping, '--exclude-invalid'],
      { home: app.home }
    );
    expect(byCli.code, byCli.stderr).toBe(0);
    const third = (await uploaded(user.uploadDir)).find(n => n !== first && n !== second)!;
    expect((await readFile(join(user.uploadDir, third))).toString('hex')).toBe(
      bytes.toString('hex')
    );
    await app.close();
  }, 240_000);

  it('refuses a Hello Customer destination without its touchpoint, at that field', async () => {
    const app = await harness.openApp();
    const { page } = app;
    // Added without a touchpoint (as an older Courier could), on an IP address and over SFTP.
    const base = destinationFromPreset('hello-customer', 'HC Gent');
    // Written straight to the settings folder: today's service refuses it, as the editor will.
    await saveDestination(app.home, {
      ...base,
      transport: { ...base.transport, protocol: 'sftp', host: '192.0.2.10', user: 'gent' },
    });
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Columns and file format HC Gent' }).click();
    await page.getByRole('heading', { name: 'Columns and file of HC Gent' }).waitFor(wait);

    // The vendor's warnings: a host name, never an IP address; FTPS only.
    const warnings = page.getByTestId('vendor-warnings');
    await warnings.waitFor(wait);
    expect(
      await warnings
        .locator('[data-warning]')
        .evaluateAll(items => items.map(i => i.getAttribute('data-warning')))
    ).toEqual(['hello-customer.ip-address', 'hello-customer.not-ftps']);

    // Saving is refused, with the sentence at the touchpoint field; nothing is written.
    await page.getByRole('button', { name: 'Save the destination' }).click();
    const atField = page.locator('[data-field="variables.touchpoint"]');
    await expect
      .poll(() => atField.textContent(), wait)
      .toBe('The file name needs a value for “touchpoint”.');
    expect(await page.getByTestId('editor-message').textContent()).toContain(
      'Some fields need attention'
    );
    // The keyboard is taken to the field to fill.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid') ?? null))
      .toBe('true');
    await page
      .locator('[data-section="editor-file-name"]')
      .screenshot({ path: join(screenshots, 'destination-editor-touchpoint-light.png') });
    await expect(
      app.handlers['destinations:save']({
        destination: await app.services.destinations.require('HC Gent'),
        previousName: 'HC Gent',
      })
    ).rejects.toMatchObject({
      code: 'destination.variable-missing',
      params: { field: 'variables.touchpoint' },
    });

    // With a touchpoint it saves, and the next file name carries it.
    await page
      .getByLabel('Value for “touchpoint” in file names (required)')
      .fill('NPS_after_visit');
    await expect
      .poll(() => page.getByTestId('next-file-name').textContent(), wait)
      .toMatch(/^NPS_after_visit_\d{8}\.csv$/);
    await page.getByRole('button', { name: 'Save the destination' }).click();
    await expect.poll(() => page.getByTestId('editor-message').textContent(), wait).toBe('Saved.');
    expect((await app.services.destinations.require('HC Gent')).variables).toEqual({
      touchpoint: 'NPS_after_visit',
    });
    await app.close();
  }, 120_000);

  it('brings a section back to the preset’s value', async () => {
    const app = await harness.openApp();
    const { page } = app;
    await app.services.destinations.create({
      ...destinationFromPreset('hello-customer', 'HC Reset'),
      variables: { touchpoint: 'NPS' },
    });
    // A scheduled job sends Department: removing that column concerns it.
    app.openedFiles.add(join(app.home, 'export.csv'), 'drop');
    const job = await routeCall(
      app.handlers,
      'jobs:save',
      {
        name: 'Nightly NPS',
        source: { kind: 'file', path: join(app.home, 'export.csv') },
        destination: 'HC Reset',
        mapping: { Email: 'E-mail', Department: 'Afdeling' },
      },
      true
    );
    expect(job.ok).toBe(true);
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Columns and file format HC Reset' }).click();
    await page.getByRole('heading', { name: 'Columns and file of HC Reset' }).waitFor(wait);
    const format = page.locator('[data-section="editor-format"]');
    const columns = page.locator('[data-section="editor-columns"]');
    const reset = (section: typeof format) =>
      section.getByRole('button', { name: /^Reset to the preset’s value/ });
    // As the preset: no way back is offered, there is nothing to go back to.
    expect(await reset(format).count()).toBe(0);
    expect(await reset(columns).count()).toBe(0);

    await page.getByLabel('Separator between values').selectOption(',');
    await page.getByRole('button', { name: 'Remove Department' }).click();
    await expect
      .poll(() => page.getByTestId('affected-jobs').textContent(), wait)
      .toContain('Nightly NPS (Department)');
    await page.getByRole('button', { name: 'Move CustomId up' }).click();
    await expect
      .poll(() => columnOrder(app))
      .toEqual(['Email', 'Language', 'FirstName', 'CustomId', 'LastName']);
    await expect
      .poll(() => page.getByTestId('output-preview').textContent(), wait)
      .toMatch(/^Email,Language,FirstName,CustomId,LastName\n/);
    await saveScreenshot(page, 'destination-editor-reset', 'light');

    await reset(format).click();
    expect(await page.getByLabel('Separator between values').inputValue()).toBe(';');
    expect(await reset(format).count()).toBe(0);
    await reset(columns).click();
    expect(await page.getByTestId('affected-jobs').count()).toBe(0);
    expect(await columnOrder(app)).toEqual([
      'Email',
      'Language',
      'FirstName',
      'LastName',
      'Department',
      'CustomId',
    ]);
    await expect
      .poll(() => page.getByTestId('output-preview').textContent(), wait)
      .toMatch(/^Email;Language;FirstName;LastName;Department;CustomId\n/);
    await app.close();
  }, 120_000);

  it('shows Digitaleo’s options only for Digitaleo, and moves a column by dragging it', async () => {
    const app = await harness.openApp();
    const { page } = app;
    await app.services.destinations.create(destinationFromPreset('digitaleo', 'Digitaleo Shop'));
    await app.services.destinations.create({
      ...destinationFromPreset('generic', 'Partner'),
      columns: [{ name: 'Email' }, { name: 'Name' }, { name: 'City' }],
    });
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Columns and file format Partner' }).click();
    await page.getByRole('heading', { name: 'Columns and file of Partner' }).waitFor(wait);
    expect(await page.getByLabel('What Digitaleo does with the file').count()).toBe(0);
    // A drag by the row (as the mouse does it: dragstart on one row, drop on another).
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    await page.dispatchEvent('tr[data-column="City"]', 'dragstart', { dataTransfer });
    await page.dispatchEvent('tr[data-column="Email"]', 'dragover', { dataTransfer });
    await page.dispatchEvent('tr[data-column="Email"]', 'drop', { dataTransfer });
    await expect.poll(() => columnOrder(app)).toEqual(['City', 'Email', 'Name']);
    await page.getByRole('button', { name: 'Back to the destinations' }).click();

    await page.getByRole('button', { name: 'Columns and file format Digitaleo Shop' }).click();
    await page.getByRole('heading', { name: 'Columns and file of Digitaleo Shop' }).waitFor(wait);
    await page.getByLabel('What Digitaleo does with the file').selectOption('import');
    await page.getByLabel('Import mode').selectOption('syncExistingList');
    await page.getByLabel('List name (the file is named after it)').fill('Clients');
    await page
      .getByLabel('What identifies one contact in the account (uniqueness key)')
      .selectOption('reference');
    await page.getByLabel('One file for several accounts', { exact: false }).check();
    await expect
      .poll(() => page.getByTestId('next-file-name').textContent(), wait)
      .toMatch(/^Clients_\d{8}_\d{6}\.csv$/);
    await page
      .locator('[data-section="editor-platform"]')
      .screenshot({ path: join(screenshots, 'destination-editor-digitaleo-light.png') });
    await page.getByRole('button', { name: 'Save the destination' }).click();
    await expect.poll(() => page.getByTestId('editor-message').textContent(), wait).toBe('Saved.');
    const saved = await app.services.destinations.require('Digitaleo Shop');
    expect(saved.digitaleo).toEqual({
      action: 'import',
      importMode: 'syncExistingList',
      uniqueness: 'reference',
      multiAccount: true,
    });
    expect(saved.variables.list).toBe('Clients');
    await app.close();
  }, 120_000);

  it('changes the file type and saves a file of dummy data in the destination’s format', async () => {
    const target = join(dir.path, 'partner-dummy.csv');
    const dialogs: string[] = [];
    const app = await harness.openApp({
      services: { pickSaveTarget: async options => (dialogs.push(options.title), target) },
    });
    const { page } = app;
    await app.services.destinations.create({
      ...destinationFromPreset('generic', 'Partner Test'),
      columns: [{ name: 'Email', rule: 'email' }, { name: 'Name' }],
    });
    await page.getByRole('button', { name: 'Destinations' }).click();
    await page.getByRole('button', { name: 'Columns and file format Partner Test' }).click();
    await page.getByRole('heading', { name: 'Columns and file of Partner Test' }).waitFor(wait);

    // Unsaved changes first: the dummy data follows the saved destination, and says so.
    await page.getByLabel('Send the rows as').selectOption('xlsx');
    await page.getByRole('button', { name: 'Save dummy data…' }).click();
    await expect
      .poll(() => page.getByTestId('editor-message').textContent(), wait)
      .toMatch(/^Save your changes first/);
    expect(dialogs).toEqual([]);
    await page.getByLabel('Send the rows as').selectOption('csv');
    await page.getByRole('button', { name: 'Save the destination' }).click();
    await expect.poll(() => page.getByTestId('editor-message').textContent(), wait).toBe('Saved.');

    await page.getByRole('button', { name: 'Save dummy data…' }).click();
    await expect
      .poll(() => page.getByTestId('editor-message').textContent(), wait)
      .toMatch(/^Dummy data saved: 10 invented contacts in /);
    expect(dialogs).toEqual(['Save a file of dummy data']);
    const lines = (await readFile(target, 'utf8')).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/Email.Name/);
    expect(lines).toHaveLength(11);
    // Offered to send it: the test file opens in the send flow.
    await page.getByRole('button', { name: 'Send this test file now…' }).click();
    await page.getByRole('button', { name: 'Continue to columns' }).waitFor(wait);
    await app.close();
  }, 120_000);
});
