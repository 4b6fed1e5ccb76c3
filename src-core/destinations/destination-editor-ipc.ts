import { z } from 'zod';

/** The destination editor's calls (the destination service answers; see `destination-settings.ts`). */
export const destinationEditorCalls = {
  /**
   * Writes a dummy-data file (invented contacts, the destination's exact format) where the person
   * chooses in main's save dialog; `files` is empty when they cancel.
   */
  'destinations:dummy-data': {
    request: z.object({
      name: z.string().min(1),
      rows: z.number().int().min(1).max(100_000).default(10),
      dialogTitle: z.string().max(200).default('Save a file with dummy data'),
    }),
    response: z.object({
      files: z.array(
        z.object({ path: z.string(), name: z.string(), rows: z.number(), bytes: z.number() })
      ),
    }),
  },
} as const;
