import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const mainDir = join(root, 'src-main');

/** The file a relative specifier names (TypeScript's bundler resolution for our imports). */
function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, join(base, 'index.ts')];
  return candidates.find(c => statSync(c, { throwIfNoEntry: false })?.isFile()) ?? null;
}

/** Every file an entry loads, and every package it names, following imports from disk. */
function loadedBy(entries: readonly string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles) {
      if (!fileName.startsWith('.')) {
        packages.add(fileName);
        continue;
      }
      const target = resolveImport(file, fileName);
      if (target) queue.push(target);
    }
  }
  return { files, packages };
}

const workers = readdirSync(mainDir, { recursive: true, encoding: 'utf8' })
  .filter(f => f.endsWith('.worker.ts'))
  .map(f => join(mainDir, f));

describe('the CLI and the workers load no Electron code', () => {
  it.each([
    ['the CLI', [join(mainDir, 'cli/main.ts')]],
    ['the workers', workers],
    ['the composition root', [join(mainDir, 'services/services.ts')]],
  ])('%s', (_name, entries) => {
    expect(entries.length).toBeGreaterThan(0);
    const { files, packages } = loadedBy(entries);
    expect(files.size).toBeGreaterThan(entries.length);
    const electronFiles = [...files]
      .map(f => relative(root, f))
      .filter(f => f.startsWith('src-main/electron/'));
    expect(electronFiles).toEqual([]);
    expect([...packages].filter(p => p === 'electron' || p.startsWith('electron/'))).toEqual([]);
  });

  it('while the app entry does load it (the check can see Electron)', () => {
    const { files, packages } = loadedBy([join(mainDir, 'electron/index.ts')]);
    expect(packages.has('electron')).toBe(true);
    expect([...files].some(f => f.includes('/src-main/electron/tray/'))).toBe(true);
  });
});
