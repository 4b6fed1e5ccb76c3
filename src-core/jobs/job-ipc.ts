import { z } from 'zod';
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
