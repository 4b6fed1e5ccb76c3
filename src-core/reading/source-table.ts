/**
 * What every reader produces, whatever the file: the detected format, the column names and the
 * data rows as text exactly as the user sees them.
 */

export type SourceFormat = 'csv' | 'tsv' | 'xlsx' | 'xls';

/** How Courier read a file; shown to the user in words and correctable by them. */
export type DetectedFormat = Readonly<{
  format: SourceFormat;
  /** `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1252`…; null for workbooks. */
  encoding: string | null;
  /** The field delimiter; null for workbooks. */
  delimiter: string | null;
  /** The sheet read; null for text files. */
  sheet: string | null;
  /** All sheet names of a workbook (empty for text files). */
  sheets: readonly string[];
  /** 1-based line (text) or row (workbook) number of the header in the source. */
  headerRow: number;
  /** What a person should know about how the file was read (absent when nothing). */
  notes?: readonly SourceNote[];
}>;

/** A note on how a file was read: `macros-ignored` — a macro-enabled workbook's macros were neither run nor kept. */
export type SourceNote = 'macros-ignored';

/** One data row. */
export type SourceRow = Readonly<{
  /** 0-based index among the data rows. */
  index: number;
  /** The line (text) or row (workbook) number where the row starts, as a text editor or Excel shows it. */
  line: number;
  /** One string per column (missing trailing cells are empty strings). */
  cells: readonly string[];
}>;
