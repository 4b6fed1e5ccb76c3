import { compactHeader, conceptOf } from './concepts';
import { similarity } from './suggest';

/** How a file's columns differ from the ones a mapping was remembered for. */
export type HeaderChanges = Readonly<{
  added: readonly string[];
  gone: readonly string[];
  renamed: ReadonlyArray<Readonly<{ from: string; to: string }>>;
}>;

/** Whether nothing changed. */
export const noChanges = (c: HeaderChanges): boolean =>
  c.added.length === 0 && c.gone.length === 0 && c.renamed.length === 0;

/**
 * Compares two header sets. A column that disappeared and one that appeared are reported as a
 * rename when their names are close (edit distance, or synonyms of one another) or when one took
 * the other's place.
 */
export function compareHeaders(before: readonly string[], after: readonly string[]): HeaderChanges {
  const afterSet = new Set(after);
  const beforeSet = new Set(before);
  const gone = before.filter(h => !afterSet.has(h));
  const added = after.filter(h => !beforeSet.has(h));
  const renamed: Array<{ from: string; to: string }> = [];
  const pairs: Array<{ from: string; to: string; score: number }> = [];
  for (const from of gone) {
    for (const to of added) {
      let score = similarity(compactHeader(from), compactHeader(to));
      const c = conceptOf(from);
      if (c !== null && c === conceptOf(to)) score = Math.max(score, 0.9);
      if (before.indexOf(from) === after.indexOf(to)) score = Math.max(score, 0.6);
      if (score >= 0.6) pairs.push({ from, to, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const usedFrom = new Set<string>();
  const usedTo = new Set<string>();
  for (const p of pairs) {
    if (usedFrom.has(p.from) || usedTo.has(p.to)) continue;
    usedFrom.add(p.from);
    usedTo.add(p.to);
    renamed.push({ from: p.from, to: p.to });
  }
  return {
    added: added.filter(h => !usedTo.has(h)),
    gone: gone.filter(h => !usedFrom.has(h)),
    renamed,
  };
}

/** A mapping carried over to changed headers: renamed sources follow, vanished ones become null. */
export function adaptMapping(
  mapping: Readonly<Record<string, string | null>>,
  changes: HeaderChanges,
  headers: readonly string[]
): Record<string, string | null> {
  const renamedTo = new Map(changes.renamed.map(r => [r.from, r.to]));
  const present = new Set(headers);
  return Object.fromEntries(
    Object.entries(mapping).map(([target, source]) => {
      if (source === null) return [target, null];
      if (present.has(source)) return [target, source];
      return [target, renamedTo.get(source) ?? null];
    })
  );
}
