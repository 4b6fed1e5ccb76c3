/**
 * Checking that each row's call recording is in the folder the send was given (EvaluAgent's
 * recordings), from a listing made by the caller: this module reads no disk.
 */

/** The files of a recordings folder, as paths relative to it with `/` between folders. */
export type RecordingsFolder = Readonly<{
  /** Files Courier may read. */
  readable: readonly string[];
  /** Files that are there but that Courier may not read, and subfolders it may not open (`name/`). */
  unreadable: readonly string[];
}>;

/** What a row's recording cell refers to in the folder. */
export type RecordingLookup =
  Readonly<{ kind: 'found'; path: string }> | Readonly<{ kind: 'missing' | 'unreadable' }>;

/**
 * A recording cell as a path relative to the folder: spaces around dropped, `\` read as `/`
 * (names typed on Windows), a leading `./` dropped. Empty when the cell names none.
 */
export function recordingPath(cell: string): string {
  return cell
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '');
}

/** Looks rows' recordings up in a folder's listing (a path outside the folder is never found). */
export function recordingsLookup(folder: RecordingsFolder): (cell: string) => RecordingLookup {
  const readable = new Set(folder.readable);
  const unreadable = new Set(folder.unreadable);
  // Subfolders that could not be opened are listed as `name/`: whatever they hold is unreadable.
  const closedFolders = folder.unreadable.filter(p => p.endsWith('/'));
  return cell => {
    const path = recordingPath(cell);
    if (readable.has(path)) return { kind: 'found', path };
    const closed = unreadable.has(path) || closedFolders.some(f => path.startsWith(f));
    return { kind: closed ? 'unreadable' : 'missing' };
  };
}
