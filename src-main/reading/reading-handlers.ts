import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { CourierError } from '../../src-core/errors';
import type { Emit, Handlers } from '../ipc/ipc-router';
import { openSource, type OpenedSource } from './open-source';
import { indexSource, type SourceIndex } from './source-index';

type OpenFile = { source: OpenedSource; index: SourceIndex };

/** What the reading handlers need: a way to send events to the renderer. */
export type ReadingContext = Readonly<{ emit: Emit }>;

/**
 * The `files:open`, `files:rows` and `files:close` handlers.
 *
 * Opening a file answers with its preview at once and starts the full read in a worker; its
 * progress goes out as `files:progress` events (throttled by the worker to about ten a second)
 * and a failure as `files:failed`. Rows are then fetched by window with `files:rows`.
 */
export function createReadingHandlers(
  context: ReadingContext
): Pick<Handlers, 'files:open' | 'files:rows' | 'files:close'> {
  const open = new Map<string, OpenFile>();
  const find = (sourceId: string): OpenFile => {
    const file = open.get(sourceId);
    if (!file)
      throw new CourierError('read.not-open', 'This file is no longer open. Open it again.');
    return file;
  };
  return {
    'files:open': async ({ path, sheet, headerRow }) => {
      const source = await openSource(path, { sheet, headerRow });
      const sourceId = randomUUID();
      const index = indexSource(source, {
        onProgress: p => {
          if (open.has(sourceId)) context.emit('files:progress', { sourceId, ...p });
        },
        onError: error => {
          if (open.has(sourceId) && error.code !== 'cancelled')
            context.emit('files:failed', { sourceId, error });
        },
      });
      open.set(sourceId, { source, index });
      return {
        sourceId,
        path: source.path,
        fileName: basename(source.path),
        format: {
          ...source.format,
          sheets: [...source.format.sheets],
          notes: source.format.notes ? [...source.format.notes] : undefined,
        },
        columns: [...source.columns],
        preview: source.preview.map(r => ({ index: r.index, line: r.line, cells: [...r.cells] })),
        sizeBytes: source.sizeBytes,
      };
    },
    'files:rows': async ({ sourceId, start, end }) => {
      const rows = await find(sourceId).index.getRows(start, end);
      return { rows: rows.map(r => ({ index: r.index, line: r.line, cells: [...r.cells] })) };
    },
    'files:close': async ({ sourceId }) => {
      const file = open.get(sourceId);
      open.delete(sourceId);
      if (file) {
        await file.index.close();
        await file.source.dispose?.();
      }
      return {};
    },
  };
}
