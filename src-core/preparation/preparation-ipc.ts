import { SendRequest } from '../pipeline/send-request';
import { z } from 'zod';
import { Destination, PresetId } from '../destinations/destination';
import { Fix } from '../fixes/fix-schema';
import { PlainErrorSchema } from '../error-schema';
import { addressGroups } from '../mapping/address-groups';

/**
 * IPC schemas of the destinations, mapping and review channels (listed in `ipc/contract.ts`).
 * Everything here is plain JSON: no bytes cross IPC, only names, counts and text previews.
 */

const Mapping = z.record(z.string(), z.string().nullable());

export const PresetSummary = z.object({
  id: PresetId,
  label: z.string(),
  description: z.string(),
  destination: Destination,
});

export const IssueSchema = z.object({
  row: z.number().int().nullable(),
  sourceLine: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  /** Which form of the code's sentence applies (`issueVariants`); null for a code with one form. */
  variant: z.string().nullable(),
  /** The sentence's raw values (`IssueParamsByCode`): the review says it in the user's language (`issueText`). */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()).readonly()])),
  severity: z.enum(['error', 'warning']),
});

export const HeaderChangesSchema = z.object({
  added: z.array(z.string()),
  gone: z.array(z.string()),
  renamed: z.array(z.object({ from: z.string(), to: z.string() })),
});

export const SuggestionSchema = z.object({
  target: z.string(),
  source: z.string().nullable(),
  confidence: z.number(),
  reason: z.enum(['same-name', 'synonym', 'similar-name', 'content', 'remembered', 'none']),
  question: z.boolean(),
  /** Address columns: which of the file's addresses, and the others it has (see address-groups.ts). */
  addressGroup: z.enum(addressGroups).optional(),
  otherAddressGroups: z.array(z.enum(addressGroups)).optional(),
});

/**
 * What the review needs to run a preparation: core's `SendRequest` (the same shape as the Send
 * button, jobs and `courier send`), with no fixes and every row kept unless said otherwise.
 * Recordings are checked at sending, once their folder is chosen.
 */
export const ReviewRequest = SendRequest.omit({ recordingsFolder: true }).extend({
  fixes: z.array(Fix).max(100_000).default([]),
  excludeInvalid: z.boolean().default(false),
});

export const preparationCalls = {
  /** The built-in presets (starting points for a new destination). */
  'presets:list': {
    request: z.undefined(),
    response: z.object({ presets: z.array(PresetSummary) }),
  },
  /** Every configured destination; files that cannot be read are listed as problems. */
  'destinations:list': {
    request: z.undefined(),
    response: z.object({
      destinations: z.array(Destination),
      problems: z.array(PlainErrorSchema.extend({ file: z.string() })),
    }),
  },
  /** One configured destination (or a fresh copy of a preset, by preset id); null when none. */
  'destinations:get': {
    request: z.object({ name: z.string().min(1) }),
    response: z.object({ destination: Destination.nullable() }),
  },
  /**
   * Saves a destination; `previousName` renames it (its secrets and mappings follow). Its saved
   * secrets stay with the server they were entered for: a new protocol, host, port or user needs
   * them entered again, or `keepSecret` and the person's confirmation in main's dialog.
   */
  'destinations:save': {
    request: z.object({
      destination: Destination,
      previousName: z.string().optional(),
      overwrite: z.boolean().optional(),
      keepSecret: z.boolean().optional(),
    }),
    response: z.object({ destination: Destination }),
  },
  /** Removes a destination (its secrets and remembered mappings too). */
  'destinations:remove': {
    request: z.object({ name: z.string().min(1) }),
    response: z.object({ removed: z.boolean() }),
  },
  /**
   * Writes a configured destination to a destination file (`courier-destination`, version 1; never a
   * secret) where the person chooses in main's save dialog; `path` is null when they cancel.
   */
  'destinations:export': {
    request: z.object({
      name: z.string().min(1),
      dialogTitle: z.string().max(200).default('Export the destination'),
    }),
    response: z.object({ path: z.string().nullable() }),
  },
  /** Adds the destination of a destination file the person picked, optionally under another name. */
  'destinations:import': {
    request: z.object({ path: z.string().min(1), name: z.string().min(1).optional() }),
    response: z.object({ destination: Destination }),
  },
  /** Mapping proposals for a file's columns, and the remembered mapping for this header set. */
  'mapping:suggest': {
    request: z.object({
      destinationName: z.string().min(1),
      columns: z.array(z.string()),
      sampleRows: z.array(z.array(z.string())).max(200).default([]),
    }),
    response: z.object({
      suggestions: z.array(SuggestionSchema),
      remembered: z
        .object({ mapping: Mapping, exact: z.boolean(), changes: HeaderChangesSchema })
        .nullable(),
    }),
  },
  /** Remembers a confirmed mapping for this destination and header set. */
  'mapping:remember': {
    request: z.object({
      destinationName: z.string().min(1),
      columns: z.array(z.string()),
      mapping: Mapping,
    }),
    response: z.object({}),
  },
  /** Maps, fixes and validates the whole file; returns the problems and the planned files. */
  'review:check': {
    request: ReviewRequest.extend({
      maxIssues: z.number().int().min(0).max(100_000).default(1000),
    }),
    response: z.object({
      destination: z.string(),
      mapping: Mapping,
      mappingOrigin: z.enum(['given', 'remembered', 'suggested']),
      headerChanges: HeaderChangesSchema.nullable(),
      rowCount: z.number(),
      validRowCount: z.number(),
      writtenRowCount: z.number(),
      /** Later duplicates left out (counted in `rejectedCount` too). */
      duplicateRowCount: z.number(),
      rejectedCount: z.number(),
      /** The rows in the person's words, each row in one group (`rowCounts`). */
      counts: z.object({
        rows: z.number(),
        ready: z.number(),
        withProblem: z.number(),
        leftOut: z.number(),
        leftOutByYou: z.number(),
        duplicatesLeftOut: z.number(),
      }),
      blocked: z.boolean(),
      summary: z.record(z.string(), z.number()),
      issueCount: z.number(),
      issues: z.array(IssueSchema),
      /** The time the file names were made from (ISO 8601): send it with the request to keep them. */
      namedAt: z.string(),
      files: z.array(
        z.object({
          name: z.string(),
          rows: z.number(),
          bytes: z.number(),
          encoding: z.string(),
          /** The first lines of the file as text (at most 10 lines, a zip shows its CSV). */
          firstLines: z.array(z.string()),
        })
      ),
    }),
  },
  /**
   * Writes the rows that will not be sent, with the reason, as a CSV for Excel, where the user
   * chooses in the save dialog (titled `dialogTitle`, in their language); `path` is null when they cancel.
   */
  'review:save-rejected': {
    request: ReviewRequest.extend({
      dialogTitle: z.string().max(200).default('Save the rows left out'),
    }),
    response: z.object({ path: z.string().nullable(), rows: z.number() }),
  },
} as const;
