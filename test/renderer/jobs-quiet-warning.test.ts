import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCall } from '../../src-main/ipc/ipc-router';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { seriousA11yViolations, startBrowser, type BrowserHarness } from '../harness/browser';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// Issue 15, item 5, in the app (Dutch): the job form sets "warn me when nothing new has come for
// N days" through the real job service (a wrong number is refused in words), the jobs list says
// it, and History shows a quiet run's warning in the person's language.
describe('the warning when nothing new comes, in the app', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('is set on the job form and shown in History', async () => {
    const app = await harness.openApp({ locale: 'nl-BE' });
    const { page, handlers, home } = app;
    // A step that cannot happen fails with the control it waited for, not with the test's time-out.
    page.setDefaultTimeout(patience.timeout);
    // The job was made from a file the person had opened.
    app.openedFiles.add(join(home, 'export.csv'), 'drop');
    await app.services.destinations.create(destinationFromPreset('generic', 'Partner'));
    const saved = await routeCall(
      handlers,
      'jobs:save',
      {
        name: 'Weekexport',
        source: { kind: 'file', path: join(home, 'export.csv') },
        destination: 'Partner',
        scheduleText: 'every day at 02:00',
      },
      true
    );
    expect(saved.ok, JSON.stringify(saved)).toBe(true);

    await page.getByRole('button', { name: 'Geplande taken' }).click();
    const row = page.locator('tr[data-job="Weekexport"]');
    await row.waitFor(patience);
    expect(await row.getByTestId('job-quiet').count()).toBe(0);
    await row.getByRole('button', { name: 'Schema wijzigen Weekexport' }).click();
    const form = page.getByRole('form', { name: 'Wanneer „Weekexport” loopt' });
    await form.waitFor(patience);
    await form.getByLabel('Waarschuw me als er een tijd niets nieuws komt').check();
    const days = form.getByLabel('Dagen zonder iets nieuws vóór de waarschuwing');
    // A week is offered; a number that is not a whole number of days is refused in words.
    expect(await days.inputValue()).toBe('7');
    await days.fill('0');
    await form.getByRole('button', { name: 'Schema opslaan' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent(), patience)
      .toBe('Geef een geheel aantal dagen, van 1 tot 366.');
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await days.fill('10');
    await form.getByRole('button', { name: 'Schema opslaan' }).click();
    await form.waitFor({ state: 'detached', ...patience });
    await expect
      .poll(() => row.getByTestId('job-quiet').textContent(), patience)
      .toBe('Waarschuwt na 10 dagen zonder iets nieuws');
    const stored = JSON.parse(await readFile(join(home, 'jobs.json'), 'utf8')) as {
      jobs: { warnAfterDays: number | null }[];
    };
    expect(stored.jobs[0]!.warnAfterDays).toBe(10);

    // A quiet run as the job records it; History shows its warning in Dutch.
    await app.services.history.append({
      startedAt: '2026-03-13T02:00:00.000Z',
      trigger: 'job',
      job: { id: 'j', name: 'Weekexport' },
      outcome: 'nothing-new',
      destination: 'Partner',
      warning: {
        code: 'jobs.nothing-new-for-days',
        message:
          'Nothing new has come for the job “Weekexport” for 10 days (since 2026-03-03). Check that the export it waits for is still made.',
        params: { job: 'Weekexport', days: 10, day: '2026-03-03' },
      },
    });
    await page.getByRole('button', { name: 'Geschiedenis' }).click();
    await expect
      .poll(() => page.getByTestId('run-warning').first().textContent(), patience)
      .toBe(
        'Voor de taak „Weekexport” is al 10 dagen niets nieuws gekomen (sinds 3 maart 2026). Controleer of de export waarop ze wacht nog gemaakt wordt.'
      );
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
