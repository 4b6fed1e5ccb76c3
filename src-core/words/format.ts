/** Number, size, date and duration formatting for one locale (Intl only, no strings of our own). */
export type Formatters = Readonly<{
  number: (value: number) => string;
  percent: (fraction: number) => string;
  bytes: (value: number) => string;
  date: (value: string | number | Date) => string;
  dateTime: (value: string | number | Date) => string;
  duration: (seconds: number) => string;
  list: (items: readonly string[]) => string;
}>;

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** Builds the formatters for a BCP 47 locale such as `fr-BE`. */
export function createFormatters(locale: string): Formatters {
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const toDate = (value: string | number | Date) =>
    value instanceof Date ? value : new Date(value);
  return {
    number: value => number.format(value),
    percent: fraction => percent.format(fraction),
    bytes: value => {
      let unit = 0;
      let scaled = value;
      while (scaled >= 1000 && unit < units.length - 1) {
        scaled /= 1000;
        unit += 1;
      }
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: units[unit],
        unitDisplay: unit === 0 ? 'long' : 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }).format(scaled);
    },
    date: value => date.format(toDate(value)),
    dateTime: value => dateTime.format(toDate(value)),
    duration: seconds => {
      const s = Math.max(0, Math.round(seconds));
      const fmt = (n: number, unit: 'hour' | 'minute' | 'second') =>
        new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
      if (s < 60) return fmt(s, 'second');
      if (s < 3600) return fmt(Math.round(s / 60), 'minute');
      return `${fmt(Math.floor(s / 3600), 'hour')} ${fmt(Math.round((s % 3600) / 60), 'minute')}`;
    },
    list: items => list.format(items),
  };
}
