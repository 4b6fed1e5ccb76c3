import type { Schedule } from '../../src-core/schedule/schedule';
import { nextRunAfter } from './next-run';

/** What the scheduler needs to know about a job. */
export type SchedulableJob = Readonly<{
  id: string;
  name: string;
  schedule: Schedule | null;
  enabled: boolean;
  catchUp: boolean;
  /** ISO time the job was created: a job never runs for a slot before it existed. */
  createdAt: string;
}>;

/** Why a run started. */
export type RunReason = Readonly<{
  kind: 'scheduled' | 'manual';
  /** The slot the run is for (for a manual run, the time it was asked for). */
  scheduledFor: Date;
  /** A slot missed after sleep or while Courier was closed, made up now. */
  catchUp: boolean;
}>;

/** What the scheduler remembers across launches (the job store keeps it in `job-state.json`). */
export type SchedulerMemory = Readonly<{
  paused: boolean;
  /** Job id → the time up to which its schedule has been handled. */
  lastSlot: Readonly<Record<string, string>>;
}>;

export type TimerHandle = unknown;

/** The scheduler's seams: a clock, timers, the run itself, and where its memory goes. */
export type SchedulerDeps = Readonly<{
  now: () => Date;
  setTimer: (callback: () => void, ms: number) => TimerHandle;
  clearTimer: (handle: TimerHandle) => void;
  /** Runs one job (through the one pipeline); the scheduler waits for it before the next run of that job. */
  runJob: (job: SchedulableJob, reason: RunReason) => Promise<unknown>;
  /** What was remembered at the last launch. */
  memory?: SchedulerMemory;
  /** Called whenever the memory changes, to persist it. */
  saveMemory?: (memory: SchedulerMemory) => void;
  /** Called when a run starts or ends, the pause switch flips or the jobs change (the tray listens). */
  onChange?: () => void;
  /** Called when runJob rejects (the run itself should record failures; this is a last resort). */
  onError?: (job: SchedulableJob, error: unknown) => void;
  /** A slot more than this late counts as missed (default one minute). */
  graceMs?: number;
  /**
   * The longest single wait (default one minute). Timers do not count time asleep, so the
   * scheduler looks at the wall clock at least this often and notices a wake-up or a clock change.
   */
  maxWaitMs?: number;
  /** Time zone for schedules that name none (default: the computer's). */
  timeZone?: string;
}>;

/** An upcoming run. */
export type UpcomingRun = Readonly<{ jobId: string; jobName: string; at: Date }>;

/**
 * Runs jobs on their schedules.
 *
 * - A job never overlaps itself: a slot that comes while the job runs waits until it ends.
 * - Missed slots (sleep, Courier closed, a run that went on too long) collapse into ONE run made
 *   at the next opportunity, and only if the job allows catching up; otherwise they are skipped.
 * - Pausing stops every scheduled run; resuming does not make up the slots missed while paused.
 */
