/**
 * Workbook cells as text, the way the user sees them in the sheet: dates as ISO 8601, numbers
 * with their number format (leading zeros, decimals, thousands separators, percentages), long
 * ids in full (never `1.23457E+12`).
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A date as `2026-11-20`, or `2026-11-20T14:05:00` when it has a time (read in UTC). */
export function dateToIso(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${pad(rounded.getUTCFullYear(), 4)}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
  const h = rounded.getUTCHours();
  const m = rounded.getUTCMinutes();
  const s = rounded.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** A time of day alone (a serial below 1 with a time format) as `14:05:00`. */
function timeOfDay(fraction: number): string {
  const seconds = Math.round(fraction * 86400) % 86400;
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/**
 * An Excel date serial as ISO 8601. Serial 1 is 1900-01-01; Excel's phantom 1900-02-29 (serial
 * 60) is kept out of the arithmetic. `date1904` for workbooks made with the 1904 date system.
 */
export function serialToIso(serial: number, date1904 = false, timeOnly = false): string {
  if (!Number.isFinite(serial)) return '';
  if (timeOnly && serial >= 0 && serial < 1) return timeOfDay(serial);
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  const ms = Math.round(days * 86400) * 1000 + Date.UTC(1899, 11, 30);
  return dateToIso(new Date(ms));
}

/** Removes quoted literals, escapes and bracketed parts, to look at a format's codes only. */
function codesOf(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
}

/** Whether a number format shows a date or time (y, m, d, h, s codes outside literals). */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format) return false;
  const first = format.split(';')[0]!;
  if (/\[(h+|m+|s+)\]/i.test(first)) return true;
  const codes = codesOf(first);
  if (/general/i.test(codes)) return false;
  return /[ymdhs]/i.test(codes.replace(/E[+-]/gi, ''));
}

/** A number in Excel's General format: up to 15 significant digits, whole numbers in full. */
export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // String() writes every digit of a whole number below 1e21, and plain decimals down to 1e-6
  // (toLocaleString would too, at a hundred times the cost: this runs for every cell).
  if (Number.isInteger(value)) return String(value).toUpperCase();
  return String(Number(value.toPrecision(15))).toUpperCase();
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A number with its Excel number format, as the sheet shows it.
 *
 * Handles what contact exports use: `0`, `00000` (leading zeros), `0.00`, `#,##0.00`, `0%`,
 * `0.00E+00`, literal prefixes and suffixes (`"€ "#,##0.00`), the negative section. Anything else
 * (fractions, conditions) falls back to General, which never loses a digit.
 */
export function formatNumber(value: number, format: string | undefined | null, date1904 = false): string {
  if (!format || /^general$/i.test(format.trim()) || format.trim() === '@') return generalNumber(value);
  if (isDateFormat(format)) {
    const codes = codesOf(format.split(';')[0]!);
    const timeOnly = !/[yd]/i.test(codes) && !/m{3,}/i.test(codes) && /[hs]/i.test(codes);
    return serialToIso(value, date1904, timeOnly);
  }
  const sections = format.split(';');
  let section = sections[0]!;
  let v = value;
  if (value < 0 && sections.length > 1 && sections[1]!.trim() !== '') {
    section = sections[1]!;
    v = -value;
  } else if (value === 0 && sections.length > 2 && sections[2]!.trim() !== '') {
    section = sections[2]!;
  }
  if (/\?\/|#\s+\?/.test(section) || /\[[<>=]/.test(section)) return generalNumber(value);
  const match = /[#0?][#0?,. ]*(?:[eE][+-][0#]+)?%?/.exec(section.replace(/"[^"]*"/g, m => '\u0000'.repeat(m.length)));
  if (!match) return generalNumber(value);
  const literal = (text: string) => text.replace(/\[[^\]]*\]/g, '').replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').replace(/_.|\*./g, '');
  const prefix = literal(section.slice(0, match.index));
  const suffixRaw = section.slice(match.index + match[0].length);
  let pattern = match[0].trim();
  let percent = false;
  if (pattern.endsWith('%')) {
    percent = true;
    pattern = pattern.slice(0, -1);
  }
  if (/%/.test(suffixRaw)) percent = true;
  if (percent) v *= 100;
  let body: string;
  const exp = /[eE][+-]/.exec(pattern);
  if (exp) {
    const mantissa = pattern.slice(0, exp.index);
    const decimals = (mantissa.split('.')[1] ?? '').length;
    const [m, e] = Math.abs(v).toExponential(decimals).split('e') as [string, string];
    const expDigits = pattern.slice(exp.index + 2).length;
    body = `${m}E${e.startsWith('-') ? '-' : '+'}${e.replace(/^[+-]/, '').padStart(expDigits, '0')}`;
  } else {
    // Trailing commas scale by thousands (`#,##0,` shows thousands).
    let scaled = pattern;
    while (scaled.endsWith(',')) {
      v /= 1000;
      scaled = scaled.slice(0, -1);
    }
    const [intPart, fracPart = ''] = scaled.split('.') as [string, string?];
    const minDecimals = (fracPart.match(/0/g) ?? []).length;
    const maxDecimals = (fracPart.match(/[0#?]/g) ?? []).length;
    const minInt = (intPart.match(/0/g) ?? []).length;
    let fixed = Math.abs(v).toFixed(maxDecimals);
    if (maxDecimals > minDecimals) fixed = fixed.replace(new RegExp(`0{1,${maxDecimals - minDecimals}}$`), '').replace(/\.$/, '');
    const [wholeDigits, frac] = fixed.split('.') as [string, string?];
    let whole = wholeDigits;
    if (whole === '0' && minInt === 0) whole = '';
    whole = whole.padStart(minInt, '0');
    if (intPart.includes(',')) whole = group(whole);
    body = frac !== undefined && frac !== '' ? `${whole}.${frac}` : whole;
    if (body === '') body = '0';
  }
  const negative = value < 0 && section === sections[0];
  const sign = negative && Number(body.replace(/[^0-9.]/g, '')) !== 0 ? '-' : '';
  return `${sign}${prefix}${body}${percent ? '%' : ''}${literal(suffixRaw).replace(/%/g, '')}`.trim();
}
