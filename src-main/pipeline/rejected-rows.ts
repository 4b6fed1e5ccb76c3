import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rejectedRowsCsv } from '../../src-core/output/rejected';
import type { PreparationResult } from '../../src-core/preparation/prepare';
import type { Language } from '../../src-core/words/i18n';
import { rejectedWords } from '../../src-core/words/rejected-words';

/**
 * Where a run's rejected rows are kept: `<home>/rejected/<run id>.csv`, readable by the person
 * who made the export (UTF-8 with BOM for Excel, a column saying why each row was left out).
 *
 * They hold contact data, so they stay in the private settings folder (mode 600) and never in
 * the history itself, which keeps only counts.
 */
export const rejectedRowsPath = (home: string, runId: string): string => join(home, 'rejected', `${runId}.csv`);

/** Saves the rows a run left out, if any; returns the path or null. */
export async function saveRejectedRows(home: string, runId: string, preparation: Pick<PreparationResult, 'rejected' | 'sourceColumns'>, language: Language = 'en'): Promise<string | null> {
  if (preparation.rejected.length === 0) return null;
  const path = rejectedRowsPath(home, runId);
  await mkdir(join(home, 'rejected'), { recursive: true, mode: 0o700 });
  await writeFile(path, rejectedRowsCsv(preparation.sourceColumns, preparation.rejected, rejectedWords(language)), { mode: 0o600 });
  return path;
}

/** The saved rejected rows of a run, or null when it left none out. */
export async function findRejectedRows(home: string, runId: string): Promise<string | null> {
  if (!/^[\w-]+$/.test(runId)) return null;
  const path = rejectedRowsPath(home, runId);
  // Not there (none were left out, or retention removed them): nothing to offer.
  return (await stat(path).catch(() => null)) ? path : null;
}
