import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder made by `tempHome`; `path` is valid inside the tests it covers. */
export type TempHome = Readonly<{ readonly path: string }>;

/**
 * A fresh temporary folder (a settings home, or a place for test files) for each test of the file
 * or `describe` block it is called in, removed after the test; `{ shared: true }` makes one for the
 * whole block instead. Replaces the `mkdtemp` / `rm` pair in `beforeEach` / `afterEach`.
 */
export function tempHome(prefix = 'courier-home-', options: { shared?: boolean } = {}): TempHome {
  let current: string | null = null;
  const [before, after] = options.shared ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    current = await mkdtemp(join(tmpdir(), prefix));
  });
  after(async () => {
    // Retried: a service the test stopped may still finish one last write (a log line, a history
    // entry) while the folder is removed, which fails with ENOTEMPTY on the first try.
    if (current) await rm(current, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    current = null;
  });
  return {
    get path(): string {
      if (current === null) throw new Error('tempHome: the folder exists only while a test runs.');
      return current;
    },
  };
}
