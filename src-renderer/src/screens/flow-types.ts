import type { CallResponse, EventPayload } from '../../../src-core/ipc/contract';
import type { Fix } from '../../../src-core/fixes/fix-schema';

/** An opened file as main describes it. */
export type OpenedFile = CallResponse<'files:open'>;
/** Why the background read of the open file stopped (an error from main, in plain words). */
export type ReadFailure = EventPayload<'files:failed'>['error'];
/** Where the background read of the opened file stands. */
export type ReadProgress = EventPayload<'files:progress'>;

/** What the user decided along the way: destination, mapping, fixes. */
export type FlowChoices = Readonly<{
  destinationName: string | null;
  /** Target column → source column; null until proposed for the chosen destination. */
  mapping: Readonly<Record<string, string | null>> | null;
  remember: boolean;
  fixes: readonly Fix[];
  excludeInvalid: boolean;
}>;

/** How the user corrected the detected format. */
export type FormatCorrection = Readonly<{ headerRow?: number; sheet?: string }>;
