import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CourierError } from '../../../src-core/errors';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createFolderPicker } from '../../../src-main/jobs/folder-picker';
import {
  createJobRunner,
  type JobRunRequest,
  type RunSend,
} from '../../../src-main/jobs/job-runner';
import { createJobStore } from '../../../src-main/jobs/job-store';
import { createJobService } from '../../../src-main/jobs/job-service';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import { tempHome } from '../../harness/temp-home';

const root = tempHome('courier-runner-');
let home: string;
let inbox: string;
beforeEach(async () => {
  home = join(root.path, 'home');
  inbox = join(root.path, 'inbox');
  await mkdir(home);
  await mkdir(inbox);
});

async function settledFile(name: string, content: string, secondsAgo: number): Promise<string> {
  const path = join(inbox, name);
  await writeFile(path, content);
  const t = new Date(Date.now() - secondsAgo * 1000);
  await utimes(path, t, t);
  return path;
}

/**
 * The send seam, as the pipeline behaves at its boundary: it reads the file it is given and
 * records one run in the history. `fail` makes it record a failed transfer instead.
 */
function pipelineSeam(
  history: ReturnType<typeof createHistoryStore>,
  behaviour: { fail?: (request: JobRunRequest) => CourierError | null; reject?: boolean } = {}
) {
  const requests: JobRunRequest[] = [];
  const runSend: RunSend = async request => {
    requests.push(request);
    if (behaviour.reject) throw new CourierError('internal.unexpected', 'The pipeline stopped.');
    const bytes = await readFile(request.path);
    const lines = bytes.toString('utf8').trim().split('\n').length - 1;
    const failure = behaviour.fail?.(request) ?? null;
    return history.append({
      startedAt: new Date().toISOString(),
      trigger: request.trigger,
      job: request.job,
      outcome: failure ? 'failed' : 'sent',
      source: {
        fileName: basename(request.path),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
      },
      destination: request.destination,
      rows: { read: lines, sent: failure ? 0 : lines, excluded: 0, issues: {} },
      transfer: { status: failure ? 'failed' : 'uploaded' },
      error: failure ? { code: failure.code, message: failure.message } : null,
    });
  };
  return { runSend, requests };
}

