import { describe, expect, it } from 'vitest';
import { createJobStore, type JobDraft } from '../../../src-main/jobs/job-store';
import { tempHome } from '../../harness/temp-home';

// A job that is not complete (from a script, an edited file, a newer app) is refused in words: the
// setting and what it must be, not the schema library's "Invalid input: expected …".
describe('an incomplete job', () => {
  const home = tempHome('courier-job-words-');

  it('is refused naming the setting and what it must be', async () => {
    const jobs = createJobStore(home.path);
    const refusal = async (draft: unknown) => {
      try {
        await jobs.saveJob(draft as JobDraft);
      } catch (error) {
        return { code: (error as { code?: string }).code, message: (error as Error).message };
      }
      throw new Error('saved');
    };
    const base = { name: 'Nightly', source: { kind: 'file', path: '/data/crm.csv' } };
    expect(await refusal(base)).toEqual({
      code: 'jobs.invalid',
      message: 'The job is not complete: “destination” is missing.',
    });
    expect(await refusal({ ...base, destination: 'hello-customer', catchUp: 'yes' })).toEqual({
      code: 'jobs.invalid',
      message: 'The job is not complete: “catchUp” must be true or false, not text.',
    });
    expect(await jobs.listJobs()).toEqual([]);
  });
});
