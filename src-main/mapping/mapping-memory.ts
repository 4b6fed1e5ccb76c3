import type { Destination } from '../../src-core/destinations/destination';
import { suggestMapping, type MappingSuggestion } from '../../src-core/mapping/suggest';
import type { HeaderChanges } from '../../src-core/mapping/header-changes';
import { recallMapping, rememberMapping } from '../settings/mapping-store';

/** A remembered mapping offered for a file's columns, with how its columns changed since. */
export type OfferedMapping = Readonly<{
  mapping: Record<string, string | null>;
  exact: boolean;
  changes: HeaderChanges;
}>;

/**
 * Which file column goes to which destination column: Courier's suggestions, and the mappings a
 * person confirmed, remembered per destination and header set (the app's Columns step; the CLI's
 * `--remember-mapping`; prepareFile recalls them for every send and job).
 */
export type MappingMemory = Readonly<{
  /** Suggestions for a file's columns, and the remembered mapping for this header set (or the closest). */
  suggest: (
    destination: string,
    columns: readonly string[],
    sampleRows?: ReadonlyArray<readonly string[]>
  ) => Promise<{ suggestions: MappingSuggestion[]; remembered: OfferedMapping | null }>;
  /** Remembers a confirmed mapping for this destination and header set. */
  remember: (
    destination: string,
    columns: readonly string[],
    mapping: Readonly<Record<string, string | null>>
  ) => Promise<void>;
}>;

export function createMappingMemory(
  deps: Readonly<{
    home: string;
    /** A configured destination, a preset or a destination file, as the send names it. */
    resolve: (reference: string) => Promise<Destination>;
    now?: () => Date;
  }>
): MappingMemory {
  const now = deps.now ?? (() => new Date());
  return {
    suggest: async (reference, columns, sampleRows = []) => {
      const destination = await deps.resolve(reference);
      const suggestions = suggestMapping(destination.columns, columns, sampleRows);
      const recalled = await recallMapping(deps.home, destination.name, columns);
      return {
        suggestions,
        remembered: recalled
          ? { mapping: recalled.mapping, exact: recalled.exact, changes: recalled.changes }
          : null,
      };
    },
    remember: async (reference, columns, mapping) => {
      const destination = await deps.resolve(reference);
      await rememberMapping(deps.home, destination.name, columns, mapping, now());
    },
  };
}
