import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src-main/pipeline/run-pipeline';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createSendHandlers } from '../../../src-main/pipeline/send-handlers';
import { tempHome } from '../../harness/temp-home';

// What the pipeline refuses to send, before any connection: each case is held and recorded.

describe('runPipeline holds what must not be sent', () => {
  const home = tempHome('courier-hold-');

  const send = (file: string, extra: Partial<Parameters<typeof runPipeline>[0]> = {}) =>
    runPipeline({ path: file, destination: 'hello-customer', trigger: 'job', job: { id: 'j1', name: 'Nightly' }, ...extra }, { home: home.path, secrets: fixedSecrets({}) });

  it('holds a file whose columns changed since the job’s mapping was saved, and says how', async () => {
    const file = join(home.path, 'export.csv');
    await writeFile(file, 'Mail;Taal;Winkel\nwendy@example.be;nl;Gent\n');
    const result = await send(file, { mapping: { Email: 'Mail', Language: 'Taal' }, expectedHeaders: ['Mail', 'Taal', 'Shop'], holdOnHeaderChange: true });
    expect(result.run.outcome).toBe('held');
    expect(result.run.error).toMatchObject({ code: 'send.header-changed' });
    expect(result.run.error!.message).toMatch(/Shop|Winkel/);
    // The columns travel as plain names, for each language to quote its own way.
    expect(result.run.error!.params).toEqual({ columns: 'Shop, Winkel' });
    // With the policy "continue", the same file goes on to the transfer step.
    const going = await send(file, { mapping: { Email: 'Mail', Language: 'Taal' }, expectedHeaders: ['Mail', 'Taal', 'Shop'], holdOnHeaderChange: false });
    expect(going.run.error?.code).not.toBe('send.header-changed');
  });

  it('holds a file with blocking problems unless invalid rows may be left out, and keeps no prepared copy', async () => {
    const file = join(home.path, 'bad.csv');
    await writeFile(file, 'Email;Language\njan@@example.com;nl\n');
    const result = await send(file);
    expect(result.run).toMatchObject({ outcome: 'held', rows: { read: 1, sent: 0 }, error: { code: 'send.rows-have-errors' } });
    expect(await readdir(home.path)).not.toContain('outbox');
    const excluded = await send(file, { excludeInvalid: true });
    expect(excluded.run.error).toMatchObject({ code: 'send.nothing-to-send' });
    const runs = await createHistoryStore(home.path).listRuns();
    expect(runs.map(r => r.outcome)).toEqual(['held', 'held']);
    expect(JSON.stringify(runs)).not.toContain('jan@@example.com');
  });

  it('reads the file with the header row the user chose, as the preview did', async () => {
    const file = join(home.path, 'titled.csv');
    await writeFile(file, 'Email;Language\nwendy@example.be;nl\nann@example.be;fr\n');
    const detected = await send(file, { excludeInvalid: true });
    expect(detected.run.rows.read).toBe(2);
    const corrected = await send(file, { excludeInvalid: true, headerRow: 2 });
    expect(corrected.run.rows.read).toBe(1);
  });

  it('records an unreadable file as a failed run with a plain message', async () => {
    const result = await send(join(home.path, 'missing.csv'));
    expect(result.run.outcome).toBe('failed');
    expect(result.run.error!.message).toMatch(/no file/i);
  });
});

describe('rejected rows of a run', () => {
  const home = tempHome('courier-rejected-');
  it('are kept for the person who made the export, and found again by the run id', async () => {
    const file = join(home.path, 'leads.csv');
    await writeFile(file, 'Email;Language\njan@@example.com;nl\nok@example.com;nl\n');
    const result = await runPipeline({ path: file, destination: 'hello-customer', excludeInvalid: true, trigger: 'user' }, { home: home.path, secrets: fixedSecrets({}) });
    expect(result.run.rows).toMatchObject({ read: 2, excluded: 1 });
    const handlers = createSendHandlers({ home: home.path, emit: () => undefined }, fixedSecrets({}));
    const { path } = await handlers['history:rejected-rows']({ id: result.run.id });
    expect(path).toBe(join(home.path, 'rejected', `${result.run.id}.csv`));
    const text = await readFile(path!, 'utf8');
    expect(text).toContain('jan@@example.com');
    expect(text).not.toContain('ok@example.com');
    expect(await handlers['history:rejected-rows']({ id: '../../etc/passwd' })).toEqual({ path: null });
    // "Save a copy…": the same rows, where the user chooses (a dated name in Documents by default).
    const documents = join(home.path, 'Documents');
    await mkdir(documents);
    const asked: string[] = [];
    const withDialog = createSendHandlers(
      { home: home.path, emit: () => undefined, history: createHistoryStore(home.path), documentsFolder: documents, pickSaveTarget: async ({ defaultPath }) => (asked.push(defaultPath), defaultPath) },
      fixedSecrets({})
    );
    const copy = await withDialog['history:save-rejected-rows']({ id: result.run.id, dialogTitle: 'Save' });
    expect(asked).toEqual([join(documents, `leads-rejected-${result.run.startedAt.slice(0, 10)}.csv`)]);
    expect(copy.path).toBe(asked[0]);
    expect(await readFile(copy.path!, 'utf8')).toBe(text);
    await expect(withDialog['history:save-rejected-rows']({ id: '../../etc/passwd', dialogTitle: 'Save' })).rejects.toMatchObject({ code: 'files.source-gone' });
    expect(asked).toHaveLength(1);
    expect(JSON.stringify(await createHistoryStore(home.path).listRuns())).not.toContain('jan@@example.com');
  });
});
