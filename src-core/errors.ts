import type { ErrorCode } from './error-codes';

export { errorCodes, isErrorCode, type ErrorCode } from './error-codes';

/**
 * What an error is about, for a translation to name it: the file, server, folder, destination…
 *
 * Values are names and numbers the user already knows; never a password, key or passphrase.
 */
export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * An error a person can read: a stable code for programs and a sentence for people.
 *
 * Every failure that reaches the user, the CLI's `--json` output or the run history has this
 * shape. Messages say what happened and what to do, and never contain a secret. `params` lets the
 * app say the same thing in the user's language (`error.<code>` in the renderer's catalogue).
 */
export type PlainError = Readonly<{ code: string; message: string; params?: ErrorParams }>;

/** An Error that carries a stable code, a message meant for the user and what it is about. */
export class CourierError extends Error {
  /** One of core's `errorCodes` (src-core/error-codes.ts): a misspelt code fails the typecheck. */
  readonly code: ErrorCode;
  readonly params: ErrorParams | undefined;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; params?: ErrorParams }) {
    super(message, options && 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'CourierError';
    this.code = code;
    this.params = options?.params && Object.keys(options.params).length > 0 ? options.params : undefined;
  }
}

/** Keeps only string and finite number values (what a translation can interpolate). */
export function cleanParams(value: unknown): ErrorParams | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, string | number> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out[key] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const withParams = (code: string, message: string, params: ErrorParams | undefined): PlainError =>
  params ? { code, message, params } : { code, message };

/** Turns anything thrown into a PlainError; unknown failures get a generic code. */
export function toPlainError(error: unknown): PlainError {
  if (error instanceof CourierError) return withParams(error.code, error.message, cleanParams(error.params));
  if (
    error &&
    typeof error === 'object' &&
    'code' in error &&
    'message' in error &&
    typeof (error as { code: unknown }).code === 'string' &&
    String((error as { code: string }).code).includes('.')
  ) {
    const e = error as { code: string; message: unknown; params?: unknown };
    return withParams(e.code, String(e.message), cleanParams(e.params));
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal.unexpected', message: `Something unexpected went wrong: ${message}` };
}
