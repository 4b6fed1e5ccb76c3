import { z } from 'zod';
import { PlainErrorSchema } from '../error-schema';
import { SendRequest } from './send-request';
import { RunFileSet, RunRecordings } from '../history/run';

/**
 * IPC schemas of the interactive send: the app's Send button runs the same pipeline as a
 * scheduled job and `courier send` (src-main/pipeline/run-pipeline.ts).
 */

const PlainError = PlainErrorSchema;

/** The Send button's request: what to send (as jobs and `courier send` say it), as reviewed. */
export const SendStartRequest = SendRequest.extend({
  /**
   * The time the file names shown on the Send screen were made from (the review's `namedAt`):
   * the files are sent under exactly those names (a name already used gets a suffix, never reused).
   */
  namedAt: z.iso.datetime().optional(),
});

/** The outcome of a send as the UI shows it (no row contents, no secret). */
export const SendOutcome = z.object({
  runId: z.string(),
  /**
   * `nothing-new`: this content was delivered to the destination before (not a failure).
   * `needs-trust`: the server is new and its identity waits for the person's confirmation
   * (`fingerprint`); not a run, nothing recorded in History.
   */
  outcome: z.enum([
    'sent',
    'sent-with-exclusions',
    'held',
    'failed',
    'nothing-new',
    'downloaded',
    'needs-trust',
  ]),
  rows: z.object({ read: z.number(), sent: z.number(), excluded: z.number() }),
  files: z.array(
    z.object({
      name: z.string(),
      bytes: z.number(),
      sha256: z.string(),
      remotePath: z.string().nullable(),
      verifiedBy: z.enum(['sha256', 'size']).nullable(),
    })
  ),
  error: PlainError.nullable(),
  /** Set when the server's identity is not yet trusted: the fingerprint to show and pin. */
  fingerprint: z.string().nullable(),
  /** The call recordings sent before the records, when the destination receives some. */
  recordings: RunRecordings.nullable().optional(),
  /** With related files: every file of every set, in upload order, and which arrived. */
  fileSets: z.array(RunFileSet).nullable().optional(),
});
export type SendOutcome = z.infer<typeof SendOutcome>;

export const sendCalls = {
  /** Runs the whole send and resolves when it ends; progress comes as `send:progress` events. */
  'send:start': { request: SendStartRequest, response: SendOutcome },
  'send:pause': { request: z.undefined(), response: z.object({ paused: z.boolean() }) },
  'send:resume': { request: z.undefined(), response: z.object({ paused: z.boolean() }) },
  'send:cancel': { request: z.undefined(), response: z.object({ cancelled: z.boolean() }) },
  /** The rows a past run left out, saved as a CSV (null when it left none out). */
  'history:rejected-rows': {
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ path: z.string().nullable() }),
  },
  /** Saves a copy of a past run's left-out rows where the user chooses; null when they cancel. */
  'history:save-rejected-rows': {
    request: z.object({
      id: z.string().min(1),
      dialogTitle: z.string().max(200).default('Save the rows left out'),
    }),
    response: z.object({ path: z.string().nullable() }),
  },
} as const;

export const sendEvents = {
  'send:progress': z.object({
    phase: z.enum([
      'reading',
      'connecting',
      'uploading',
      'verifying',
      'renaming',
      'retrying',
      'paused',
      'done',
    ]),
    /** 0…1 of the current phase. */
    fraction: z.number(),
    bytes: z.number(),
    totalBytes: z.number(),
    bytesPerSecond: z.number(),
    secondsLeft: z.number().nullable(),
    fileName: z.string().nullable(),
    /** Step 1 of 2 (preparing: reading, checking and writing the file) or 2 of 2 (uploading it). */
    stage: z.enum(['preparing', 'uploading']).optional(),
    /** Rows read so far while preparing; the rows in the file being uploaded. */
    rows: z.number().nullable().optional(),
    /** The connection step waited on, each with its time limit. */
    step: z.enum(['connect', 'secure', 'login', 'data', 'upload']).nullable().optional(),
    /** Which try this is, of how many Courier makes while nothing moves forward. */
    tries: z.object({ attempt: z.number(), of: z.number() }).nullable().optional(),
    /** Why the previous try failed (shown while trying again). */
    problem: PlainError.nullable().optional(),
    /** What is going up: the call recordings (first, `file` of `files`), or the records. */
    part: z.enum(['recordings', 'records']).optional(),
    file: z.number().optional(),
    files: z.number().optional(),
  }),
} as const;
