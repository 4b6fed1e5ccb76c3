import type { DateParts } from '../validation/date';

/**
 * Wall-clock times in named time zones (IANA, e.g. `Europe/Brussels`), with the daylight-saving
 * nights said as they are: a time the clocks skipped, or a time that happened twice.
 *
 * Built on `Intl.DateTimeFormat` (the zone data every Node and Chromium carries), so core needs
 * no library and no Node API.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is a time zone name this system knows (`Europe/Brussels`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '' || zone !== zone.trim()) return false;
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** The system's own time zone (the default for the source's zone). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The wall-clock date and time in `zone` at the instant `utcMs`. */
export function wallTimeIn(utcMs: number, zone: string): DateParts {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(zone).formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

const asUtc = (p: DateParts) => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);

/** Minutes `zone` is ahead of UTC at the instant `utcMs` (Brussels: 60 in winter, 120 in summer). */
export function offsetMinutes(utcMs: number, zone: string): number {
  return Math.round((asUtc(wallTimeIn(utcMs, zone)) - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The instant(s) a wall-clock time in `zone` stands for.
 *
 * `skipped`: the clocks jumped over it (spring night); `twice`: it happened twice (autumn night),
 * `utcMs` being the first of the two (still summer time).
 */
export type ZonedInstant =
  | Readonly<{ kind: 'one'; utcMs: number }>
  | Readonly<{ kind: 'twice'; utcMs: number; laterUtcMs: number }>
  | Readonly<{ kind: 'skipped' }>;

/** Reads a wall-clock time in `zone` as an instant. */
export function instantOf(wall: DateParts, zone: string): ZonedInstant {
  const guess = asUtc(wall);
  // Offsets a day before and after cover every change (they are never a day apart).
  const offsets = new Set([
    offsetMinutes(guess - 86_400_000, zone),
    offsetMinutes(guess, zone),
    offsetMinutes(guess + 86_400_000, zone),
  ]);
  const hits = [...offsets]
    .map(o => guess - o * 60_000)
    .filter(utc => asUtc(wallTimeIn(utc, zone)) === guess)
    .sort((a, b) => a - b);
  const unique = [...new Set(hits)];
  if (unique.length === 0) return { kind: 'skipped' };
  if (unique.length === 1) return { kind: 'one', utcMs: unique[0]! };
  return { kind: 'twice', utcMs: unique[0]!, laterUtcMs: unique[unique.length - 1]! };
}

/** `+01:00`, `-05:30`, `+00:00`: an offset as ISO 8601 writes it. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 date and time (`2026-03-29T02:30:00`, `2026-03-29 02:30`, with or without `Z` or
 * `+02:00`): its wall-clock parts and, when written, its offset in minutes.
 */
export function readIsoDateTime(value: string): { parts: DateParts; offset: number | null } | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const parts = {
    year: +m[1]!,
    month: +m[2]!,
    day: +m[3]!,
    hour: +m[4]!,
    minute: +m[5]!,
    second: m[6] ? +m[6] : 0,
  };
  const back = new Date(asUtc(parts));
  if (
    back.getUTCMonth() + 1 !== parts.month ||
    back.getUTCDate() !== parts.day ||
    parts.hour > 23 ||
    parts.minute > 59 ||
    parts.second > 59
  )
    return null;
  const z = m[7];
  if (!z) return { parts, offset: null };
  if (z.toUpperCase() === 'Z') return { parts, offset: 0 };
  const digits = z.slice(1).replace(':', '');
  const offset =
    (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * (z[0] === '-' ? -1 : 1);
  return { parts, offset };
}

/** The instant of wall-clock parts written with an explicit offset. */
export const instantWithOffset = (parts: DateParts, offset: number): number =>
  asUtc(parts) - offset * 60_000;
