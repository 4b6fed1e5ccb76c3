/**
 * Lets an async loop wait until something it watches may have changed: whoever changes it calls
 * `changed()`, and the loop's `until(ready)` returns once `ready()` holds (at once if it already
 * does). For one waiting loop at a time, which is how each user has it: the job server waiting
 * for its runs, an upload waiting while paused, a worker waiting for the main thread to take its
 * batches, the main thread waiting for the next batch.
 */
export type ChangeSignal = Readonly<{
  changed: () => void;
  until: (ready: () => boolean) => Promise<void>;
}>;

export function changeSignal(): ChangeSignal {
  let wake: () => void = () => undefined;
  return {
    changed: () => {
      const waiting = wake;
      wake = () => undefined;
      waiting();
    },
    until: async ready => {
      while (!ready()) await new Promise<void>(resolve => (wake = resolve));
    },
  };
}