describe('job runner', () => {
  it('sends a file source with the job’s settings and reports what the pipeline recorded', async () => {
    const history = createHistoryStore(home);
    const jobs = createJobStore(home);
    const file = await settledFile('export.csv', 'email\na@b.example\n', 10);
    const job = await jobs.saveJob({
      name: 'Nightly',
      source: { kind: 'file', path: file },
      destination: 'Acme',
      mapping: { Email: 'email' },
      invalidRows: 'hold',
      fixes: [{ kind: 'trim', column: 'Email' }],
    });
    const seam = pipelineSeam(history);
    const runner = createJobRunner({
      home,
      jobs,
      history,
      picker: createFolderPicker(home, { settleMs: 20 }),
      runSend: seam.runSend,
    });
    const finished: string[] = [];
    const result = await createJobRunner({
      home,
      jobs,
      history,
      picker: createFolderPicker(home),
      runSend: seam.runSend,
      onRunFinished: r => finished.push(r.id),
    }).runJob('nightly', 'cli');
    expect(seam.requests[0]).toMatchObject({
      path: file,
      destination: 'Acme',
      mapping: { Email: 'email' },
      excludeInvalid: false,
      headerChange: 'hold',
      trigger: 'cli',
      job: { id: job.id, name: 'Nightly' },
      fixes: [{ kind: 'trim', column: 'Email' }],
    });
    expect(result.runs).toHaveLength(1);
    expect(finished).toEqual([result.runs[0]!.id]);
    // A file source is sent again on every run (its content changes from night to night).
    await runner.runJob(job.id, 'job');
    expect(seam.requests).toHaveLength(2);
    expect((await history.listRuns()).map(r => r.trigger)).toEqual(['job', 'cli']);
  });

  it('records a failed run in plain words when the source file is gone', async () => {
    const history = createHistoryStore(home);
    const jobs = createJobStore(home);
    await jobs.saveJob({
      name: 'Gone',
      source: { kind: 'file', path: join(inbox, 'missing.csv') },
      destination: 'Acme',
    });
    const seam = pipelineSeam(history);
    const result = await createJobRunner({
      home,
      jobs,
      history,
      picker: createFolderPicker(home),
      runSend: seam.runSend,
    }).runJob('Gone', 'job');
    expect(seam.requests).toHaveLength(0);
    expect(result.runs[0]).toMatchObject({
      outcome: 'failed',
      error: { code: 'jobs.source-missing' },
      job: { name: 'Gone' },
    });
    expect((await history.listRuns())[0]!.error?.message).toContain('does not exist');
  });

  it('sends each new file of a watched folder once, and offers a file again after a transfer failure', async () => {
    const history = createHistoryStore(home);
    const jobs = createJobStore(home);
    await settledFile('export-1.csv', 'email\na@b.example\n', 30);
    await settledFile('export-2.csv', 'email\nc@d.example\ne@f.example\n', 20);
    await settledFile('other.txt', 'x', 20);
    await jobs.saveJob({
      name: 'Inbox',
      source: { kind: 'folder', folder: inbox, pattern: 'export-*.csv', pick: 'each-new' },
      destination: 'Acme',
    });
    let down = true;
    const seam = pipelineSeam(history, {
      fail: () =>
        down ? new CourierError('connection.refused', 'The server did not answer.') : null,
    });
    const runner = createJobRunner({
      home,
      jobs,
      history,
      picker: createFolderPicker(home, { settleMs: 20 }),
      runSend: seam.runSend,
    });

    const failed = await runner.runJob('Inbox', 'job');
    expect(failed.runs.map(r => [r.source?.fileName, r.outcome])).toEqual([
      ['export-1.csv', 'failed'],
      ['export-2.csv', 'failed'],
    ]);
    down = false;
    const sent = await runner.runJob('Inbox', 'job');
    expect(sent.runs.map(r => [r.source?.fileName, r.outcome, r.rows.read])).toEqual([
      ['export-1.csv', 'sent', 1],
      ['export-2.csv', 'sent', 2],
    ]);
    const again = await runner.runJob('Inbox', 'job');
    expect(again.runs).toEqual([]);
    expect(again.nothingToSend).toContain('No new finished file matching “export-*.csv”');
    expect(seam.requests).toHaveLength(4);
  });

  it('records the failure itself when the pipeline stops without recording, and a missing folder', async () => {
    const history = createHistoryStore(home);
    const jobs = createJobStore(home);
    await settledFile('export.csv', 'email\na@b.example\n', 30);
    await jobs.saveJob({
      name: 'Crashy',
      source: { kind: 'folder', folder: inbox, pattern: '*.csv', pick: 'newest' },
      destination: 'Acme',
    });
    await jobs.saveJob({
      name: 'Nowhere',
      source: { kind: 'folder', folder: join(root.path, 'nope'), pattern: '*.csv', pick: 'newest' },
      destination: 'Acme',
    });
    const runner = createJobRunner({
      home,
      jobs,
      history,
      picker: createFolderPicker(home, { settleMs: 20 }),
      runSend: pipelineSeam(history, { reject: true }).runSend,
    });
    const crashed = await runner.runJob('Crashy', 'user');
    expect(crashed.runs[0]).toMatchObject({
      outcome: 'failed',
      trigger: 'user',
      error: { code: 'internal.unexpected' },
      source: { fileName: 'export.csv' },
    });
    const nowhere = await runner.runJob('Nowhere', 'job');
    expect(nowhere.runs[0]).toMatchObject({
      outcome: 'failed',
      error: { code: 'jobs.folder-missing' },
    });
    expect(await history.listRuns()).toHaveLength(2);
    await expect(runner.runJob('No such job', 'cli')).rejects.toMatchObject({
      code: 'jobs.not-found',
    });
  });
});

