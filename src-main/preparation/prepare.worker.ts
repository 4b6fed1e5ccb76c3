import { serveWorker } from '../workers/serve-worker';
import type { ReadProgress } from '../reading/open-source';
import { runPrepareJob, type PrepareJob } from './review';

// The preparation worker: reading, mapping and validating a whole file for the review screen and
// for every send (the app, jobs, the CLI), away from the main thread so windows and the tray stay
// responsive.
serveWorker<PrepareJob, ReadProgress, Awaited<ReturnType<typeof runPrepareJob>>>(runPrepareJob);
