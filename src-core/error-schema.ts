import { z } from 'zod';

/** What an error is about (see ErrorParams in errors.ts): names and numbers, never a secret. */
export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** A PlainError as it crosses IPC or is kept in the run history. */
export const PlainErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: ErrorParamsSchema.optional(),
});
