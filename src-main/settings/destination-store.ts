import { readdir, readFile, rm } from 'node:fs/promises';
import { withFileLock, writeFileAtomic } from './file-lock';
import { ensureSettingsFolder, unreadableSettings } from './settings-file';
import { isAbsolute, join } from 'node:path';
import { CourierError, toPlainError, type PlainError } from '../../src-core/errors';
import { parseDestination, type Destination } from '../../src-core/destinations/destination';
import { destinationFromPreset, findPreset } from '../../src-core/destinations/presets';

/**
 * Destinations as JSON files in `<home>/destinations/`, one per destination.
 *
 * The file name is derived from the destination's name (lower-cased, so two names that differ
 * only by case cannot coexist: they would collide on Windows and macOS). Secrets are never here;
 * the secrets service moves or deletes them through the `onRename`/`onRemove` hooks.
 */
export type DestinationStoreHooks = Readonly<{
  /** Called after a destination was removed (e.g. to delete its keychain entries). */
  onRemove?: (name: string) => Promise<void> | void;
  /** Called after a destination was renamed (e.g. to move its keychain entries). */
  onRename?: (from: string, to: string) => Promise<void> | void;
}>;

/** The folder holding the destination files. */
export const destinationsFolder = (home: string): string => join(home, 'destinations');

/** The file a destination of this name is stored in. */
export function destinationFile(home: string, name: string): string {
  // Names are already free of path characters (DestinationName); encode the rest for safety.
  const slug = encodeURIComponent(name.trim().toLowerCase()).replace(/\*/g, '%2A').replace(/^\./, '%2E');
  return join(destinationsFolder(home), `${slug}.json`);
}

async function readDestinationFile(path: string): Promise<Destination> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CourierError('destination.not-found', `There is no destination file at “${path}”.`, { params: { file: path } });
    throw new CourierError('destination.unreadable', `The destination file “${path}” cannot be read (${code ?? 'error'}).`, { params: { file: path } });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new CourierError('destination.invalid', `The destination file “${path}” is not valid JSON.`, { params: { file: path } });
  }
  return parseDestination(json);
}

/**
 * The lock of the destinations folder: a save (which checks the name is free, writes, and on a
 * rename removes the old file) and a removal happen whole, whichever Courier (the app, the CLI)
 * makes them.
 */
const folderLock = (home: string) => join(destinationsFolder(home), '.lock');

/** Every configured destination, sorted by name; unreadable files are skipped and reported. */
export async function listDestinations(home: string): Promise<{ destinations: Destination[]; problems: Array<PlainError & { file: string }> }> {
  let files: string[];
  try {
    files = (await readdir(destinationsFolder(home))).filter(f => f.endsWith('.json'));
  } catch (error) {
    // No folder yet: no destinations. One that cannot be read is said, not shown as empty.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { destinations: [], problems: [] };
    const plain = toPlainError(unreadableSettings(destinationsFolder(home), 'the folder of destinations', 'No destination can be shown.'));
    return { destinations: [], problems: [{ ...plain, file: destinationsFolder(home) }] };
  }
  const destinations: Destination[] = [];
  const problems: Array<PlainError & { file: string }> = [];
  for (const file of files.sort()) {
    try {
      destinations.push(await readDestinationFile(join(destinationsFolder(home), file)));
    } catch (error) {
      const plain = toPlainError(error);
      problems.push({ file, ...plain, message: error instanceof Error ? error.message : String(error) });
    }
  }
  destinations.sort((a, b) => a.name.localeCompare(b.name));
  return { destinations, problems };
}

/** The configured destination with this name (case-insensitive), or null. */
export async function getDestination(home: string, name: string): Promise<Destination | null> {
  try {
    return await readDestinationFile(destinationFile(home, name));
  } catch (error) {
    if (error instanceof CourierError && error.code === 'destination.not-found') return null;
    throw error;
  }
}

/**
 * Saves a destination (validated). `previousName` renames: the old file goes and `onRename` runs.
 * Saving a new destination under a name already used by another is refused.
 */
export async function saveDestination(
  home: string,
  value: unknown,
  options: Readonly<{ previousName?: string; overwrite?: boolean }> & DestinationStoreHooks = {}
): Promise<Destination> {
  const destination = parseDestination(value);
  await ensureSettingsFolder(destinationsFolder(home));
  const target = destinationFile(home, destination.name);
  const previous = options.previousName;
  const renaming = previous !== undefined && destinationFile(home, previous) !== target;
  if (renaming && !(await getDestination(home, previous))) {
    throw new CourierError('destination.not-found', `There is no destination called “${previous}”.`, { params: { name: previous } });
  }
  await withFileLock(
    folderLock(home),
    async held => {
      const existing = await getDestination(home, destination.name);
      const sameOne = previous !== undefined && !renaming;
      if (existing && !sameOne && options.overwrite !== true) {
        throw new CourierError('destination.exists', `A destination called “${existing.name}” already exists. Choose another name.`, { params: { name: existing.name } });
      }
      await writeFileAtomic(target, `${JSON.stringify(destination, null, 2)}\n`, held);
      if (renaming) await rm(destinationFile(home, previous), { force: true });
    },
    { what: 'the destinations' }
  );
  // A change of case only keeps the file but is still a new name for the keychain entries.
  if (previous !== undefined && previous !== destination.name) await options.onRename?.(previous, destination.name);
  return destination;
}

/** A configured destination, or a plain `destination.not-found` error naming it. */
export async function requireDestination(home: string, name: string): Promise<Destination> {
  const current = await getDestination(home, name);
  if (!current) throw new CourierError('destination.not-found', `There is no destination called “${name}”.`, { params: { name } });
  return current;
}

/** Renames a destination (its file and, through the hook, its secrets). */
export async function renameDestination(home: string, from: string, to: string, hooks: DestinationStoreHooks = {}): Promise<Destination> {
  const current = await requireDestination(home, from);
  return saveDestination(home, { ...current, name: to }, { ...hooks, previousName: current.name });
}

/** Removes a destination; `onRemove` then deletes its secrets. False when there was none. */
export async function removeDestination(home: string, name: string, hooks: DestinationStoreHooks = {}): Promise<boolean> {
  const current = await getDestination(home, name);
  if (!current) return false;
  await ensureSettingsFolder(destinationsFolder(home));
  await withFileLock(folderLock(home), () => rm(destinationFile(home, name), { force: true }), {
    what: 'the destinations',
  });
  await hooks.onRemove?.(current.name);
  return true;
}

const looksLikePath = (value: string): boolean => value.endsWith('.json') || value.includes('/') || value.includes('\\') || isAbsolute(value);

/**
 * The destination a command line or job means by `D`: a path to a destination JSON file, a
 * configured destination's name, or a preset id (a fresh copy of the preset).
 */
export async function resolveDestination(home: string, reference: string): Promise<Destination> {
  const ref = reference.trim();
  if (ref === '') throw new CourierError('destination.not-found', 'No destination was given.');
  if (looksLikePath(ref)) return readDestinationFile(ref);
  const configured = await getDestination(home, ref).catch(error => {
    if (error instanceof CourierError && error.code === 'destination.invalid') throw error;
    return null;
  });
  if (configured) return configured;
  const preset = findPreset(ref);
  if (preset) return destinationFromPreset(preset.id);
  throw new CourierError(
    'destination.not-found',
    `There is no destination called “${ref}”. Use a configured destination, a preset (hello-customer, customergauge, digitaleo, blueconic, evaluagent, generic) or a destination file.`,
    { params: { name: ref } }
  );
}
