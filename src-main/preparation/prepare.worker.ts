import { serveWorker } from '../workers/serve-worker';
import { runPrepareJob, type PrepareJob } from './review';

// The preparation worker: reading, mapping and validating a whole file for the review screen,
// away from the main thread so windows and the tray stay responsive.
serveWorker<PrepareJob, never, Awaited<ReturnType<typeof runPrepareJob>>>(job => runPrepareJob(job));
