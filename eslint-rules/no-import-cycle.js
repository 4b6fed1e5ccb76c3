// @ts-check
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * `local/no-import-cycle`: a file may not reach itself through its relative imports.
 *
 * Type-only imports count too: a type cycle ties two modules together as much as a runtime one
 * (eslint-plugin-import-x's `no-cycle` skips them, so it would miss `main-handlers` ↔ the handler
 * factories). Imports resolve like TypeScript's bundler resolution for our relative specifiers:
 * `./x` is `./x.ts`, `./x.tsx`, `./x/index.ts(x)`, and `./x.js` may name `./x.ts`. Package
 * imports are not followed (a cycle needs our own files). test/lint/layering.test.ts proves it.
 */

const extensions = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

/** @type {Map<string, string>} */
const resolved = new Map();

/** The file a relative specifier names from `fromFile`, or null (a package, or not found). */
function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  const known = resolved.get(base);
  if (known) return known;
  const candidates = [
    base,
    ...extensions.map(e => base + e),
    ...(base.endsWith('.js') ? [base.slice(0, -3) + '.ts', base.slice(0, -3) + '.tsx'] : []),
    ...extensions.map(e => resolve(base, 'index' + e)),
  ];
  const found = candidates.find(c => statSync(c, { throwIfNoEntry: false })?.isFile()) ?? null;
  // Only hits are kept: a file created later (a fixture, a new module) is found next time.
  if (found) resolved.set(base, found);
  return found;
}

/** @type {Map<string, { mtimeMs: number; imports: string[] }>} */
const importsCache = new Map();

/** The files a file on disk imports (cached until it changes). */
function importsOf(file) {
  const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const cached = importsCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.imports;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // A file gone meanwhile imports nothing.
  }
  const imports = ts
    .preProcessFile(text, true, true)
    .importedFiles.map(f => resolveImport(file, f.fileName))
    .filter(f => f !== null);
  importsCache.set(file, { mtimeMs, imports });
  return imports;
}

/**
 * The shortest route from `start` back to `target`, or null. `seen` is shared by the imports of
 * one file, so the search stays linear in the number of modules: a module searched from an
 * earlier import is not searched again (a second route through it is not reported twice).
 */
function routeBack(start, target, seen) {
  if (seen.has(start)) return null;
  /** @type {Map<string, string | null>} */
  const cameFrom = new Map([[start, null]]);
  seen.add(start);
  const queue = [start];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    for (const next of importsOf(file)) {
      if (next === target) {
        const route = [file];
        for (let at = cameFrom.get(file); at; at = cameFrom.get(at)) route.unshift(at);
        return route;
      }
      if (!seen.has(next)) {
        seen.add(next);
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const noImportCycle = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Forbid import cycles between our own modules (type-only imports included).',
    },
    schema: [],
    messages: { cycle: 'Import cycle: {{route}}. Move what both need into a module of its own.' },
  },
  create(context) {
    const file = context.physicalFilename;
    const cwd = context.cwd;
    /** @type {Set<string>} */
    const seen = new Set();
    const check = (/** @type {any} */ node) => {
      const specifier = node.source && node.source.type === 'Literal' ? node.source.value : null;
      if (typeof specifier !== 'string') return;
      const target = resolveImport(file, specifier);
      if (!target || target === file) return;
      const route = routeBack(target, file, seen);
      if (!route) return;
      context.report({
        node,
        messageId: 'cycle',
        data: { route: [file, ...route, file].map(f => relative(cwd, f)).join(' → ') },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

/** The local plugin: rules that need our own files' knowledge. */
export default { rules: { 'no-import-cycle': noImportCycle } };
