import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Language } from '../../src-core/words/i18n';
import { rejectedWords } from '../../src-core/words/rejected-words';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CourierError } from '../../src-core/errors';
import type { Destination } from '../../src-core/destinations/destination';
import type { DetectedFormat } from '../../src-core/reading/source-table';
import { Fix } from '../../src-core/fixes/fix-schema';
import { CONFIDENT, suggestMapping, type ColumnMapping, type MappingSuggestion } from '../../src-core/mapping/suggest';
import type { HeaderChanges } from '../../src-core/mapping/header-changes';
import { createHash } from 'node:crypto';
import {
  createPreparation,
  sinksParts,
  type PartSink,
  type Preparation,
  type PreparationResult,
  type SunkPreparationResult,
} from '../../src-core/preparation/prepare';
import type { RecordingsFolder } from '../../src-core/preparation/recordings-check';
import { REJECTED_FILE, REJECTED_FOLDER, rejectedRowsCsv } from '../../src-core/output/rejected';
import { openSource, type OpenSourceOptions, type ReadProgress } from '../reading/open-source';
import { recallMapping } from '../settings/mapping-store';
import { writeWorkbooks } from '../output/workbook-writer';
import { PartSpill } from './part-spill';
import { settingProblems } from '../../src-core/destinations/setting-problems';

/** Where the mapping used came from. */
export type MappingOrigin = 'given' | 'remembered' | 'suggested';

export type PrepareFileOptions = Readonly<{
  /** Target → source column; when missing, a remembered mapping (with `home`), else confident suggestions. */
  mapping?: ColumnMapping;
  fixes?: readonly Fix[];
  excludeInvalid?: boolean;
  now: Date;
  alreadySentNames?: Iterable<string>;
  /** Keep rejected rows' cells for `rejected.csv` (default true); a plain check can save the memory. */
  keepRejectedCells?: boolean;
  /** The settings folder, to recall a remembered mapping. */
  home?: string;
  source?: OpenSourceOptions;
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  /** The recordings folder's listing, when the destination sends recordings with the records. */
  recordings?: RecordingsFolder;
}>;

/** How the source was read and how the mapping was chosen. */
type SourceFacts = Readonly<{
  source: Readonly<{ path: string; format: DetectedFormat; columns: readonly string[]; sizeBytes: number }>;
  mappingOrigin: MappingOrigin;
  /** For a remembered mapping whose header set changed; null otherwise. */
  headerChanges: HeaderChanges | null;
  suggestions: readonly MappingSuggestion[];
}>;

/** A prepared file plus how the source was read and how the mapping was chosen. */
export type FilePreparation = PreparationResult & SourceFacts;

/**
 * Reads a source file and prepares it for a destination: the one pipeline behind the CLI, the
 * interactive send and scheduled jobs, so what was previewed is what is sent.
 */
export async function prepareFile(path: string, destination: Destination, options: PrepareFileOptions): Promise<FilePreparation> {
  const { preparation, facts } = await readAndPrepare(path, destination, options, undefined);
  const result = await writeWorkbooks(preparation.finish(), destination, options.now);
  return { ...result, ...facts };
}

/** A prepared file in a folder, or on its way there (see `prepareFileInto`). */
export type StagedFile = Readonly<{ name: string; rows: number; size: number; sha256: string | null }>;

/** A preparation whose files wait to be written into a folder (see `prepareFileInto`). */
export type StagedPreparation = Omit<FilePreparation, 'files'> &
  Readonly<{
    files: readonly StagedFile[];
    /** Puts the files in the folder under their names; returns their paths. */
    write: () => Promise<string[]>;
    /** Removes whatever was not written: call it whether or not the files were written. */
    dispose: () => Promise<void>;
  }>;

/**
 * `prepareFile` for a send: the same preparation and the same bytes, but a plain-text output
 * never held in memory whole. Each part, once complete, is written to a private folder inside
 * `outDir` (`PartSpill`); `write` then renames the parts to their names, and `dispose` removes
 * what was not written. Zipped, XML and workbook outputs are
 * written from whole parts, so those are prepared in memory and written by `write`.
 * With `hash`, each file's SHA-256 is taken as it is made.
 */
