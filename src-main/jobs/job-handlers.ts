import { Run } from '../../src-core/history/run';
import { JobsOverview, JobSaveRequest } from '../../src-core/jobs/job-ipc';
import { Job } from '../../src-core/jobs/job';
import type { HistoryStore } from '../history/history-store';
import type { JobService } from './job-service';

/** The IPC channels of jobs and history, with their request and response shapes. */
export type JobChannels = {
  'jobs:list': (request: undefined) => Promise<JobsOverview>;
  'jobs:save': (request: JobSaveRequest) => Promise<Job>;
  'jobs:remove': (request: { id: string }) => Promise<{ id: string }>;
  'jobs:run': (request: { id: string }) => Promise<{ status: 'started' | 'already-running' }>;
  'jobs:set-enabled': (request: { id: string; enabled: boolean }) => Promise<Job>;
  'jobs:pause-all': (request: { paused: boolean }) => Promise<{ paused: boolean }>;
  'history:list': (request: { limit?: number } | undefined) => Promise<Run[]>;
  'history:get': (request: { id: string }) => Promise<Run | null>;
};

/**
 * The handlers of the jobs and history channels, over the job service.
 *
 * Responses are parsed through their schemas so only plain JSON data crosses IPC.
 */
export function createJobHandlers(service: JobService, history: HistoryStore = service.history): JobChannels {
  return {
    'jobs:list': async () => JobsOverview.parse(await service.overview()),
    'jobs:save': async request => Job.parse(await service.save(JobSaveRequest.parse(request))),
    'jobs:remove': async ({ id }) => ({ id: (await service.remove(id)).id }),
    'jobs:run': async ({ id }) => ({ status: await service.runNow(id) }),
    'jobs:set-enabled': async ({ id, enabled }) => Job.parse(await service.setEnabled(id, enabled)),
    'jobs:pause-all': async ({ paused }) => {
      service.setPaused(paused);
      return { paused: service.scheduler.paused };
    },
    'history:list': async request => (await history.listRuns({ limit: request?.limit ?? 200 })).map(r => Run.parse(r)),
    'history:get': async ({ id }) => history.getRun(id),
  };
}
