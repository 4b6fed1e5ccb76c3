/**
 * Turns batches of rows into an async iterable of single rows without an async generator per
 * row: a generator resumption costs a few microseconds, which is most of a million-row read's
 * overhead over the parser itself. Stopping early (`break`) closes the batch source.
 */
export function flattenBatches<T>(batches: AsyncIterable<T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = batches[Symbol.asyncIterator]();
      let batch: T[] = [];
      let i = 0;
      const refill = async (): Promise<IteratorResult<T>> => {
        while (i >= batch.length) {
          const step = await source.next();
          if (step.done) return { done: true, value: undefined };
          batch = step.value;
          i = 0;
        }
        return { done: false, value: batch[i++]! };
      };
      return {
        // The common case (a row left in the batch) resolves at once, without an async frame.
        next: () =>
          i < batch.length ? Promise.resolve({ done: false, value: batch[i++]! }) : refill(),
        return: async (): Promise<IteratorResult<T>> => {
          await source.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
