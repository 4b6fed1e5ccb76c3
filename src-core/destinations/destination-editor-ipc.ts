import { z } from 'zod';
import { Destination } from './destination';

/** One editor setting as `courier destinations set` spells it: `[key, value]`. */
const SettingPair = z.tuple([z.string().min(1).max(300), z.string().max(10_000)]);

/** The destination editor's calls (the destination service answers; see `destination-settings.ts`). */
export const destinationEditorCalls = {
  /**
   * Changes a saved destination with editor settings (key and value pairs: `delimiter` and `;`,
   * `column.Email.required` and `yes`, `digitaleo.mode` and `sync`…), the same vocabulary and
   * validation as `courier destinations set`: refused settings say which key, nothing is saved.
   */
  'destinations:change': {
    request: z.object({ name: z.string().min(1), settings: z.array(SettingPair).max(500) }),
    response: z.object({ destination: Destination }),
  },
  /**
   * The destination as it would be saved (platform rules applied: Digitaleo's required columns,
   * `dispatch` and list naming; missing file-name variables refused), without saving it.
   */
  'destinations:settle': {
    request: z.object({ destination: Destination }),
    response: z.object({ destination: Destination }),
  },
  /** The destination with the columns and text format of a vendor's sample file (not saved). */
  'destinations:from-sample': {
    request: z.object({ destination: Destination, path: z.string().min(1) }),
    response: z.object({ destination: Destination }),
  },
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
