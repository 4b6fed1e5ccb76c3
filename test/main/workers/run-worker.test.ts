import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorker } from '../../../src-main/workers/run-worker';
import { paceWindow } from '../../../src-main/workers/worker-protocol';
import { createLogger, logFilePath, registerSecret } from '../../../src-main/logging/logger';

const entry = new URL('../../fixtures/workers/count.worker.ts', import.meta.url);

describe('runWorker', () => {
  it('runs a job off the main thread with progress', async () => {
    const seen: number[] = [];
    await expect(runWorker(entry, { to: 5 }, { onProgress: (p: number) => seen.push(p) })).resolves.toBe(5);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets a paced job run only a few messages ahead of the thread that takes them', async () => {
    const seen: number[] = [];
    let taken: () => void = () => undefined;
    const running = runWorker(entry, { to: 12, paced: true }, { onProgress: (p: number) => seen.push(p), onPace: tell => (taken = tell) });
    // Nothing taken yet: the worker stops after paceWindow messages and waits.
    await new Promise(r => setTimeout(r, 300));
    expect(seen).toEqual(Array.from({ length: paceWindow }, (_, i) => i + 1));
    taken();
    taken();
    await expect.poll(() => seen.length).toBe(paceWindow + 2);
    await new Promise(r => setTimeout(r, 200));
    expect(seen.length).toBe(paceWindow + 2);
    for (let i = 0; i < 12; i++) taken();
    await expect(running).resolves.toBe(12);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('rebuilds the worker error with its code and message', async () => {
    await expect(runWorker(entry, { to: 1, fail: true })).rejects.toMatchObject({ code: 'internal.unexpected', message: 'The test worker failed as asked.' });
  });

  it('cancels on abort', async () => {
    const controller = new AbortController();
    const running = runWorker(entry, { to: 1000, slow: true }, { signal: controller.signal, onProgress: (p: number) => { if (p === 3) controller.abort(); } });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('lets a worker whose job is over exit by itself, at a safe point, rather than cutting it off', async () => {
    const home = await mkdtemp(join(tmpdir(), 'courier-worker-exit-'));
    try {
      const exitMark = join(home, 'exit');
      await expect(runWorker(entry, { to: 2, exitMark })).resolves.toBe(2);
      await expect.poll(() => readFile(exitMark, 'utf8').catch(() => ''), { timeout: 5000 }).toBe('exited 0');
      const controller = new AbortController();
      const cancelMark = join(home, 'cancel');
      const cancelled = runWorker(entry, { to: 1000, slow: true, exitMark: cancelMark }, { signal: controller.signal, onProgress: (p: number) => { if (p === 2) controller.abort(); } });
      await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
      await expect.poll(() => readFile(cancelMark, 'utf8').catch(() => ''), { timeout: 5000 }).toBe('exited 0');
    } finally {
      await rm(home, { recursive: true, force: true, maxRetries: 10 });
    }
  });

  it('stops a job that overruns its time or memory', async () => {
    await expect(runWorker(entry, { to: 100000, slow: true }, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'worker.timeout' });
    await expect(runWorker(entry, { to: 1, hog: true }, { resourceLimits: { maxOldGenerationSizeMb: 64 } })).rejects.toMatchObject({ code: 'worker.out-of-memory' });
  });

  it('writes the worker’s log lines to the main log, through its redacting logger', async () => {
    const home = await mkdtemp(join(tmpdir(), 'courier-worker-log-'));
    try {
      // A secret the main thread knows (read from the keychain here); the worker does not.
      registerSecret('hunter2-worker-secret');
      const logger = createLogger({ home });
      await expect(runWorker(entry, { to: 2, log: 'password is hunter2-worker-secret' }, { logger: logger.child({ run: 'r1' }) })).resolves.toBe(2);
      await logger.flush();
      const lines = (await readFile(logFilePath(home), 'utf8')).trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toEqual([expect.objectContaining({ level: 'warn', message: 'Counting', scope: 'test-worker', run: 'r1' })]);
      expect(JSON.stringify(lines)).not.toContain('hunter2-worker-secret');
    } finally {
      await rm(home, { recursive: true, force: true, maxRetries: 10 });
    }
  });
});
