/**
 * An error a person can read: a stable code for programs and a sentence for people.
 *
 * Every failure that reaches the user, the CLI's `--json` output or the run history has this
 * shape. Messages say what happened and what to do, and never contain a secret.
 */
export type PlainError = Readonly<{ code: string; message: string }>;

/** An Error that carries a stable code and a message meant for the user. */
export class CourierError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CourierError';
    this.code = code;
  }
}

/** Turns anything thrown into a PlainError; unknown failures get a generic code. */
export function toPlainError(error: unknown): PlainError {
  if (error instanceof CourierError) return { code: error.code, message: error.message };
  if (error && typeof error === 'object' && 'code' in error && 'message' in error && typeof (error as { code: unknown }).code === 'string' && String((error as { code: string }).code).includes('.')) {
    return { code: (error as { code: string }).code, message: String((error as { message: unknown }).message) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal.unexpected', message: `Something unexpected went wrong: ${message}` };
}
