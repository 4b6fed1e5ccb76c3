import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** The outcome of reading one phone number. */
export type PhoneCheck =
  | Readonly<{
      valid: true;
      /** E.164, e.g. `+32470123456`: what a phone column writes. */
      international: string;
      country: string | null;
      /** The extension written after the number (`ext 12` → `12`), or ''; E.164 cannot hold it. */
      extension: string;
    }>
  | Readonly<{ valid: false; /** A likely reading in a neighbouring country, if there is one. */ elsewhere: Readonly<{ country: string; international: string }> | null }>;

/**
 * The number with the 0 a spreadsheet dropped put back (`473893257` → `0473893257` in BE), or
 * null when `value` is not such a number.
 *
 * Only digits, not starting with 0, whose form with a 0 in front is a valid number of `country`
 * and reads as the same number (or as the only valid one): what a phone column stored as a
 * number looks like once Excel has removed its leading 0. A number with a country code or
 * spaces was typed as text and is left alone.
 */
export function lostLeadingZero(value: string, country: string): string | null {
  const text = value.trim();
  if (text.length < 6 || text.length > 14 || text.charCodeAt(0) === 48) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const restored = `0${text}`;
  const withZero = checkPhone(restored, country);
  if (!withZero.valid || withZero.country !== country) return null;
  const asIs = checkPhone(text, country);
  return !asIs.valid || asIs.international === withZero.international ? restored : null;
}

// Countries whose numbers turn up in Benelux/French exports without a country code.
const NEIGHBOURS: readonly CountryCode[] = ['BE', 'FR', 'NL', 'DE', 'LU', 'GB', 'CH', 'ES', 'IT'];

const cache = new Map<string, PhoneCheck>();
const CACHE_MAX = 50_000;

/**
 * Reads a phone number with libphonenumber-js (full metadata, so validity means a real number
 * range, not just a plausible length). Numbers without a country code are read in `country`.
 */
export function checkPhone(value: string, country: string): PhoneCheck {
  const key = `${country}|${value}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = check(value, country as CountryCode);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * What a phone number may be written with: digits, spaces, `+ ( ) . / -` (and typographic
 * dashes), then an optional extension (`ext 12`, `x12`, `poste 12`, `toestel 12`, `#12`). Anything
 * else (a `=`, an `@`, a word) means the cell is not a phone number, even if a number can be dug
 * out of it: otherwise `=+32… ext =HYPERLINK(…)` would pass.
 */
const PHONE_TEXT = /^\+?[\d\s().\-/\u2010-\u2015]+(?:(?:ext\.?|extension|poste|toestel|x|#)\s*\d{1,7})?$/i;

function check(value: string, country: CountryCode): PhoneCheck {
  // One leading apostrophe is a spreadsheet's "text" marker (a neutralised `'+32…`), not part of the number.
  const text = value.replace(/\(0\)/g, '').trim().replace(/^'/, '');
  if (!/\d/.test(text) || !PHONE_TEXT.test(text)) return { valid: false, elsewhere: null };
  const parsed = safeParse(text, country);
  if (parsed?.isValid()) return { valid: true, international: parsed.number, country: parsed.country ?? null, extension: parsed.ext ?? '' };
  if (!text.startsWith('+') && !text.startsWith('00')) {
    // The country's own calling code written without + or 00 (`336 90 78 56 90`, as Digitaleo's
    // own example shows): read only when the number is not valid as a national one.
    const code = callingCode(country);
    if (code !== null && text.startsWith(code)) {
      const withPlus = safeParse(`+${text}`, country);
      if (withPlus?.isValid() && withPlus.country === country) return { valid: true, international: withPlus.number, country, extension: withPlus.ext ?? '' };
    }
    for (const other of NEIGHBOURS) {
      if (other === country) continue;
      const p = safeParse(text, other);
      if (p?.isValid()) return { valid: false, elsewhere: { country: other, international: p.number } };
    }
  }
  return { valid: false, elsewhere: null };
}

function callingCode(country: CountryCode): string | null {
  try {
    return getCountryCallingCode(country);
  } catch {
    return null;
  }
}

function safeParse(text: string, country: CountryCode) {
  try {
    return parsePhoneNumberFromString(text, country);
  } catch {
    return undefined;
  }
}

