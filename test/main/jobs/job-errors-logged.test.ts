import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJobService } from '../../../src-main/jobs/job-service';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createLogger, logFilePath } from '../../../src-main/logging/logger';
import { tempHome } from '../../harness/temp-home';

const home = tempHome('courier-job-errors-');

describe('a job run that fails before anything could record it', () => {
  it('is written to the log with the job and the reason, instead of vanishing', async () => {
    // The history cannot be written (a full disk): the runner cannot record the failed run.
    const history = {
      ...createHistoryStore(home.path),
      append: async () => Promise.reject(new Error('ENOSPC: no space left on device')),
    };
    const logger = createLogger({ home: home.path });
    const service = createJobService({
      home: home.path,
      history,
      logger,
      runSend: async () => Promise.reject(new Error('not reached')),
    });
    const job = await service.save({
      name: 'Nightly',
      source: { kind: 'file', path: join(home.path, 'missing.csv') },
      destination: 'Shop survey',
    });
    expect(await service.runNow(job.id)).toBe('started');
    await service.scheduler.whenIdle();
    await logger.flush();
    const lines = (await readFile(logFilePath(home.path), 'utf8'))
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        scope: 'jobs',
        message: 'A job run failed before it could be recorded',
        job: job.id,
        error: expect.objectContaining({ message: expect.stringContaining('ENOSPC') }),
      })
    );
  });
});
