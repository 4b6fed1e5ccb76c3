import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  prepareFile,
  prepareFileInto,
  writePreparedFiles,
} from '../../../src-main/preparation/prepare-file';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { parseDestination } from '../../../src-core/destinations/destination';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-into-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 10 });
});

const now = new Date(2026, 10, 22, 8, 5, 9);
const helloCustomer = parseDestination({
  ...destinationFromPreset('hello-customer'),
  variables: { touchpoint: 'shop' },
});
const mapping = { Email: 'E-mail', Language: 'Langue', FirstName: 'Prénom', LastName: 'Nom' };

/** About 3.5 MB of contacts: three files of at most 1 MB, with invalid rows and later duplicates. */
async function contacts(): Promise<string> {
  let text = 'E-mail,Langue,Prénom,Nom\r\n';
  for (let i = 0; i < 60_000; i++) {
    const email = i % 97 === 5 ? 'not an address' : `zoë.${i % 50_000}@example.be`;
    text += `${email},${['EN', 'fr', 'nl'][i % 3]},Zoë ${i},"Nguyễn, ${i}"\r\n`;
  }
  const path = join(dir, 'contacts.csv');
  await writeFile(path, text);
  return path;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Each file of a folder, by name, as its SHA-256. */
const listing = async (folder: string) =>
  Object.fromEntries(
    await Promise.all(
      (await readdir(folder))
        .sort()
        .map(async name => [name, sha256(await readFile(join(folder, name)))])
    )
  );

describe('prepareFileInto', () => {
  it('writes the same files, bytes and names as prepareFile, with the same issues, and leaves no spill behind', async () => {
    const source = await contacts();
    const options = { now, excludeInvalid: true, mapping, alreadySentNames: ['shop_20261122.csv'] };
    const inMemory = await prepareFile(source, helloCustomer, options);
    await writePreparedFiles(inMemory, join(dir, 'memory'));
    const staged = await prepareFileInto(source, helloCustomer, options, join(dir, 'out'), {
      hash: true,
    });
    // Parts already on disk (in the spill folder), none under a final name yet.
    expect((await readdir(join(dir, 'out'))).filter(n => !n.startsWith('.courier-parts-'))).toEqual(
      []
    );
    const paths = await staged.write();
    await staged.dispose();
    const expected = await listing(join(dir, 'memory'));
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);
    expect(await listing(join(dir, 'out'))).toEqual(expected);
    expect(paths).toEqual(inMemory.files.map(f => join(dir, 'out', f.name)));
    expect(staged.files).toEqual(
      inMemory.files.map(f => ({
        name: f.name,
        rows: f.rows,
        size: f.bytes.length,
        sha256: sha256(f.bytes),
      }))
    );
    const { files: _a, ...memoryRest } = inMemory;
    const { files: _b, write: _w, dispose: _d, ...stagedRest } = staged;
    expect(stagedRest).toEqual(memoryRest);
    expect(staged.issues.map(i => i.code)).toEqual(
      expect.arrayContaining(['email.invalid', 'duplicate.key'])
    );
  });

  it('removes the parts, and the folder it made, when the files are not written (a held send) or the read fails', async () => {
    const source = await contacts();
    const staged = await prepareFileInto(
      source,
      helloCustomer,
      { now, mapping },
      join(dir, 'held', 'run')
    );
    expect(staged.files.length).toBeGreaterThanOrEqual(3);
    await staged.dispose();
    expect(await readdir(dir)).toEqual(['contacts.csv']);
    // A folder it made that something else was put in meanwhile stays, with what was put there.
    const other = await prepareFileInto(
      source,
      helloCustomer,
      { now, mapping },
      join(dir, 'a', 'b')
    );
    await writeFile(join(dir, 'a', 'other.txt'), 'not ours');
    await other.dispose();
    expect(await readdir(join(dir, 'a'))).toEqual(['other.txt']);
    await rm(join(dir, 'a'), { recursive: true });
    // A folder that was there stays; only the spill goes.
    await writeFile(join(dir, 'broken.csv'), 'E-mail,Langue\r\n"never closed,EN\r\n');
    await expect(
      prepareFileInto(join(dir, 'broken.csv'), helloCustomer, { now, mapping }, dir)
    ).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['broken.csv', 'contacts.csv']);
  });

  it('prepares in memory, and writes on request, what is written from whole parts (zip)', async () => {
    const source = await contacts();
    const zipped = parseDestination({
      ...helloCustomer,
      output: { ...helloCustomer.output, zip: true },
    });
    const staged = await prepareFileInto(source, zipped, { now, mapping }, join(dir, 'zip'));
    const paths = await staged.write();
    await staged.dispose();
    expect(paths.every(p => p.endsWith('.zip'))).toBe(true);
    expect((await readdir(join(dir, 'zip'))).length).toBe(paths.length);
  });
});
