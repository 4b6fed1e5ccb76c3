import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kinds of file Courier opens when the OS hands it one ("Open with Courier", a drop on its icon). */
export const EXPORT_EXTENSIONS = ['csv', 'tsv', 'txt', 'xls', 'xlsx', 'xlsm', 'zip'] as const;

/** Whether a path names a kind of file Courier opens (by its extension). */
export function isExportFileName(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return (
    dot > 0 && (EXPORT_EXTENSIONS as readonly string[]).includes(path.slice(dot + 1).toLowerCase())
  );
}

/** How `exportFromArgv` sees the machine: its platform and which paths exist (no I/O inside). */
export type LaunchContext = Readonly<{
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
}>;

/**
 * The export file a launch names, or null: the last argument that is an existing export file,
 * as an absolute path. The first argument (the program) and every switch are skipped (Chromium
 * adds its own on a second launch, macOS adds `-psn_…`); a relative path is taken from `cwd`
 * (the second launch's folder, not ours); a `file://` address (Linux desktop files pass `%U`) is
 * turned into its path. Windows paths are read as Windows reads them.
 */
export function exportFromArgv(
  argv: readonly string[],
  cwd: string,
  context: LaunchContext
): string | null {
  const path = context.platform === 'win32' ? win32 : posix;
  for (const arg of argv.slice(1).reverse()) {
    if (!arg || arg.startsWith('-')) continue;
    let candidate = arg;
    if (/^file:\/\//i.test(arg)) {
      try {
        candidate = fileURLToPath(arg, { windows: context.platform === 'win32' });
      } catch {
        continue; // a file:// address of another machine
      }
    } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) {
      continue; // another scheme (https://…): not a file
    }
    const absolute = path.isAbsolute(candidate)
      ? path.normalize(candidate)
      : path.resolve(cwd, candidate);
    if (isExportFileName(absolute) && context.exists(absolute)) return absolute;
  }
  return null;
}
