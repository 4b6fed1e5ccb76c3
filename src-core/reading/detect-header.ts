/**
 * Where the table starts: the header row is not always the first line (title lines, blank lines
 * or an "Export date: …" line can sit above it), and its names are not always usable as they are.
 */

/** One record as read from the source, with the line (or sheet row) where it starts. */
export type RawRecord = Readonly<{ line: number; cells: readonly string[] }>;

/** The number of cells up to the last non-blank one. */
export function effectiveWidth(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== '') return i + 1;
  return 0;
}

/** Whether a record holds nothing but blanks. */
export const isBlankRecord = (cells: readonly string[]): boolean => effectiveWidth(cells) === 0;

/**
 * Finds the header among the first records: the first non-blank record as wide as the table.
 *
 * The table's width is the most common width among the records; title lines ("Contacts export",
 * "Export date: 2026-11-20") are narrower and are skipped. Returns the index in `records`, or -1
 * when every record is blank.
 */
export function detectHeaderRecord(records: readonly RawRecord[]): number {
  const widths = records.map(r => effectiveWidth(r.cells));
  const freq = new Map<number, number>();
  for (const w of widths) if (w > 0) freq.set(w, (freq.get(w) ?? 0) + 1);
  if (freq.size === 0) return -1;
  let tableWidth = 0;
  let top = 0;
  for (const [w, f] of freq) {
    if (f > top || (f === top && w > tableWidth)) {
      tableWidth = w;
      top = f;
    }
  }
  // A header may leave its last columns unnamed, so accept a little narrower than the table.
  const needed = tableWidth <= 2 ? tableWidth : Math.max(2, Math.ceil(tableWidth * 0.6));
  const index = widths.findIndex(w => w >= needed);
  return index >= 0 ? index : widths.findIndex(w => w > 0);
}

/**
 * Turns header cells into unique, readable column names.
 *
 * A blank name becomes `Column 7` (its 1-based position); a repeated name gets a counter,
 * `Email (2)`, chosen so it collides with no other name. Names are trimmed, nothing else.
 */
export function uniqueColumnNames(header: readonly string[], width: number = header.length): string[] {
  const base = Array.from({ length: Math.max(width, header.length) }, (_, i) => {
    const name = (header[i] ?? '').replace(/^\uFEFF/, '').trim();
    return name === '' ? `Column ${i + 1}` : name;
  });
  const taken = new Set<string>();
  const seen = new Map<string, number>();
  // Names as written keep priority over generated ones: reserve every first occurrence first.
  const firsts = new Set<number>();
  for (let i = 0; i < base.length; i++) {
    const key = base[i]!.toLowerCase();
    if (!seen.has(key)) {
      seen.set(key, 1);
      taken.add(key);
      firsts.add(i);
    }
  }
  return base.map((name, i) => {
    if (firsts.has(i)) return name;
    const key = name.toLowerCase();
    let n = seen.get(key)!;
    let candidate: string;
    do {
      n++;
      candidate = `${name} (${n})`;
    } while (taken.has(candidate.toLowerCase()));
    seen.set(key, n);
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * The width of the table: the header's cells and the widest preview row, minus trailing columns
 * that are blank everywhere (unnamed and empty in every previewed row).
 */
export function tableWidth(header: readonly string[], rows: readonly (readonly string[])[]): number {
  let width = effectiveWidth(header);
  for (const row of rows) width = Math.max(width, effectiveWidth(row));
  return width;
}

/**
 * A row's cells fitted to the table: padded with empty strings to `width`; cells beyond it are
 * dropped only when blank (a value is never thrown away).
 */
export function fitToWidth(cells: readonly string[], width: number): string[] {
  const out = cells.slice(0, Math.max(width, effectiveWidth(cells)));
  while (out.length < width) out.push('');
  return out;
}
