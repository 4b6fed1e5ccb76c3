import type { SampleFile } from '../../src-core/destinations/destination-settings';
import { openSource } from '../reading/open-source';

/** Sample rows read to guess each column's rule (a vendor's sample holds a handful). */
const SAMPLE_ROWS = 50;

/**
 * Reads a vendor's sample file (CSV, TSV, XLS, XLSX) with Courier's own readers: its header, its
 * first rows and how its text is written (delimiter, encoding, line ending).
 */
export async function readSampleFile(path: string): Promise<SampleFile> {
  const source = await openSource(path);
  try {
    const plan = source.plan.kind === 'csv' ? source.plan.csv : null;
    const encoding = source.format.encoding;
    return {
      columns: source.columns,
      rows: source.preview.slice(0, SAMPLE_ROWS).map(r => r.cells),
      delimiter: source.format.delimiter,
      encoding: encoding === 'utf-8-bom' ? 'utf-8' : encoding,
      bom: encoding === 'utf-8-bom',
      newline: plan ? plan.newline : null,
    };
  } finally {
    await source.dispose?.();
  }
}
