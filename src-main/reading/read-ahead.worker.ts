import { serveWorker } from '../workers/serve-worker';
import { readAhead, type ReadAheadJob, type ReadAheadProgress } from './read-ahead';

// The read-ahead worker: reads a big text export while another thread prepares its rows. Small on
// purpose (no workbook libraries): it runs beside the preparation, and its memory adds to it.
serveWorker<ReadAheadJob, ReadAheadProgress, number>(readAhead);
