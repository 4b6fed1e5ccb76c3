import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { Run } from '../../../src-core/history/run';
import {
  NotificationService,
  notificationKind,
  notificationText,
} from '../../../src-main/electron/notifications/notification-service';

// A job quiet for its `warnAfterDays` notifies, in the person's language; a plain "nothing new"
// stays calm (no notification), as before.

const quiet = Run.parse({
  id: 'r1',
  startedAt: '2026-03-06T02:00:00.000Z',
  trigger: 'job',
  job: { id: 'j1', name: 'Weekly export' },
  outcome: 'nothing-new',
  destination: 'Partner',
  warning: {
    code: 'jobs.nothing-new-for-days',
    message: 'Nothing new has come for the job “Weekly export” for 3 days (since 2026-03-03).',
    params: { job: 'Weekly export', days: 3, day: '2026-03-03' },
  },
});
const calm = Run.parse({ ...quiet, id: 'r2', warning: null });

describe('the quiet-job notification', () => {
  it('is its own kind, said in English, French or Dutch', () => {
    expect(notificationKind(quiet)).toBe('nothing-new-for-days');
    expect(notificationKind(calm)).toBeNull();
    expect(notificationText(quiet, 'nothing-new-for-days')).toEqual({
      title: '“Weekly export”: nothing new for 3 days',
      body: 'No new file has come since 2026-03-03. Check that the export it waits for is still made. Click to see the run.',
    });
    expect(notificationText(quiet, 'nothing-new-for-days', 'nl-BE').title).toBe(
      '„Weekly export”: al 3 dagen niets nieuws'
    );
    expect(notificationText(quiet, 'nothing-new-for-days', 'fr').title).toBe(
      '« Weekly export » : rien de nouveau depuis 3 jours'
    );
  });

  it('is shown (with sound) by the service on fake Electron objects, and opens the run on click', () => {
    const shown: NotificationConstructorOptions[] = [];
    const opened: string[] = [];
    let click: () => void = () => undefined;
    const service = new NotificationService({
      createNotification: options => ({
        show: () => shown.push(options),
        close: () => undefined,
        on: (event: string, listener: () => void) => {
          if (event === 'click') click = listener;
        },
      }),
      openRun: id => opened.push(id),
      locale: 'nl',
    });
    expect(service.notifyRun(calm)).toBeNull();
    expect(service.notifyRun(quiet)).toBe('nothing-new-for-days');
    expect(shown).toEqual([
      {
        title: '„Weekly export”: al 3 dagen niets nieuws',
        body: 'Sinds 2026-03-03 is er geen nieuw bestand gekomen. Controleer of de export waarop de taak wacht nog gemaakt wordt. Klik om de uitvoering te zien.',
        silent: false,
      },
    ]);
    click();
    expect(opened).toEqual(['r1']);
  });
});
