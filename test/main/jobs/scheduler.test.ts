import { describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock';
import {
  Scheduler,
  type RunReason,
  type SchedulableJob,
  type SchedulerMemory,
} from '../../../src-main/jobs/scheduler';
import { nextRunsAfter } from '../../../src-main/jobs/next-run';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';

const DAY = 86_400_000;

function job(schedule: string, overrides: Partial<SchedulableJob> = {}): SchedulableJob {
  return {
    id: 'j1',
    name: 'Nightly',
    schedule: parseSchedule(schedule),
    enabled: true,
    catchUp: true,
    createdAt: '2020-01-01T00:00:00.000Z',
    ...overrides,
  };
}

type Started = { at: string; reason: RunReason; finish: () => void };

function setup(
  startIso: string,
  options: { memory?: SchedulerMemory; maxWaitMs?: number; hold?: boolean } = {}
) {
  const clock = new FakeClock(startIso);
  const started: Started[] = [];
  let memory: SchedulerMemory | null = null;
  const scheduler = new Scheduler({
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    maxWaitMs: options.maxWaitMs ?? 60_000,
    ...(options.memory ? { memory: options.memory } : {}),
    saveMemory: m => {
      memory = m;
    },
    runJob: (_job, reason) =>
      new Promise<void>(resolve => {
        started.push({ at: clock.now().toISOString(), reason, finish: resolve });
        if (!options.hold) resolve();
      }),
  });
  return { clock, scheduler, started, memory: () => memory };
}

describe('Scheduler', () => {
  it('runs a 02:30 job once a day across the spring-forward change in Europe/Brussels', async () => {
    const { clock, scheduler, started } = setup('2026-03-27T12:00:00.000Z', { maxWaitMs: DAY });
    scheduler.setJobs([
      job('every day at 02:30 in Europe/Brussels', { createdAt: '2026-03-27T12:00:00.000Z' }),
    ]);
    scheduler.start();
    await clock.advanceTo('2026-03-31T00:00:00.000Z');
    // 02:30 does not exist on 29 March: it runs when the clock has jumped to 03:00 (01:00 UTC).
    expect(started.map(s => s.at)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
    expect(started.every(s => s.reason.kind === 'scheduled' && !s.reason.catchUp)).toBe(true);
  });

  it('runs a 02:30 job once, not twice, when the clock falls back', async () => {
    const { clock, scheduler, started } = setup('2026-10-24T12:00:00.000Z', { maxWaitMs: DAY });
    scheduler.setJobs([
      job('every day at 02:30 in Europe/Brussels', { createdAt: '2026-10-24T12:00:00.000Z' }),
    ]);
    scheduler.start();
    await clock.advanceTo('2026-10-26T12:00:00.000Z');
    expect(started.map(s => s.at)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('keeps 15 minutes of real time between runs through the repeated hour', async () => {
    const { clock, scheduler, started } = setup('2026-10-24T23:00:00.000Z');
    scheduler.setJobs([
      job('every 15 minutes in Europe/Brussels', { createdAt: '2026-10-24T23:00:00.000Z' }),
    ]);
    scheduler.start();
    await clock.advanceTo('2026-10-25T03:00:00.000Z');
    const times = started.map(s => Date.parse(s.at));
    expect(times).toHaveLength(16);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual(Array(15).fill(15 * 60_000));
  });

  it('handles month ends: the 31st, the last day, and 29 February', () => {
    const iso = (dates: Date[]) => dates.map(d => d.toISOString().slice(0, 10));
    const at31 = parseSchedule('on the 31st at 06:00 in UTC');
    expect(iso(nextRunsAfter(at31, new Date('2026-01-15T00:00:00Z'), 5))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
    const at29 = parseSchedule('on the 29th at 06:00 in UTC');
    // 2027 has no 29 February (runs on the 28th); 2028 has one, and it runs once.
    expect(iso(nextRunsAfter(at29, new Date('2027-01-30T00:00:00Z'), 3))).toEqual([
      '2027-02-28',
      '2027-03-29',
      '2027-04-29',
    ]);
    expect(iso(nextRunsAfter(at29, new Date('2028-01-30T00:00:00Z'), 3))).toEqual([
      '2028-02-29',
      '2028-03-29',
      '2028-04-29',
    ]);
    const last = parseSchedule('on the last day of the month at 23:00 in Europe/Brussels');
    expect(
      nextRunsAfter(last, new Date('2028-02-01T00:00:00Z'), 2).map(d => d.toISOString())
    ).toEqual(['2028-02-29T22:00:00.000Z', '2028-03-31T21:00:00.000Z']);
    const firstMonday = parseSchedule('first monday of the month at 09:00 in UTC');
    expect(iso(nextRunsAfter(firstMonday, new Date('2026-11-22T00:00:00Z'), 3))).toEqual([
      '2026-12-07',
      '2027-01-04',
      '2027-02-01',
    ]);
  });

  it('makes ONE run for all the slots missed while the computer slept, when the job allows it', async () => {
    const { clock, scheduler, started } = setup('2026-06-01T07:30:00.000Z');
    scheduler.setJobs([job('every hour in UTC', { createdAt: '2026-06-01T07:00:00.000Z' })]);
    scheduler.start();
    await clock.advanceTo('2026-06-01T09:10:00.000Z');
    expect(started.map(s => s.at)).toEqual([
      '2026-06-01T08:00:00.000Z',
      '2026-06-01T09:00:00.000Z',
    ]);
    await clock.sleepUntil('2026-06-01T15:20:00.000Z');
    expect(started).toHaveLength(3);
    expect(started[2]).toMatchObject({
      at: '2026-06-01T15:20:00.000Z',
      reason: { kind: 'scheduled', catchUp: true },
    });
    expect(started[2]!.reason.scheduledFor.toISOString()).toBe('2026-06-01T10:00:00.000Z');
    await clock.advanceTo('2026-06-01T16:00:30.000Z');
    expect(started.map(s => s.at).slice(3)).toEqual(['2026-06-01T16:00:00.000Z']);
  });

  it('skips the missed slots when the job does not allow catching up', async () => {
    const { clock, scheduler, started } = setup('2026-06-01T07:30:00.000Z');
    scheduler.setJobs([
      job('every hour in UTC', { createdAt: '2026-06-01T07:00:00.000Z', catchUp: false }),
    ]);
    scheduler.start();
    await clock.sleepUntil('2026-06-01T15:20:00.000Z');
    expect(started).toHaveLength(0);
    await clock.advanceTo('2026-06-01T16:00:30.000Z');
    expect(started.map(s => s.at)).toEqual(['2026-06-01T16:00:00.000Z']);
  });

  it('makes one missed run at launch after Courier was closed, from what it remembered', async () => {
    const memory: SchedulerMemory = { paused: false, lastSlot: { j1: '2026-06-01T02:00:00.000Z' } };
    const { scheduler, started, memory: saved } = setup('2026-06-04T09:00:00.000Z', { memory });
    scheduler.setJobs([job('every day at 02:00 in UTC')]);
    scheduler.start();
    await new FakeClock('2026-06-04T09:00:00.000Z').settle();
    expect(started).toHaveLength(1);
    expect(started[0]!.reason).toMatchObject({ kind: 'scheduled', catchUp: true });
    expect(started[0]!.reason.scheduledFor.toISOString()).toBe('2026-06-02T02:00:00.000Z');
    expect(saved()?.lastSlot.j1).toBe('2026-06-04T09:00:00.000Z');
    expect(scheduler.upcoming().map(u => u.at.toISOString())).toEqual(['2026-06-05T02:00:00.000Z']);

    const closed = setup('2026-06-04T09:00:00.000Z', { memory });
    closed.scheduler.setJobs([job('every day at 02:00 in UTC', { catchUp: false })]);
    closed.scheduler.start();
    await closed.clock.settle();
    expect(closed.started).toHaveLength(0);
  });

  it('never overlaps a job with itself; slots that came during a long run make one run after it', async () => {
    const { clock, scheduler, started } = setup('2026-06-01T08:00:00.000Z', { hold: true });
    scheduler.setJobs([job('every 15 minutes in UTC', { createdAt: '2026-06-01T08:00:00.000Z' })]);
    scheduler.start();
    await clock.advanceTo('2026-06-01T09:10:00.000Z');
    expect(started.map(s => s.at)).toEqual(['2026-06-01T08:15:00.000Z']);
    expect(scheduler.isRunning('j1')).toBe(true);
    expect(scheduler.runNow('j1')).toBe('already-running');
    started[0]!.finish();
    await clock.settle();
    expect(started).toHaveLength(2);
    expect(started[1]).toMatchObject({ at: '2026-06-01T09:10:00.000Z', reason: { catchUp: true } });
    started[1]!.finish();
    await clock.advanceTo('2026-06-01T09:15:00.000Z');
    expect(started.map(s => s.at).slice(2)).toEqual(['2026-06-01T09:15:00.000Z']);
    started[2]!.finish();
    await clock.settle();
    expect(scheduler.runNow('j1')).toBe('started');
    expect(scheduler.runNow('nope')).toBe('unknown-job');
    expect(started[3]!.reason.kind).toBe('manual');
    started[3]!.finish();
    await scheduler.whenIdle();
  });

  it('pauses all jobs and does not make up the paused slots on resume', async () => {
    const { clock, scheduler, started, memory } = setup('2026-06-01T08:00:00.000Z');
    scheduler.setJobs([
      job('every hour in UTC', { createdAt: '2026-06-01T08:00:00.000Z' }),
      job('every day at 12:00 in UTC', {
        id: 'j2',
        name: 'Noon',
        createdAt: '2026-06-01T08:00:00.000Z',
      }),
    ]);
    scheduler.start();
    expect(scheduler.upcoming().map(u => u.jobName)).toEqual(['Nightly', 'Noon']);
    scheduler.setPaused(true);
    expect(memory()?.paused).toBe(true);
    expect(scheduler.upcoming()).toEqual([]);
    await clock.advanceTo('2026-06-01T14:30:00.000Z');
    expect(started).toHaveLength(0);
    scheduler.setPaused(false);
    await clock.settle();
    expect(started).toHaveLength(0);
    await clock.advanceTo('2026-06-01T15:00:10.000Z');
    expect(started.map(s => s.at)).toEqual(['2026-06-01T15:00:00.000Z']);
  });

  it('does not run a disabled job, and a job switched on does not make up the time it was off', async () => {
    const { clock, scheduler, started } = setup('2026-06-01T08:00:00.000Z');
    const off = job('every hour in UTC', { createdAt: '2026-06-01T08:00:00.000Z', enabled: false });
    scheduler.setJobs([off]);
    scheduler.start();
    await clock.advanceTo('2026-06-01T12:30:00.000Z');
    expect(started).toHaveLength(0);
    scheduler.setJobs([{ ...off, enabled: true }]);
    await clock.settle();
    expect(started).toHaveLength(0);
    await clock.advanceTo('2026-06-01T13:00:05.000Z');
    expect(started.map(s => s.at)).toEqual(['2026-06-01T13:00:00.000Z']);
  });

  it('keeps running on schedule when the clock is set back', async () => {
    const memory: SchedulerMemory = { paused: false, lastSlot: { j1: '2026-06-05T02:00:00.000Z' } };
    const { clock, scheduler, started } = setup('2026-06-02T01:00:00.000Z', { memory });
    scheduler.setJobs([job('every day at 02:00 in UTC')]);
    scheduler.start();
    await clock.advanceTo('2026-06-02T02:00:30.000Z');
    expect(started.map(s => s.at)).toEqual(['2026-06-02T02:00:00.000Z']);
  });
});
