import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { runPipeline } from '../../../src-main/pipeline/run-pipeline';
import { createPreparationHandlers } from '../../../src-main/preparation/preparation-handlers';
import { resolveDestination, saveDestination } from '../../../src-main/settings/destination-store';
import { createMappingMemory } from '../../../src-main/mapping/mapping-memory';
import {
  namesInUse,
  releaseNames,
  reservationsPath,
  reserveNames,
} from '../../../src-main/transfers/name-reservations';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { courier } from '../cli-destinations/run-captured';
import { FakeClock } from '../jobs/fake-clock';
import { runBuiltCli } from '../../harness/built-cli';
import { tempHome } from '../../harness/temp-home';

// Issue 17's bug: two runs to one destination that prepare in the same second made the same
// remote name, and the second overwrote (or collided with) the first. A name is now reserved for
// the destination when a run prepares it, under the upload queue's lock, so every run — in this
// process or another Courier — gets a name of its own. Against the real sshd.


/** A CSV the generic destination writes back byte for byte (its header, comma, UTF-8, CRLF). */
const contacts = (tag: string, count: number): string =>
  ['Email', ...Array.from({ length: count }, (_, i) => `${tag}.${i}@example.be`)].join('\r\n') +
  '\r\n';

describe('two runs to one destination in the same second', () => {
  let sshd: SshdServer;
  const dir = tempHome('courier-same-second-', { shared: true });

  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }, { auth: 'password' }] });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('a job and a person’s send prepared at one fake-clock second deliver two distinct, whole files', async () => {
    const home = join(dir.path, 'one-process');
    await mkdir(home, { recursive: true });
    const user = sshd.users[0]!;
    await saveDestination(home, {
      ...destinationFromPreset('generic', 'Profiles'),
      folder: 'upload',
      fileName: 'profiles_{date:YYYYMMDD}_{time:HHmmss}.csv',
      transport: {
        protocol: 'sftp',
        host: '127.0.0.1',
        port: sshd.port,
        user: user.name,
        hostKey: sshd.hostKeyFingerprint,
      },
    });
    const sources = { job: join(dir.path, 'job.csv'), person: join(dir.path, 'person.csv') };
    await writeFile(sources.job, contacts('job', 3_000));
    await writeFile(sources.person, contacts('person', 2_000));
    // Both runs see the same second: the clock does not move while they prepare.
    const clock = new FakeClock('2026-12-03T01:02:03.000Z');
    const deps = { home, secrets: fixedSecrets({ password: user.password }), now: clock.now };
    const [job, person] = await Promise.all([
      runPipeline(
        {
          path: sources.job,
          destination: 'Profiles',
          trigger: 'job',
          job: { id: 'j1', name: 'Nightly' },
        },
        deps
      ),
      runPipeline({ path: sources.person, destination: 'Profiles', trigger: 'user' }, deps),
    ]);
    expect(job.run.outcome, JSON.stringify(job.run.error)).toBe('sent');
    expect(person.run.outcome, JSON.stringify(person.run.error)).toBe('sent');
    const names = [job.run.outputFiles[0]!.name, person.run.outputFiles[0]!.name];
    // Made from the same second; one of them got `_2`.
    expect(names.sort()).toEqual([
      'profiles_20261203_010203.csv',
      'profiles_20261203_010203_2.csv',
    ]);
    expect((await readdir(user.uploadDir)).sort()).toEqual(names);
    // Each delivered file is its own source, byte for byte (nothing overwritten, nothing mixed).
    for (const [result, source] of [
      [job, sources.job],
      [person, sources.person],
    ] as const) {
      const delivered = await readFile(join(user.uploadDir, result.run.outputFiles[0]!.name));
      expect(delivered.equals(await readFile(source))).toBe(true);
    }
    // Both runs have ended: no name is held any more (the ledger keeps the delivered ones).
    expect(JSON.parse(await readFile(reservationsPath(home), 'utf8'))).toEqual({
      version: 1,
      reservations: [],
    });
    expect((await namesInUse(home, 'Profiles')).sort()).toEqual(names);
  });

  it('the name shown by a review is not one a run in progress holds, and a released name is free again', async () => {
    const home = join(dir.path, 'review');
    await mkdir(home, { recursive: true });
    await saveDestination(home, {
      ...destinationFromPreset('generic', 'Profiles'),
      folder: 'upload',
      fileName: 'profiles_{date:YYYYMMDD}_{time:HHmmss}.csv',
      transport: { protocol: 'sftp', host: '127.0.0.1', port: sshd.port, user: 'nobody' },
    });
    const source = join(dir.path, 'review.csv');
    await writeFile(source, contacts('review', 5));
    const at = new Date('2026-12-03T01:02:03.000Z');
    const review = createPreparationHandlers({ home, mappings: createMappingMemory({ home, resolve: name => resolveDestination(home, name) }), now: () => at, inWorker: false });
    const check = () =>
      review['review:check']({
        path: source,
        destination: 'Profiles',
        fixes: [],
        excludeInvalid: false,
        maxIssues: 0,
      });
    // A job in progress holds the name of this second.
    expect(
      await reserveNames(home, 'Profiles', 'running-job', ['profiles_20261203_010203.csv'])
    ).toEqual(['profiles_20261203_010203.csv']);
    expect((await check()).files.map(f => f.name)).toEqual(['profiles_20261203_010203_2.csv']);
    // A second run asking for the same name gets the next one (case does not make a new name).
    expect(await reserveNames(home, 'Profiles', 'other', ['PROFILES_20261203_010203.csv'])).toEqual(
      ['PROFILES_20261203_010203_2.csv']
    );
    await releaseNames(home, 'running-job');
    await releaseNames(home, 'other');
    expect((await check()).files.map(f => f.name)).toEqual(['profiles_20261203_010203.csv']);
  });

  it('a destination that uses the same name every run (Digitaleo lists) reserves nothing', async () => {
    const home = join(dir.path, 'digitaleo');
    await mkdir(home, { recursive: true });
    const user = sshd.users[1]!;
    await saveDestination(home, {
      ...destinationFromPreset('generic', 'List'),
      folder: 'upload',
      fileName: 'list.csv',
      nameReuse: 'same-every-run',
      transport: {
        protocol: 'sftp',
        host: '127.0.0.1',
        port: sshd.port,
        user: user.name,
        hostKey: sshd.hostKeyFingerprint,
      },
    });
    const source = join(dir.path, 'list-a.csv');
    await writeFile(source, contacts('list', 10));
    const deps = { home, secrets: fixedSecrets({ password: user.password }) };
    const first = await runPipeline(
      { path: source, destination: 'List', trigger: 'user' },
      deps
    );
    expect(first.run.outputFiles.map(f => f.name)).toEqual(['list.csv']);
    // Digitaleo picks the file up (it leaves the folder); the next list goes under the same name.
    await rm(join(user.uploadDir, 'list.csv'));
    await writeFile(source, contacts('list-again', 10));
    const second = await runPipeline(
      { path: source, destination: 'List', trigger: 'user' },
      deps
    );
    expect(second.run.outcome, JSON.stringify(second.run.error)).toBe('sent');
    expect(second.run.outputFiles.map(f => f.name)).toEqual(['list.csv']);
    expect(existsSync(reservationsPath(home))).toBe(false);
  });
});

