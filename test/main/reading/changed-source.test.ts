import { appendFile, mkdir, readFile, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDestination } from '../../../src-core/destinations/destination';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createFolderPicker } from '../../../src-main/jobs/folder-picker';
import { createJobRunner, type JobRunRequest } from '../../../src-main/jobs/job-runner';
import { createJobStore } from '../../../src-main/jobs/job-store';
import { prepareFile } from '../../../src-main/preparation/prepare-file';
import { openSource, type ReadProgress } from '../../../src-main/reading/open-source';
import { tempHome } from '../../harness/temp-home';

// A source that changes while it is read is refused with `read.changed`, never read in part.
// The file is changed from the read's own progress callback, so the test does not race it.

const fixtures = join(import.meta.dirname, '../../fixtures/reading');
const dir = tempHome('courier-changed-');

/** A CSV of about 4 MB (several read chunks), with a header a preset recognises. */
async function bigCsv(name = 'contacts.csv'): Promise<string> {
  const lines = ['Email,First name,Last name'];
  for (let i = 0; i < 90_000; i++) lines.push(`person${i}@example.com,Person,Number ${i}`);
  const path = join(dir.path, name);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/** Reads every row, calling `during` once, at the first progress report of the full read. */
async function readChangingOnce(
  path: string,
  during: () => Promise<void>
): Promise<{ error: unknown; rows: number }> {
  const source = await openSource(path);
  let rows = 0;
  let changed: Promise<void> | null = null;
  try {
    for await (const _row of source.rows({
      onProgress: () => {
        changed ??= during();
      },
    })) {
      rows++;
      if (changed) await changed;
    }
    return { error: null, rows };
  } catch (error) {
    return { error, rows };
  } finally {
    await source.dispose?.();
  }
}

describe('a source that changes while it is read', () => {
  it('a CSV truncated during the full read is refused', async () => {
    const path = await bigCsv();
    const { error } = await readChangingOnce(path, () => truncate(path, 1_500_000));
    expect(error).toMatchObject({ code: 'read.changed', params: { file: 'contacts.csv' } });
  });

  it('a CSV appended to during the full read is refused', async () => {
    const path = await bigCsv();
    const { error } = await readChangingOnce(path, () =>
      appendFile(path, 'late@example.com,Late,Row\n')
    );
    expect(error).toMatchObject({ code: 'read.changed' });
  });

  it('a workbook rewritten between opening it and reading its rows is refused', async () => {
    const path = join(dir.path, 'contacts.xlsx');
    await writeFile(path, await readFile(join(fixtures, 'contacts.xlsx')));
    const source = await openSource(path);
    try {
      await appendFile(path, Buffer.alloc(10));
      await expect(async () => {
        for await (const _row of source.rows()) {
          // read everything
        }
      }).rejects.toMatchObject({ code: 'read.changed' });
    } finally {
      await source.dispose?.();
    }
  });

  it('prepare refuses a file truncated while it is read, and an unchanged one still prepares', async () => {
    const destination = parseDestination({
      ...destinationFromPreset('hello-customer'),
      variables: { touchpoint: 'NPS' },
    });
    const path = await bigCsv();
    let cut: Promise<void> | null = null;
    const onProgress = (_p: ReadProgress) => {
      cut ??= truncate(path, 2_000_000);
    };
    await expect(
      prepareFile(path, destination, { now: new Date(), excludeInvalid: true, onProgress })
    ).rejects.toMatchObject({
      code: 'read.changed',
    });
    const again = await bigCsv('again.csv');
    const result = await prepareFile(again, destination, { now: new Date(), excludeInvalid: true });
    expect(result.rowCount).toBe(90_000);
  });

  it('a file that differs from the size and time it was expected to have is refused at once', async () => {
    const path = await bigCsv();
    await expect(openSource(path, { expected: { size: 1, mtimeMs: 0 } })).rejects.toMatchObject({
      code: 'read.changed',
    });
  });
});

describe('a watched folder’s file that changes after it was found stable', () => {
  it('is refused with read.changed, not marked as taken, and sent once stable again', async () => {
    const home = join(dir.path, 'home');
    const inbox = join(dir.path, 'inbox');
    await mkdir(home);
    await mkdir(inbox);
    const path = join(inbox, 'export-1.csv');
    await writeFile(path, 'email\na@b.example\n');
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    const history = createHistoryStore(home);
    const jobs = createJobStore(home);
    await jobs.saveJob({
      name: 'Inbox',
      source: { kind: 'folder', folder: inbox, pattern: 'export-*.csv', pick: 'each-new' },
      destination: 'Acme',
    });
    const requests: JobRunRequest[] = [];
    const picker = createFolderPicker(home, { settleMs: 20 });
    let rewrite = true;
    const runner = createJobRunner({
      home,
      jobs,
      history,
      // The exporter writes the file again just after it was found stable.
      picker: {
        pick: async (source, jobId) => {
          const files = await picker.pick(source, jobId);
          if (rewrite) await appendFile(path, 'c@d.example\n');
          return files;
        },
        markPicked: picker.markPicked,
      },
      runSend: async request => {
        requests.push(request);
        return history.append({
          startedAt: new Date().toISOString(),
          trigger: request.trigger,
          job: request.job,
          outcome: 'sent',
          source: null,
          destination: request.destination,
          transfer: { status: 'uploaded' },
        });
      },
    });
    const first = await runner.runJob('Inbox', 'job');
    expect(first.runs.map(r => [r.outcome, r.error?.code])).toEqual([['failed', 'read.changed']]);
    expect(requests).toHaveLength(0);
    rewrite = false;
    await utimes(path, old, old);
    const second = await runner.runJob('Inbox', 'job');
    expect(second.runs.map(r => r.outcome)).toEqual(['sent']);
    const now = await stat(path);
    expect(requests[0]?.expectedSource).toEqual({ size: now.size, mtimeMs: now.mtimeMs });
  });
});
