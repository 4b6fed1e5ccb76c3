import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import { routeCall } from '../../../src-main/ipc/ipc-router';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { recallMapping, rememberMapping } from '../../../src-main/settings/mapping-store';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { onSettingsProblem, type SettingsProblem } from '../../../src-main/settings/settings-file';
import { openTransferQueue, queuePath } from '../../../src-main/transfers/transfer-queue';
import { captureIo } from '../jobs/cli-io-capture';
import { queueItem } from './queue-item';
import { createServices } from '../../../src-main/services/services';
import { tempHome } from '../../harness/temp-home';

// Rule for every settings file: what cannot be read is kept (moved aside, or left untouched), the
// person is told in plain words, and nothing is written over it. And a settings folder that
// cannot be written says so with its own code, never as Node's raw text.

const root = tempHome('courier-damaged-');
let home: string;
beforeEach(async () => {
  home = join(root.path, 'home');
  await mkdir(home);
});

async function courier(...argv: string[]) {
  const c = captureIo();
  const code = await runCli([...argv, '--home', home], c.io);
  return { code, out: c.out(), err: c.err() };
}

const kept = async (folder: string, name: string): Promise<string[]> =>
  (await readdir(folder)).filter(f => f.startsWith(`${name}.damaged-`));

describe('job-state.json that cannot be read', () => {
  it('keeps every job paused, says so, and keeps the file aside when the state is next saved', async () => {
    expect(
      (
        await courier(
          'jobs',
          'add',
          'Nightly',
          '--source',
          join(root.path, 'a.csv'),
          '--destination',
          'hello-customer',
          '--schedule',
          'every day at 02:00'
        )
      ).code
    ).toBe(0);
    expect((await courier('jobs', 'pause')).code).toBe(0);
    const stateFile = join(home, 'job-state.json');
    const damaged = '{"version":1,"paused":tr';
    await writeFile(stateFile, damaged);

    const listed = await courier('jobs', 'list', '--json');
    expect(listed.code).toBe(0);
    // Fails safe: the jobs stay paused, and the person is told why.
    expect(JSON.parse(listed.out).paused).toBe(true);
    expect(listed.err).toContain('cannot read what it remembers about scheduled jobs');
    expect(listed.err).toContain('paused');
    // Reading wrote nothing over it.
    expect(await readFile(stateFile, 'utf8')).toBe(damaged);

    // The person resumes on purpose: the damaged file is kept aside, not written over.
    expect((await courier('jobs', 'resume')).code).toBe(0);
    const aside = await kept(home, 'job-state.json');
    expect(aside).toHaveLength(1);
    expect(await readFile(join(home, aside[0]!), 'utf8')).toBe(damaged);
    expect(JSON.parse(await readFile(stateFile, 'utf8')).paused).toBe(false);
  });
});

describe('jobs.json cut short', () => {
  it('is refused with jobs.unreadable (not internal.unexpected) and never written over', async () => {
    expect(
      (
        await courier(
          'jobs',
          'add',
          'Nightly',
          '--source',
          join(root.path, 'a.csv'),
          '--destination',
          'hello-customer'
        )
      ).code
    ).toBe(0);
    const file = join(home, 'jobs.json');
    const text = await readFile(file, 'utf8');
    const truncated = text.slice(0, Math.floor(text.length / 2));
    await writeFile(file, truncated);

    const listed = await courier('jobs', 'list', '--json');
    expect(listed.code).not.toBe(0);
    expect(JSON.parse(listed.out).error.code).toBe('jobs.unreadable');
    expect(listed.out).not.toMatch(/JSON|Unexpected|SyntaxError/);

    const added = await courier(
      'jobs',
      'add',
      'Other',
      '--source',
      join(root.path, 'b.csv'),
      '--destination',
      'hello-customer',
      '--json'
    );
    expect(JSON.parse(added.out).error.code).toBe('jobs.unreadable');
    expect(await readFile(file, 'utf8')).toBe(truncated);
  });
});

