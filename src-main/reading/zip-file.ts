import { createReadStream, createWriteStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { pipeline as pipe, Readable, Transform } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { CourierError } from '../../src-core/errors';
import { readError, readLimits } from '../../src-core/reading/read-errors';
import { dirname } from 'node:path';
import { mapFsError } from './csv-stream';
import { diskFullError, ensureFreeSpace, isDiskFull } from './disk-space';

/** One file in a zip, from its central directory (ZIP64 sizes and offsets included). */
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
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MORE = 0xffffffff;
/** A table of contents larger than this is not a zip of one export or one workbook. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

/** A 64-bit little-endian number, refused when JavaScript cannot hold it exactly. */
function uint64(buffer: Buffer, at: number, fileName: string): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw readError('zip-corrupt', fileName, 'a size is out of range');
  return Number(value);
}

/** Where the central directory is and how many entries it holds (ZIP64 end record when present). */
async function directoryOf(
  handle: Awaited<ReturnType<typeof open>>,
  fileName: string,
  size: number
): Promise<{ count: number; cdSize: number; cdOffset: number }> {
  const tailLength = Math.min(size, 65_557 + 20);
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
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 (`zip -fz`, or archives past 4 GB / 65,535 files): the real figures are in the ZIP64
  // end record, which the locator just before the classic end record points to.
  if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const recordOffset = uint64(tail, eocd - 20 + 8, fileName);
    const record = Buffer.alloc(56);
    if (recordOffset + 56 > size)
      throw readError('zip-corrupt', fileName, 'its table of contents points outside the file');
    await handle.read(record, 0, 56, recordOffset);
    if (record.readUInt32LE(0) !== ZIP64_EOCD)
      throw readError('zip-corrupt', fileName, 'its table of contents is damaged');
    count = uint64(record, 32, fileName);
    cdSize = uint64(record, 40, fileName);
    cdOffset = uint64(record, 48, fileName);
  } else if (count === 0xffff || cdOffset === MORE || cdSize === MORE) {
    throw readError('zip-corrupt', fileName, 'its table of contents is damaged');
  }
  if (cdOffset + cdSize > size)
    throw readError('zip-corrupt', fileName, 'its table of contents points outside the file');
  if (cdSize > MAX_DIRECTORY_BYTES) throw readError('zip-unsupported', fileName, 'too many files');
  return { count, cdSize, cdOffset };
}

/**
 * Lists a zip's entries from its central directory (at the end of the file), without reading
 * the rest: a zip bomb is judged on what it declares before anything is expanded. Sizes and
 * offsets past 4 GB (or marked so, as `zip -fz` does) are read from the ZIP64 extra field.
 */
export async function listZip(path: string, fileName: string, size: number): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { count, cdSize, cdOffset } = await directoryOf(handle, fileName, size);
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL)
        throw readError('zip-corrupt', fileName, 'its table of contents is damaged');
      const flags = cd.readUInt16LE(p + 8);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      if (p + 46 + nameLength + extraLength > cd.length)
        throw readError('zip-corrupt', fileName, 'its table of contents is damaged');
      const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
      let compressedSize = cd.readUInt32LE(p + 20);
      let entrySize = cd.readUInt32LE(p + 24);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      if (compressedSize === MORE || entrySize === MORE || localHeaderOffset === MORE) {
        // The ZIP64 extra field holds, in this order, only the figures marked 0xFFFFFFFF above.
        const extra = zip64Extra(
          cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength)
        );
        if (!extra) throw readError('zip-corrupt', fileName, 'a ZIP64 size is missing');
        let at = 0;
        const next = (): number => {
          if (at + 8 > extra.length)
            throw readError('zip-corrupt', fileName, 'a ZIP64 size is missing');
          const value = uint64(extra, at, fileName);
          at += 8;
          return value;
        };
        if (entrySize === MORE) entrySize = next();
        if (compressedSize === MORE) compressedSize = next();
        if (localHeaderOffset === MORE) localHeaderOffset = next();
      }
      entries.push({
        name,
        method: cd.readUInt16LE(p + 10),
        encrypted: (flags & 1) === 1,
        crc32: cd.readUInt32LE(p + 16),
        compressedSize,
        size: entrySize,
        localHeaderOffset,
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The data of the ZIP64 extended information field (id 0x0001) among an entry's extra fields. */
function zip64Extra(extra: Buffer): Buffer | null {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) return extra.subarray(at + 4, Math.min(extra.length, at + 4 + length));
    at += 4 + length;
  }
  return null;
}

