import { en, type MessageKey } from './i18n/en';
import type { I18n } from './i18n/i18n';
import { errorMessage } from './courier-api';

/**
 * What to show for an error from main: its own message in English (the most specific), or the
 * translation of its stable code in French and Dutch when Courier has one.
 */
export function errorText(
  error: unknown,
  i18n: Pick<I18n, 't' | 'language'>,
  params: Readonly<Record<string, string>> = {}
): string {
  const code =
    error && typeof error === 'object' && 'code' in error
      ? (error as { code: unknown }).code
      : null;
  const message = errorMessage(error);
  if (i18n.language === 'en' || typeof code !== 'string') return message;
  const key = `error.${code}`;
  return key in en ? i18n.t(key as MessageKey, params) : message;
}
