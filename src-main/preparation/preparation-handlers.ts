import { basename, dirname, join } from 'node:path';
import type { Handler } from '../ipc/ipc-router';
import { chooseSaveTarget, markSavedForUser, type PickSaveTarget } from '../files/save-copy';
import { presets } from '../../src-core/destinations/presets';
import { runWorker } from '../workers/run-worker';
import {
  plainChanges,
  runPrepareJob,
  type PrepareJob,
  type ReviewCheckResponse,
  type SaveRejectedResponse,
} from './review';
import type { MappingMemory } from '../mapping/mapping-memory';

type PreparationChannels =
  | 'presets:list'
  | 'mapping:suggest'
  | 'mapping:remember'
  | 'review:check'
  | 'review:save-rejected';

/** What the preparation handlers need: the settings folder, mapping memory, a save dialog, a clock. */
export type PreparationContext = Readonly<{
  home: string;
  mappings: MappingMemory;
  /** Asks where to save a file (Electron's save dialog in the app); without it, a free name beside the suggestion. */
  pickSaveTarget?: PickSaveTarget;
  now?: () => Date;
  /** Run whole-file work in a worker thread (default true). */
  inWorker?: boolean;
}>;

/**
 * The IPC handlers of presets, destination advice, mapping and review (saving, renaming and
 * removing destinations is the destination service's: `destinations/destination-handlers.ts`).
 */
export function createPreparationHandlers(context: PreparationContext): {
  [C in PreparationChannels]: Handler<C>;
} {
  const home = context.home;
  const now = context.now ?? (() => new Date());
  const inWorker = context.inWorker ?? true;
  return {
    'presets:list': () => ({
      presets: presets.map(p => ({
        id: p.id,
        label: p.label,
        description: p.description,
        destination: p.destination,
      })),
    }),
    'mapping:suggest': async ({ destinationName, columns, sampleRows }) => {
      const { suggestions, remembered } = await context.mappings.suggest(
        destinationName,
        columns,
        sampleRows ?? []
      );
      return {
        suggestions: suggestions.map(x => ({ ...x })),
        remembered: remembered
          ? { ...remembered, changes: plainChanges(remembered.changes) }
          : null,
      };
    },
    'mapping:remember': async ({ destinationName, columns, mapping }) => {
      await context.mappings.remember(destinationName, columns, mapping);
      return {};
    },
    'review:check': async request => {
      const job: PrepareJob = { kind: 'review', request, home, now: now().toISOString() };
      return (
        inWorker
          ? await runWorker<PrepareJob, never, ReviewCheckResponse>('prepare', job)
          : await runPrepareJob(job)
      ) as ReviewCheckResponse;
    },
    'review:save-rejected': async request => {
      const name = basename(request.path).replace(/\.[^.]*$/, '');
      const target = await chooseSaveTarget(
        context.pickSaveTarget,
        join(dirname(request.path), `${name}-rejected.csv`),
        request.dialogTitle
      );
      if (target === null) return { path: null, rows: 0 };
      const job: PrepareJob = {
        kind: 'save-rejected',
        request,
        target,
        home,
        now: now().toISOString(),
      };
      const saved = (
        inWorker
          ? await runWorker<PrepareJob, never, SaveRejectedResponse>('prepare', job)
          : await runPrepareJob(job)
      ) as SaveRejectedResponse;
      if (saved.path) markSavedForUser(saved.path);
      return saved;
    },
  };
}
