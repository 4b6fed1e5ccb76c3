import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src-main/cli/commands/index';

/**
 * Every `courier` command is thin: it parses its arguments, calls the services `runCli` built
 * (the same `createServices` as the app's IPC handlers), and presents the answer. No command, nor
 * a CLI module it uses, reaches the settings files, the job store, History, the upload queue or
 * the ledger itself: what a person does from the CLI and from the app goes through one service,
 * so the two cannot drift.
 */
const root = resolve(import.meta.dirname, '../../..');
const cliFolder = join(root, 'src-main/cli');

/** The stores behind the services (reading an option file the person named is parsing, allowed). */
const stores =
  /(^|\/)(settings\/[\w-]+-store|history\/history-store|jobs\/job-store|transfers\/transfer-queue|transfers\/ledger)$/;

/** Modules that still reach a store themselves (a ratchet: the list may only shrink). */
const notThinYet: Readonly<Record<string, string>> = {};

const valueImports = (text: string): string[] =>
  [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)].map(m => m[1]!);

/** The command's module and every module under src-main/cli it imports, transitively. */
async function cliModulesOf(entry: string): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    for (const from of valueImports(text)) {
      if (!from.startsWith('.')) continue;
      const target = resolve(dirname(file), `${from}.ts`);
      if (target.startsWith(cliFolder + '/')) await visit(target);
    }
  };
  await visit(entry);
  return [...seen];
}

describe('courier commands call services', () => {
  it('lists every command with the module that runs it', async () => {
    const index = await readFile(join(cliFolder, 'commands/index.ts'), 'utf8');
    const loaded = [...index.matchAll(/import\('\.\/([\w-]+)'\)\)\.(\w+)/g)].map(m => m[1]);
    expect(commands.map(c => c.name).sort()).toEqual(
      expect.arrayContaining(['check', 'destinations', 'history', 'jobs', 'prepare', 'send'])
    );
    // One module per command entry (a command added without a module would not be checked).
    expect(loaded).toHaveLength(commands.length);
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
    }
  });

  it('no command reaches a store past the services (listed exceptions shrink)', async () => {
    const index = await readFile(join(cliFolder, 'commands/index.ts'), 'utf8');
    const entries = [...index.matchAll(/import\('\.\/([\w-]+)'\)/g)].map(m =>
      join(cliFolder, 'commands', `${m[1]}.ts`)
    );
    const reaching: Record<string, string> = {};
    let checked = 0;
    for (const entry of entries) {
      for (const file of await cliModulesOf(entry)) {
        checked++;
        const reached = valueImports(await readFile(file, 'utf8')).find(from => stores.test(from));
        if (reached) reaching[relative(root, file)] = reached;
      }
    }
    expect(checked).toBeGreaterThan(entries.length); // the walk follows the commands' own modules
    expect(reaching).toEqual(notThinYet);
  });

  it('the check itself catches a command that opens a store', () => {
    const text = "import { createJobStore } from '../../jobs/job-store';\n";
    expect(valueImports(text).some(from => stores.test(from))).toBe(true);
    // A type-only import takes nothing at run time.
    expect(
      valueImports("import type { JobStore } from '../../jobs/job-store';\n").some(from =>
        stores.test(from)
      )
    ).toBe(false);
  });
});
