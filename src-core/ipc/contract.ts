import { z } from 'zod';
import { ErrorParamsSchema, PlainErrorSchema } from '../error-schema';
import { preparationCalls } from '../preparation/preparation-ipc';
import { editorCalls } from '../destinations/editor-ipc';
import { jobCalls, jobEvents } from '../jobs/job-ipc';
import { sendCalls, sendEvents } from '../pipeline/send-ipc';
import { transferCalls, transferEvents } from '../transfers/transfer-ipc';
import { setupCheckCalls } from '../destinations/setup-check-ipc';
import { desktopCalls, desktopEvents } from '../desktop/desktop-ipc';
import { destinationEditorCalls } from '../destinations/destination-editor-ipc';
import { reportCalls } from '../reports/reports-ipc';

/**
 * The one typed contract between the renderer and the main process.
 *
 * Every renderer→main call is listed in `calls` with a zod schema for its request and its
 * response; every main→renderer event is listed in `events` with the schema of its payload.
 * Channel names are `domain:verb`. Main validates every request against these schemas before a
 * handler sees it (see `src-main/ipc/ipc-router.ts`); the preload builds the renderer's API from
 * this object, so no channel string ever reaches React.
 *
 * To add a channel: add it here, add its handler to `src-main/services/main-handlers.ts`. The
 * renderer method `api.<domain>.<verb>()` then exists with the right types.
 */

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  locale: z.string(),
  home: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The kinds of secret a destination keeps in the OS keychain. */
export const SecretKind = z.enum(['password', 'passphrase', 'private-key', 'proxy-password']);

/** How Courier read a file (see `src-core/reading/source-table.ts`). */
export const DetectedFormatSchema = z.object({
  format: z.enum(['csv', 'tsv', 'xlsx', 'xls']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  headerRow: z.number().int(),
  notes: z.array(z.enum(['macros-ignored'])).optional(),
});
/** One data row of an opened file. */
export const SourceRowSchema = z.object({
  index: z.number().int(),
  line: z.number().int(),
  cells: z.array(z.string()),
});
/** An opened file: what it is, its columns and its first rows; the rest is read in the background. */
export const OpenedFileSchema = z.object({
  sourceId: z.string(),
  path: z.string(),
  fileName: z.string(),
  format: DetectedFormatSchema,
  columns: z.array(z.string()),
  preview: z.array(SourceRowSchema),
  sizeBytes: z.number(),
});

export const calls = {
  'app:info': { request: z.undefined(), response: AppInfo },
  ...sendCalls,
  ...transferCalls,
  ...setupCheckCalls,
  ...reportCalls,
  ...preparationCalls,
  ...editorCalls,
  ...jobCalls,
  ...desktopCalls,
  ...destinationEditorCalls,
  /** Asks the user for a file to open (the system file chooser); null when they cancel. */
  'files:pick': { request: z.undefined(), response: z.object({ path: z.string().nullable() }) },
  /** Asks the user for a folder (a job's watched folder); null when they cancel. */
  'files:pick-folder': {
    request: z.undefined(),
    response: z.object({ path: z.string().nullable() }),
  },
  /** Shows a file Courier saved in the system's file manager; `shown` is false where there is none. */
  'files:reveal': {
    request: z.object({ path: z.string().min(1) }),
    response: z.object({ shown: z.boolean() }),
  },
  /** Opens a file (detects format, columns, first rows) and starts reading it in full in the background. */
  'files:open': {
    request: z.object({
      path: z.string().min(1),
      sheet: z.string().optional(),
      headerRow: z.number().int().min(1).optional(),
    }),
    response: OpenedFileSchema,
  },
  /** A window of data rows of an opened file (0-based, end exclusive, at most 5000 rows). */
  'files:rows': {
    request: z.object({
      sourceId: z.string(),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
    }),
    response: z.object({ rows: z.array(SourceRowSchema) }),
  },
  /** Forgets an opened file and stops its background read. */
  'files:close': { request: z.object({ sourceId: z.string() }), response: z.object({}) },
  /** Saves or replaces a destination's secret in the OS keychain (an empty value deletes it). */
  'secrets:set': {
    request: z.object({
      destination: z.string().min(1),
      kind: SecretKind,
      value: z.string().max(65_536),
    }),
    response: z.object({}),
  },
  /** Which secrets a destination has; the renderer never receives a secret itself. */
  'secrets:has': {
    request: z.object({ destination: z.string().min(1) }),
    response: z.object({ password: z.boolean(), passphrase: z.boolean(), privateKey: z.boolean() }),
  },
  /** Generates an ed25519 identity into the keychain; returns only the public key line. */
  'keys:generate': {
    request: z.object({
      name: z.string().min(1),
      passphrase: z.string().max(1024).optional(),
      replace: z.boolean().optional(),
    }),
    response: z.object({ publicKey: z.string() }),
  },
  /** The OpenSSH one-line public key of an identity in the keychain. */
  'keys:public': {
    request: z.object({ name: z.string().min(1) }),
    response: z.object({ publicKey: z.string() }),
  },
  /** Imports a private key (file path or pasted text) into the keychain after checking the passphrase. */
  'keys:import': {
    request: z.object({
      name: z.string().min(1),
      path: z.string().optional(),
      text: z.string().max(65_536).optional(),
      passphrase: z.string().max(1024).optional(),
    }),
    response: z.object({ publicKey: z.string() }),
  },
  /** Whether the OS keychain can be used now, with the reason in plain words when not. */
  'keychain:status': {
    request: z.undefined(),
    response: z.object({
      usable: z.boolean(),
      backend: z.string(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  },
} as const;

export const events = {
  /** Something the person should know that no screen asked for (a settings file kept aside). */
  'app:notice': z.object({
    message: z.string(),
    code: z.string().optional(),
    params: ErrorParamsSchema.optional(),
  }),
  /** A second launch (or a file dropped on the app icon) asks the window to open this file. */
  'app:open-file': z.object({ path: z.string() }),
  ...jobEvents,
  ...desktopEvents,
  ...sendEvents,
  ...transferEvents,
  /** The background read of an opened file (about ten times a second, and once when done). */
  'files:progress': z.object({
    sourceId: z.string(),
    bytesRead: z.number(),
    totalBytes: z.number(),
    rowsRead: z.number(),
    done: z.boolean(),
    rowCount: z.number().optional(),
  }),
  /** The background read of an opened file failed (rows read so far stay available). */
  'files:failed': z.object({ sourceId: z.string(), error: PlainErrorSchema }),
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallChannel = keyof Calls;
export type EventChannel = keyof Events;
export type CallRequest<C extends CallChannel> = z.input<Calls[C]['request']>;
/** A request as a handler receives it: validated, defaults applied. */
export type CallParsedRequest<C extends CallChannel> = z.output<Calls[C]['request']>;
export type CallResponse<C extends CallChannel> = z.output<Calls[C]['response']>;
export type EventPayload<E extends EventChannel> = z.output<Events[E]>;