describe('two Courier processes sending to one destination at once', () => {
  let sshd: SshdServer;
  const dir = tempHome('courier-same-name-cli-', { shared: true });
  const variable = `SAME_NAME_PW_${randomBytes(3).toString('hex').toUpperCase()}`;

  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    process.env[variable] = sshd.users[0]!.password;
  });
  afterAll(async () => {
    delete process.env[variable];
    await sshd?.stop();
  });

  /** The built CLI in a child process, with no desktop keychain (the password from a variable). */
  const spawnCourier = (home: string, args: readonly string[]) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir.path, 'no-bus-here')}`,
    };
    delete env.COURIER_HOME;
    return runBuiltCli(['--home', home, ...args], { cwd: dir.path, env });
  };

  it('two `courier send` processes that make the same name deliver two distinct, whole files', async () => {
    const home = join(dir.path, 'home');
    const user = sshd.users[0]!;
    const add = await courier(
      [
        'destinations',
        'add',
        'Profiles',
        '--preset',
        'generic',
        '--protocol',
        'sftp',
        '--host',
        '127.0.0.1',
        '--port',
        String(sshd.port),
        '--user',
        user.name,
        '--folder',
        'upload',
        '--host-key',
        sshd.hostKeyFingerprint,
        '--secret-source',
        `env:${variable}`,
      ],
      { home }
    );
    expect(add.code, add.stderr).toBe(0);
    // A name without a time: both processes make exactly this name, whatever the clock says.
    const set = await courier(['destinations', 'set', 'Profiles', 'file-name=profiles.csv'], {
      home,
    });
    expect(set.code, set.stderr).toBe(0);
    const a = join(dir.path, 'a.csv');
    const b = join(dir.path, 'b.csv');
    await writeFile(a, contacts('first', 20_000));
    await writeFile(b, contacts('second', 20_000));
    const results = await Promise.all([
      spawnCourier(home, ['send', a, '--destination', 'Profiles']),
      spawnCourier(home, ['send', b, '--destination', 'Profiles']),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const delivered = (await readdir(user.uploadDir)).sort();
    expect(delivered).toEqual(['profiles.csv', 'profiles_2.csv']);
    const contents = await Promise.all(delivered.map(n => readFile(join(user.uploadDir, n))));
    const sources = [await readFile(a), await readFile(b)];
    // One delivered file is a.csv and the other b.csv, byte for byte.
    expect(contents.map(c => sources.findIndex(s => s.equals(c))).sort()).toEqual([0, 1]);
  });
});
