import type { PreparationResult } from './prepare';

/**
 * The rows of a file in the person's words, each row in exactly one group, so the numbers on
 * Review, Send and History add up and never contradict each other.
 */
export type RowCounts = Readonly<{
  /** Every data row of the file. */
  rows: number;
  /** Rows that will be written to the files ("rows ready"). */
  ready: number;
  /** Rows with an error the person has not dealt with yet: they hold Continue back. */
  withProblem: number;
  /**
   * Rows that will not be sent and need no decision: left out by the person (one by one, or
   * every row with a problem at once) and later duplicates the destination leaves out.
   */
  leftOut: number;
  /** Of `leftOut`: the ones the person left out. */
  leftOutByYou: number;
  /** Of `leftOut`: later duplicates the destination sends only once. */
  duplicatesLeftOut: number;
}>;

/**
 * Sorts a preparation's rows into ready, with a problem and left out.
 *
 * A row with an error is "with a problem" until the person leaves it out (the `exclude-invalid`
 * choice), never "left out" before they decide; `excludeInvalid` says whether they did.
 */
export function rowCounts(
  result: Pick<PreparationResult, 'rowCount' | 'writtenRowCount' | 'rejected'>,
  excludeInvalid: boolean
): RowCounts {
  let byHand = 0;
  let duplicates = 0;
  let errors = 0;
  for (const r of result.rejected) {
    if (r.byHand) byHand++;
    else if (r.duplicate === true) duplicates++;
    else errors++;
  }
  const leftOutByYou = byHand + (excludeInvalid ? errors : 0);
  return {
    rows: result.rowCount,
    ready: result.writtenRowCount,
    withProblem: excludeInvalid ? 0 : errors,
    leftOut: leftOutByYou + duplicates,
    leftOutByYou,
    duplicatesLeftOut: duplicates,
  };
}
