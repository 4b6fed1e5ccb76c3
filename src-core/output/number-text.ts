/**
 * Numbers as a destination writes them: one decimal separator (`.` or `,`) for the whole file,
 * whatever each source value used.
 */

/** The two decimal separators platforms ask for. */
export type DecimalSeparator = '.' | ',';

const PLAIN = /^([-+]?)(\d+)(?:[.,](\d+))?$/;
// Thousands grouped by the other mark (1.234,5 or 1,234.5), or by spaces (1 234,5).
const GROUPED = /^([-+]?)(\d{1,3}(?:([.,\u00a0\u202f ])\d{3})(?:\3\d{3})*)(?:([.,])(\d+))?$/;

/**
 * A number written in either convention, rewritten with `decimal` as its separator; null when it
 * is a number in neither (`12a`, `1.2.3,4`, `1,2,3`).
 *
 * One mark alone is read as the decimal separator (`3,5` and `3.5` are both three and a half);
 * a mark that groups thousands is recognised when the other one follows it (`1.234,5`), when it
 * repeats (`1.234.567`) or when it is a space. Grouping is dropped: platforms read plain digits.
 */
export function numberWith(value: string, decimal: DecimalSeparator): string | null {
  const plain = PLAIN.exec(value);
  if (plain) return `${plain[1]}${plain[2]}${plain[3] !== undefined ? decimal + plain[3] : ''}`;
  const grouped = GROUPED.exec(value);
  if (!grouped) return null;
  const group = grouped[3]!;
  const mark = grouped[4];
  // A single group mark with nothing after it is the plain case above; here it repeats or is followed.
  if (mark !== undefined && mark === group) return null;
  const repeats = grouped[2]!.split(group).length > 2;
  if (mark === undefined && !repeats && (group === '.' || group === ',')) return null;
  const digits = grouped[2]!.split(group).join('');
  return `${grouped[1]}${digits}${mark !== undefined ? decimal + grouped[5] : ''}`;
}
