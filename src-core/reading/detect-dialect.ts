/**
 * How a text export is written: its delimiter, its line ending and whether Excel's `sep=` line
 * opens it. Judged on a decoded sample (the first few hundred kilobytes).
 */

/** The delimiters Courier recognises, in order of preference when the evidence is equal. */
export const delimiterCandidates = [',', ';', '\t', '|'] as const;

/** What the detection found. */
export type Dialect = Readonly<{
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  /** Excel's `sep=;` first line was present: it names the delimiter and is not data. */
  sepLine: boolean;
}>;

const SAMPLE_RECORDS = 200;

/**
 * Detects the dialect of a text sample.
 *
 * The delimiter is the candidate that splits the sample's records into the most consistent
 * number of fields (more than one); this is why a semicolon file with decimal commas is still
 * read as semicolon-separated (its commas vary from line to line, its semicolons do not).
 * `fallbackDelimiter` is used when nothing splits the lines (a single-column file).
 */
export function detectDialect(sample: string, fallbackDelimiter = ','): Dialect {
  const newline = detectNewline(sample);
  const sep = /^"?sep=(.)"?(\r\n|\n|\r|$)/i.exec(sample);
  if (sep) return { delimiter: sep[1]!, newline, sepLine: true };
  let best: { delimiter: string; score: number; width: number } | null = null;
  for (const delimiter of delimiterCandidates) {
    const counts = fieldCounts(sample, delimiter, SAMPLE_RECORDS);
    const { width, share } = modal(counts);
    if (width < 2) continue;
    // Records that agree with the modal width, weighted a little by how many fields it makes.
    const score = share + Math.min(width, 50) / 1000;
    if (!best || score > best.score) best = { delimiter, score, width };
  }
  return { delimiter: best?.delimiter ?? fallbackDelimiter, newline, sepLine: false };
}

/**
 * The line ending between records: the most frequent ending outside quoted fields, so line
 * breaks typed inside cells (often a bare LF in a CRLF file) do not count.
 */
export function detectNewline(sample: string): '\r\n' | '\n' | '\r' {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let quoted = false;
  const n = sample.length;
  for (let i = 0; i < n; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 13) {
      if (sample.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else if (i + 1 < n) cr++;
    } else if (c === 10) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

function modal(counts: readonly number[]): { width: number; share: number } {
  if (counts.length === 0) return { width: 0, share: 0 };
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let width = 0;
  let top = 0;
  for (const [w, f] of freq) {
    if (f > top || (f === top && w > width)) {
      width = w;
      top = f;
    }
  }
  return { width, share: top / counts.length };
}

/**
 * The number of fields of each non-blank record in the sample for one delimiter, honouring
 * quotes (a quote opens a quoted field only at the start of a field). A record the sample cut
 * short counts too: one odd record barely moves the result.
 */
export function fieldCounts(sample: string, delimiter: string, maxRecords: number): number[] {
  const counts: number[] = [];
  const d = delimiter.charCodeAt(0);
  const n = sample.length;
  let fields = 1;
  let fieldStart = true;
  let quoted = false;
  let blank = true;
  for (let i = 0; i < n && counts.length < maxRecords; i++) {
    const c = sample.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        if (sample.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === 34 && fieldStart) {
      quoted = true;
      blank = false;
      fieldStart = false;
    } else if (c === d) {
      fields++;
      fieldStart = true;
      blank = false;
    } else if (c === 10 || c === 13) {
      if (c === 13 && sample.charCodeAt(i + 1) === 10) i++;
      if (!blank) counts.push(fields);
      fields = 1;
      fieldStart = true;
      blank = true;
    } else {
      fieldStart = false;
      if (c !== 32) blank = false;
    }
  }
  if (!blank && counts.length < maxRecords) counts.push(fields);
  return counts;
}
