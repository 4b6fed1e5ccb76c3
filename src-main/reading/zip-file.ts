import { createReadStream, createWriteStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { pipeline as pipe, Readable, Transform, Writable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { readError, readLimits } from '../../src-core/reading/read-errors';

/** One file in a zip, from its central directory. */
export type ZipEntry = Readonly<{
  name: string;
  method: number;
  encrypted: boolean;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}>;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Lists a zip's entries from its central directory (at the end of the file), without reading
 * the rest: a zip bomb is judged on what it declares before anything is expanded.
 */
export async function listZip(path: string, fileName: string, size: number): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw readError('zip-corrupt', fileName, 'its table of contents is missing');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw readError('zip-corrupt', fileName, 'ZIP64 archives are not supported');
    if (cdOffset + cdSize > size) throw readError('zip-corrupt', fileName, 'its table of contents points outside the file');
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw readError('zip-corrupt', fileName, 'its table of contents is damaged');
      const flags = cd.readUInt16LE(p + 8);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
      entries.push({
        name,
        method: cd.readUInt16LE(p + 10),
        encrypted: (flags & 1) === 1,
        crc32: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localHeaderOffset: cd.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Whether an entry is clutter that zip tools add (folders, macOS resource forks, thumbnails). */
export const isClutter = (entry: ZipEntry): boolean =>
  entry.name.endsWith('/') || entry.name.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(entry.name);

/** The most bytes an entry may expand to before it is called a zip bomb. */
export const expansionLimit = (entry: ZipEntry): number =>
  Math.min(readLimits.maxUnzippedBytes, Math.max(16 * 1024 * 1024, entry.compressedSize * readLimits.maxZipRatio));

/** Whether what the zip declares already looks like a zip bomb. */
export const declaresBomb = (entries: readonly ZipEntry[]): boolean =>
  entries.some(e => e.size > expansionLimit(e)) ||
  entries.reduce((sum, e) => sum + e.size, 0) > readLimits.maxUnzippedBytes;

/** Where an entry's compressed bytes start (after its local header). */
export async function dataStartOf(path: string, fileName: string, entry: ZipEntry): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const local = Buffer.alloc(30);
    await handle.read(local, 0, 30, entry.localHeaderOffset);
    if (local.readUInt32LE(0) !== LOCAL) throw readError('zip-corrupt', fileName, 'a file header is damaged');
    return entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

/** A transform that fails with `read.zip-bomb` once more than `limit` bytes went through. */
function byteLimit(limit: number, fileName: string): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > limit) callback(readError('zip-bomb', fileName));
      else callback(null, chunk);
    },
  });
}

/**
 * Expands one entry to `target`, counting bytes as they come: an entry that lies about its size
 * and expands past the limit is stopped there (a zip bomb), not written out in full.
 */
export async function extractEntry(path: string, fileName: string, entry: ZipEntry, target: string, signal?: AbortSignal): Promise<void> {
  if (entry.encrypted) throw readError('zip-encrypted', fileName);
  if (entry.method !== 0 && entry.method !== 8) throw readError('zip-corrupt', fileName, `compression method ${entry.method} is not supported`);
  if (entry.compressedSize === 0) {
    await writeFile(target, '');
    return;
  }
  const dataStart = await dataStartOf(path, fileName, entry);
  const counter = byteLimit(expansionLimit(entry), fileName);
  const source = createReadStream(path, { start: dataStart, end: dataStart + Math.max(entry.compressedSize, 1) - 1 });
  const steps = entry.method === 8 ? [source, createInflateRaw(), counter] : [source, counter];
  try {
    await pipeline([...steps, createWriteStream(target)], { signal });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('read.')) throw error;
    if (signal?.aborted) throw error;
    throw readError('zip-corrupt', fileName, (error as Error).message);
  }
}

