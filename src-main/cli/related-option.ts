import { resolve } from 'node:path';
import { parseRelatedOption, type RelatedSource } from '../../src-core/destinations/related-files';
import type { RunFileSet } from '../../src-core/history/run';

/** `--related NAME=FILE`, repeatable: the related files a send or a job sends with the main file. */
export const relatedOption = { related: { type: 'string', multiple: true } } as const;

/** Reads `--related` words into related sources, their paths made absolute from `cwd`. */
export function readRelatedOption(
  words: readonly string[] | undefined,
  cwd: string = process.cwd()
): RelatedSource[] | undefined {
  if (!words || words.length === 0) return undefined;
  return parseRelatedOption(words).map(r => ({ name: r.name, path: resolve(cwd, r.path) }));
}

const words: Readonly<Record<RunFileSet['files'][number]['status'], string>> = {
  delivered: 'sent',
  'delivered-before': 'already there (sent before, not sent again)',
  'not-delivered': 'not sent',
};

/** One line per file of a run with related files: its set, its name and what became of it. */
export function fileSetLines(sets: readonly RunFileSet[]): string[] {
  return sets.flatMap(set =>
    set.files.map(
      f =>
        `${set.set === 'main' ? 'Main file' : `Related “${set.set}”`} (${set.source}): ${f.name}, ${words[f.status]}.`
    )
  );
}
