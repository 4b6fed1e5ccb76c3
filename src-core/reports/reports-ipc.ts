import { z } from 'zod';

/** The Digitaleo reports channel (spread into `calls` in src-core/ipc/contract.ts). */
export const reportCalls = {
  /**
   * Downloads a Digitaleo destination's report zips not downloaded before into
   * `<Documents>/Courier reports/<destination>` (each once, verified, never over a local file).
   */
  'reports:download': {
    request: z.object({
      name: z.string().min(1),
      /** Only the days from this one on (YYYY-MM-DD). */
      since: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    response: z.object({
      folder: z.string(),
      downloaded: z.array(
        z.object({
          day: z.string(),
          name: z.string(),
          savedAs: z.string(),
          bytes: z.number(),
          entries: z.array(z.object({ name: z.string(), rows: z.number() })),
        })
      ),
      alreadyDownloaded: z.number(),
    }),
  },
  /**
   * Downloads the file(s) Digitaleo refused in a past run (its receipt is `rejected`), as Digitaleo
   * kept them, into `<Documents>/Courier refused files/<destination>` (verified, never over a local file).
   */
  'history:download-refused': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({
      folder: z.string(),
      files: z.array(
        z.object({
          name: z.string(),
          savedAs: z.string(),
          bytes: z.number(),
          /** Whether Digitaleo kept exactly the bytes Courier sent. */
          sameAsSent: z.boolean(),
        })
      ),
    }),
  },
} as const;
