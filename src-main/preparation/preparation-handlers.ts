import { writeFile, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import type { Handler } from '../ipc/ipc-router';
import type { ServiceContext } from '../services/main-handlers';
import { presets } from '../../src-core/destinations/presets';
import { columnsFromSample } from '../../src-core/destinations/presets';
import { suggestMapping } from '../../src-core/mapping/suggest';
import type { HeaderChanges } from '../../src-core/mapping/header-changes';
import { unzipSync } from 'fflate';
import { rejectedRowsCsv } from '../../src-core/output/rejected';
import type { PreparedFile } from '../../src-core/preparation/prepare';
import type { OutputEncoding } from '../../src-core/destinations/destination';
import { openSource } from '../reading/open-source';
import {
  getDestination,
  listDestinations,
  removeDestination,
  resolveDestination,
  saveDestination,
  type DestinationStoreHooks,
} from '../settings/destination-store';
import { forgetMappings, recallMapping, rememberMapping, renameMappings } from '../settings/mapping-store';
import { prepareFile } from './prepare-file';
import { parseFixes } from '../../src-core/fixes/fix-schema';

type PreparationChannels =
  | 'presets:list'
  | 'destinations:list'
  | 'destinations:get'
  | 'destinations:save'
  | 'destinations:remove'
  | 'destinations:columns-from-sample'
  | 'mapping:suggest'
  | 'mapping:remember'
  | 'review:check'
  | 'review:save-rejected';

const plainChanges = (c: HeaderChanges) => ({ added: [...c.added], gone: [...c.gone], renamed: c.renamed.map(r => ({ ...r })) });

/** The first lines of a prepared file as text (a zip shows the CSV inside). */
export function firstLines(file: PreparedFile, encoding: OutputEncoding, count = 10): string[] {
  let bytes = file.bytes;
  if (file.innerName !== null) bytes = Object.values(unzipSync(bytes))[0] ?? new Uint8Array(0);
  // Enough bytes for the first lines without decoding a 20 MB file.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024));
  const text = iconv.decode(head, encoding === 'utf-8-bom' ? 'utf-8' : encoding, { stripBOM: true });
  return text.split(/\r\n|\n/).slice(0, count).filter((line, i, all) => line !== '' || i < all.length - 1);
}

/**
 * The IPC handlers of destinations, mapping and review. `hooks` lets the secrets service move or
 * delete a destination's keychain entries when it is renamed or removed.
 */
export function createPreparationHandlers(
  context: Pick<ServiceContext, 'home'> & { now?: () => Date },
  hooks: DestinationStoreHooks = {}
): { [C in PreparationChannels]: Handler<C> } {
  const home = context.home;
  const now = context.now ?? (() => new Date());
  const storeHooks: DestinationStoreHooks = {
    onRemove: async name => {
      await forgetMappings(home, name);
      await hooks.onRemove?.(name);
    },
    onRename: async (from, to) => {
      await renameMappings(home, from, to);
      await hooks.onRename?.(from, to);
    },
  };
  return {
    'presets:list': () => ({ presets: presets.map(p => ({ id: p.id, label: p.label, description: p.description, destination: p.destination })) }),
    'destinations:list': () => listDestinations(home),
    'destinations:get': async ({ name }) => {
      const configured = await getDestination(home, name);
      if (configured) return { destination: configured };
      try {
        return { destination: await resolveDestination(home, name) };
      } catch {
        return { destination: null };
      }
    },
    'destinations:save': async ({ destination, previousName, overwrite }) => ({
      destination: await saveDestination(home, destination, { ...storeHooks, previousName, overwrite }),
    }),
    'destinations:remove': async ({ name }) => ({ removed: await removeDestination(home, name, storeHooks) }),
    'destinations:columns-from-sample': async ({ path, sheet }) => {
      const source = await openSource(path, { sheet });
      try {
        return { columns: columnsFromSample(source.columns, source.preview.slice(0, 50).map(r => r.cells)) };
      } finally {
        await source.dispose?.();
      }
    },
    'mapping:suggest': async ({ destinationName, columns, sampleRows }) => {
      const destination = await resolveDestination(home, destinationName);
      const suggestions = suggestMapping(destination.columns, columns, sampleRows ?? []);
      const recalled = await recallMapping(home, destination.name, columns);
      return {
        suggestions: suggestions.map(x => ({ ...x })),
        remembered: recalled ? { mapping: recalled.mapping, exact: recalled.exact, changes: plainChanges(recalled.changes) } : null,
      };
    },
    'mapping:remember': async ({ destinationName, columns, mapping }) => {
      const destination = await resolveDestination(home, destinationName);
      await rememberMapping(home, destination.name, columns, mapping, now());
      return {};
    },
    'review:check': async request => {
      const destination = await resolveDestination(home, request.destinationName);
      const result = await prepareFile(request.path, destination, {
        mapping: request.mapping,
        fixes: parseFixes(request.fixes ?? []),
        excludeInvalid: request.excludeInvalid,
        now: now(),
        home,
        source: { sheet: request.sheet, headerRow: request.headerRow },
      });
      return {
        destination: result.destination,
        mapping: result.mapping,
        mappingOrigin: result.mappingOrigin,
        headerChanges: result.headerChanges ? plainChanges(result.headerChanges) : null,
        rowCount: result.rowCount,
        validRowCount: result.validRowCount,
        writtenRowCount: result.writtenRowCount,
        rejectedCount: result.rejected.length,
        blocked: result.blocked,
        summary: { ...result.summary },
        issueCount: result.issues.length,
        issues: result.issues.slice(0, request.maxIssues ?? 1000).map(i => ({ ...i })),
        files: result.files.map(f => ({
          name: f.name,
          rows: f.rows,
          bytes: f.bytes.length,
          encoding: destination.output.encoding,
          firstLines: firstLines(f, destination.output.encoding),
        })),
      };
    },
    'review:save-rejected': async request => {
      const destination = await resolveDestination(home, request.destinationName);
      const result = await prepareFile(request.path, destination, {
        mapping: request.mapping,
        fixes: parseFixes(request.fixes ?? []),
        excludeInvalid: true,
        now: now(),
        home,
        source: { sheet: request.sheet, headerRow: request.headerRow },
      });
      const bytes = rejectedRowsCsv(result.sourceColumns, result.rejected);
      const tmp = join(dirname(request.target), `.${basename(request.target)}.${randomBytes(4).toString('hex')}.part`);
      await writeFile(tmp, bytes);
      try {
        await rename(tmp, request.target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      return { path: request.target, rows: result.rejected.length };
    },
  };
}
