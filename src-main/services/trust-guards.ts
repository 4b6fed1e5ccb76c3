import type { Handlers } from '../ipc/ipc-router';
import type { OpenedFiles } from '../files/opened-files';
import { jobSourcePath } from '../../src-core/jobs/job';

/**
 * A saved secret's server is guarded by the destination service (`destinations/destination-service.ts`):
 * the app's dialog that confirms keeping it is `ConfirmKeepSecret`.
 */
export type { ConfirmKeepSecret } from '../destinations/destination-handlers';

/**
 * Main has the say over the file system: every call that names a path must name one the person
 * chose (see `OpenedFiles`); the file dialog's answer is recorded as chosen.
 *
 * Wraps the handlers instead of changing each of them, so no handler can forget the check.
 */
export function guardFiles(handlers: Handlers, opened: OpenedFiles): Handlers {
  const savedJobPaths = async (): Promise<Set<string>> => {
    const { jobs } = await handlers['jobs:list'](undefined);
    // A job's related files are its source files too.
    return new Set(
      jobs.flatMap(job => [jobSourcePath(job.source), ...(job.related ?? []).map(r => r.path)])
    );
  };
  const savedRecordingsFolders = async (): Promise<Set<string>> => {
    const { jobs } = await handlers['jobs:list'](undefined);
    return new Set(jobs.flatMap(job => (job.recordingsFolder ? [job.recordingsFolder] : [])));
  };
  return {
    ...handlers,
    'files:pick': async request => {
      const picked = await handlers['files:pick'](request);
      if (picked.path) opened.add(picked.path, 'dialog');
      return picked;
    },
    'files:pick-folder': async request => {
      // A folder the person chose for a job to watch.
      const picked = await handlers['files:pick-folder'](request);
      if (picked.path) opened.add(picked.path, 'dialog');
      return picked;
    },
    'history:rejected-rows': async request => {
      // The rows a send left out: a file Courier made for the person, which they may open.
      const kept = await handlers['history:rejected-rows'](request);
      if (kept.path) opened.add(kept.path, 'made-by-courier');
      return kept;
    },
    'files:open': request => {
      opened.check(request.path);
      return handlers['files:open'](request);
    },
    'send:start': request => {
      opened.check(request.path);
      // The recordings folder too: one the person chose in the folder dialog.
      if (request.recordingsFolder !== undefined) opened.check(request.recordingsFolder);
      // And every related file: each one the person chose in the file dialog.
      for (const related of request.related ?? []) opened.check(related.path);
      return handlers['send:start'](request);
    },
    'review:check': request => {
      opened.check(request.path);
      return handlers['review:check'](request);
    },
    'review:save-rejected': request => {
      opened.check(request.path);
      return handlers['review:save-rejected'](request);
    },
    'destinations:dummy-data': async request => {
      // Written where the person chose in the save dialog: they may send or open it next.
      const written = await handlers['destinations:dummy-data'](request);
      for (const file of written.files) opened.add(file.path, 'dialog');
      return written;
    },
    'destinations:read-sample': request => {
      opened.check(request.path);
      return handlers['destinations:read-sample'](request);
    },
    'destinations:preview-output': request => {
      if (request.samplePath !== undefined) opened.check(request.samplePath);
      return handlers['destinations:preview-output'](request);
    },
    'destinations:import': request => {
      opened.check(request.path);
      return handlers['destinations:import'](request);
    },
    'destinations:export': async request => {
      // The file written is one the person chose in the save dialog: they may import it again.
      const saved = await handlers['destinations:export'](request);
      if (saved.path) opened.add(saved.path, 'dialog');
      return saved;
    },
    'keys:import': request => {
      if (request.path !== undefined) opened.check(request.path);
      return handlers['keys:import'](request);
    },
    'jobs:save': async request => {
      // A saved job keeps the file or folder it was made with; a new one needs a chosen path.
      const path = jobSourcePath(request.source);
      if (!(await savedJobPaths()).has(path)) opened.check(path);
      // Its recordings folder likewise: a saved job's, or one the person chose.
      const recordings = request.recordingsFolder;
      if (recordings && !(await savedRecordingsFolders()).has(recordings)) opened.check(recordings);
      const saved = await savedJobPaths();
      for (const related of request.related ?? [])
        if (!saved.has(related.path)) opened.check(related.path);
      return handlers['jobs:save'](request);
    },
  };
}