describe('queue.json that cannot be read', () => {
  it('keeps a damaged queue aside and says so; never drops it in silence', async () => {
    const told: SettingsProblem[] = [];
    const stop = onSettingsProblem(problem => told.push(problem));
    try {
      const damaged = '{"version":1,"items":[{"id":"a1","destination":"CG"';
      await writeFile(queuePath(home), damaged);
      const queue = openTransferQueue(home);
      // Looking at it says it cannot be read (its uploads are not shown).
      expect(await queue.list()).toEqual([]);
      expect(told.map(t => t.code)).toContain('queue.unreadable');
      // Changing it keeps the damaged file aside first, and says where.
      await queue.add([queueItem('b2')]);
      const aside = await kept(home, 'queue.json');
      expect(aside).toHaveLength(1);
      expect(await readFile(join(home, aside[0]!), 'utf8')).toBe(damaged);
      const notice = told.find(t => t.code === 'queue.damaged');
      expect(notice?.message).toContain(aside[0]!);
      expect((await queue.list()).map(i => i.id)).toEqual(['b2']);
    } finally {
      stop();
    }
  });

  it('leaves items it cannot read untouched, says so, and goes on with the others', async () => {
    const told: SettingsProblem[] = [];
    const stop = onSettingsProblem(problem => told.push(problem));
    try {
      await writeFile(
        queuePath(home),
        JSON.stringify({ version: 1, items: [null, { id: 'newer', format: 2 }] })
      );
      const queue = openTransferQueue(home);
      expect(await queue.list()).toEqual([]);
      // Enqueueing a file (what every send does first) works.
      const { busy } = await queue.enqueue([queueItem('c3')]);
      expect(busy).toEqual([]);
      await queue.remove('c3');
      const items = JSON.parse(await readFile(queuePath(home), 'utf8')).items;
      expect(items).toEqual([null, { id: 'newer', format: 2 }]);
      expect(told.find(t => t.code === 'queue.items-unreadable')?.params?.count).toBe(2);
    } finally {
      stop();
    }
  });
});

describe('in the app', () => {
  it('keeps a damaged background.json aside when saving, and tells the window (app:notice)', async () => {
    const events: Array<[string, unknown]> = [];
    const handlers = createMainHandlers({
      services: createServices(home),
      appVersion: '0.1.0',
      locale: 'fr',
      emit: (channel, payload) => events.push([channel, payload]),
    });
    const damaged = '{"notifyOnSuccess":tru';
    await writeFile(join(home, 'background.json'), damaged);
    const saved = await routeCall(handlers, 'jobs:set-settings', { notifyOnSuccess: true }, true);
    expect(saved.ok).toBe(true);
    const aside = await kept(home, 'background.json');
    expect(aside).toHaveLength(1);
    expect(await readFile(join(home, aside[0]!), 'utf8')).toBe(damaged);
    const notice = events.find(([channel]) => channel === 'app:notice')?.[1];
    expect(notice).toMatchObject({
      code: 'settings.damaged',
      params: { file: 'background.json', kept: aside[0] },
    });
  });
});