/** Whether an entry is clutter that zip tools add (folders, macOS resource forks, thumbnails). */
export const isClutter = (entry: ZipEntry): boolean =>
  entry.name.endsWith('/') ||
  entry.name.startsWith('__MACOSX/') ||
  /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(entry.name);

/** The most bytes an entry may expand to before it is called a zip bomb. */
export const expansionLimit = (entry: ZipEntry): number =>
  Math.min(
    readLimits.maxUnzippedBytes,
    Math.max(16 * 1024 * 1024, entry.compressedSize * readLimits.maxZipRatio)
  );

/** Whether what the zip declares already looks like a zip bomb. */
export const declaresBomb = (entries: readonly ZipEntry[]): boolean =>
  entries.some(e => e.size > expansionLimit(e)) ||
  entries.reduce((sum, e) => sum + e.size, 0) > readLimits.maxUnzippedBytes;

/** Where an entry's compressed bytes start (after its local header). */
export async function dataStartOf(
  path: string,
  fileName: string,
  entry: ZipEntry
): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const local = Buffer.alloc(30);
    await handle.read(local, 0, 30, entry.localHeaderOffset);
    if (local.readUInt32LE(0) !== LOCAL)
      throw readError('zip-corrupt', fileName, 'a file header is damaged');
    return entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

export type InflateOptions = Readonly<{
  /** A lower cap than the entry's declared size (a part only partly needed, a small part). */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Told of every chunk of compressed bytes read, for progress. */
  onCompressed?: (bytes: number) => void;
  /** The size of the inflated chunks (zlib's default, 16 KB, unless a reader does better with more). */
  chunkBytes?: number;
}>;

/**
 * The one way Courier expands a zip entry (the preview, the full read of a workbook, a file
 * inside a zip): a stream of its bytes that counts what is actually inflated. An entry may not
 * inflate past the size its table of contents declares (already judged by `declaresBomb`), nor
 * past `maxBytes`: a zip that lies about its sizes is stopped with `read.zip-bomb` within one
 * chunk of that size, and nothing past it is handed on. The error's params say how many bytes
 * were inflated (`inflatedBytes`) and the limit (`limitBytes`). An entry read to its end
 * must also have its declared size and checksum, or it is damaged (`read.zip-corrupt`).
 * Destroying the stream stops the inflating.
 */
export async function inflateEntry(
  path: string,
  fileName: string,
  entry: ZipEntry,
  options: InflateOptions = {}
): Promise<Readable> {
  if (entry.encrypted) throw readError('zip-encrypted', fileName);
  if (entry.method !== 0 && entry.method !== 8)
    throw readError('zip-corrupt', fileName, `compression method ${entry.method} is not supported`);
  const limit = Math.min(entry.size, readLimits.maxUnzippedBytes, options.maxBytes ?? Infinity);
  if (entry.size > limit)
    throw readError('zip-bomb', fileName, undefined, { inflatedBytes: 0, limitBytes: limit });
  if (entry.compressedSize === 0) {
    if (entry.size !== 0) throw readError('zip-corrupt', fileName, 'a file inside is cut short');
    return Readable.from([]);
  }
  const dataStart = await dataStartOf(path, fileName, entry);
  const source = createReadStream(path, {
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
    highWaterMark: 256 * 1024,
  });
  const onCompressed = options.onCompressed;
  const steps: NodeJS.ReadWriteStream[] = [];
  if (onCompressed) {
    steps.push(
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          onCompressed(chunk.length);
          callback(null, chunk);
        },
      })
    );
  }
  // zlib's default chunks: exceljs is handed the same chunks its own inflater made before.
  if (entry.method === 8)
    steps.push(createInflateRaw(options.chunkBytes ? { chunkSize: options.chunkBytes } : {}));
  let inflated = 0;
  let checksum = 0;
  steps.push(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        inflated += chunk.length;
        if (inflated > limit) {
          callback(
            readError('zip-bomb', fileName, undefined, {
              inflatedBytes: inflated,
              limitBytes: limit,
            })
          );
          return;
        }
        checksum = crc32(chunk, checksum);
        callback(null, chunk);
      },
      flush(callback) {
        if (inflated !== entry.size)
          callback(readError('zip-corrupt', fileName, 'a file inside is cut short'));
        else if (checksum >>> 0 !== entry.crc32 >>> 0)
          callback(
            readError('zip-corrupt', fileName, 'a file inside is damaged (its checksum differs)')
          );
        else callback();
      },
    })
  );
  const signal = options.signal;
  // pipeline() destroys every step when the last one is destroyed or fails.
  const out = pipe([source, ...steps], () => undefined) as unknown as Readable;
  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of out as AsyncIterable<Buffer>) {
        if (signal?.aborted) throw new CourierError('cancelled', 'Cancelled.');
        yield chunk;
      }
    } catch (error) {
      throw plainZipError(error, fileName);
    } finally {
      out.destroy();
    }
  }
  return Readable.from(bytes(), { objectMode: false });
}

