import { CourierError } from '../errors';
import type { Destination, RelatedFileSet } from './destination';

/**
 * Related files (BlueConic's profiles, orders, products): a destination's further file sets, each
 * prepared with its own columns and file name and sent in the same run as the main file.
 */

/** A related file a send was given: the set it fills and the source file. */
export type RelatedSource = Readonly<{ name: string; path: string }>;

/** A related set with the source file the send gives it, in the destination's order. */
export type RelatedPlan = Readonly<{ set: RelatedFileSet; path: string }>;

/**
 * Pairs the files a send was given with the destination's related sets, in the destination's
 * order (the order they are uploaded in, after the main file). Every set needs its file, and
 * every file a set: a run sends all of them or none.
 */
export function planRelated(d: Destination, given: readonly RelatedSource[] = []): RelatedPlan[] {
  const sets = d.related ?? [];
  for (const file of given) {
    if (!sets.some(s => s.name.toLowerCase() === file.name.toLowerCase()))
      throw new CourierError(
        'related.not-set-up',
        `${d.name} has no related file called “${file.name}”${sets.length ? ` (it has ${sets.map(s => `“${s.name}”`).join(', ')})` : ''}. Set it up first (related.${file.name}.columns=…).`,
        { params: { destination: d.name, set: file.name } }
      );
  }
  return sets.map(set => {
    const files = given.filter(f => f.name.toLowerCase() === set.name.toLowerCase());
    if (files.length !== 1)
      throw new CourierError(
        'related.file-needed',
        `${d.name} sends its “${set.name}” file with the main file: give ${files.length === 0 ? 'it' : 'it once'} (--related ${set.name}=FILE). Nothing was sent.`,
        { params: { destination: d.name, set: set.name } }
      );
    return { set, path: files[0]!.path };
  });
}

/**
 * The destination a related file is prepared for: the destination's output settings and limits,
 * the set's columns and file name, and none of the main file's own rules (duplicate key,
 * at-least-one-of, recordings, XML layout, extra columns).
 */
export function relatedDestination(d: Destination, set: RelatedFileSet): Destination {
  const { recordings: _r, related: _s, ...rest } = d;
  return {
    ...rest,
    columns: set.columns,
    fileName: set.fileName,
    duplicateKey: [],
    atLeastOneOf: [],
    extraColumns: false,
    columnsFromSample: false,
  };
}

/** Reads `--related NAME=FILE` words into related sources. */
export function parseRelatedOption(words: readonly string[]): RelatedSource[] {
  return words.map(word => {
    const at = word.indexOf('=');
    if (at <= 0 || at === word.length - 1)
      throw new CourierError(
        'related.option-invalid',
        `“${word}” is not NAME=FILE (for example orders=orders.csv).`,
        { params: { value: word } }
      );
    return { name: word.slice(0, at).trim(), path: word.slice(at + 1) };
  });
}