describe('other settings files', () => {
  it('keeps damaged remembered mappings aside before remembering a new one', async () => {
    const told: SettingsProblem[] = [];
    const stop = onSettingsProblem(problem => told.push(problem));
    try {
      await mkdir(join(home, 'mappings'));
      const damaged = '{"version":1,"entries":[{"headers":["E-mail"';
      await writeFile(join(home, 'mappings', 'cg.json'), damaged);
      expect(await recallMapping(home, 'CG', ['E-mail'])).toBeNull();
      await rememberMapping(home, 'CG', ['E-mail'], { 'E-mail': 'Email' });
      const aside = await kept(join(home, 'mappings'), 'cg.json');
      expect(aside).toHaveLength(1);
      expect(await readFile(join(home, 'mappings', aside[0]!), 'utf8')).toBe(damaged);
      expect(told.find(t => t.code === 'mapping.damaged')?.message).toContain(aside[0]!);
      expect(
        JSON.parse(await readFile(join(home, 'mappings', 'cg.json'), 'utf8')).entries
      ).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('removes no run while the history’s retention setting cannot be read', async () => {
    await writeFile(join(home, 'history-settings.json'), '{"days":nul');
    const history = createHistoryStore(home, { now: () => new Date('2026-12-01T00:00:00Z') });
    const run = (id: string, startedAt: string) => ({
      id,
      startedAt,
      trigger: 'cli' as const,
      job: null,
      outcome: 'sent' as const,
      destination: 'CG',
    });
    // Older than the default year: a fallback to the default would delete it.
    await history.append(run('ancient', '2020-01-01T00:00:00.000Z'));
    await history.append(run('recent', '2026-11-30T00:00:00.000Z'));
    const text = await readFile(join(home, 'history.jsonl'), 'utf8');
    expect(text).toContain('"ancient"');
    expect(await readFile(join(home, 'history-settings.json'), 'utf8')).toBe('{"days":nul');
  });
});

describe('history.jsonl rewritten by retention', () => {
  it('carries forward every line it does not understand, verbatim', async () => {
    const file = join(home, 'history.jsonl');
    const old = (id: string, day: string) => ({
      id,
      startedAt: `${day}T10:00:00.000Z`,
      trigger: 'cli',
      job: null,
      outcome: 'sent',
      destination: 'CG',
    });
    const newer = JSON.stringify({
      id: 'from-v9',
      startedAt: '2026-11-01T10:00:00.000Z',
      outcome: 'teleported',
      hologram: true,
    });
    const garbage = 'not json at all';
    await writeFile(
      file,
      [
        JSON.stringify(old('r1', '2026-10-01')),
        newer,
        JSON.stringify(old('r2', '2026-10-02')),
        garbage,
        '',
      ].join('\n')
    );
    const told: SettingsProblem[] = [];
    const stop = onSettingsProblem(problem => told.push(problem));
    try {
      const history = createHistoryStore(home, { now: () => new Date('2026-12-01T00:00:00Z') });
      await history.setRetention({ count: 1 });
      await history.append({ ...old('r3', '2026-11-30'), durationMs: 1 } as never);
      const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
      // The old runs went (retention), the lines it cannot read stayed, in place.
      expect(lines).toContain(newer);
      expect(lines).toContain(garbage);
      expect(lines.some(l => l.includes('"r1"') || l.includes('"r2"'))).toBe(false);
      expect(lines.some(l => l.includes('"r3"'))).toBe(true);
      expect(told.find(t => t.code === 'history.lines-kept')?.params?.count).toBe(2);
    } finally {
      stop();
    }
  });
});

/** Mounts a tmpfs of `size` at a new folder; returns it and how to unmount it. */
function mountTmpfs(folder: string, options: string): () => void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', folder]);
  return () => execFileSync('umount', ['-l', folder]);
}

describe('a settings folder that cannot be written', () => {
  const add = (h: string) =>
    (async () => {
      const c = captureIo();
      const code = await runCli(
        [
          'jobs',
          'add',
          'Nightly',
          '--source',
          join(root.path, 'a.csv'),
          '--destination',
          'hello-customer',
          '--json',
          '--home',
          h,
        ],
        c.io
      );
      return { code, out: c.out(), err: c.err() };
    })();

  it('read-only (a read-only mount): settings.read-only, in words', async () => {
    const mount = join(root.path, 'ro');
    await mkdir(mount);
    const unmount = mountTmpfs(mount, 'size=1m,mode=0700');
    try {
      await mkdir(join(mount, 'home'));
      execFileSync('mount', ['-o', 'remount,ro', mount]);
      const result = await add(join(mount, 'home'));
      expect(result.code).not.toBe(0);
      const { error } = JSON.parse(result.out);
      expect(error.code).toBe('settings.read-only');
      expect(error.message).toContain(join(mount, 'home'));
      expect(error.message).not.toMatch(/EROFS|errno|unexpected/i);
    } finally {
      unmount();
    }
  });

  it('locked (chattr +i, which binds root too): settings.read-only', async () => {
    execFileSync('chattr', ['+i', home]);
    try {
      const result = await add(home);
      expect(result.code).not.toBe(0);
      expect(JSON.parse(result.out).error.code).toBe('settings.read-only');
    } finally {
      execFileSync('chattr', ['-i', home]);
    }
  });

  it('full (a full tmpfs): settings.disk-full, and the saved jobs are untouched', async () => {
    const mount = join(root.path, 'full');
    await mkdir(mount);
    const unmount = mountTmpfs(mount, 'size=64k,mode=0700');
    try {
      const full = join(mount, 'home');
      await mkdir(full);
      await writeFile(join(full, 'jobs.json'), '{"version":1,"jobs":[]}\n');
      // Fill the disk to the last byte.
      await writeFile(join(mount, 'filler'), Buffer.alloc(1024 * 1024)).catch(() => undefined);
      const result = await add(full);
      expect(result.code).not.toBe(0);
      const { error } = JSON.parse(result.out);
      expect(error.code).toBe('settings.disk-full');
      expect(error.message).not.toMatch(/ENOSPC|unexpected/i);
      expect(await readFile(join(full, 'jobs.json'), 'utf8')).toBe('{"version":1,"jobs":[]}\n');
    } finally {
      unmount();
    }
  });

  it('a file where the folder should be: settings.not-a-folder', async () => {
    await writeFile(join(root.path, 'a-file'), 'x');
    const result = await add(join(root.path, 'a-file', 'home'));
    expect(result.code).not.toBe(0);
    expect(JSON.parse(result.out).error.code).toBe('settings.not-a-folder');
  });
});
