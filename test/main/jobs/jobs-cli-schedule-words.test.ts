import { beforeEach, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../../src-main/cli/run-cli';
import { captureIo } from './cli-io-capture';
import { tempHome } from '../../harness/temp-home';

const root = tempHome('courier-jobs-words-');
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

const add = (name: string, schedule: string, ...more: string[]) =>
  courier(
    'jobs',
    'add',
    name,
    '--source',
    join(root.path, `${name}.csv`),
    '--destination',
    'hello-customer',
    '--schedule',
    schedule,
    ...more
  );

// `courier jobs add --schedule` reads French and Dutch words like English ones.
describe('courier jobs add --schedule in French and Dutch', () => {
  it('saves the same schedule as the English words', async () => {
    const french = await add('fr', 'du lundi au vendredi à 7h30 (Europe/Brussels)', '--json');
    const dutch = await add('nl', 'de 1e van elke maand om 8 uur', '--json');
    expect([french.err, dutch.err]).toEqual(['', '']);
    expect(JSON.parse(french.out).job.schedule).toEqual({
      kind: 'weekly',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      times: ['07:30'],
      timeZone: 'Europe/Brussels',
    });
    expect(JSON.parse(dutch.out).job.schedule).toEqual({
      kind: 'monthly',
      days: [1],
      times: ['08:00'],
    });
    const listed = await courier('jobs', 'list');
    expect(listed.out).toContain('every weekday at 07:30 in Europe/Brussels');
    expect(listed.out).toContain('on the 1st at 08:00');
  });

  it('refuses nonsense with examples in the three languages, and a missing time with the same words and a time', async () => {
    const nonsense = await add('x', 'quand ça vous chante');
    expect(nonsense.code).toBe(1);
    expect(nonsense.err).toContain('did not understand the schedule “quand ça vous chante”');
    expect(nonsense.err).toContain('“tous les jours à 22h”');
    expect(nonsense.err).toContain('“elke dag om 22:00”');
    const noTime = await add('y', 'le dernier jour du mois');
    expect(noTime.code).toBe(1);
    expect(noTime.err).toContain('“le dernier jour du mois à 02:00”');
    expect((await courier('jobs', 'list', '--json')).out).toContain('"jobs": []');
  });

  it('lists French and Dutch examples in its help', async () => {
    const help = await courier('jobs', '--help');
    expect(help.out + help.err).toContain('in English, French or Dutch');
    expect(help.out + help.err).toContain('"tous les soirs à 22h"');
  });
});
