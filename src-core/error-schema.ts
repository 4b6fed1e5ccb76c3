import { z } from 'zod';
import type { PlainError } from './errors';

/** What an error is about (see ErrorParams in errors.ts): names and numbers, never a secret. */
export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** A PlainError as it crosses IPC or is kept in the run history. */
export const PlainErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: ErrorParamsSchema.optional(),
});

/**
 * The first schema problem that carries its own error code (a refinement's `params.code`, e.g.
 * `destination.host-invalid`), as a PlainError; null when none does.
 */
export function codedIssue(issues: ReadonlyArray<{ message: string; params?: unknown }>): PlainError | null {
  for (const issue of issues) {
    const code = (issue.params as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') return { code, message: issue.message };
  }
  return null;
}
