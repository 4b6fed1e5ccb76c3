import { rename, rm } from 'node:fs/promises';
import { withFileLock, writeFileAtomic } from './file-lock';
import { ensureSettingsFolder, keepDamaged, readSettingsText, tellSettingsProblem } from './settings-file';
import { join } from 'node:path';
import { z } from 'zod';
import { adaptMapping, compareHeaders, noChanges, type HeaderChanges } from '../../src-core/mapping/header-changes';

/**
 * Remembered mappings, per destination and per header set, in `<home>/mappings/<destination>.json`.
 *
 * A confirmed mapping is applied again to a file with the same columns; for a file whose columns
 * changed (renamed, added, gone) the closest remembered mapping is adapted and the changes are
 * reported so a person (or a job's policy) decides.
 */
const Entry = z.object({
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  savedAt: z.string(),
});
const MappingFile = z.object({ version: z.literal(1), entries: z.array(Entry) });
type MappingFile = z.infer<typeof MappingFile>;

/** A mapping recalled for a file's headers. */
export type RecalledMapping = Readonly<{
  mapping: Record<string, string | null>;
  /** True when the remembered header set is exactly this file's. */
  exact: boolean;
  /** The headers the mapping was remembered for. */
  rememberedHeaders: readonly string[];
  changes: HeaderChanges;
}>;

const MAX_ENTRIES = 50;

const fileFor = (home: string, destination: string) =>
  join(home, 'mappings', `${encodeURIComponent(destination.trim().toLowerCase()).replace(/^\./, '%2E')}.json`);

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The remembered mappings; `damaged` when the file exists but cannot be read (nothing recalled). */
async function readMappings(home: string, destination: string): Promise<{ file: MappingFile; damaged: boolean }> {
  const found = await readSettingsText(fileFor(home, destination));
  const none: MappingFile = { version: 1, entries: [] };
  if (found.kind === 'missing') return { file: none, damaged: false };
  if (found.kind === 'text') {
    try {
      const parsed = MappingFile.safeParse(JSON.parse(found.text));
      if (parsed.success) return { file: parsed.data, damaged: false };
    } catch {
      // Damaged: below.
    }
  }
  return { file: none, damaged: true };
}

const load = async (home: string, destination: string): Promise<MappingFile> => (await readMappings(home, destination)).file;

/** Remembers a confirmed mapping for this destination and header set (replacing an older one). */
export async function rememberMapping(
  home: string,
  destination: string,
  headers: readonly string[],
  mapping: Readonly<Record<string, string | null>>,
  now: Date = new Date()
): Promise<void> {
  await ensureSettingsFolder(join(home, 'mappings'));
  const path = fileFor(home, destination);
  // Read, change and replace under a lock: the app and a CLI run may remember at the same time.
  await withFileLock(`${path}.lock`, async held => {
    const { file, damaged } = await readMappings(home, destination);
    if (damaged) {
      // Never written over: kept aside for a person, and said.
      const kept = await keepDamaged(path, now);
      tellSettingsProblem({
        code: 'mapping.damaged',
        message: `The remembered mappings of ${destination} (“${path}”) could not be read. Courier kept the file as “${kept}” and starts a new one with this mapping.`,
        params: { destination, file: path, kept },
        file: path,
      });
    }
    const entries = file.entries.filter(e => !sameSet(e.headers, headers));
    entries.unshift({ headers: [...headers], mapping: { ...mapping }, savedAt: now.toISOString() });
    await writeFileAtomic(path, `${JSON.stringify({ version: 1, entries: entries.slice(0, MAX_ENTRIES) }, null, 2)}\n`, held);
  }, { what: `the remembered mappings of ${destination}` });
}

/**
 * The remembered mapping for a file's headers: the exact header set if known, else the closest
 * one (sharing at least half of its columns) adapted to the new headers; null when none fits.
 */
export async function recallMapping(home: string, destination: string, headers: readonly string[]): Promise<RecalledMapping | null> {
  const file = await load(home, destination);
  const exact = file.entries.find(e => sameSet(e.headers, headers));
  if (exact) {
    return { mapping: adaptMapping(exact.mapping, { added: [], gone: [], renamed: [] }, headers), exact: true, rememberedHeaders: exact.headers, changes: { added: [], gone: [], renamed: [] } };
  }
  let best: { entry: z.infer<typeof Entry>; overlap: number } | null = null;
  const current = new Set(headers);
  for (const entry of file.entries) {
    const shared = entry.headers.filter(h => current.has(h)).length;
    const overlap = shared / Math.max(entry.headers.length, headers.length, 1);
    if (overlap >= 0.5 && (!best || overlap > best.overlap)) best = { entry, overlap };
  }
  if (!best) return null;
  const changes = compareHeaders(best.entry.headers, headers);
  return { mapping: adaptMapping(best.entry.mapping, changes, headers), exact: noChanges(changes), rememberedHeaders: best.entry.headers, changes };
}

/** Forgets every mapping remembered for a destination (when it is removed). */
export async function forgetMappings(home: string, destination: string): Promise<void> {
  const path = fileFor(home, destination);
  await withFileLock(`${path}.lock`, () => rm(path, { force: true }), { what: `the remembered mappings of ${destination}` }).catch(error => {
    // No mappings folder yet: nothing to forget.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
}

/** Moves remembered mappings to a destination's new name. */
export async function renameMappings(home: string, from: string, to: string): Promise<void> {
  const source = fileFor(home, from);
  const target = fileFor(home, to);
  if (source === target) return;
  // Under the old name's lock: a remember in another process does not bring the old file back.
  await withFileLock(`${source}.lock`, () => rename(source, target).catch(() => undefined), { what: `the remembered mappings of ${from}` }).catch(error => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
}
