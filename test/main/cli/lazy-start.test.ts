import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src-main/cli/commands/index';
import { prepareUsage } from '../../../src-main/cli/commands/usage';
import { REJECTED_FILE, REJECTED_FOLDER } from '../../../src-core/output/rejected';
import { tempHome } from '../../harness/temp-home';

const root = join(import.meta.dirname, '..', '..', '..');
const bundle = join(root, 'out', 'main', 'cli.js');
const hook = join(import.meta.dirname, 'record-loads.mjs');
const home = tempHome('courier-lazy-');

/** Runs the built CLI bundle (as the launcher and `npm run courier` do) and lists what it loaded. */
function runBundle(args: string[]): { status: number | null; stdout: string; loaded: string[] } {
  if (!existsSync(bundle))
    throw new Error('Build first (scripts/test.mjs does): out/main/cli.js is missing.');
  const log = join(home.path, 'loaded.txt');
  const result = spawnSync(
    process.execPath,
    ['--import', hook, bundle, '--home', home.path, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, COURIER_LOAD_LOG: log },
    }
  );
  const loaded = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  return { status: result.status, stdout: result.stdout, loaded };
}

describe('the courier command starts without loading what it does not use', () => {
  it('`courier --help` lists every command and loads no dependency from node_modules', () => {
    const { status, stdout, loaded } = runBundle(['--help']);
    expect(status).toBe(0);
    for (const command of commands) expect(stdout).toContain(command.name);
    expect(loaded.filter(url => url.includes('/node_modules/'))).toEqual([]);
  });

  it('`courier inspect FILE` reads the file without loading the keychain or SSH', () => {
    const file = join(root, 'test', 'fixtures', 'reading', 'leading-zeros.csv');
    const { status, stdout, loaded } = runBundle(['inspect', file, '--json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ format: 'csv' });
    expect(loaded.filter(url => /@napi-rs\/keyring|\/ssh2\/|basic-ftp/.test(url))).toEqual([]);
  });

  it('`courier <command> --help` shows the usage without loading the command’s dependencies', () => {
    for (const entry of commands.filter(c => c.usage !== undefined)) {
      const { status, stdout, loaded } = runBundle([entry.name, '--help']);
      expect(status).toBe(0);
      expect(stdout).toBe(`${entry.usage}\n`);
      expect(loaded.filter(url => url.includes('/node_modules/'))).toEqual([]);
    }
  });

  it('each command’s summary and usage in the help are the command’s own', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({
        name: entry.name,
        summary: entry.summary,
      });
      if (entry.usage !== undefined) expect(entry.usage).toBe(command.usage);
    }
    // The usage of `prepare` names the rejected-rows file where prepare writes it.
    expect(prepareUsage).toContain(`DIR/${REJECTED_FOLDER}/${REJECTED_FILE}`);
  });
});