describe('job lock', () => {
  it('refuses to run a job another Courier process is running, and takes over a lock left by a crash', async () => {
    const history = createHistoryStore(home);
    const jobs = createJobStore(home);
    const file = await settledFile('export.csv', 'email\na@b.example\n', 10);
    const job = await jobs.saveJob({
      name: 'Locked',
      source: { kind: 'file', path: file },
      destination: 'Acme',
    });
    const runner = createJobRunner({
      home,
      jobs,
      history,
      picker: createFolderPicker(home),
      runSend: pipelineSeam(history).runSend,
    });
    await mkdir(join(home, 'job-locks'));
    const lock = join(home, 'job-locks', `${job.id}.lock`);
    // Held by a live process (this one stands in for the app while cron runs the CLI; a lock
    // with its id from before it started would be an earlier process's).
    await writeFile(
      lock,
      JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() })
    );
    await expect(runner.runJob('Locked', 'cli')).rejects.toMatchObject({
      code: 'jobs.already-running',
    });
    expect(await history.listRuns()).toHaveLength(0);
    // Left behind by a process that no longer exists.
    await writeFile(
      lock,
      JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: '2026-11-22T02:00:00.000Z' })
    );
    expect((await runner.runJob('Locked', 'cli')).runs).toHaveLength(1);
    await expect(readFile(lock)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('job service', () => {
  it('saves jobs with a schedule in words, lists them with next runs, and runs one without overlap', async () => {
    const history = createHistoryStore(home);
    const file = await settledFile('export.csv', 'email\na@b.example\n', 30);
    let release: () => void = () => undefined;
    const gate = new Promise<void>(resolve => (release = resolve));
    const seam = pipelineSeam(history);
    const changes: boolean[] = [];
    const service = createJobService({
      home,
      history,
      runSend: async request => {
        await gate;
        return seam.runSend(request);
      },
      onChange: state => changes.push(state.running.length > 0),
    });
    await service.start();
    const job = await service.save({
      name: 'Nightly',
      source: { kind: 'file', path: file },
      destination: 'Acme',
      scheduleText: 'every day at 02:00 in Europe/Brussels',
    });
    await expect(
      service.save({ name: 'nightly', source: { kind: 'file', path: file }, destination: 'Acme' })
    ).rejects.toMatchObject({ code: 'jobs.name-taken' });
    await expect(
      service.save({
        name: 'Bad',
        source: { kind: 'file', path: file },
        destination: 'Acme',
        scheduleText: 'now and then',
      })
    ).rejects.toMatchObject({ code: 'schedule.not-understood' });
    const overview = await service.overview();
    expect(overview.jobs[0]).toMatchObject({
      name: 'Nightly',
      scheduleText: 'every day at 02:00 in Europe/Brussels',
      running: false,
    });
    expect(overview.jobs[0]!.nextRunAt).toMatch(/T0[01]:00:00.000Z$/);

    // A job added from the command line while the app runs is scheduled too.
    await createJobStore(home).saveJob({
      name: 'From cron',
      source: { kind: 'file', path: file },
      destination: 'Acme',
      schedule: parseSchedule('every hour'),
    });
    const both = await service.overview();
    expect(both.jobs.map(j => [j.name, j.nextRunAt !== null])).toEqual([
      ['Nightly', true],
      ['From cron', true],
    ]);
    await service.remove('From cron');

    expect(await service.runNow('Nightly')).toBe('started');
    expect(await service.runNow(job.id)).toBe('already-running');
    expect((await service.overview()).jobs[0]!.running).toBe(true);
    release();
    await service.scheduler.whenIdle();
    expect(changes).toContain(true);
    expect(changes.at(-1)).toBe(false);
    expect((await history.listRuns())[0]).toMatchObject({
      trigger: 'user',
      job: { name: 'Nightly' },
    });

    service.setPaused(true);
    expect((await service.overview()).paused).toBe(true);
    expect((await service.overview()).jobs[0]!.nextRunAt).toBeNull();
    await service.setEnabled('Nightly', false);
    expect((await service.overview()).jobs[0]!.enabled).toBe(false);
    await service.remove('Nightly');
    expect((await service.overview()).jobs).toEqual([]);
    service.stop();
    // The pause switch is remembered for the next launch.
    await service.flush();
    expect(JSON.parse(await readFile(join(home, 'job-state.json'), 'utf8'))).toMatchObject({
      paused: true,
    });
  });
});
