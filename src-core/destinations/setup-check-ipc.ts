import { z } from 'zod';
import { PlainErrorSchema } from '../error-schema';
import { ConnectionStepSchema } from '../transfers/transfer-ipc';

/** Whether a destination's secret can be read now, and from where (never the secret). */
export const SecretCheckSchema = z.object({
  /** The source in the CLI's spelling (`keychain`, `env:VAR`, `systemd:NAME`…). */
  source: z.string(),
  kind: z.enum([
    'keychain',
    'systemd-credential',
    'command',
    'environment',
    'ssh-agent',
    'key-file',
  ]),
  readable: z.boolean(),
  error: PlainErrorSchema.optional(),
});

/** The proxy a destination's connections go through now (`via` null: directly). */
export const ProxyCheckSchema = z.object({
  setting: z.enum(['none', 'environment', 'system', 'http', 'socks5']),
  /** `http://host:port` or `socks5://user@host:port` (never a password), or null for direct. */
  via: z.string().nullable(),
  error: PlainErrorSchema.optional(),
});

/** One destination's setup: its secret, its proxy, and with `connect` the connection test. */
export const DestinationSetupSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  secret: SecretCheckSchema,
  proxy: ProxyCheckSchema,
  /** Whether this destination needs the system keychain (its secret, a proxy password…). */
  needsKeychain: z.boolean(),
  connection: z.object({ ok: z.boolean(), steps: z.array(ConnectionStepSchema) }).optional(),
});
export type DestinationSetup = z.infer<typeof DestinationSetupSchema>;

/** What `courier doctor` and the app's "Check setup" report. */
export const SetupReportSchema = z.object({
  ok: z.boolean(),
  keychain: z.object({
    reachable: z.boolean(),
    backend: z.string(),
    error: PlainErrorSchema.optional(),
  }),
  destinations: z.array(DestinationSetupSchema),
  /** Destination files that cannot be read. */
  problems: z.array(PlainErrorSchema.extend({ file: z.string() })),
});
export type SetupReport = z.infer<typeof SetupReportSchema>;

/** The setup-check channel (spread into `calls` in src-core/ipc/contract.ts). */
export const setupCheckCalls = {
  /** Checks a destination's setup without connecting (the connection test is `destinations:test`). */
  'destinations:check-setup': {
    request: z.object({ name: z.string().min(1) }),
    response: SetupReportSchema,
  },
} as const;
