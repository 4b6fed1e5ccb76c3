import type { Emit, Handlers } from '../ipc/ipc-router';
import type { jobCalls } from '../../src-core/jobs/job-ipc';
import type { AppJobs } from './app-jobs';

/** The handlers of the jobs and history channels. */
export type JobHandlers = Pick<Handlers, keyof typeof jobCalls>;

/**
 * The jobs and history channels over the app's job service, and the `jobs:changed` and
 * `history:added` events.
 *
 * Payloads are checked against the contract by the router (requests) and by `emit` (events).
 */
export function createJobHandlers(jobs: AppJobs, emit: Emit): JobHandlers {
  const { service } = jobs;
  jobs.onChange(state => emit('jobs:changed', state));
  jobs.onRun(run => emit('history:added', run));
  jobs.onRunUpdated(run => emit('history:updated', run));
  return {
    'jobs:list': () => service.overview(),
    'jobs:save': request => service.save(request),
    'jobs:remove': async ({ id }) => ({ id: (await service.remove(id)).id }),
    'jobs:run': async ({ id }) => ({ status: await service.runNow(id) }),
    'jobs:set-enabled': ({ id, enabled }) => service.setEnabled(id, enabled),
    'jobs:pause-all': ({ paused }) => {
      service.setPaused(paused);
      return { paused: service.scheduler.paused };
    },
    'jobs:settings': () => jobs.settings.get(),
    'jobs:set-settings': change => jobs.settings.set(change),
    'history:list': request => service.history.listRuns({ limit: request?.limit ?? 200 }),
  };
}