export async function prepareFileInto(
  path: string,
  destination: Destination,
  options: PrepareFileOptions,
  outDir: string,
  { hash = false }: Readonly<{ hash?: boolean }> = {}
): Promise<StagedPreparation> {
  if (!sinksParts(destination)) {
    const prepared = await prepareFile(path, destination, options);
    const sha = (bytes: Uint8Array) => (hash ? createHash('sha256').update(bytes).digest('hex') : null);
    return {
      ...prepared,
      files: prepared.files.map(f => ({ name: f.name, rows: f.rows, size: f.bytes.length, sha256: sha(f.bytes) })),
      write: () => writePreparedFiles(prepared, outDir),
      dispose: async () => {},
    };
  }
  const spill = await PartSpill.create(outDir, { hash });
  try {
    const result = await prepareFileToSink(path, destination, options, spill);
    for (const file of result.files) checkOutputName(file.name);
    return {
      ...result,
      files: result.files.map(f => ({ name: f.name, rows: f.rows, size: f.size, sha256: spill.sha256[f.part] ?? null })),
      write: () => spill.moveTo(outDir, result.files.map(f => f.name)),
      dispose: () => spill.dispose(),
    };
  } catch (error) {
    await spill.dispose();
    throw error;
  }
}

/**
 * `prepareFile` for a plain-text output (see `sinksParts`): the same preparation, but each part
 * goes to `sink` once complete instead of being kept, and the files carry only their sizes.
 */
export async function prepareFileToSink(
  path: string,
  destination: Destination,
  options: PrepareFileOptions,
  sink: PartSink
): Promise<SunkPreparationResult & SourceFacts> {
  const { preparation, facts } = await readAndPrepare(path, destination, options, sink);
  return { ...preparation.finishSunk(), ...facts };
}

/** Opens the source, chooses the mapping and pushes every row through a new preparation. */
async function readAndPrepare(
  path: string,
  destination: Destination,
  options: PrepareFileOptions,
  partSink: PartSink | undefined
): Promise<{ preparation: Preparation; facts: SourceFacts }> {
  const source = await openSource(path, { ...options.source, signal: options.signal });
  try {
    const sample = source.preview.slice(0, 50).map(r => r.cells);
    const suggestions = suggestMapping(destination.columns, source.columns, sample);
    let mapping: ColumnMapping;
    let origin: MappingOrigin;
    let headerChanges: HeaderChanges | null = null;
    if (options.mapping) {
      mapping = completeMapping(destination, options.mapping);
      origin = 'given';
    } else {
      const recalled = options.home ? await recallMapping(options.home, destination.name, source.columns) : null;
      if (recalled) {
        mapping = completeMapping(destination, recalled.mapping);
        origin = 'remembered';
        headerChanges = recalled.exact ? null : recalled.changes;
      } else {
        mapping = Object.fromEntries(suggestions.map(s => [s.target, s.source !== null && s.confidence >= CONFIDENT ? s.source : null]));
        origin = 'suggested';
      }
    }
    const preparation = createPreparation({
      destination,
      sourceColumns: source.columns,
      mapping,
      fixes: options.fixes,
      excludeInvalid: options.excludeInvalid,
      now: options.now,
      alreadySentNames: options.alreadySentNames,
      keepRejectedCells: options.keepRejectedCells,
      recordings: options.recordings,
      partSink,
      expectedRows: expectedRows(source),
    });
    // Batches, not rows(): one promise per few hundred rows instead of one per row. Read ahead in
    // another thread: preparing a row costs about as much as reading it, so the two overlap.
    const reading = source.batches({ signal: options.signal, onProgress: options.onProgress, readAhead: true });
    for await (const batch of reading) {
      for (const row of batch) preparation.push(row);
    }
    return {
      preparation,
      facts: {
        source: { path, format: source.format, columns: source.columns, sizeBytes: source.sizeBytes },
        mappingOrigin: origin,
        headerChanges,
        suggestions,
      },
    };
  } finally {
    await source.dispose?.();
  }
}

/**
 * About how many rows a text export holds, from its size and its first rows (none for a
 * workbook, whose size says little). A hint only, on the low side: the first rows' characters
 * undercount their bytes (quotes, accents) by about a tenth, and a hint too high would make the
 * duplicate-key table twice as big as it needs, where one too low costs one more growth.
 */
