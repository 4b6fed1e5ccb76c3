import { z } from 'zod';

/** One step of a destination's connection test (see src-main/transfers/connection-test.ts). */
export const ConnectionStepSchema = z.object({
  id: z.enum(['protocol', 'lookup', 'tcp', 'handshake', 'trust', 'login', 'folder', 'write', 'data-connection']),
  status: z.enum(['ok', 'warning', 'failed', 'skipped']),
  message: z.string(),
  code: z.string().optional(),
  /** A certificate or host key fingerprint for the user to confirm and pin. */
  fingerprint: z.string().optional(),
  advice: z.string().optional(),
});
export type ConnectionStepSchema = z.infer<typeof ConnectionStepSchema>;

/** Progress of an upload, throttled (a few times a second). */
export const UploadProgressSchema = z.object({
  uploadId: z.string(),
  phase: z.enum(['connecting', 'uploading', 'verifying', 'renaming', 'retrying', 'paused', 'done']),
  fileIndex: z.number(),
  fileCount: z.number(),
  remoteName: z.string(),
  fileBytes: z.number(),
  fileSize: z.number(),
  bytes: z.number(),
  totalBytes: z.number(),
  bytesPerSecond: z.number(),
  secondsLeft: z.number().nullable(),
  attempt: z.number(),
});

/** How an upload ended (or stopped, when paused). */
export const UploadOutcomeSchema = z.object({
  uploadId: z.string(),
  status: z.enum(['done', 'paused', 'cancelled', 'failed']),
  files: z.array(z.object({ remoteName: z.string(), remotePath: z.string(), size: z.number(), sha256: z.string(), verifiedBy: z.enum(['sha256', 'size']) })),
  warnings: z.array(z.string()),
  error: z.object({ code: z.string(), message: z.string(), fingerprint: z.string().optional() }).nullable(),
});
export type UploadOutcomeSchema = z.infer<typeof UploadOutcomeSchema>;

const byUpload = z.object({ uploadId: z.string().min(1) });

/** The connection-test and upload channels (spread into `calls` in src-core/ipc/contract.ts). */
export const transferCalls = {
  /** Tests a configured destination step by step; steps also arrive as `destinations:test-step`. */
  'destinations:test': {
    request: z.object({ name: z.string().min(1) }),
    response: z.object({ ok: z.boolean(), steps: z.array(ConnectionStepSchema), tlsMaxVersion: z.literal('TLSv1.2').optional() }),
  },
  /**
   * Uploads prepared files to a destination in a worker (ledger-checked, queued, resumable);
   * resolves when they are delivered, or when the upload is paused, cancelled or fails.
   */
  'upload:start': {
    request: z.object({
      destination: z.string().min(1),
      files: z.array(z.object({ path: z.string().min(1), remoteName: z.string().min(1) })).min(1).max(1000),
      force: z.boolean().optional(),
      /** Chosen by the caller so it can pause or cancel before this call resolves. */
      uploadId: z.string().min(1).max(100).optional(),
    }),
    response: UploadOutcomeSchema,
  },
  /** Stops a running upload; what reached the server stays, and `upload:resume` continues it. */
  'upload:pause': { request: byUpload, response: z.object({ paused: z.boolean() }) },
  /** Continues a paused (or interrupted) upload from what the server has. */
  'upload:resume': { request: byUpload, response: UploadOutcomeSchema },
  /** Stops an upload for good and removes its temporary remote files. */
  'upload:cancel': { request: byUpload, response: z.object({ cancelled: z.boolean() }) },
} as const;

/** The connection-test and upload events (spread into `events`). */
export const transferEvents = {
  'destinations:test-step': z.object({ name: z.string(), step: ConnectionStepSchema }),
  'upload:progress': UploadProgressSchema,
} as const;
