import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { calls } from '../../../src-core/ipc/contract';
import { SendRequest } from '../../../src-core/pipeline/send-request';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createFolderPicker } from '../../../src-main/jobs/folder-picker';
import { createJobRunner, type JobRunRequest } from '../../../src-main/jobs/job-runner';
import { createJobStore } from '../../../src-main/jobs/job-store';
import type { PipelineRequest } from '../../../src-main/pipeline/run-pipeline';
import { readSendRequest } from '../../../src-main/cli/send-request-options';
import { tempHome } from '../../harness/temp-home';

const home = tempHome('courier-send-request-');

// "What to send" has one shape, core's SendRequest: the Send button (IPC `send:start`), a job and
// `courier send` (through the pipeline's request) all say it with the same fields.
describe('one SendRequest for the app, jobs and the CLI', () => {
  it('the pipeline, a job run and send:start take core’s SendRequest (checked by the compiler)', () => {
    expectTypeOf<PipelineRequest>().toExtend<SendRequest>();
    expectTypeOf<JobRunRequest>().toExtend<SendRequest>();
    expectTypeOf<
      (typeof calls)['send:start']['request']['_zod']['output']
    >().toExtend<SendRequest>();
  });

  it('send:start is SendRequest plus the names the person saw, and nothing else', () => {
    const startShape = Object.keys(calls['send:start'].request.shape).sort();
    expect(startShape).toEqual([...Object.keys(SendRequest.shape), 'namedAt'].sort());
    const request = {
      path: '/x/export.xlsx',
      sheet: 'Contacts',
      headerRow: 2,
      destination: 'Acme',
      mapping: { Email: 'email' },
      fixes: [{ kind: 'trim', column: 'Email' }],
      excludeInvalid: true,
    };
    expect(calls['send:start'].request.parse(request)).toEqual(SendRequest.parse(request));
    // The same limits everywhere: a header row counts from 1.
    expect(SendRequest.safeParse({ ...request, headerRow: 0 }).success).toBe(false);
    expect(calls['send:start'].request.safeParse({ ...request, headerRow: 0 }).success).toBe(false);
  });

  it('a job run asks the pipeline with a valid SendRequest made from the job', async () => {
    const file = join(home.path, 'export.xlsx');
    await writeFile(file, 'email\na@b.example\n');
    const history = createHistoryStore(home.path);
    const jobs = createJobStore(home.path);
    const job = await jobs.saveJob({
      name: 'Nightly',
      source: { kind: 'file', path: file },
      reading: { sheet: 'Contacts', headerRow: 3 },
      destination: 'Acme',
      mapping: { Email: 'email' },
      invalidRows: 'send-valid',
      fixes: [{ kind: 'trim', column: 'Email' }],
    });
    const requests: JobRunRequest[] = [];
    await createJobRunner({
      home: home.path,
      jobs,
      history,
      picker: createFolderPicker(home.path),
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
    }).runJob(job.id, 'cli');
    expect(requests).toHaveLength(1);
    // Core's schema keeps what to send and drops the run's own fields (trigger, job, policies).
    expect(SendRequest.parse(requests[0])).toEqual({
      path: file,
      sheet: 'Contacts',
      headerRow: 3,
      destination: 'Acme',
      mapping: { Email: 'email' },
      fixes: [{ kind: 'trim', column: 'Email' }],
      excludeInvalid: true,
    });
  });

  it('check, prepare and send read FILE and their flags into the same SendRequest', async () => {
    const request = await readSendRequest(['export.xlsx'], {
      destination: 'Acme',
      sheet: 'Contacts',
      'header-row': '2',
      fix: ['trim:Email'],
      'keep-duplicates': true,
      'exclude-invalid': true,
    });
    expectTypeOf(request).toEqualTypeOf<SendRequest>();
    expect(request).toEqual({
      path: 'export.xlsx',
      sheet: 'Contacts',
      headerRow: 2,
      destination: 'Acme',
      fixes: [{ kind: 'trim', column: 'Email' }, { kind: 'keep-duplicates' }],
      excludeInvalid: true,
    });
    expect(SendRequest.parse(request)).toEqual(request);
    await expect(readSendRequest(['export.xlsx'], {})).rejects.toThrow(
      '--destination is required.'
    );
    await expect(
      readSendRequest(['export.xlsx'], { destination: 'Acme', 'header-row': '0' })
    ).rejects.toThrow(/--header-row needs a line number from 1/);
  });
});