/** What went wrong while expanding an entry, in the reader's words. */
function plainZipError(error: unknown, fileName: string): unknown {
  if (error instanceof CourierError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  // zlib's errors (Z_DATA_ERROR, Z_BUF_ERROR...) mean the compressed bytes are damaged. Its own
  // words ("invalid distance too far back") mean nothing to a person: said as what they mean.
  if (typeof code === 'string' && code.startsWith('Z_'))
    return readError(
      'zip-corrupt',
      fileName,
      code === 'Z_BUF_ERROR' ? 'a file inside is cut short' : 'a file inside is damaged'
    );
  return mapFsError(error, fileName);
}

/**
 * Expands one entry to `target` through `inflateEntry` (an entry that lies about its size is
 * stopped as soon as it inflates past it, with at most that much written). The space the entry
 * declares is checked first: a full disk is said as such (`read.disk-full`), never a damaged zip.
 */
export async function extractEntry(
  path: string,
  fileName: string,
  entry: ZipEntry,
  target: string,
  signal?: AbortSignal
): Promise<void> {
  const folder = dirname(target);
  await ensureFreeSpace(folder, entry.size, fileName);
  if (entry.size === 0 && entry.compressedSize === 0) {
    await writeFile(target, '');
    return;
  }
  const input = await inflateEntry(path, fileName, entry, { signal });
  try {
    await pipeline(input, createWriteStream(target), { signal });
  } catch (error) {
    if (isDiskFull(error)) throw diskFullError(fileName, folder);
    if (error instanceof CourierError || signal?.aborted) throw error;
    throw plainZipError(error, fileName);
  }
}

/**
 * One entry's expanded bytes as a stream, read only as far as the consumer reads (destroying the
 * stream stops the inflating). Fails with `read.zip-bomb` past `maxBytes` or the declared size.
 */
export function openEntry(
  path: string,
  fileName: string,
  entry: ZipEntry,
  maxBytes?: number
): Promise<Readable> {
  return inflateEntry(path, fileName, entry, { maxBytes });
}

/** Reads one (small) entry into memory, e.g. a workbook's list of sheets. */
export async function readEntry(
  path: string,
  fileName: string,
  entry: ZipEntry,
  maxBytes = 16 * 1024 * 1024
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await inflateEntry(path, fileName, entry, { maxBytes }))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A rebuilt zip stream, and why it stopped early if it did (see `reorderedZip`). */
export type ReorderedZip = Readonly<{ stream: Readable; failure: () => unknown }>;

/** One entry of a rebuilt zip: an entry of the file, under a name, maybe rewritten. */
export type RebuiltPart = Readonly<{
  entry: ZipEntry;
  /** The name it has in the rebuilt zip. */
  as: string;
  /** Bytes that stand for the entry's (a small part rewritten whole). */
  content?: Buffer;
  /** A rewrite of the entry's expanded bytes as they stream (the size is then not known ahead). */
  rewrite?: () => Transform;
}>;

/**
 * A zip stream holding only the named entries, in the given order, already expanded (stored).
 *
 * exceljs's streaming reader parks every sheet in a temporary file until it has seen the shared
 * strings, which Excel writes after the sheets: reading the first rows of a big workbook then
 * means inflating all of it first. Handing it the workbook, its relationships, the shared
 * strings and the styles before the one sheet wanted lets it stream that sheet's rows at once.
 *
 * Every entry is expanded here by `inflateEntry` and handed on stored, with the size and
 * checksum from the central directory: exceljs inflates nothing itself, so a part that inflates
 * past its declared size is stopped at that size, as on every other path. When that (or any
 * failure) happens the stream just ends; exceljs then fails on a cut zip, and the caller reports
 * `failure()` instead. A part given `content` is handed on as that; a part given a `rewrite`
 * goes through it, with its size and checksum in a data descriptor after it.
 */
export function reorderedZip(
  path: string,
  fileName: string,
  parts: readonly RebuiltPart[],
  /** Told of every chunk of compressed bytes read, by entry (progress of a big sheet). */
  onBytes?: (entryName: string, bytes: number) => void,
  signal?: AbortSignal
): ReorderedZip {
  let failure: unknown;
  const localHeader = (name: string, crc: number, size: number, descriptor: boolean) => {
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(descriptor ? 0x808 : 0x800, 6);
    header.writeUInt16LE(0, 8);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(size, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    return Buffer.concat([header, nameBytes]);
  };
  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      for (const part of parts) {
        const entry = part.entry;
        if (part.content) {
          yield localHeader(part.as, crc32(part.content), part.content.length, false);
          yield part.content;
          continue;
        }
        // A stored entry's size must fit the 32-bit local header written below.
        if (entry.size > MORE)
          throw readError('zip-bomb', fileName, undefined, { inflatedBytes: 0, limitBytes: MORE });
        const input = await inflateEntry(path, fileName, entry, {
          signal,
          onCompressed: n => onBytes?.(entry.name, n),
        });
        if (!part.rewrite) {
          yield localHeader(part.as, entry.crc32, entry.size, false);
          for await (const chunk of input as AsyncIterable<Buffer>) yield chunk;
          continue;
        }
        // Sizes unknown ahead: exceljs's unzipper then reads up to the data descriptor's
        // signature, which XML (where control characters are not allowed) never holds.
        yield localHeader(part.as, 0, 0, true);
        let size = 0;
        let checksum = 0;
        const rewritten = input.pipe(part.rewrite());
        input.on('error', error => rewritten.destroy(error));
        let tail = Buffer.alloc(0);
        for await (const chunk of rewritten as AsyncIterable<Buffer>) {
          // The signature would end the part early for exceljs (even split between two chunks).
          if (
            chunk.includes(DESCRIPTOR_SIGNATURE) ||
            Buffer.concat([tail, chunk.subarray(0, 3)]).includes(DESCRIPTOR_SIGNATURE)
          )
            throw readError('workbook-corrupt', fileName, 'a sheet holds bytes that are not text');
          tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 3)));
          size += chunk.length;
          checksum = crc32(chunk, checksum);
          yield chunk;
        }
        if (size > MORE)
          throw readError('zip-bomb', fileName, undefined, {
            inflatedBytes: size,
            limitBytes: MORE,
          });
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
        descriptor.writeUInt32LE(checksum >>> 0, 4);
        descriptor.writeUInt32LE(size, 8);
        descriptor.writeUInt32LE(size, 12);
        yield descriptor;
      }
    } catch (error) {
      failure = error;
      return;
    }
    // An end record (for no central directory): exceljs's unzipper reads until it sees one, and
    // fails with FILE_ENDED when the input just stops, which it reaches whenever the workbook has
    // no shared strings part (every sheet is then parked until the end of the zip).
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    yield end;
  }
  return { stream: Readable.from(bytes(), { objectMode: false }), failure: () => failure };
}

const DATA_DESCRIPTOR = 0x08074b50;
const DESCRIPTOR_SIGNATURE = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
