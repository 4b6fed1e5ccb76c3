import { z } from 'zod';
import { Run } from '../history/run';
import { Job, JobDraft } from './job';

/** A job as the jobs view lists it: the job, its schedule in words, its next run, whether it runs now. */
export const JobListEntry = Job.extend({
  /** The schedule in words (`every day at 02:00`), or null for a job run only by hand. */
  scheduleText: z.string().nullable(),
  /** ISO time of the next scheduled run (null: none, disabled or paused). */
  nextRunAt: z.string().nullable(),
  running: z.boolean(),
});
export type JobListEntry = z.infer<typeof JobListEntry>;

/** Every job, and whether all jobs are paused. */
export const JobsOverview = z.object({ jobs: z.array(JobListEntry), paused: z.boolean() });
export type JobsOverview = z.infer<typeof JobsOverview>;

/** A job to save: a draft, whose schedule may be given in words (`scheduleText` wins over `schedule`). */
export const JobSaveRequest = JobDraft.extend({ scheduleText: z.string().max(200).optional() });
export type JobSaveRequest = z.input<typeof JobSaveRequest>;

/** What `jobs:changed` says: something about the jobs changed; the view asks for the list again. */
export const JobsChanged = z.object({ paused: z.boolean(), running: z.array(z.string()) });
export type JobsChanged = z.infer<typeof JobsChanged>;

/** The user's choices for Courier's background life. */
export const BackgroundSettings = z.object({
  /** Also notify when a run went well (failures and held files always notify). */
  notifyOnSuccess: z.boolean(),
  /** Start Courier (in the tray) when the user logs in. */
  startAtLogin: z.boolean(),
  /** How long the run history is kept: days and/or number of runs (null: no limit). */
  historyRetention: z.object({
    days: z.number().int().positive().nullable(),
    count: z.number().int().positive().nullable(),
  }),
});
export type BackgroundSettings = z.infer<typeof BackgroundSettings>;

const byId = z.object({ id: z.string().min(1) });

/** The jobs and history channels (spread into `calls` in `src-core/ipc/contract.ts`). */
export const jobCalls = {
  /** Every job with its schedule in words, next run and running state, and the pause switch. */
  'jobs:list': { request: z.undefined(), response: JobsOverview },
  /** Adds or replaces a job; a schedule in words (`scheduleText`) is read here. */
  'jobs:save': { request: JobSaveRequest, response: Job },
  'jobs:remove': { request: byId, response: byId },
  /** Runs a job now in the background (never twice at once); `history:added` reports the run. */
  'jobs:run': {
    request: byId,
    response: z.object({ status: z.enum(['started', 'already-running']) }),
  },
  'jobs:set-enabled': { request: byId.extend({ enabled: z.boolean() }), response: Job },
  /** Pauses or resumes every scheduled run. */
  'jobs:pause-all': {
    request: z.object({ paused: z.boolean() }),
    response: z.object({ paused: z.boolean() }),
  },
  /** Notifications on success, start at login, history retention. */
  'jobs:settings': { request: z.undefined(), response: BackgroundSettings },
  'jobs:set-settings': { request: BackgroundSettings.partial(), response: BackgroundSettings },
  /** Past runs, newest first (default the last 200). */
  'history:list': {
    request: z.object({ limit: z.number().int().min(1).max(10_000).optional() }).optional(),
    response: z.array(Run),
  },
} as const;

/** The jobs and history events (spread into `events` in `src-core/ipc/contract.ts`). */
export const jobEvents = {
  /** Jobs were saved or removed, a run started or ended, or the pause switch flipped. */
  'jobs:changed': JobsChanged,
  /** A run was recorded (interactive, scheduled or CLI in this process). */
  'history:added': Run,
  /** A recorded run changed: its receipt came back from the platform. */
  'history:updated': Run,
  /** Show this run (the user clicked its notification); the window is already in front. */
  'history:show': byId,
} as const;
