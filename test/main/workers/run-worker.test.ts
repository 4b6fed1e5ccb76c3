import { describe, expect, it } from 'vitest';
import { runWorker } from '../../../src-main/workers/run-worker';

const entry = new URL('../../fixtures/workers/count.worker.ts', import.meta.url);

describe('runWorker', () => {
  it('runs a job off the main thread with progress', async () => {
    const seen: number[] = [];
    await expect(runWorker(entry, { to: 5 }, { onProgress: (p: number) => seen.push(p) })).resolves.toBe(5);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('rebuilds the worker error with its code and message', async () => {
    await expect(runWorker(entry, { to: 1, fail: true })).rejects.toMatchObject({ code: 'read.test-failure', message: 'The test worker failed as asked.' });
  });

  it('cancels on abort', async () => {
    const controller = new AbortController();
    const running = runWorker(entry, { to: 1000, slow: true }, { signal: controller.signal, onProgress: (p: number) => { if (p === 3) controller.abort(); } });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('stops a job that overruns its time or memory', async () => {
    await expect(runWorker(entry, { to: 100000, slow: true }, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'worker.timeout' });
    await expect(runWorker(entry, { to: 1, hog: true }, { resourceLimits: { maxOldGenerationSizeMb: 64 } })).rejects.toMatchObject({ code: 'worker.out-of-memory' });
  });
});