function expectedRows(source: Awaited<ReturnType<typeof openSource>>): number | undefined {
  if (source.plan.kind !== 'csv' || source.preview.length === 0) return undefined;
  let chars = 0;
  for (const row of source.preview) for (const cell of row.cells) chars += cell.length + 1;
  return Math.floor((0.85 * source.sizeBytes * source.preview.length) / chars);
}

/** Every target column present (unlisted ones unmapped); unknown targets are refused later. */
function completeMapping(destination: Destination, mapping: ColumnMapping): ColumnMapping {
  return { ...Object.fromEntries(destination.columns.map(c => [c.name, null])), ...mapping };
}

export { REJECTED_FILE, REJECTED_FOLDER };

/** Writes bytes under a temporary name first, so a crash never leaves a half file under its final name. */
async function putFile(folder: string, name: string, bytes: Uint8Array, mode?: number): Promise<string> {
  const path = join(folder, name);
  const tmp = join(folder, `.${name}.${randomBytes(4).toString('hex')}.part`);
  await writeFile(tmp, bytes, mode === undefined ? undefined : { mode });
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return path;
}

/**
 * Writes exactly the files to send into a folder, and nothing else: this folder is what an
 * upload picks files from, so the rejected rows (which hold unmapped columns) never go here.
 */
export async function writePreparedFiles(result: PreparationResult, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const file of result.files) {
    checkOutputName(file.name);
    written.push(await putFile(outDir, file.name, file.bytes));
  }
  return written;
}

/** `fileNames` never gives these; a name that would land elsewhere or on the rejected rows is a bug. */
function checkOutputName(name: string): void {
  if (name.toLowerCase() === REJECTED_FOLDER || /[/\\]/.test(name)) throw new Error(`Unsafe output file name: ${name}`);
}

/**
 * Writes the rows left out (if any) to `<outDir>/rejected/rejected.csv`, readable only by the
 * user: a folder of their own, never one an upload takes files from. Returns the path or null.
 */
export async function writeRejectedRows(result: PreparationResult, outDir: string, language: Language = 'en'): Promise<string | null> {
  if (result.rejected.length === 0) return null;
  const folder = join(outDir, REJECTED_FOLDER);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  return putFile(folder, REJECTED_FILE, rejectedRowsCsv(result.sourceColumns, result.rejected, rejectedWords(language)), 0o600);
}

const MappingFileSchema = z.union([
  z.object({ mapping: z.record(z.string(), z.string().nullable()), fixes: z.array(Fix).optional() }),
  z.record(z.string(), z.string().nullable()),
]);

/**
 * Reads a mapping file: `{ "Email": "E-mail", "Language": null }`, or
 * `{ "mapping": {…}, "fixes": [ … ] }` to carry recorded fixes as well.
 */
export async function readMappingFile(path: string): Promise<{ mapping: ColumnMapping; fixes: Fix[] }> {
  let json: unknown;
  try {
    json = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CourierError('mapping.not-found', `There is no mapping file at “${path}”.`, { params: { file: path } });
    throw new CourierError('mapping.invalid', `The mapping file “${path}” is not valid JSON.`, { params: { file: path } });
  }
  const parsed = MappingFileSchema.safeParse(json);
  if (!parsed.success) {
    // Said against the form the file means (with "mapping" and "fixes", or the mapping alone),
    // naming the setting that is wrong: a fix of the wrong kind is not a mapping problem.
    const recorded = json !== null && typeof json === 'object' && !Array.isArray(json) && 'mapping' in json;
    const meant = MappingFileSchema.options[recorded ? 0 : 1].safeParse(json);
    const problems = meant.success ? '' : `: ${settingProblems(meant.error.issues, json)}`;
    throw new CourierError(
      'mapping.invalid',
      `The mapping file “${path}” is not valid${problems}. It maps each destination column to a source column name or null, with "mapping" and "fixes" when it carries fixes.`,
      { params: { file: path } }
    );
  }
  const data = parsed.data;
  if ('mapping' in data && typeof data.mapping === 'object' && data.mapping !== null && !Array.isArray(data.mapping)) {
    return { mapping: data.mapping as ColumnMapping, fixes: (data as { fixes?: Fix[] }).fixes ?? [] };
  }
  return { mapping: data as ColumnMapping, fixes: [] };
}
