import { z } from 'zod';
import { OutputFormat, TargetColumn } from './destination';

/**
 * IPC schemas of the destination editor (listed in `ipc/contract.ts`): the output preview and
 * the checks of a destination being edited. Plain JSON only; the file's first bytes as base64.
 */

/** A problem of an edited destination, at the field it concerns (see `destination-problems.ts`). */
export const FieldProblemSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** A vendor's sample file read for the editor: columns (rules guessed), first rows, format. */
export const SampleSchema = z.object({
  columns: z.array(TargetColumn),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  format: OutputFormat.partial(),
  kind: z.enum(['csv', 'tsv', 'xlsx', 'xls']),
});

export const editorCalls = {
  /**
   * The output file of a destination being edited, exactly as the send would write it: its next
   * name(s), first lines and first bytes, from the sample file (`samplePath`) or a few made-up
   * rows. The destination may be unfinished: its problems come back, at their fields, instead.
   */
  'destinations:preview-output': {
    request: z.object({
      // Checked by the destination service (core schema), so that a problem is told at its field.
      destination: z.record(z.string(), z.unknown()),
      samplePath: z.string().min(1).optional(),
      sheet: z.string().optional(),
    }),
    response: z.object({
      problems: z.array(FieldProblemSchema),
      nextName: z.string(),
      splitNames: z.array(z.string()),
      lines: z.array(z.string()),
      head: z.string(),
      bytes: z.number(),
      rows: z.number(),
      sourceRows: z.number(),
      synthetic: z.boolean(),
    }),
  },
  /** A vendor's sample file (CSV, TSV, XLS, XLSX): its header as columns, its rows and its format. */
  'destinations:read-sample': {
    request: z.object({ path: z.string().min(1), sheet: z.string().optional() }),
    response: SampleSchema,
  },
} as const;
