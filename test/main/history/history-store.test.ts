import { describe, expect, it } from 'vitest';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHistoryStore, type RunInput } from '../../../src-main/history/history-store';
import { tempHome } from '../../harness/temp-home';

const home = tempHome('courier-history-');

const sample = (overrides: Partial<RunInput> = {}): RunInput => ({
  startedAt: '2026-11-20T02:00:00.000Z',
  durationMs: 1234,
  trigger: 'job',
  job: { id: 'j1', name: 'Nightly respondents' },
  outcome: 'sent-with-exclusions',
  source: { fileName: 'export.csv', sha256: 'a'.repeat(64), bytes: 2048 },
  destination: 'Qualtrics EU',
  rows: { read: 10, sent: 8, excluded: 2, issues: { 'email.invalid': 2 } },
  outputFiles: [{ name: 'contacts-20261120.csv', bytes: 900, sha256: 'b'.repeat(64) }],
  transfer: { status: 'uploaded', bytes: 900 },
  receipt: { status: 'none' },
  error: null,
  ...overrides,
});

describe('history store', () => {
  it('appends runs as JSON lines and lists them newest first', async () => {
    const store = createHistoryStore(home.path);
    const first = await store.append(sample({ startedAt: '2026-11-20T02:00:00.000Z' }));
    const second = await store.append(
      sample({ startedAt: '2026-11-21T02:00:00.000Z', trigger: 'cli', job: null })
    );
    expect(first.id).not.toBe(second.id);
    const text = await readFile(store.file, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    const runs = await createHistoryStore(home.path).listRuns();
    expect(runs.map(r => r.id)).toEqual([second.id, first.id]);
    expect(await store.listRuns({ limit: 1 })).toHaveLength(1);
    expect(await store.getRun(first.id)).toMatchObject({
      rows: { excluded: 2, issues: { 'email.invalid': 2 } },
      destination: 'Qualtrics EU',
    });
    expect(await store.getRun('nope')).toBeNull();
  });

  it('ignores a torn last line and keeps appending on a fresh line', async () => {
    const store = createHistoryStore(home.path);
    const kept = await store.append(sample());
    // What a crash in the middle of a write leaves behind.
    await appendFile(store.file, '{"id":"torn","startedAt":"2026-11-2');
    expect((await store.listRuns()).map(r => r.id)).toEqual([kept.id]);
    const after = await store.append(sample({ startedAt: '2026-11-22T02:00:00.000Z' }));
    expect((await store.listRuns()).map(r => r.id)).toEqual([after.id, kept.id]);
  });

  it('never stores an e-mail address or row contents', async () => {
    const store = createHistoryStore(home.path);
    const leaky = {
      ...sample({
        outcome: 'failed',
        error: {
          code: 'validate.email',
          message: 'Row 3: “jane.doe@example.com” is not an e-mail address.',
        },
        receipt: { status: 'rejected', summary: 'bob@corp.example rejected' },
      }),
      rows: {
        read: 1,
        sent: 0,
        excluded: 1,
        issues: {},
        contents: [['Jane', 'jane.doe@example.com']],
      },
      cells: ['Jane', 'Doe'],
    } as unknown as RunInput;
    const run = await store.append(leaky);
    const text = await readFile(store.file, 'utf8');
    expect(text).not.toContain('@example.com');
    expect(text).not.toContain('bob@');
    expect(text).not.toContain('Jane');
    expect(run.error?.message).toBe('Row 3: “[e-mail address]” is not an e-mail address.');
  });

  it('applies retention by count and by age on append', async () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const store = createHistoryStore(home.path, { now: () => now });
    await store.setRetention({ days: 30, count: 3 });
    await store.append(sample({ startedAt: '2026-09-01T00:00:00.000Z' })); // older than 30 days
    for (let day = 10; day <= 14; day++)
      await store.append(sample({ startedAt: `2026-11-${day}T00:00:00.000Z` }));
    const runs = await store.listRuns();
    expect(runs.map(r => r.startedAt.slice(0, 10))).toEqual([
      '2026-11-14',
      '2026-11-13',
      '2026-11-12',
    ]);
    const lines = (await readFile(store.file, 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(await store.getRetention()).toEqual({ days: 30, count: 3 });
  });

  it('tells listeners about each new run', async () => {
    const store = createHistoryStore(home.path);
    const seen: string[] = [];
    const off = store.onAdded(run => seen.push(run.id));
    const run = await store.append(sample());
    off();
    await store.append(sample());
    expect(seen).toEqual([run.id]);
  });

  it('tells listeners of another store of the same folder (the pipeline opens its own)', async () => {
    const seen: string[] = [];
    createHistoryStore(home.path).onAdded(run => seen.push(run.id));
    const run = await createHistoryStore(home.path).append(sample());
    expect(seen).toEqual([run.id]);
  });

  it('keeps every one of many runs recorded at once', async () => {
    const stores = [createHistoryStore(home.path), createHistoryStore(home.path)];
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        stores[i % 2]!.append(
          sample({ startedAt: new Date(Date.UTC(2026, 10, 21, 0, i)).toISOString() })
        ).then(r => r.id)
      )
    );
    const listed = await createHistoryStore(home.path).listRuns();
    expect(new Set(listed.map(r => r.id))).toEqual(new Set(ids));
    const lines = (await readFile(join(home.path, 'history.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean);
    expect(lines).toHaveLength(40);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('records a receipt that comes later as one more line, and reads it into the run', async () => {
    const store = createHistoryStore(home.path, { now: () => new Date('2026-11-22T12:00:00Z') });
    const updated: string[] = [];
    store.onUpdated(run => updated.push(`${run.id}:${run.receipt.status}`));
    const first = await store.append(sample({ startedAt: '2026-11-21T02:00:00.000Z' }));
    const second = await store.append(sample({ startedAt: '2026-11-22T02:00:00.000Z' }));
    expect(await store.recordReceipt(first.id, { status: 'pending' })).toMatchObject({
      id: first.id,
      receipt: { status: 'pending' },
    });
    const rejected = await store.recordReceipt(first.id, {
      status: 'rejected',
      summary: 'Digitaleo rejected it (row 2: ann@example.com).',
    });
    expect(rejected?.receipt).toEqual({
      status: 'rejected',
      summary: 'Digitaleo rejected it (row 2: [e-mail address]).',
    });
    expect(await store.recordReceipt('unknown', { status: 'accepted' })).toBeNull();
    expect(updated).toEqual([`${first.id}:pending`, `${first.id}:rejected`]);

    const lines = (await readFile(store.file, 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    expect((await store.getRun(first.id))?.receipt.status).toBe('rejected');
    expect((await store.listRuns()).map(r => [r.id, r.receipt.status])).toEqual([
      [second.id, 'none'],
      [first.id, 'rejected'],
    ]);
    // A rewrite for retention folds the receipts of the runs it keeps into them.
    await store.recordReceipt(second.id, { status: 'accepted' });
    await store.setRetention({ count: 2, days: null });
    const third = await store.append(sample({ startedAt: '2026-11-22T03:00:00.000Z' }));
    expect((await readFile(store.file, 'utf8')).split('\n').filter(Boolean)).toHaveLength(2);
    expect((await store.listRuns()).map(r => [r.id, r.receipt.status])).toEqual([
      [third.id, 'none'],
      [second.id, 'accepted'],
    ]);
  });
});
