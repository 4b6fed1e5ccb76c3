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
