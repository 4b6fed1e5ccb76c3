import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstLines, reviewCheck, saveRejected } from '../../../src-main/preparation/review';
import { prepareFile } from '../../../src-main/preparation/prepare-file';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { rejectedRowsCsv } from '../../../src-core/output/rejected';
import { calls } from '../../../src-core/ipc/contract';
import { rejectedWords } from '../../../src-core/words/rejected-words';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-review-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 10 });
});

const now = new Date(2026, 10, 22, 9, 0, 0);

describe('the review of a plain-text output kept as the first bytes of each file', () => {
  it('shows the same files, sizes and first lines as from the whole files, and saves the same rejected rows', async () => {
    const destination = await saveDestination(dir, {
      ...destinationFromPreset('hello-customer'),
      name: 'NPS',
      variables: { touchpoint: 'NPS' },
    });
    // About 2.5 MB: three files of at most 1 MB, each longer than the 64 kB the review reads.
    let text = 'E-mail,Langue,Prénom,Nom\r\n';
    for (let i = 0; i < 40_000; i++)
      text += `${i % 101 === 3 ? 'nope' : `zoë.${i}@example.be`},${['EN', 'fr'][i % 2]},Zoë ${i},"Nguyễn, ${'x'.repeat(i % 40)}"\r\n`;
    const path = join(dir, 'contacts.csv');
    await writeFile(path, text);
    const mapping = { Email: 'E-mail', Language: 'Langue', FirstName: 'Prénom', LastName: 'Nom' };
    const options = { now, mapping, home: dir, keepRejectedCells: false, alreadySentNames: [] };

    const review = await reviewCheck(
      calls['review:check'].request.parse({ path, destination: 'NPS', mapping, maxIssues: 5 }),
      dir,
      now
    );
    const whole = await prepareFile(path, destination, options);
    expect(whole.files.length).toBeGreaterThanOrEqual(3);
    expect(review.files).toEqual(
      whole.files.map(f => ({
        name: f.name,
        rows: f.rows,
        bytes: f.bytes.length,
        encoding: 'utf-8',
        firstLines: firstLines(f, 'utf-8'),
      }))
    );
    expect(review.files[1]!.firstLines).toHaveLength(10);
    expect(review).toMatchObject({ rowCount: 40_000, issueCount: whole.issues.length });
    expect(review.issues).toEqual(whole.issues.slice(0, 5));

    const target = join(dir, 'rejected.csv');
    const saved = await saveRejected(
      calls['review:save-rejected'].request.parse({ path, destination: 'NPS', mapping }),
      target,
      dir,
      now
    );
    const all = await prepareFile(path, destination, {
      ...options,
      excludeInvalid: true,
      keepRejectedCells: true,
    });
    expect(saved.rows).toBe(all.rejected.length);
    expect(await readFile(target)).toEqual(
      Buffer.from(rejectedRowsCsv(all.sourceColumns, all.rejected, rejectedWords('en')))
    );
  });
});
