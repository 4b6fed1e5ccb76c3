import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Menu, NotificationConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import type { Job } from '../../../src-core/jobs/job';
import { startBackground } from '../../../src-main/electron/tray/background-app';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createAppJobs } from '../../../src-main/jobs/app-jobs';
import { createFolderPicker } from '../../../src-main/jobs/folder-picker';
import { createJobRunner } from '../../../src-main/jobs/job-runner';
import { createJobStore } from '../../../src-main/jobs/job-store';
import { createPipelineRunSend } from '../../../src-main/jobs/pipeline-send';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { uploadFiles } from '../../../src-main/transfers/upload-files';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { FakeClock } from './fake-clock';
import { tempHome } from '../../harness/temp-home';

// Issue 15, item 5: a job can warn when nothing new has come for N days. On a fake clock, through
// the app's jobs (real scheduler, pipeline and sshd) with the tray and notifications on fake
// Electron objects: quiet days pass calmly, then the run says so in History and in a
// notification (in the person's language), and not again until N more quiet days.

const csv = (tag: string) => `Email\r\n${tag}@example.be\r\n`;

describe('a job that warns when nothing new has come', () => {
  let sshd: SshdServer;
  const dir = tempHome('courier-quiet-', { shared: true });

  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }, { auth: 'password' }] });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  const destination = (name: string, user: SshdServer['users'][number]) => ({
    ...destinationFromPreset('generic', name),
    folder: 'upload',
    transport: {
      protocol: 'sftp' as const,
      host: '127.0.0.1',
      port: sshd.port,
      user: user.name,
      hostKey: sshd.hostKeyFingerprint,
    },
  });

  it('a watched folder quiet for 3 days: History warning and a French notification, not repeated the next day', async () => {
    const home = join(dir.path, 'folder-job');
    const folder = join(dir.path, 'exports');
    await mkdir(home, { recursive: true });
    await mkdir(folder, { recursive: true });
    const user = sshd.users[0]!;
    await saveDestination(home, destination('Partner', user));
    const clock = new FakeClock('2026-03-02T08:00:00.000Z');
    const history = createHistoryStore(home, { now: clock.now });
    const jobs = createAppJobs({
      home,
      secrets: fixedSecrets({ password: user.password }),
      history,
      upload: uploadFiles,
      clock: { now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer },
    });
    await jobs.service.save({
      name: 'Weekly export',
      source: { kind: 'folder', folder, pattern: 'export-*.csv', pick: 'newest' },
      destination: 'Partner',
      scheduleText: 'every day at 02:00',
      warnAfterDays: 3,
    });
    // An export made well before (it is finished: the folder picker sees it stable).
    const first = join(folder, 'export-1.csv');
    await writeFile(first, csv('first'));
    await utimes(first, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

    const shown: NotificationConstructorOptions[] = [];
    let trayImage = '';
    const background = await startBackground({
      electron: {
        createTray: image => {
          trayImage = String(image);
          const tray = {
            setImage: (i: unknown) => void (trayImage = String(i)),
            setToolTip: () => undefined,
            setContextMenu: () => undefined,
            destroy: () => undefined,
            on: () => tray,
          };
          return tray;
        },
        buildMenu: template => ({ template }) as unknown as Menu,
        createNotification: options => ({
          show: () => shown.push(options),
          close: () => undefined,
          on: () => undefined,
        }),
        notificationsSupported: () => true,
        powerMonitor: { on: () => undefined },
      },
      jobs,
      iconsDir: join(dir.path, 'no-icons'),
      openWindow: () => undefined,
      openRun: () => undefined,
      quit: () => undefined,
      platform: 'linux',
      locale: 'fr-BE',
    });
    try {
      const day = async (iso: string) => {
        await clock.advanceTo(iso);
        await jobs.service.scheduler.whenIdle();
      };
      // Day 1: the export is sent.
      await day('2026-03-03T02:00:30.000Z');
      expect((await history.listRuns()).map(r => r.outcome)).toEqual(['sent']);
      // Two quiet days: nothing to say, nothing in History, no notification.
      await day('2026-03-04T02:00:30.000Z');
      await day('2026-03-05T02:00:30.000Z');
      expect((await history.listRuns()).map(r => r.outcome)).toEqual(['sent']);
      expect(shown).toEqual([]);
      // Three days without anything new: the run says so.
      await day('2026-03-06T02:00:30.000Z');
      const [quiet] = await history.listRuns();
      expect(quiet).toMatchObject({
        outcome: 'nothing-new',
        job: { name: 'Weekly export' },
        source: null,
        outputFiles: [],
        error: null,
        warning: {
          code: 'jobs.nothing-new-for-days',
          params: { job: 'Weekly export', days: 3, day: '2026-03-03' },
        },
      });
      expect(quiet!.startedAt).toMatch(/^2026-03-06T02:00/);
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatchObject({
        title: '« Weekly export » : rien de nouveau depuis 3 jours',
        body: 'Aucun nouveau fichier n’est arrivé depuis le 2026-03-03. Vérifiez que l’export que la tâche attend est toujours produit. Cliquez pour voir l’exécution.',
      });
      // The tray asks for attention, as for any run that needs a person.
      expect(trayImage).toContain('tray-attention');
      // The next quiet day: no second warning (it comes again after 3 more quiet days).
      await day('2026-03-07T02:00:30.000Z');
      await day('2026-03-08T02:00:30.000Z');
      expect((await history.listRuns()).map(r => r.outcome)).toEqual(['nothing-new', 'sent']);
      expect(shown).toHaveLength(1);
      await day('2026-03-09T02:00:30.000Z');
      expect((await history.listRuns())[0]!.warning?.params).toMatchObject({ days: 6 });
      expect(shown).toHaveLength(2);
    } finally {
      background.stop();
    }
  });

  it('a job that finds the same file again carries the warning on its “nothing new” run', async () => {
    const home = join(dir.path, 'file-job');
    await mkdir(home, { recursive: true });
    const user = sshd.users[1]!;
    await saveDestination(home, destination('Partner', user));
    const source = join(dir.path, 'same.csv');
    await writeFile(source, csv('same'));
    const clock = new FakeClock('2026-05-01T08:00:00.000Z');
    const store = createJobStore(home, { now: clock.now });
    const job: Job = await store.saveJob({
      name: 'Daily list',
      source: { kind: 'file', path: source },
      destination: 'Partner',
      warnAfterDays: 2,
    });
    const history = createHistoryStore(home, { now: clock.now });
    const runner = createJobRunner({
      home,
      jobs: store,
      history,
      picker: createFolderPicker(home),
      now: clock.now,
      runSend: createPipelineRunSend({
        home,
        secrets: fixedSecrets({ password: user.password }),
        upload: uploadFiles,
        now: clock.now,
      }),
    });
    expect((await runner.runJob(job.id, 'job')).runs.map(r => r.outcome)).toEqual(['sent']);
    await clock.advanceTo('2026-05-02T08:00:00.000Z');
    const calm = (await runner.runJob(job.id, 'job')).runs[0]!;
    expect(calm).toMatchObject({ outcome: 'nothing-new', warning: null });
    await clock.advanceTo('2026-05-03T08:00:00.000Z');
    const warned = (await runner.runJob(job.id, 'job')).runs[0]!;
    expect(warned).toMatchObject({
      outcome: 'nothing-new',
      source: { fileName: 'same.csv' },
      transfer: { status: 'already-sent' },
      warning: { code: 'jobs.nothing-new-for-days', params: { days: 2, day: '2026-05-01' } },
    });
    // What History keeps is what the run said.
    expect((await history.getRun(warned.id))?.warning?.code).toBe('jobs.nothing-new-for-days');
  });
});
