import { dirname, join, basename } from 'node:path';
import { CourierError } from '../../src-core/errors';
import type { Destination } from '../../src-core/destinations/destination';
import { prepareDummyData } from '../../src-core/output/dummy-data';
import { withSuffix } from '../../src-core/output/file-name';
import { saveWhole } from '../files/save-copy';
import { englishIssueText } from '../../src-core/words/issue-text';

/** The most dummy rows one file holds (a first test upload needs a handful). */
export const MAX_DUMMY_ROWS = 100_000;

/** What writing a dummy-data file did. */
export type DummyDataResult = Readonly<{
  /** The files written, in order (several when the destination's limits split the rows). */
  files: ReadonlyArray<Readonly<{ path: string; name: string; rows: number; bytes: number }>>;
  /** Problems the destination's own checks found in the dummy rows (none expected). */
  issues: number;
}>;

/**
 * Writes a dummy-data file in the destination's exact output format (the preparation a real send
 * uses) to `path`; a destination whose limits split the rows gets `path_2`, `path_3`… beside it.
 * Without a path the file takes the name a real send would give it, in `folder`.
 */
export async function writeDummyData(
  destination: Destination,
  options: Readonly<{ rows: number; path?: string; folder?: string; seed?: number; now?: Date }>
): Promise<DummyDataResult> {
  if (!Number.isInteger(options.rows) || options.rows < 1 || options.rows > MAX_DUMMY_ROWS)
    throw new CourierError(
      'input.dummy-rows',
      `The number of dummy rows must be a whole number from 1 to ${MAX_DUMMY_ROWS.toLocaleString('en')} (got ${options.rows}).`,
      { params: { rows: String(options.rows), max: MAX_DUMMY_ROWS } }
    );
  const result = prepareDummyData(destination, options.rows, {
    now: options.now ?? new Date(),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const errors = result.issues.filter(i => i.severity === 'error');
  if (errors.length > 0 || result.files.length === 0) {
    // Only a rule no invented value can satisfy gets here (say, a fixed value the rule refuses).
    throw new CourierError(
      'destination.dummy-data-invalid',
      `Courier could not invent values that “${destination.name}” accepts: ${errors[0] ? englishIssueText(errors[0]) : 'no row was written.'}`,
      { params: { name: destination.name } }
    );
  }
  const files = [];
  for (const [i, file] of result.files.entries()) {
    const path = options.path
      ? i === 0
        ? options.path
        : join(dirname(options.path), withSuffix(basename(options.path), `_${i + 1}`))
      : join(options.folder ?? '.', file.name);
    await saveWhole(path, Buffer.from(file.bytes));
    files.push({ path, name: basename(path), rows: file.rows, bytes: file.bytes.length });
  }
  return { files, issues: result.issues.length };
}
