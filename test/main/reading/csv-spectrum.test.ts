import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../../src-main/reading/open-source';

// The csv-spectrum cases (github.com/max-mapper/csv-spectrum), written out as fixtures with the
// rows they must give, keyed by header.
const dir = join(import.meta.dirname, '../../fixtures/reading/csv-spectrum');
const cases = [
  'comma_in_quotes',
  'empty',
  'empty_crlf',
  'escaped_quotes',
  'json',
  'newlines',
  'newlines_crlf',
  'quotes_and_newlines',
  'simple',
  'simple_crlf',
  'utf8',
  'location_coordinates',
  'empty_field',
];

describe('csv-spectrum', () => {
  it.each(cases)('%s', async name => {
    const expected = JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as Record<string, string>[];
    const source = await openSource(join(dir, `${name}.csv`));
    const rows: Record<string, string>[] = [];
    for await (const row of source.rows()) {
      rows.push(Object.fromEntries(source.columns.map((column, i) => [column, row.cells[i]!])));
    }
    expect(rows).toEqual(expected);
    expect(source.preview.map(r => r.cells)).toEqual(rows.map(r => Object.values(r)));
  });
});