/**
 * One entry's expanded bytes as a stream, read only as far as the consumer reads (destroying the
 * stream stops the inflating). Fails with `read.zip-bomb` past `maxBytes`.
 */
export async function openEntry(path: string, fileName: string, entry: ZipEntry, maxBytes = expansionLimit(entry)): Promise<Readable> {
  if (entry.encrypted) throw readError('zip-encrypted', fileName);
  if (entry.method !== 0 && entry.method !== 8) throw readError('zip-corrupt', fileName, `compression method ${entry.method} is not supported`);
  if (entry.compressedSize === 0) return Readable.from([]);
  const dataStart = await dataStartOf(path, fileName, entry);
  const source = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const steps: NodeJS.ReadWriteStream[] = entry.method === 8 ? [createInflateRaw(), byteLimit(maxBytes, fileName)] : [byteLimit(maxBytes, fileName)];
  // pipeline() destroys every step when the last one is destroyed or fails; the error reaches the reader.
  return pipe([source, ...steps], () => undefined) as unknown as Readable;
}

/** Reads one (small) entry into memory, e.g. a workbook's list of sheets. */
export async function readEntry(path: string, fileName: string, entry: ZipEntry, maxBytes = 16 * 1024 * 1024): Promise<Buffer> {
  if (entry.size > maxBytes) throw readError('zip-bomb', fileName);
  if (entry.compressedSize === 0) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const dataStart = await dataStartOf(path, fileName, entry);
  const counter = byteLimit(maxBytes, fileName);
  const source = createReadStream(path, { start: dataStart, end: dataStart + Math.max(entry.compressedSize, 1) - 1 });
  try {
    await pipeline(entry.method === 8 ? [source, createInflateRaw(), counter, sink] : [source, counter, sink]);
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('read.')) throw error;
    throw readError('zip-corrupt', fileName, (error as Error).message);
  }
  return Buffer.concat(chunks);
}

/**
 * A zip stream holding only the named entries, in the given order, copied without recompression.
 *
 * exceljs's streaming reader parks every sheet in a temporary file until it has seen the shared
 * strings, which Excel writes after the sheets: reading the first rows of a big workbook then
 * means inflating all of it first. Handing it the workbook, its relationships, the shared
 * strings and the styles before the one sheet wanted lets it stream that sheet's rows at once.
 * Local headers are rewritten with the sizes from the central directory, so entries written
 * with trailing data descriptors read the same.
 */
export function reorderedZip(
  path: string,
  fileName: string,
  entries: readonly ZipEntry[],
  names: readonly string[],
  /** Told of every chunk of compressed bytes handed on, by entry (progress of a big sheet). */
  onBytes?: (entryName: string, bytes: number) => void
): Readable {
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const name of names) {
      const entry = entries.find(e => e.name === name);
      if (!entry) continue;
      const start = await dataStartOf(path, fileName, entry);
      const nameBytes = Buffer.from(entry.name, 'utf8');
      const header = Buffer.alloc(30);
      header.writeUInt32LE(LOCAL, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(0x800, 6);
      header.writeUInt16LE(entry.method, 8);
      header.writeUInt32LE(entry.crc32, 14);
      header.writeUInt32LE(entry.compressedSize, 18);
      header.writeUInt32LE(entry.size, 22);
      header.writeUInt16LE(nameBytes.length, 26);
      yield Buffer.concat([header, nameBytes]);
      if (entry.compressedSize === 0) continue;
      for await (const chunk of createReadStream(path, { start, end: start + entry.compressedSize - 1 }) as AsyncIterable<Buffer>) {
        onBytes?.(entry.name, chunk.length);
        yield chunk;
      }
    }
    // An end record (for no central directory): exceljs's unzipper reads until it sees one, and
    // fails with FILE_ENDED when the input just stops, which it reaches whenever the workbook has
    // no shared strings part (every sheet is then parked until the end of the zip).
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    yield end;
  }
  return Readable.from(bytes(), { objectMode: false });
}
