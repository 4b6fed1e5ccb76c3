import { basename, resolve } from 'node:path';
import { CourierError } from '../../src-core/errors';

/**
 * How a file came to be chosen: a dialog main showed, a drop on the window, the command line,
 * a file Courier made for the person (the rows a send left out), or one of the recent files
 * (opened before, listed by main in `recent-files.ts`).
 */
export type ChosenBy = 'dialog' | 'drop' | 'command-line' | 'made-by-courier' | 'recent';

/**
 * The files and folders the person chose in this session: the only ones the window may ask main
 * to read, send or watch.
 *
 * The renderer is not trusted with the file system: a path it types or invents is refused with
 * `files.not-chosen`. Paths come in only from main's own file dialog, from a drop on the window
 * (reported by the preload, see `preload.ts`), from the command line or a second launch, and from
 * Courier itself (the rows a send left out). Saved jobs keep their own path (`trust-guards.ts`).
 */
export class OpenedFiles {
  private readonly chosen = new Map<string, ChosenBy>();

  /** Records a path the person chose. */
  add(path: string, by: ChosenBy): void {
    if (path) this.chosen.set(resolve(path), by);
  }

  /** Whether the person chose this path. */
  has(path: string): boolean {
    return this.chosen.has(resolve(path));
  }

  /** Throws `files.not-chosen` unless the person chose this path. */
  check(path: string): void {
    if (this.has(path)) return;
    throw new CourierError(
      'files.not-chosen',
      `Courier only opens files you choose or drop on its window, and “${basename(path)}” was not one of them. Choose it again.`,
      { params: { file: basename(path) } }
    );
  }
}
