import { randomUUID } from 'node:crypto';
import { withFileLock, writeFileAtomic, type HeldLock } from '../settings/file-lock';
import { keepDamaged, readSettingsText, tellSettingsProblem } from '../settings/settings-file';
import { join } from 'node:path';
import { z } from 'zod';
import { CourierError } from '../../src-core/errors';
import { Job, JobDraft } from '../../src-core/jobs/job';
import { settingProblems } from '../../src-core/destinations/setting-problems';

export { Job, JobDraft } from '../../src-core/jobs/job';

const JobsFile = z.object({ version: z.literal(1), jobs: z.array(Job) });

/** What the scheduler remembers between launches: the last slot handled per job, and the pause switch. */
export const JobState = z.object({
  version: z.literal(1).default(1),
  paused: z.boolean().default(false),
  /** Job id → ISO time up to which its schedule has been handled. */
  lastSlot: z.record(z.string(), z.string()).default({}),
});
export type JobState = z.infer<typeof JobState>;

/** The saved jobs of one settings folder. */
export type JobStore = Readonly<{
  listJobs: () => Promise<Job[]>;
  /** A job by id or by name (case-insensitive); null when there is none. */
  findJob: (idOrName: string) => Promise<Job | null>;
  /** Like findJob, but a `jobs.not-found` error when there is none. */
  getJob: (idOrName: string) => Promise<Job>;
  /** Adds or replaces a job (validated; names are unique); returns it with its id. */
  saveJob: (draft: JobDraft) => Promise<Job>;
  removeJob: (idOrName: string) => Promise<Job>;
  setEnabled: (idOrName: string, enabled: boolean) => Promise<Job>;
  readState: () => Promise<JobState>;
  updateState: (change: (state: JobState) => JobState) => Promise<JobState>;
}>;

/**
 * Opens `<home>/jobs.json` (the jobs) and `<home>/job-state.json` (what the scheduler remembers).
 *
 * Both are read on every call and replaced atomically, so the app and the CLI can share them.
 */
export function createJobStore(home: string, options: { now?: () => Date } = {}): JobStore {
  const file = join(home, 'jobs.json');
  const stateFile = join(home, 'job-state.json');
  const now = options.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();
  // One change at a time in this process, and across processes (the app, and the CLI from cron).
  const lock = join(home, 'jobs.json.lock');
  const serial = <T>(change: (held: HeldLock) => Promise<T>): Promise<T> => {
    const task = () => withFileLock(lock, change, { what: 'the saved jobs' });
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  /** The saved jobs; a damaged file is refused (never read as "no jobs", never written over). */
  async function read(): Promise<Job[]> {
    const found = await readSettingsText(file);
    if (found.kind === 'missing') return [];
    const unreadable = (why: string) =>
      new CourierError(
        'jobs.unreadable',
        `The saved jobs in “${file}” cannot be read (${why}). Courier changes nothing in the file; ask your IT colleague to check it, or put back a copy from a backup.`,
        { params: { file } }
      );
    if (found.kind === 'unreadable')
      throw unreadable('a folder is in its place, or Courier may not open it');
    let json: unknown;
    try {
      json = JSON.parse(found.text);
    } catch {
      throw unreadable('it is damaged or cut short');
    }
    const parsed = JobsFile.safeParse(json);
    if (!parsed.success) throw unreadable('it is not a list of jobs Courier knows');
    return parsed.data.jobs;
  }
  const write = (jobs: readonly Job[], held: HeldLock): Promise<void> =>
    writeFileAtomic(file, `${JSON.stringify({ version: 1, jobs }, null, 2)}\n`, held);

  const match = (jobs: readonly Job[], idOrName: string): Job | undefined =>
    jobs.find(j => j.id === idOrName) ??
    jobs.find(j => j.name.toLowerCase() === idOrName.trim().toLowerCase());
  const notFound = (idOrName: string): CourierError =>
    new CourierError(
      'jobs.not-found',
      `There is no job called “${idOrName}”. See the saved jobs with “courier jobs list”.`,
      { params: { name: idOrName } }
    );

  /**
   * What the scheduler remembers. A file that cannot be read fails safe: every scheduled job is
   * paused (it may have been), the person is told, and the file is kept aside before the next save.
   */
  async function readStateFile(): Promise<{ state: JobState; damaged: boolean }> {
    const found = await readSettingsText(stateFile);
    if (found.kind === 'missing') return { state: JobState.parse({}), damaged: false };
    if (found.kind === 'text') {
      try {
        const parsed = JobState.safeParse(JSON.parse(found.text));
        if (parsed.success) return { state: parsed.data, damaged: false };
      } catch {
        // Damaged: handled below.
      }
    }
    tellSettingsProblem({
      code: 'jobs.state-unreadable',
      message: `Courier cannot read what it remembers about scheduled jobs (“${stateFile}”). To be safe, every scheduled job is paused until you resume them (“courier jobs resume”, or Resume in the app). Courier keeps the file aside, as “job-state.json.damaged-…”, when it next saves the schedules.`,
      params: { file: stateFile },
      file: stateFile,
    });
    return { state: JobState.parse({ paused: true }), damaged: true };
  }
  const readState = async (): Promise<JobState> => (await readStateFile()).state;

  return {
    listJobs: read,
    findJob: async idOrName => match(await read(), idOrName) ?? null,
    getJob: async idOrName => {
      const job = match(await read(), idOrName);
      if (!job) throw notFound(idOrName);
      return job;
    },
    saveJob: draft =>
      serial(async held => {
        const checked = JobDraft.safeParse(draft);
        if (!checked.success) {
          throw new CourierError(
            'jobs.invalid',
            `The job is not complete: ${settingProblems(checked.error.issues.slice(0, 1), draft)}.`
          );
        }
        const jobs = await read();
        const existing = checked.data.id ? jobs.find(j => j.id === checked.data.id) : undefined;
        const job = Job.parse({
          ...checked.data,
          id: existing?.id ?? checked.data.id ?? randomUUID(),
          createdAt: existing?.createdAt ?? checked.data.createdAt ?? now().toISOString(),
        });
        const clash = jobs.find(
          j => j.id !== job.id && j.name.toLowerCase() === job.name.toLowerCase()
        );
        if (clash)
          throw new CourierError(
            'jobs.name-taken',
            `A job called “${clash.name}” already exists. Choose another name.`,
            { params: { name: clash.name } }
          );
        await write(existing ? jobs.map(j => (j.id === job.id ? job : j)) : [...jobs, job], held);
        return job;
      }),
    removeJob: idOrName =>
      serial(async held => {
        const jobs = await read();
        const job = match(jobs, idOrName);
        if (!job) throw notFound(idOrName);
        await write(jobs.filter(j => j.id !== job.id), held);
        return job;
      }),
    setEnabled: (idOrName, enabled) =>
      serial(async held => {
        const jobs = await read();
        const job = match(jobs, idOrName);
        if (!job) throw notFound(idOrName);
        const next = { ...job, enabled };
        await write(jobs.map(j => (j.id === job.id ? next : j)), held);
        return next;
      }),
    readState,
    updateState: change =>
      serial(async held => {
        const { state, damaged } = await readStateFile();
        const next = JobState.parse(change(state));
        // Never written over: the damaged file is kept for a person to look at.
        if (damaged) await keepDamaged(stateFile);
        await writeFileAtomic(stateFile, `${JSON.stringify(next, null, 2)}\n`, held);
        return next;
      }),
  };
}
