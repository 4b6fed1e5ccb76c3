import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../harness/built-cli';
import { tempHome } from '../../harness/temp-home';

// What a library writes to the console inside a worker never reaches the command line's output.
// A worker's console is the process's stdout and stderr: SheetJS said "Missing Info for XLS
// Record 0x4ff" on stderr, before `courier inspect`'s own words, for a damaged Excel 4 file
// (found by mutating the fixtures). The built CLI runs in a child process, as a person runs it.

const root = join(import.meta.dirname, '..', '..', '..');
const dir = tempHome('courier-library-console-');
const runCourier = (args: readonly string[]) =>
  runBuiltCli(['--home', join(dir.path, 'home'), ...args]);

describe('library chatter in a worker', () => {
  it('stays out of courier inspect’s output (a damaged Excel 4 record)', async () => {
    const bytes = await readFile(join(root, 'test/fixtures/reading/excel4-biff4.xls'));
    // The type of the fourth record (a number cell, 0x0443) made unknown to SheetJS: 0x04FF.
    expect(bytes[41]).toBe(0x43);
    bytes[41] = 0xff;
    const damaged = join(dir.path, 'damaged-record.xls');
    await writeFile(damaged, bytes);
    const inspected = await runCourier(['inspect', damaged]);
    expect(inspected.stderr).toBe('');
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toMatch(/^damaged-record\.xls: XLS workbook, sheet “Sheet1”/);
    expect(inspected.stdout).not.toContain('Missing Info');
    const json = await runCourier(['inspect', damaged, '--json']);
    expect(json.code).toBe(0);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(json.stderr).toBe('');
  });
});
