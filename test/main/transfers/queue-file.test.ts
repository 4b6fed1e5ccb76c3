import { describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openTransferQueue, queuePath } from '../../../src-main/transfers/transfer-queue';
import { isOwnerAlive, lockFile, writeFileAtomic } from '../../../src-main/settings/file-lock';
import { queueItem } from '../settings/queue-item';
import { tempHome } from '../../harness/temp-home';

const home = tempHome('courier-queue-file-');

describe('queue.json on disk', () => {
  it('keeps a damaged queue aside for a person instead of writing over its uploads', async () => {
    const damaged = '{"version":1,"items":[{"id":"a","destination":"CG"'; // cut short
    await writeFile(queuePath(home.path), damaged);
    const queue = openTransferQueue(home.path);
    // Listing changes nothing on disk.
    expect(await queue.list()).toEqual([]);
    expect(await readFile(queuePath(home.path), 'utf8')).toBe(damaged);
    await queue.add([queueItem('b')]);
    expect((await queue.list()).map(item => item.id)).toEqual(['b']);
    const aside = (await readdir(home.path)).filter(name => name.startsWith('queue.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(home.path, aside[0]!), 'utf8')).toBe(damaged);
    // Written whole: no temporary file left behind.
    expect((await readdir(home.path)).filter(name => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('who still holds a claim or a lock', () => {
  it('counts a record made before this computer started as dead, whatever process has its id now', () => {
    const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
    // process.pid is certainly alive; a claim it "made" before the boot is from another process.
    expect(isOwnerAlive({ pid: process.pid, at: longAgo })).toBe(false);
    expect(isOwnerAlive({ pid: process.ppid, at: longAgo })).toBe(false);
    expect(isOwnerAlive({ pid: process.ppid, at: new Date().toISOString() })).toBe(true);
  });
});

describe('a write under a lock that was taken over', () => {
  it('is dropped, so it never writes over what the new holder wrote', async () => {
    const file = join(home.path, 'queue.json');
    await writeFile(file, 'theirs');
    const lock = await lockFile(`${file}.lock`);
    expect(await lock.stillHeld()).toBe(true);
    // Another Courier judged this holder hung and took the lock over (it now holds it).
    await writeFile(
      `${file}.lock`,
      JSON.stringify({ pid: process.ppid, startedAt: new Date().toISOString(), token: 'theirs' })
    );
    expect(await lock.stillHeld()).toBe(false);
    await expect(writeFileAtomic(file, 'mine', lock)).rejects.toMatchObject({
      code: 'settings.busy',
    });
    expect(await readFile(file, 'utf8')).toBe('theirs');
    expect((await readdir(home.path)).filter(name => name.endsWith('.tmp'))).toEqual([]);
    // Releasing does not remove the new holder's lock.
    await lock.release();
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ token: 'theirs' });
  });
});
