import { serveWorker } from '../workers/serve-worker';
import { runReadJob, type ReadJob, type ReadJobProgress, type ReadJobResult } from './read-jobs';

// The reading worker: full reads of big text files, and every workbook parse (which must run
// with a timeout and memory limits, away from the main thread).
serveWorker<ReadJob, ReadJobProgress, ReadJobResult>(runReadJob);