export class Scheduler {
  private readonly deps: SchedulerDeps;
  private jobs: SchedulableJob[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private readonly lastSlot = new Map<string, number>();
  private pausedFlag: boolean;
  private timer: TimerHandle | null = null;
  private started = false;

  constructor(deps: SchedulerDeps) {
    this.deps = deps;
    this.pausedFlag = false;
    if (deps.memory) this.restore(deps.memory);
  }

  /** Restores what was remembered at the last launch (before `setJobs` and `start`). */
  restore(memory: SchedulerMemory): void {
    this.pausedFlag = memory.paused;
    for (const [id, iso] of Object.entries(memory.lastSlot)) {
      const t = Date.parse(iso);
      if (Number.isFinite(t)) this.lastSlot.set(id, t);
    }
  }

  /** Replaces the set of jobs (after a save, a removal or enabling/disabling). */
  setJobs(jobs: readonly SchedulableJob[]): void {
    // The same jobs again (the list was re-read) change nothing and announce nothing.
    if (JSON.stringify(jobs) === JSON.stringify(this.jobs)) return;
    const now = this.deps.now().getTime();
    for (const job of jobs) {
      const before = this.jobs.find(j => j.id === job.id);
      // A job switched on, or given a new schedule, starts counting from now: it does not make up
      // slots from the time it was off.
      if (
        before &&
        ((!before.enabled && job.enabled) ||
          JSON.stringify(before.schedule) !== JSON.stringify(job.schedule))
      ) {
        this.lastSlot.set(job.id, now);
      }
    }
    for (const id of [...this.lastSlot.keys()])
      if (!jobs.some(j => j.id === id)) this.lastSlot.delete(id);
    this.jobs = [...jobs];
    this.persist();
    this.deps.onChange?.();
    if (this.started) this.check();
  }

  /** Starts looking at the clock (call once the jobs are set). */
  start(): void {
    this.started = true;
    this.check();
  }

  /** Stops every timer; runs in progress finish on their own. */
  stop(): void {
    this.started = false;
    this.clear();
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  /** Pauses or resumes all scheduled runs (manual runs still work). */
  setPaused(paused: boolean): void {
    if (paused === this.pausedFlag) return;
    this.pausedFlag = paused;
    if (!paused) {
      const now = this.deps.now().getTime();
      for (const job of this.jobs) this.lastSlot.set(job.id, now);
    }
    this.persist();
    this.deps.onChange?.();
    if (this.started) this.check();
  }

  /** Whether the job is running now. */
  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Ids of the jobs running now. */
  runningJobs(): string[] {
    return [...this.running.keys()];
  }

  /** Runs a job now, unless it is already running. */
  runNow(jobId: string): 'started' | 'already-running' | 'unknown-job' {
    const job = this.jobs.find(j => j.id === jobId);
    if (!job) return 'unknown-job';
    if (this.running.has(jobId)) return 'already-running';
    this.launch(job, { kind: 'manual', scheduledFor: this.deps.now(), catchUp: false });
    return 'started';
  }

  /** Resolves when no run is in progress. */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** The next scheduled run of each enabled job, soonest first (empty while paused). */
  upcoming(): UpcomingRun[] {
    if (this.pausedFlag) return [];
    const out: UpcomingRun[] = [];
    for (const job of this.jobs) {
      const at = this.nextSlot(job);
      if (at) out.push({ jobId: job.id, jobName: job.name, at });
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /**
   * Looks at the clock now: starts what is due and sets the next timer.
   *
   * The app also calls this when the computer wakes (Electron's powerMonitor `resume`).
   */
  check(): void {
    if (!this.started) return;
    this.clear();
    const now = this.deps.now().getTime();
    const grace = this.deps.graceMs ?? 60_000;
    for (const [id, slot] of this.lastSlot) {
      // Handled “up to” a time still to come: the clock was set back. Count from now, or the
      // job would skip every run until the clock caught up.
      if (slot > now) {
        this.lastSlot.set(id, now);
        this.persist();
      }
    }
    if (!this.pausedFlag) {
      for (const job of this.jobs) {
        if (this.running.has(job.id)) continue;
        const due = this.nextSlot(job);
        if (!due || due.getTime() > now) continue;
        // Everything up to now is handled by this one decision: missed slots collapse into one.
        this.lastSlot.set(job.id, now);
        this.persist();
        const late = now - due.getTime() > grace;
        if (late && !job.catchUp) continue;
        this.launch(job, { kind: 'scheduled', scheduledFor: due, catchUp: late });
      }
    }
    this.arm(now);
  }

  private nextSlot(job: SchedulableJob): Date | null {
    if (!job.enabled || !job.schedule) return null;
    const from = this.lastSlot.get(job.id) ?? Date.parse(job.createdAt);
    return nextRunAfter(
      job.schedule,
      new Date(Number.isFinite(from) ? from : this.deps.now().getTime()),
      this.deps.timeZone
    );
  }

  private arm(now: number): void {
    if (this.pausedFlag) return;
    let soonest: number | null = null;
    for (const job of this.jobs) {
      if (this.running.has(job.id)) continue;
      const at = this.nextSlot(job);
      if (at && (soonest === null || at.getTime() < soonest)) soonest = at.getTime();
    }
    if (soonest === null) return;
    const wait = Math.min(Math.max(soonest - now, 0), this.deps.maxWaitMs ?? 60_000);
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      this.check();
    }, wait);
  }

  private clear(): void {
    if (this.timer !== null) {
      this.deps.clearTimer(this.timer);
      this.timer = null;
    }
  }

  private launch(job: SchedulableJob, reason: RunReason): void {
    const run = (async () => {
      try {
        await this.deps.runJob(job, reason);
      } catch (error) {
        this.deps.onError?.(job, error);
      }
    })().finally(() => {
      this.running.delete(job.id);
      this.deps.onChange?.();
      this.check();
    });
    this.running.set(job.id, run);
    this.deps.onChange?.();
  }

  private persist(): void {
    this.deps.saveMemory?.({
      paused: this.pausedFlag,
      lastSlot: Object.fromEntries(
        [...this.lastSlot].map(([id, t]) => [id, new Date(t).toISOString()])
      ),
    });
  }
}
