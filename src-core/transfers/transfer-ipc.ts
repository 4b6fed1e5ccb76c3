import { z } from 'zod';
import { ErrorParamsSchema } from '../error-schema';

/** One step of a destination's connection test (see src-main/transfers/connection-test.ts). */
export const ConnectionStepSchema = z.object({
  id: z.enum([
    'protocol',
    'proxy',
    'lookup',
    'tcp',
    'handshake',
    'trust',
    'login',
    'folder',
    'write',
    'data-connection',
  ]),
  status: z.enum(['ok', 'warning', 'failed', 'skipped']),
  /** The English sentence (what the CLI prints). */
  message: z.string(),
  /** The same in the user's language: a catalogue key (`connection.*` or `error.<code>`) and its params. */
  says: z.object({ key: z.string(), params: ErrorParamsSchema.optional() }),
  code: z.string().optional(),
  /** A certificate or host key fingerprint for the user to confirm and pin. */
  fingerprint: z.string().optional(),
  advice: z.string().optional(),
});
export type ConnectionStepSchema = z.infer<typeof ConnectionStepSchema>;

/**
 * The connection-test channel (spread into `calls` in src-core/ipc/contract.ts). Uploads go
 * through the send pipeline (`send:*`, src-core/pipeline/send-ipc.ts), never as raw files.
 */
export const transferCalls = {
  /** Tests a configured destination step by step; steps also arrive as `destinations:test-step`. */
  'destinations:test': {
    request: z.object({ name: z.string().min(1) }),
    response: z.object({
      ok: z.boolean(),
      steps: z.array(ConnectionStepSchema),
      tlsMaxVersion: z.literal('TLSv1.2').optional(),
    }),
  },
} as const;

/** The connection-test events (spread into `events`). */
export const transferEvents = {
  'destinations:test-step': z.object({ name: z.string(), step: ConnectionStepSchema }),
} as const;
