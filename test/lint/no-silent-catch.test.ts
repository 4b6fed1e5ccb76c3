import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No silent failures: an error swallowed with `.catch(() => …)` in main-process code either asks
 * a plain question whose "no" is the error (does this file exist? `stat(…).catch(() => null)`),
 * keeps a chain of writes going (the caller gets the error itself), or says why it may be
 * dropped in a comment on that line or just above. Anything else must be logged or shown.
 */
const root = resolve(import.meta.dirname, '../..');

/** A question whose failure is the answer: the file or folder is not there (or not readable). */
const existenceCheck =
  /\b(stat|statfs|lstat|access|readFile)\((?:[^()]|\([^()]*\))*\)(\s*\.then\((?:[^()]|\([^()]*\))*\))?\s*\.catch\(\s*\(\) => (null|false)\)/;
/** A serialising chain: each caller awaits its own promise and sees its own error. */
const chainKeeper =
  /\b(queue|shared\.queue)\s*=\s*next\.catch\(\(\) => undefined\)|^\s*next\.catch\(\(\) => undefined\)/;

async function mainSources(): Promise<string[]> {
  const folder = join(root, 'src-main');
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && /\.tsx?$/.test(entry.name))
      files.push(join(entry.parentPath, entry.name));
  return files;
}

/** The lines of `.catch(() => …)` (on one line or two) that neither check, chain nor explain. */
export function silentCatches(text: string): number[] {
  const lines = text.split('\n');
  const found: number[] = [];
  const starts = [...text.matchAll(/\.catch\(\s*\(\) =>/g)].map(
    m => text.slice(0, m.index).split('\n').length - 1
  );
  starts.forEach(i => {
    const line = lines[i]!;
    // The call may begin on the lines above (a chained `.then(…)` on its own line).
    const statement = lines.slice(Math.max(0, i - 2), i + 2).join(' ');
    if (existenceCheck.test(statement) || chainKeeper.test(line)) return;
    const explained = lines.slice(Math.max(0, i - 3), i + 1).some(l => /\/\/ |\/\*|^\s*\*/.test(l));
    if (!explained) found.push(i + 1);
  });
  return found;
}

describe('no silent failures in src-main', () => {
  it('every swallowed error is an existence check, a write chain, or says why', async () => {
    const silent: string[] = [];
    for (const file of await mainSources()) {
      const text = await readFile(file, 'utf8');
      for (const line of silentCatches(text)) silent.push(`${relative(root, file)}:${line}`);
    }
    expect(silent).toEqual([]);
  });

  it('catches a swallowed error with no reason, and lets a stated one pass', () => {
    expect(silentCatches('await upload().catch(() => undefined);\n')).toEqual([1]);
    expect(silentCatches('void start()\n  .catch(\n    () => undefined\n  );\n')).toEqual([2]);
    expect(silentCatches('const info = await stat(path).catch(() => null);\n')).toEqual([]);
    expect(
      silentCatches(
        '// The server may have removed it already: nothing to undo.\nawait session.remove(tmp).catch(() => undefined);\n'
      )
    ).toEqual([]);
  });
});
