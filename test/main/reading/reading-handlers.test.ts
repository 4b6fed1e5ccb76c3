import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calls, type EventChannel, type EventPayload } from '../../../src-core/ipc/contract';
import { checkEvent, routeCall, type Emit, type Handlers } from '../../../src-main/ipc/ipc-router';
import { createReadingHandlers } from '../../../src-main/reading/reading-handlers';
import { tempHome } from '../../harness/temp-home';

const dir = tempHome('courier-ipc-read-');

type Sent = { channel: EventChannel; payload: unknown };

function setup() {
  const sent: Sent[] = [];
  const waiters: (() => void)[] = [];
  // Every event is checked against the contract, as the real emitter does.
  const emit: Emit = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => {
    sent.push({ channel, payload: checkEvent(channel, payload) });
    waiters.splice(0).forEach(w => w());
  };
  const handlers = createReadingHandlers({ emit }) as unknown as Handlers;
  const call = async (channel: string, request: unknown) => {
    const outcome = await routeCall(handlers, channel, request, true);
    if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), outcome.error);
    // What the renderer receives must match the contract's response schema.
    return calls[channel as keyof typeof calls].response.parse(outcome.value) as never;
  };
  const until = async (test: () => boolean) => {
    while (!test()) await new Promise<void>(resolve => waiters.push(resolve));
  };
  return { sent, call, until, handlers };
}

describe('files:open, files:rows, files:close', () => {
  it('opens with a preview, reports the background read, serves row windows, and closes', async () => {
    const path = join(dir.path, 'export.csv');
    const lines = ['Email,Name'];
    for (let i = 0; i < 3000; i++) lines.push(`u${i}@x.be,"Name, ${i}"`);
    await writeFile(path, lines.join('\n') + '\n');
    const { sent, call, until } = setup();
    const opened = await call('files:open', { path });
    expect(opened).toMatchObject({
      path,
      fileName: 'export.csv',
      format: { format: 'csv', encoding: 'utf-8', delimiter: ',', sheet: null, sheets: [], headerRow: 1 },
      columns: ['Email', 'Name'],
      sizeBytes: expect.any(Number),
    });
    const { sourceId, preview } = opened as { sourceId: string; preview: { index: number; line: number; cells: string[] }[] };
    expect(preview).toHaveLength(100);
    expect(preview[99]).toEqual({ index: 99, line: 101, cells: ['u99@x.be', 'Name, 99'] });
    await until(() => sent.some(e => e.channel === 'files:progress' && (e.payload as { done: boolean }).done));
    const last = sent.filter(e => e.channel === 'files:progress').at(-1)!.payload;
    expect(last).toMatchObject({ sourceId, done: true, rowCount: 3000, rowsRead: 3000 });
    expect(await call('files:rows', { sourceId, start: 2500, end: 2502 })).toEqual({
      rows: [
        { index: 2500, line: 2502, cells: ['u2500@x.be', 'Name, 2500'] },
        { index: 2501, line: 2503, cells: ['u2501@x.be', 'Name, 2501'] },
      ],
    });
    expect(await call('files:close', { sourceId })).toEqual({});
    await expect(call('files:rows', { sourceId, start: 0, end: 1 })).rejects.toMatchObject({ code: 'read.not-open' });
  });

  it('answers a bad file with its reading error, and refuses invalid requests', async () => {
    const path = join(dir.path, 'empty.csv');
    await writeFile(path, '');
    const { call } = setup();
    await expect(call('files:open', { path })).rejects.toMatchObject({ code: 'read.empty-file' });
    await expect(call('files:open', { path: '' })).rejects.toMatchObject({ code: 'ipc.invalid-request' });
    await expect(call('files:rows', { sourceId: 'x', start: -1, end: 2 })).rejects.toMatchObject({ code: 'ipc.invalid-request' });
  });

  it('reports a failure of the background read as files:failed, after showing the preview', async () => {
    const path = join(dir.path, 'runaway.csv');
    await writeFile(path, `a,b\n1,2\n3,"${'x'.repeat(6 * 1024 * 1024)}\n`);
    const { sent, call, until } = setup();
    const { sourceId } = (await call('files:open', { path })) as { sourceId: string };
    await until(() => sent.some(e => e.channel === 'files:failed'));
    expect(sent.find(e => e.channel === 'files:failed')!.payload).toEqual({
      sourceId,
      error: { code: 'read.line-too-long', message: expect.stringContaining('line 3'), params: { file: 'runaway.csv' } },
    });
    await call('files:close', { sourceId });
  });

  it('opens a workbook the same way: preview at once, then progress, rows and close', async () => {
    const { sent, call, until } = setup();
    const path = join(import.meta.dirname, '../../fixtures/reading/zipped-xlsx.zip');
    const opened = (await call('files:open', { path, sheet: 'Contacts' })) as { sourceId: string; format: unknown; preview: unknown[] };
    expect(opened.format).toEqual({ format: 'xlsx', encoding: null, delimiter: null, sheet: 'Contacts', sheets: ['Cover', 'Contacts', 'Other sheet'], headerRow: 3 });
    expect(opened.preview).toHaveLength(3);
    await until(() => sent.some(e => e.channel === 'files:progress' && (e.payload as { done: boolean }).done));
    expect(await call('files:rows', { sourceId: opened.sourceId, start: 2, end: 3 })).toEqual({ rows: [opened.preview[2]] });
    expect(await call('files:close', { sourceId: opened.sourceId })).toEqual({});
    expect(sent.some(e => e.channel === 'files:failed')).toBe(false);
  });
});
