import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createJobService } from '../../../src-main/jobs/job-service';
import { createJobStore } from '../../../src-main/jobs/job-store';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import { tempHome } from '../../harness/temp-home';

const home = tempHome('courier-job-state-');

const state = async () => JSON.parse(await readFile(join(home.path, 'job-state.json'), 'utf8')) as { paused: boolean; lastSlot: Record<string, string> };

// The app keeps its scheduler's memory in job-state.json; `courier jobs pause` and `run-due`
// from cron change the same file while the app runs.
describe('job-state.json shared by the app and the CLI', () => {
  it('keeps a pause and the slots another Courier wrote when the app saves its own memory', async () => {
    const now = () => new Date('2026-11-22T10:00:00Z');
    const app = createJobService({ home: home.path, now, runSend: async () => { throw new Error('no send here'); }, setTimer: () => 0, clearTimer: () => undefined });
    await app.start();
    await app.store.saveJob({ name: 'Nightly', source: { kind: 'file', path: '/x.csv' }, destination: 'd', schedule: parseSchedule('every day at 02:00') });
    await app.overview();
    await app.flush();
    // Nothing the scheduler remembers changed (a new job has no slot yet): nothing is written.
    await expect(state()).rejects.toMatchObject({ code: 'ENOENT' });

    // `courier jobs pause`, and cron handling a slot of another job, meanwhile.
    await createJobStore(home.path).updateState(s => ({ ...s, paused: true, lastSlot: { ...s.lastSlot, other: '2026-11-22T11:00:00.000Z' } }));
    // The app saves its memory (here: a job added from the Jobs screen).
    await app.save({ name: 'Weekly', source: { kind: 'file', path: '/y.csv' }, destination: 'd', scheduleText: 'mondays at 07:00' });
    await app.flush();
    expect(await state()).toMatchObject({ paused: true, lastSlot: { other: '2026-11-22T11:00:00.000Z' } });

    // The app's own pause switch is still written.
    app.setPaused(true);
    app.setPaused(false);
    await app.flush();
    expect((await state()).paused).toBe(false);
    app.stop();
  });
});
