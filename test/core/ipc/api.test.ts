import { describe, expect, it } from 'vitest';
import { buildApi } from '../../../src-core/ipc/api';
import { calls, events } from '../../../src-core/ipc/contract';

describe('buildApi', () => {
  it('exposes one method per call channel and routes it to the transport', async () => {
    const seen: [string, unknown][] = [];
    const api = buildApi({ invoke: async (c, r) => { seen.push([c, r]); return 'answer'; }, subscribe: () => () => {} });
    await expect(api.app.info()).resolves.toBe('answer');
    expect(seen).toEqual([['app:info', undefined]]);
    const methods = Object.entries(api as unknown as Record<string, Record<string, unknown>>).filter(([d]) => d !== 'on').flatMap(([, m]) => Object.keys(m));
    expect(methods).toHaveLength(Object.keys(calls).length);
  });

  it('gives listeners an unsubscribe function', () => {
    const listeners = new Map<string, Set<(p: unknown) => void>>();
    const api = buildApi({
      invoke: async () => undefined,
      subscribe: (c, l) => { const set = listeners.get(c) ?? new Set(); set.add(l); listeners.set(c, set); return () => set.delete(l); },
    });
    const got: unknown[] = [];
    const off = api.on.appNotice(p => got.push(p));
    listeners.get('app:notice')!.forEach(l => l({ message: 'hi' }));
    off();
    expect(listeners.get('app:notice')!.size).toBe(0);
    expect(got).toEqual([{ message: 'hi' }]);
    expect(Object.keys(api.on)).toHaveLength(Object.keys(events).length);
  });
});
