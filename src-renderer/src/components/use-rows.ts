import { useCallback, useRef, useState } from 'react';
import type { SourceRow } from '../../../src-core/reading/source-table';
import { api } from '../courier-api';

const BLOCK = 200;

/** Rows of an opened file fetched by block on demand (`files:rows`), kept in a small cache. */
export function useRows(sourceId: string, seed: readonly SourceRow[], rowCount: number) {
  const cache = useRef(new Map<number, SourceRow>());
  const seeded = useRef<string | null>(null);
  if (seeded.current !== sourceId) {
    cache.current = new Map(seed.map(r => [r.index, r]));
    seeded.current = sourceId;
  }
  const pending = useRef(new Set<number>());
  const [, setVersion] = useState(0);

  const ensure = useCallback(
    (start: number, end: number) => {
      const stop = Math.min(end, rowCount);
      for (let block = Math.floor(start / BLOCK); block * BLOCK < stop; block += 1) {
        const from = block * BLOCK;
        const to = Math.min(from + BLOCK, rowCount);
        if (pending.current.has(block)) continue;
        let missing = false;
        for (let i = Math.max(from, start); i < Math.min(to, stop); i += 1) {
          if (!cache.current.has(i)) {
            missing = true;
            break;
          }
        }
        if (!missing) continue;
        pending.current.add(block);
        const requestedFor = sourceId;
        void api()
          .files.rows({ sourceId, start: from, end: to })
          .then(
            ({ rows }) => {
              if (seeded.current !== requestedFor) return;
              for (const r of rows) cache.current.set(r.index, r);
              // Keep the cache to a few screens' worth of blocks around the ones in use.
              if (cache.current.size > BLOCK * 60) {
                for (const key of cache.current.keys()) {
                  if (Math.abs(key - from) > BLOCK * 20) cache.current.delete(key);
                }
              }
              setVersion(v => v + 1);
            },
            () => undefined
          )
          .finally(() => pending.current.delete(block));
      }
    },
    [sourceId, rowCount]
  );

  const row = useCallback((index: number) => cache.current.get(index), []);
  return { row, ensure };
}
