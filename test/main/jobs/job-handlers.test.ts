import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempHome } from '../../harness/temp-home';
import { routeCall, type CallOutcome } from '../../../src-main/ipc/ipc-router';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { OpenedFiles } from '../../../src-main/files/opened-files';
import { createServices } from '../../../src-main/services/services';

const home = tempHome('courier-job-ipc-');

function setup() {
  const events: [string, unknown][] = [];
  // The person opened the export before making a job of it (main only takes chosen files).
  const openedFiles = new OpenedFiles();
  openedFiles.add(join(home.path, 'export.csv'), 'drop');
  const services = createServices(home.path);
  const handlers = createMainHandlers({
    services,
    appVersion: '0.1.0',
    locale: 'en',
    emit: (channel, payload) => events.push([channel, payload]),
    openedFiles,
  });
  const call = async (channel: string, request?: unknown): Promise<CallOutcome> =>
    routeCall(handlers, channel, request, true);
  const value = async (channel: string, request?: unknown): Promise<unknown> => {
    const outcome = await call(channel, request);
    if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code} ${outcome.error.message}`);
    return outcome.value;
  };
  return { call, value, events, services };
}

describe('jobs and history over IPC (through the contract)', () => {
  it('saves, lists, runs, pauses and removes jobs, and lists the recorded run', async () => {
    const { call, value, events, services } = setup();
    const source = join(home.path, 'export.csv');
    await writeFile(source, 'Email\nwendy@example.be\n');
    const saved = (await value('jobs:save', {
      name: 'Nightly',
      source: { kind: 'file', path: source },
      destination: 'generic',
      scheduleText: 'every weekday at 07:00',
    })) as { id: string; schedule: unknown };
    expect(saved.schedule).toEqual({
      kind: 'weekly',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      times: ['07:00'],
    });
    const list = (await value('jobs:list')) as {
      jobs: { name: string; scheduleText: string }[];
      paused: boolean;
    };
    expect(list.jobs.map(j => [j.name, j.scheduleText])).toEqual([
      ['Nightly', 'every weekday at 07:00'],
    ]);
    expect(events.some(([channel]) => channel === 'jobs:changed')).toBe(true);

    const bad = await call('jobs:save', {
      name: 'Bad',
      source: { kind: 'file', path: source },
      destination: 'X',
      scheduleText: 'sometimes',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'schedule.not-understood' } });
    const invalid = await call('jobs:save', {
      name: '',
      source: { kind: 'ftp' },
      destination: 'X',
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });

    expect(await value('jobs:run', { id: saved.id })).toEqual({ status: 'started' });
    await services.jobs.service.scheduler.whenIdle();
    const runs = (await value('history:list', { limit: 5 })) as {
      id: string;
      outcome: string;
      trigger: string;
    }[];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ outcome: 'failed', trigger: 'user' });
    expect(
      events
        .filter(([channel]) => channel === 'history:added')
        .map(([, run]) => (run as { id: string }).id)
    ).toEqual([runs[0]!.id]);

    await services.jobs.service.history.recordReceipt(runs[0]!.id, { status: 'accepted' });
    expect(events.filter(([channel]) => channel === 'history:updated')).toEqual([
      [
        'history:updated',
        expect.objectContaining({ id: runs[0]!.id, receipt: { status: 'accepted' } }),
      ],
    ]);

    expect(await value('jobs:pause-all', { paused: true })).toEqual({ paused: true });
    expect(((await value('jobs:list')) as { paused: boolean }).paused).toBe(true);
    expect(await value('jobs:set-enabled', { id: saved.id, enabled: false })).toMatchObject({
      enabled: false,
    });
    expect(await value('jobs:remove', { id: saved.id })).toEqual({ id: saved.id });
    expect(await call('jobs:remove', { id: saved.id })).toMatchObject({
      ok: false,
      error: { code: 'jobs.not-found' },
    });
  });

  it('keeps the background settings: success notifications, start at login, history retention', async () => {
    const { value } = setup();
    expect(await value('jobs:settings')).toEqual({
      notifyOnSuccess: false,
      startAtLogin: false,
      historyRetention: { days: 365, count: null },
    });
    const changed = await value('jobs:set-settings', {
      notifyOnSuccess: true,
      historyRetention: { days: null, count: 500 },
    });
    expect(changed).toEqual({
      notifyOnSuccess: true,
      startAtLogin: false,
      historyRetention: { days: null, count: 500 },
    });
    expect(JSON.parse(await readFile(join(home.path, 'history-settings.json'), 'utf8'))).toEqual({
      days: null,
      count: 500,
    });
    expect(await value('jobs:settings')).toEqual(changed);
  });
});
