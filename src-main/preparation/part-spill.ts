import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { PartSink } from '../../src-core/preparation/prepare';

/**
 * A `PartSink` that writes each complete part of a preparation to its own file, in a private
 * folder inside the output folder, as soon as it is complete: a large output is never held in
 * memory whole (the preparation fills the same buffer with the next part). `moveTo` then gives
 * the parts their names in the output folder (a rename: no copy, and no half-written file ever
 * has a final name); `dispose` removes whatever was not moved, and the folders the spill created
 * for the output folder when they are left empty.
 */
export class PartSpill implements PartSink {
  /** Each part's file, in the order the parts came. */
  private readonly paths: string[] = [];
  /** Each part's SHA-256 (hex), when asked for. */
  readonly sha256: string[] = [];
  private moved = false;

  private constructor(
    private readonly outDir: string,
    private readonly folder: string,
    /** The first folder the spill created (the output folder itself when it did not exist), or null. */
    private readonly created: string | null,
    private readonly hash: boolean
  ) {}

  /** A spill inside `outDir` (created when missing); `hash` also takes each part's SHA-256 as it comes. */
  static async create(
    outDir: string,
    options: Readonly<{ hash?: boolean }> = {}
  ): Promise<PartSpill> {
    const created = (await mkdir(outDir, { recursive: true })) ?? null;
    // A dot folder: never a name an upload takes, and removed with the output folder.
    const folder = await mkdtemp(join(outDir, '.courier-parts-'));
    // Both absolute, so that removing what was created compares like with like.
    return new PartSpill(
      resolve(outDir),
      folder,
      created === null ? null : resolve(created),
      options.hash === true
    );
  }

  put(bytes: Uint8Array): void {
    const path = join(this.folder, `part-${this.paths.length}`);
    this.paths.push(path);
    if (this.hash) this.sha256.push(createHash('sha256').update(bytes).digest('hex'));
    // Written before returning (a megabyte to the page cache: well under a millisecond): the
    // preparation fills the same memory with the next part.
    const fd = openSync(path, 'wx');
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    } finally {
      closeSync(fd);
    }
  }

  /** Renames the parts to `names` (one per part, in order) in `outDir`; returns their paths. */
  async moveTo(outDir: string, names: readonly string[]): Promise<string[]> {
    if (names.length !== this.paths.length)
      throw new Error(`${this.paths.length} parts for ${names.length} names`);
    this.moved = true;
    const moved: string[] = [];
    for (let i = 0; i < names.length; i++) {
      const target = join(outDir, names[i]!);
      await rename(this.paths[i]!, target);
      moved.push(target);
    }
    return moved;
  }

  /** Removes the spill folder, and the folders it created for the output folder if they are empty. */
  async dispose(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true, maxRetries: 3 });
    if (this.moved || this.created === null) return;
    // Deepest first, up to the first one made; one that holds anything is left (and so are those above).
    for (let folder = this.outDir; ; folder = dirname(folder)) {
      const removed = await rmdir(folder).then(
        () => true,
        () => false
      );
      if (!removed || folder === this.created || dirname(folder) === folder) return;
    }
  }
}
