import { basename, dirname, join } from 'node:path';
import type { Handler } from '../ipc/ipc-router';
import { chooseSaveTarget, markSavedForUser, type PickSaveTarget } from '../files/save-copy';
import { presets } from '../../src-core/destinations/presets';
import { readSample } from '../destinations/destination-editing';
import { destinationAdvice } from '../../src-core/destinations/destination';
import { suggestMapping } from '../../src-core/mapping/suggest';
import { runWorker } from '../workers/run-worker';
import {
  plainChanges,
  runPrepareJob,
  type PrepareJob,
  type ReviewCheckResponse,
  type SaveRejectedResponse,
} from './review';
import { resolveDestination } from '../settings/destination-store';
import { recallMapping, rememberMapping } from '../settings/mapping-store';

type PreparationChannels =
  | 'presets:list'
  | 'destinations:columns-from-sample'
  | 'destinations:advice'
  | 'mapping:suggest'
  | 'mapping:remember'
  | 'review:check'
  | 'review:save-rejected';

/** What the preparation handlers need: the settings folder, a save dialog, a clock. */
export type PreparationContext = Readonly<{
  home: string;
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
    'destinations:advice': ({ destination }) => ({ advice: destinationAdvice(destination) }),
    'destinations:columns-from-sample': async ({ path, sheet }) => ({
      columns: (await readSample(path, sheet)).columns,
    }),
    'mapping:suggest': async ({ destinationName, columns, sampleRows }) => {
      const destination = await resolveDestination(home, destinationName);
      const suggestions = suggestMapping(destination.columns, columns, sampleRows ?? []);
      const recalled = await recallMapping(home, destination.name, columns);
      return {
        suggestions: suggestions.map(x => ({ ...x })),
        remembered: recalled
          ? {
              mapping: recalled.mapping,
              exact: recalled.exact,
              changes: plainChanges(recalled.changes),
            }
          : null,
      };
    },
    'mapping:remember': async ({ destinationName, columns, mapping }) => {
      const destination = await resolveDestination(home, destinationName);
      await rememberMapping(home, destination.name, columns, mapping, now());
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
