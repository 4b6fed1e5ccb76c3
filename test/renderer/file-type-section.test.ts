import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDestination } from '../../src-core/destinations/destination';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { changed, mountSection } from '../harness/section-mount';
import { prepare } from '../core/preparation/helpers';

const patience = { timeout: 20_000 };

// Issue 16: the “File type” section of the destination editor, mounted alone in Chromium. The
// workbook kind chosen there is the kind of file the preparation writes.
describe('the File type section', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('chooses Excel 97–2003 for CustomerGauge, says what happens to cells and rows, and back to CSV', async () => {
    const context = await harness.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const preset = destinationFromPreset('customergauge', 'CustomerGauge');
    await mountSection(page, 'file-type', preset);
    await page.getByRole('heading', { name: 'File type' }).waitFor(patience);
    expect(await page.getByTestId('workbook-notes').count()).toBe(0);

    await page.getByLabel('Send the rows as').selectOption('xls');
    const notes = page.getByTestId('workbook-notes');
    await notes.waitFor(patience);
    expect(await notes.textContent()).toContain(
      'At most 5,000 rows per workbook: more rows are split into several workbooks.'
    );
    expect(await notes.textContent()).toContain(
      'Files are named like contacts_{date:YYYYMMDD}_{time:HHmmss}_{counter}.xls.'
    );
    const { destination } = await changed(page);
    const saved = parseDestination(JSON.parse(JSON.stringify(destination)));
    expect(saved.output.format).toBe('xls');
    // The core writes the rows for a workbook; the name already has the workbook's extension.
    const header = saved.columns.map(c => c.name);
    const r = prepare(saved, header, [header.map(() => '')]);
    expect(r.files.every(f => f.name.endsWith('.xls'))).toBe(true);

    await page.getByLabel('Send the rows as').selectOption('csv');
    expect((await changed(page)).destination.output.format).toBe('csv');
    await context.close();
  });

  it('XML: loads the platform’s sample, shows what it learnt, and refuses a sample it cannot follow in words', async () => {
    const sample = readFileSync(
      join(import.meta.dirname, '../fixtures/golden-xml/customergauge/sample.xml')
    );
    for (const [language, refusedWords] of [
      [
        'en',
        '“Phone” repeats inside one “Contact”. Courier can follow records where each field appears once, not repeating groups.',
      ],
      ['fr', 'L’exemple contient un groupe dans ses enregistrements (« Phone »).'],
    ] as const) {
      const context = await harness.browser.newContext({
        locale: language === 'en' ? 'en-GB' : 'fr-BE',
      });
      const page = await context.newPage();
      const preset = parseDestination({
        ...destinationFromPreset('customergauge', 'CustomerGauge'),
        columns: [{ name: 'First name' }, { name: 'Last name' }],
        duplicateKey: [],
      });
      await mountSection(page, 'file-type', preset, { language });
      const chooser = language === 'en' ? 'Send the rows as' : 'Envoyer les lignes sous forme de';
      await page.getByLabel(chooser).selectOption('xml');
      const input = page.locator('[data-testid="xml-sample"] input[type=file]');
      await input.setInputFiles({
        name: 'nested.xml',
        mimeType: 'text/xml',
        buffer: Buffer.from('<Root><Contact><Phone>1</Phone><Phone>2</Phone></Contact></Root>'),
      });
      await expect
        .poll(() => page.getByRole('alert').textContent(), patience)
        .toContain(refusedWords);
      expect((await changed(page)).destination.output.xml).toBeNull();

      await input.setInputFiles({ name: 'sample.xml', mimeType: 'text/xml', buffer: sample });
      if (language === 'en') {
        await page
          .getByText('Learnt from sample.xml: each row is a “Contact” inside “CGImport”.')
          .waitFor(patience);
        const fields = page.getByRole('list', { name: 'Fields of a record' });
        expect(await fields.locator('li').allTextContents()).toEqual([
          'element “FirstName” ← First name',
          'element “lastName” ← Last name',
          'element “EmailAddress” ← EmailAddress',
          'element “cg:Segment” ← cg:Segment',
          'element “Reference” ← Reference',
        ]);
      } else {
        await page
          .getByText('Appris de sample.xml : chaque ligne est un « Contact » dans « CGImport ».')
          .waitFor(patience);
      }
      const saved = parseDestination(JSON.parse(JSON.stringify((await changed(page)).destination)));
      expect(saved.output.format).toBe('xml');
      expect(saved.output.xml?.root.name).toBe('CGImport');
      // The rows become records in the sample's structure: the core's golden file exactly.
      const header = ['First name', 'Last name', 'EmailAddress', 'cg:Segment', 'Reference'];
      const r = prepare(
        parseDestination({ ...saved, fileName: 'contacts_{counter}.csv' }),
        header,
        [
          ['Zoë', "O'Brien & <Sons>", 'zoe@example.be', 'B2B', '007'],
          ['=1+1', '', 'x@example.be', '"quoted"', ''],
        ]
      );
      const golden = readFileSync(
        join(import.meta.dirname, '../fixtures/golden-xml/customergauge/expected.xml')
      );
      expect(Buffer.from(r.files[0]!.bytes).equals(golden)).toBe(true);
      await context.close();
    }
  });

  it('speaks French and Dutch', async () => {
    for (const [language, label, option] of [
      ['fr', 'Envoyer les lignes sous forme de', 'Classeur Excel (.xlsx)'],
      ['nl', 'Verstuur de rijen als', 'Excel-werkmap (.xlsx)'],
    ] as const) {
      const context = await harness.browser.newContext({ locale: `${language}-BE` });
      const page = await context.newPage();
      await mountSection(page, 'file-type', destinationFromPreset('customergauge', 'CG'), {
        language,
      });
      await page.getByLabel(label).selectOption({ label: option });
      expect((await changed(page)).destination.output.format).toBe('xlsx');
      await context.close();
    }
  });
});
