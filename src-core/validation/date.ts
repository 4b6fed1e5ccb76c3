/**
 * Dates against a destination's format, written with the tokens people know from spreadsheets:
 * `YYYY`, `YY`, `MM`, `M`, `DD`, `D`, `HH`, `mm`, `ss` (anything else is literal text).
 */

/** A calendar date with an optional time of day. */
export type DateParts = Readonly<{ year: number; month: number; day: number; hour: number; minute: number; second: number }>;

const TOKEN = /YYYY|YY|MM|M|DD|D|HH|mm|ss/g;

type Compiled = Readonly<{ regex: RegExp; fields: readonly string[] }>;
const compiled = new Map<string, Compiled>();

function compile(format: string): Compiled {
  const hit = compiled.get(format);
  if (hit) return hit;
  const fields: string[] = [];
  let source = '';
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    source += escape(format.slice(last, m.index));
    fields.push(m[0]);
    source += m[0] === 'YYYY' ? '(\\d{4})' : m[0].length === 1 ? '(\\d{1,2})' : '(\\d{2})';
    last = m.index + m[0].length;
  }
  source += escape(format.slice(last));
  const result = { regex: new RegExp(`^${source}$`), fields };
  compiled.set(format, result);
  return result;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads a value written in `format`; null when it does not match or is not a real date. */
export function parseDate(value: string, format: string): DateParts | null {
  const { regex, fields } = compile(format);
  const m = regex.exec(value.trim());
  if (!m) return null;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  fields.forEach((f, i) => {
    const n = Number(m[i + 1]);
    if (f === 'YYYY') year = n;
    else if (f === 'YY') year = n < 70 ? 2000 + n : 1900 + n;
    else if (f === 'MM' || f === 'M') month = n;
    else if (f === 'DD' || f === 'D') day = n;
    else if (f === 'HH') hour = n;
    else if (f === 'mm') minute = n;
    else second = n;
  });
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Writes date parts in `format`. */
export function formatDate(parts: DateParts, format: string): string {
  return format.replace(TOKEN, token => {
    switch (token) {
      case 'YYYY':
        return pad(parts.year, 4);
      case 'YY':
        return pad(parts.year % 100, 2);
      case 'MM':
        return pad(parts.month, 2);
      case 'M':
        return String(parts.month);
      case 'DD':
        return pad(parts.day, 2);
      case 'D':
        return String(parts.day);
      case 'HH':
        return pad(parts.hour, 2);
      case 'mm':
        return pad(parts.minute, 2);
      default:
        return pad(parts.second, 2);
    }
  });
}

/** The local date and time of a Date as parts (file names use the user's wall clock). */
export function partsOf(date: Date): DateParts {
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
  };
}

/** Formats commonly found in exports, tried when reading a date whose format is not given. */
export const commonDateFormats: readonly string[] = [
  'YYYY-MM-DD',
  'YYYY-MM-DDTHH:mm:ss',
  'YYYY-MM-DD HH:mm:ss',
  'DD/MM/YYYY',
  'DD-MM-YYYY',
  'DD.MM.YYYY',
  'D/M/YYYY',
  'YYYY/MM/DD',
];
