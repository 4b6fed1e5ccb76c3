// Starts a TypeScript worker entry when running from source (tests, the CLI under tsx): registers
// tsx's loader inside the worker, then imports the entry. Node 20 resolves a worker's entry before
// `--import` hooks apply, hence this small trampoline. The built app starts its .js workers directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__courierEntry);
