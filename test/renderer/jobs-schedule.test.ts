import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCall } from '../../src-main/ipc/ipc-router';
import { destinationFromPreset } from '../../src-core/destinations/presets';
import { seriousA11yViolations, startBrowser, type BrowserHarness } from '../harness/browser';

// Chromium and the services share two cores with other tests: wait patiently, never sleep.
const patience = { timeout: 20_000 };

// The jobs screen in French, with the real job service behind it: a schedule typed in French
// words is understood, said back in French, refused with examples when it is nonsense, and saved.
describe('a schedule in words on the jobs screen', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowser();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('understands a French schedule in the French interface and saves it', async () => {
    const app = await harness.openApp({ locale: 'fr-BE' });
    const { page, handlers, home } = app;
    // The job was made from a file the person had opened.
    app.openedFiles.add(join(home, 'export.csv'), 'drop');
    // A job is saved only for a destination that exists.
    await app.services.destinations.create(destinationFromPreset('generic', 'Partenaire'));
    const saved = await routeCall(
      handlers,
      'jobs:save',
      {
        name: 'Export CRM',
        source: { kind: 'file', path: join(home, 'export.csv') },
        destination: 'Partenaire',
        scheduleText: 'every day at 02:00',
      },
      true
    );
    expect(saved.ok).toBe(true);

    await page.getByRole('button', { name: 'Tâches planifiées' }).click();
    const row = page.locator('tr[data-job="Export CRM"]');
    await expect
      .poll(() => row.locator('td').first().textContent(), patience)
      .toBe('Chaque nuit à 02:00');
    await row.getByRole('button', { name: 'Modifier l’horaire Export CRM' }).click();
    const form = page.getByRole('form', { name: 'Quand « Export CRM » s’exécute' });
    await form.waitFor(patience);
    await form.getByLabel('Quand', { exact: true }).selectOption('custom');
    const words = form.getByLabel('Horaire en mots');
    expect(await form.getByText('Par exemple : « tous les soirs à 22h »').count()).toBe(1);

    // Understood as it is typed, and said back in French.
    await words.fill('tous les lundis et jeudis à 18h');
    const understood = form.getByTestId('schedule-understood');
    await expect
      .poll(() => understood.textContent(), patience)
      .toBe('Compris : chaque lundi et jeudi à 18:00');
    // Dutch or English words work in the French interface too; the answer stays French.
    await words.fill('elke werkdag om 7.30 uur');
    await expect
      .poll(() => understood.textContent(), patience)
      .toBe('Compris : du lundi au vendredi à 07:30');

    // The evening in the opening words puts 8h after noon.
    await words.fill('tous les soirs à 8h');
    await expect
      .poll(() => understood.textContent(), patience)
      .toBe('Compris : tous les jours à 20:00');
    // “Twice a day” says when it runs: at midnight too.
    await words.fill('deux fois par jour');
    await expect
      .poll(() => understood.textContent(), patience)
      .toBe('Compris : deux fois par jour, à 00:00 et 12:00');
    // More than 24 times: refused in words, and the screen stays up.
    const tooMany = Array.from({ length: 25 }, (_, i) => `${i % 24}h${i < 24 ? '' : '30'}`);
    await words.fill(`tous les jours à ${tooMany.join(', ')}`);
    await words.blur();
    await expect
      .poll(() => form.getByTestId('schedule-problem').textContent(), patience)
      .toBe(
        'Une tâche s’exécute au plus 24 fois par jour ; pour plus souvent, écrivez par exemple « toutes les 15 minutes ».'
      );
    expect(await understood.count()).toBe(0);

    // Nonsense: not saved, and the error says in French which forms work.
    await words.fill('quand ça vous chante');
    await form.getByRole('button', { name: 'Enregistrer l’horaire' }).click();
    const problem = form.getByTestId('schedule-problem');
    await expect
      .poll(() => problem.textContent(), patience)
      .toMatch(
        /^Courier n’a pas compris « quand ça vous chante »\. Écrivez par exemple « tous les soirs à 22h », « du lundi au vendredi à 7h30 »/
      );
    expect(await words.getAttribute('aria-invalid')).toBe('true');
    expect(await understood.count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await words.fill('tous les lundis et jeudis à 18h');
    await form.getByRole('button', { name: 'Enregistrer l’horaire' }).click();
    await form.waitFor({ state: 'detached', ...patience });
    await expect
      .poll(() => row.locator('td').first().textContent(), patience)
      .toBe('Chaque lundi et jeudi à 18:00');
    // The next run is on a Monday or Thursday at 18:00.
    await expect.poll(() => row.locator('td').nth(2).textContent(), patience).toMatch(/18:00/);

    // Saved through the real job service: the schedule itself, not just words.
    const listed = await routeCall(handlers, 'jobs:list', undefined, true);
    expect(
      listed.ok && (listed.value as { jobs: { schedule: unknown }[] }).jobs[0]!.schedule
    ).toEqual({
      kind: 'weekly',
      days: ['mon', 'thu'],
      times: ['18:00'],
    });
    const stored = JSON.parse(await readFile(join(home, 'jobs.json'), 'utf8')) as unknown;
    expect(JSON.stringify(stored)).toContain('"days":["mon","thu"]');

    // Opened again, the schedule shows as French words to edit, which read back the same.
    await row.getByRole('button', { name: 'Modifier l’horaire Export CRM' }).click();
    await expect
      .poll(() => page.getByLabel('Horaire en mots').inputValue(), patience)
      .toBe('chaque lundi et jeudi à 18:00');

    // The editor, opened from the row, has the keyboard focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), patience)
      .toBe('edit-schedule-title');

    // Back to “only when asked”: the job keeps no schedule and waits for “Run now”.
    const again = page.getByRole('form', { name: 'Quand « Export CRM » s’exécute' });
    await again
      .getByLabel('Quand', { exact: true })
      .selectOption({ label: 'Seulement sur demande' });
    await again.getByRole('button', { name: 'Enregistrer l’horaire' }).click();
    await again.waitFor({ state: 'detached', ...patience });
    // Focus is back on the row's button, where the user was.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), patience)
      .toBe('Modifier l’horaire Export CRM');
    await expect
      .poll(() => row.locator('td').first().textContent(), patience)
      .toBe('Seulement sur demande');
    const manual = await routeCall(handlers, 'jobs:list', undefined, true);
    expect(
      manual.ok && (manual.value as { jobs: { schedule: unknown }[] }).jobs[0]!.schedule
    ).toBeNull();
    await app.close();
  }, 120_000);
});
