import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseDestination, type Destination } from '../../src-core/destinations/destination';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { startBrowser, type BrowserHarness } from '../harness/browser';
import { changed, mountSection } from '../harness/section-mount';
import { prepare, text } from '../core/preparation/helpers';

const patience = { timeout: 20_000 };

/** BlueConic profiles with a number, a list and a date-time column, as a customer agreed them. */
function profiles(): Destination {
  const preset = destinationFromPreset('blueconic', 'Profiles');
  return parseDestination({
    ...preset,
    columns: [
      ...preset.columns,
      { name: 'score', rule: 'number' },
      { name: 'interests' },
      { name: 'last_visit', rule: 'date' },
    ],
  });
}

// Issue 16: the “Numbers, lists and dates” section of the destination editor, mounted alone in
// Chromium. What a person sets there is what the preparation writes.
describe('the Numbers, lists and dates section', () => {
  let harness: BrowserHarness;
  let page: Page;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await page?.context().close();
    await harness?.close();
  });

  it('sets the decimal and list separators, the date format and both time zones, and a list column', async () => {
    const context = await harness.browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
    await mountSection(page, 'numbers-and-dates', profiles());
    await page.getByRole('heading', { name: 'Numbers, lists and dates' }).waitFor(patience);

    await page.getByLabel('Decimal separator').selectOption(',');
    const list = page.getByLabel('Separator between list items');
    await list.fill('');
    await page.getByText('Type one to three characters, for example |.').waitFor(patience);
    expect((await changed(page)).destination.output.multiValueSeparator).toBe('|');
    await list.fill(';');
    await page.getByText('A list is written as sports;music.').waitFor(patience);

    await page.getByLabel('Date format').fill('DD/MM/YYYY HH:mm');
    await page.getByText('A date is written as 29/03/2026 14:05.').waitFor(patience);

    const zone = page.getByLabel('Time zone of the platform');
    await zone.fill('Mars/Olympus');
    await expect.poll(() => zone.getAttribute('aria-invalid'), patience).toBe('true');
    expect((await changed(page)).destination.output.timeZone).toBeNull();
    await zone.fill('UTC');
    await page.getByLabel('Time zone of your files').fill('Europe/Brussels');

    await page.getByLabel('interests holds a list').check();
    await page.getByLabel('In your file, the items of interests are separated by').fill(',');
    await page
      .getByLabel('Also take items of interests from these columns (separated by commas)')
      .fill('Interest 2');

    const { destination } = await changed(page);
    const saved = parseDestination(JSON.parse(JSON.stringify(destination)));
    expect(saved.output).toMatchObject({
      decimal: ',',
      multiValueSeparator: ';',
      dateFormat: 'DD/MM/YYYY HH:mm',
      timeZone: 'UTC',
      sourceTimeZone: 'Europe/Brussels',
    });
    expect(saved.columns.find(c => c.name === 'interests')?.multiValue).toEqual({
      sourceSeparator: ',',
      alsoFrom: ['Interest 2'],
    });

    // What the section set is what the file holds: 3.5 → 3,5; a list; Brussels summer → UTC.
    const header = ['customer_id', 'score', 'interests', 'Interest 2', 'last_visit'];
    const mapping = {
      customer_id: 'customer_id',
      score: 'score',
      interests: 'interests',
      last_visit: 'last_visit',
    };
    const r = prepare(saved, header, [['c1', '3.5', 'sports, music', 'art', '2026-07-01 12:00']], {
      mapping,
    });
    expect(r.issues).toEqual([]);
    expect(text(r, saved)).toBe(
      'customer_id,email,first_name,last_name,language,score,interests,last_visit\nc1,,,,,"3,5",sports;music;art,01/07/2026 10:00\n'
    );

    // Unticking the list makes the column plain again.
    await page.getByLabel('interests holds a list').uncheck();
    expect(
      (await changed(page)).destination.columns.find(c => c.name === 'interests')?.multiValue
    ).toBeUndefined();
  });

  it('speaks French and Dutch', async () => {
    for (const [language, title, decimal] of [
      ['fr', 'Nombres, listes et dates', 'Séparateur décimal'],
      ['nl', 'Getallen, lijsten en datums', 'Decimaalteken'],
    ] as const) {
      const context = await harness.browser.newContext({ locale: `${language}-BE` });
      const p = await context.newPage();
      await mountSection(p, 'numbers-and-dates', profiles(), { language });
      await p.getByRole('heading', { name: title }).waitFor(patience);
      await p.getByLabel(decimal).selectOption(',');
      expect((await changed(p)).destination.output.decimal).toBe(',');
      await context.close();
    }
  });
});
