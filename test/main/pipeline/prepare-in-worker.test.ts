import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { createSendHandlers } from '../../../src-main/pipeline/send-handlers';
import { createAppJobs } from '../../../src-main/jobs/app-jobs';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createWorkerUpload } from '../../../src-main/pipeline/worker-upload';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { logFilePath } from '../../../src-main/logging/logger';
import { runPipeline } from '../../../src-main/pipeline/run-pipeline';
import { prepareInThisThread } from '../../../src-main/preparation/send-preparation';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { tempHome } from '../../harness/temp-home';

// Which thread prepares a send: the preparation worker, for the Send button and for jobs (the
// main thread keeps the window and the tray responsive). The pipeline logs the thread that
// prepared each run; this test's thread is the caller's "main" thread.

/** The "File prepared" lines of the settings folder's log. */
async function preparedLines(
  home: string
): Promise<{ run: string; thread: number; rows: number }[]> {
  const text = await readFile(logFilePath(home), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as { message: string; run: string; thread: number; rows: number })
    .filter(line => line.message === 'File prepared');
}

describe('preparation of a send runs in the preparation worker', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-prepare-worker-', { shared: true });
  let source: string;
  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const user = sshd.users[0]!;
    await saveDestination(home.path, {
      ...destinationFromPreset('hello-customer', 'Shop survey'),
      folder: 'upload',
      transport: {
        protocol: 'sftp',
        host: '127.0.0.1',
        port: sshd.port,
        user: user.name,
        hostKey: sshd.hostKeyFingerprint,
      },
    });
    source = join(home.path, 'export.csv');
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('for the Send button (send:start): another thread prepares, the file arrives as before', async () => {
    await writeFile(source, 'Email,Language\nwendy@example.be,nl\nnot-an-email,fr\n');
    const context = {
      home: home.path,
      appVersion: '1',
      locale: 'en',
      emit: (() => undefined) as never,
    };
    const handlers = createSendHandlers(
      context,
      fixedSecrets({ password: sshd.users[0]!.password })
    );
    const outcome = await handlers['send:start']({
      path: source,
      destination: 'Shop survey',
      excludeInvalid: true,
    });
    expect(outcome).toMatchObject({
      outcome: 'sent-with-exclusions',
      rows: { read: 2, sent: 1, excluded: 1 },
      error: null,
    });
    expect(await readFile(join(sshd.users[0]!.uploadDir, outcome.files[0]!.name), 'utf8')).toBe(
      'Email;Language;FirstName;LastName;Department;CustomId\r\nwendy@example.be;NL;;;;\r\n'
    );
    // The rows left out are kept for History, by the worker, as before.
    expect(await readFile(join(home.path, 'rejected', `${outcome.runId}.csv`), 'utf8')).toContain(
      'not-an-email'
    );
    // No prepared copy is left behind after a successful send.
    expect(await readdir(join(home.path, 'outbox'))).toEqual([]);
    const line = (await preparedLines(home.path)).find(l => l.run === outcome.runId)!;
    expect(line).toMatchObject({ rows: 2 });
    expect(line.thread).not.toBe(threadId);
  });

  it('for a job run by the app (trigger "job"): another thread prepares', async () => {
    await writeFile(source, 'Email,Language\njan@example.be,nl\n');
    const jobs = createAppJobs({
      home: home.path,
      secrets: fixedSecrets({ password: sshd.users[0]!.password }),
      history: createHistoryStore(home.path),
      upload: createWorkerUpload(),
    });
    const job = await jobs.service.save({
      name: 'Nightly',
      source: { kind: 'file', path: source },
      destination: 'Shop survey',
    });
    const result = await jobs.service.runAndWait(job.id, 'job');
    expect(result.runs).toHaveLength(1);
    const run = result.runs[0]!;
    expect(run).toMatchObject({ trigger: 'job', outcome: 'sent', rows: { read: 1, sent: 1 } });
    const line = (await preparedLines(home.path)).find(l => l.run === run.id)!;
    expect(line.thread).not.toBe(threadId);
  });

  it('a job of the app keeps the rows it leaves out in the app’s language', async () => {
    await writeFile(source, 'Email,Language\npiet@example.be,nl\nnot-an-email,fr\n');
    const jobs = createAppJobs({
      home: home.path,
      secrets: fixedSecrets({ password: sshd.users[0]!.password }),
      history: createHistoryStore(home.path),
      upload: createWorkerUpload(),
      language: 'nl',
    });
    const job = await jobs.service.save({
      name: 'Nachtelijk',
      source: { kind: 'file', path: source },
      destination: 'Shop survey',
      invalidRows: 'send-valid',
    });
    const [run] = (await jobs.service.runAndWait(job.id, 'job')).runs;
    expect(run).toMatchObject({ outcome: 'sent-with-exclusions', rows: { read: 2, sent: 1 } });
    const kept = await readFile(join(home.path, 'rejected', `${run!.id}.csv`), 'utf8');
    expect(kept.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Regel,Email,Language,Waarom ze niet verstuurd is'
    );
    expect(kept).not.toContain('not a valid');
  });

  it('in this thread only when asked (the benchmark reference): the same counts, held the same way', async () => {
    await writeFile(source, 'Email,Language\nnot-an-email,fr\n');
    const inThread = await runPipeline(
      { path: source, destination: 'Shop survey', trigger: 'user' },
      { home: home.path, secrets: fixedSecrets({}), prepare: prepareInThisThread }
    );
    const inWorker = await runPipeline(
      { path: source, destination: 'Shop survey', trigger: 'user' },
      { home: home.path, secrets: fixedSecrets({}) }
    );
    expect(inThread.run).toMatchObject({
      outcome: 'held',
      error: { code: 'send.rows-have-errors' },
    });
    expect(inWorker.run).toMatchObject({
      outcome: 'held',
      error: { code: 'send.rows-have-errors' },
      rows: inThread.run.rows,
    });
    expect(inThread.preparation!.thread).toBe(threadId);
    expect(inWorker.preparation!.thread).not.toBe(threadId);
  });

  it('cancels while the worker is still reading: the run fails as cancelled and leaves no prepared file', async () => {
    const lines = ['Email,Language'];
    for (let i = 0; i < 300_000; i++)
      lines.push(i % 2 ? `contact.${i}@example.be,nl` : `not-an-email-${i},fr`);
    await writeFile(source, `${lines.join('\n')}\n`);
    let cancelled: Promise<{ cancelled: boolean }> | null = null;
    const context = {
      home: home.path,
      appVersion: '1',
      locale: 'en',
      emit: ((channel: string, payload: { phase: string }) => {
        if (channel === 'send:progress' && payload.phase === 'reading' && !cancelled)
          cancelled = Promise.resolve(handlers['send:cancel'](undefined));
      }) as never,
    };
    // Called by `emit` once reading has started, long after this line has run.
    const handlers = createSendHandlers(
      context,
      fixedSecrets({ password: sshd.users[0]!.password })
    );
    const outcome = await handlers['send:start']({
      path: source,
      destination: 'Shop survey',
      excludeInvalid: true,
    });
    expect(await cancelled).toEqual({ cancelled: true });
    expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'cancelled' } });
    expect(await readdir(join(home.path, 'outbox')).catch(() => [])).toEqual([]);
    expect(await readdir(join(home.path, 'rejected'))).not.toContain(`${outcome.runId}.csv`);
  });
});
