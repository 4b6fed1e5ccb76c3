import { en, type MessageKey } from '../../src-core/words/en';
import type { I18n, MessageParams } from './i18n/i18n';

const isKey = (key: string): key is MessageKey => key in en;

/** The message to show for anything a call threw. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error
    ? error.message
    : error &&
        typeof error === 'object' &&
        typeof (error as { message?: unknown }).message === 'string'
      ? (error as { message: string }).message
      : String(error);

/** Whether `params` holds every `{name}` the message (as written) interpolates. */
const fills = (template: string, params: MessageParams): boolean =>
  [...template.matchAll(/\{(\w+)\}/g)].every(m => params[m[1]!] !== undefined);

/** The params an error from main carries (names and numbers; see ErrorParams in src-core). */
function paramsOf(error: unknown): MessageParams {
  const params =
    error && typeof error === 'object' && 'params' in error
      ? (error as { params: unknown }).params
      : undefined;
  if (!params || typeof params !== 'object') return {};
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  }
  return out;
}

/**
 * What to show for an error from main or core, in the user's language.
 *
 * English shows the error's own message (written for this very case, the most specific). French
 * and Dutch show `error.<code>` filled with the error's params (and `extra`, for what only the
 * screen knows, such as the file's name). When the error does not carry what the translation
 * names, `error.<code>.general` says it without; only an error Courier has no translation for
 * falls back to the English message.
 */
export function errorText(
  error: unknown,
  i18n: Pick<I18n, 't' | 'language'>,
  extra: MessageParams = {}
): string {
  const code =
    error && typeof error === 'object' && 'code' in error
      ? (error as { code: unknown }).code
      : null;
  const message = errorMessage(error);
  if (i18n.language === 'en' || typeof code !== 'string') return message;
  const params = { ...extra, ...paramsOf(error) };
  // A day main names as 2026-11-22 is said the language's way (22 novembre 2026, 22 november 2026).
  if (typeof params.day === 'string' && /^\d{4}-\d\d-\d\d$/.test(params.day)) {
    const [y, m, d] = params.day.split('-').map(Number);
    const at = new Date(Date.UTC(y!, m! - 1, d!));
    // Only a real day (a refused “2026-13-45” is quoted as it was written).
    if (at.getUTCMonth() === m! - 1 && at.getUTCDate() === d) {
      params.day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
    }
  }
  for (const key of [`error.${code}`, `error.${code}.general`]) {
    if (!isKey(key)) continue;
    const written = i18n.t(key, params.count === undefined ? {} : { count: params.count });
    if (fills(written, params)) return i18n.t(key, params);
  }
  return message;
}
