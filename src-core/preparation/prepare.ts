import { zipSync } from 'fflate';
import { CourierError } from '../errors';
import type { Destination, TargetColumn } from '../destinations/destination';
import type { SourceRow } from '../reading/source-table';
import type { ColumnMapping } from '../mapping/suggest';
import { applyColumnFix, isColumnFix, type ColumnFix, type Fix } from '../fixes/fix';
import { emailProblemOf } from '../validation/email';
import { isLanguageCode, lowerCode, normaliseLanguage, upperCode } from '../validation/language';
import { checkPhone, lostLeadingZero } from '../validation/phone';
import { commonDateFormats, formatDate, parseDate } from '../validation/date';
import { encodingLabel, issueCodes, shown, type IssueCode, type IssueParamsByCode, type IssueVariant, type RowIssue } from '../validation/issues';
import { ByteBuilder, bomOf, decodeText, firstUnencodable } from '../output/encode';
import { lineWriter, neutraliseFormula, rowEncoder, startsLikeFormula, writesUnquoted } from '../output/csv-line';
import { fileNames, withExtension } from '../output/file-name';
import { DuplicateFinder, SeenKeys } from './duplicate-finder';
import { numberWith } from '../output/number-text';
import { isWorkbookFormat, workbookDialect, workbookRows } from '../output/workbook-cells';
import { xmlFileBytes } from '../output/xml-writer';
import { itemsOf } from '../output/multi-value';
import { instantOf, instantWithOffset, offsetMinutes, offsetText, readIsoDateTime, systemTimeZone, wallTimeIn } from '../output/time-zone';
import { recordingsLookup, type RecordingsFolder } from './recordings-check';
import { controlCodes, hasControlCharacters, hasInvalidBytes, invalidBytesHex, readInvalidBytesAs1252 } from '../reading/odd-characters';

/** What a preparation needs: the destination, the source's columns, the mapping and the fixes. */
export type PreparationInput = Readonly<{
  destination: Destination;
  /** The source file's column names, in order (as the reader gives them). */
  sourceColumns: readonly string[];
  /** Target column → source column; targets missing here are unmapped. */
  mapping: ColumnMapping;
  fixes?: readonly Fix[];
  /** Leave rows with errors out and list them as rejected (same as an `exclude-invalid` fix). */
  excludeInvalid?: boolean;
  /** The clock for file names (local date and time). */
  now: Date;
  /** Names already sent to this destination: never reused. */
  alreadySentNames?: Iterable<string>;
  /** Send later duplicates too when the destination leaves them out (same as a `keep-duplicates` fix). */
  keepDuplicates?: boolean;
  /** About how many rows will be pushed, when known beforehand (a hint for the size of the duplicate-key table; any number of rows still works). */
  expectedRows?: number;
  /** Keep the rejected rows' cells for the rejected-rows file (default true; a plain check needs none). */
  keepRejectedCells?: boolean;
  /** The zone source date-times are read in when the destination names none (default: this computer's). */
  systemTimeZone?: string;
  /** The recordings folder's files, when the destination sends recordings: each row's must be there. */
  recordings?: RecordingsFolder;
  /**
   * Takes each part of a plain-text output as soon as it is complete, so that a large output is
   * never held in memory whole (see `PartSink`); only for outputs `sinksParts` accepts. The
   * preparation then ends with `finishSunk`, not `finish`.
   */
  partSink?: PartSink;
}>;

/** One file exactly as it will be uploaded. */
export type PreparedFile = Readonly<{
  name: string;
  /** Data rows in the file (the header not counted). */
  rows: number;
  bytes: Uint8Array;
  /** For a zip: the name of the CSV inside it; otherwise null. */
  innerName: string | null;
  /** For a workbook: its first rows as text (cells joined by “ | ”), for the review. */
  firstLines?: readonly string[];
}>;

/** What a rejected row's reason is made of: its issues, to say them in another language (see src-core/words). */
export type RejectedBecause = RowIssue extends infer I ? (I extends RowIssue ? Pick<I, 'code' | 'variant' | 'params'> : never) : never;

/** A row that will not be sent, with why (said in words by `rejectedWords`, src-core/words). */
export type RejectedRow = Readonly<{
  row: number;
  sourceLine: number;
  /** The source row's cells as read (before fixes), for the person who made the export. */
  cells: readonly string[];
  /** Its problems, with their raw values (empty for a row left out by hand). */
  because: readonly RejectedBecause[];
  /** True when a person chose to leave it out; false when it had an error or is a duplicate. */
  byHand: boolean;
  /** True when it is a later duplicate the destination leaves out (not an error). */
  duplicate?: boolean;
}>;

/** Everything a preparation found and produced. */
export type PreparationResult = Readonly<{
  destination: string;
  /** The mapping used, with every target column present. */
  mapping: Readonly<Record<string, string | null>>;
  sourceColumns: readonly string[];
  rowCount: number;
  /** Rows without an error (rows left out by hand not counted). */
  validRowCount: number;
  /** Rows written to the files. */
  writtenRowCount: number;
  /** Later duplicates left out because the destination sends only the first (see `duplicates`). */
  duplicateRowCount: number;
  issues: readonly RowIssue[];
  /** Issue count per code. */
  summary: Readonly<Record<string, number>>;
  files: readonly PreparedFile[];
  rejected: readonly RejectedRow[];
  /** Rows with errors are present and were not asked to be left out: nothing should be sent. */
  blocked: boolean;
  /** The recordings the written rows name (paths relative to the folder, each once); absent without `recordings`. */
  recordings?: readonly string[];
}>;

/** A preparation fed one source row at a time. */
export type Preparation = Readonly<{
  push: (row: SourceRow) => void;
  finish: () => PreparationResult;
  /** With a `partSink`: gives the sink the last parts and returns the result, whose files hold no bytes. */
  finishSunk: () => SunkPreparationResult;
}>;

/**
 * Where the parts of a plain-text output go once complete, in file order: `put` gets each part's
 * exact bytes (the header included) and must write or copy them before it returns: the
 * preparation fills the same memory with a later part. Called from `push` and `finishSunk`.
 */
export type PartSink = Readonly<{ put: (bytes: Uint8Array) => void }>;

/** A prepared file whose bytes went to a `PartSink`, the `part`-th it was given (from 0). */
export type SunkFile = Readonly<Omit<PreparedFile, 'bytes' | 'innerName' | 'firstLines'> & { innerName: null; part: number; size: number }>;

/** A preparation's result when its parts went to a `PartSink`. */
export type SunkPreparationResult = Readonly<Omit<PreparationResult, 'files'> & { files: readonly SunkFile[] }>;

/** Whether a destination's parts can go to a `PartSink`: plain text, not zipped, XML or a workbook (those are written from the whole part). */
export const sinksParts = (d: Destination): boolean => !isWorkbookFormat(d.output.format) && d.output.format !== 'xml' && !d.output.zip;

type Edit = { t: number; position: number; value: string; original: string | undefined };
type Plan = {
  column: TargetColumn;
  source: number;
  fixed: string;
  ops: Array<{ position: number; fix: ColumnFix }>;
  allowed: Map<string, string> | null;
  dateFormat: string;
  upper: boolean;
  letterCase: 'upper' | 'lower' | undefined;
  /** A date-time column converted from the source's time zone to the destination's. */
  zoned: boolean;
  /** A multi-value column: the source's item separator and the further source columns. */
  multi: { sourceSeparator: string; alsoFrom: number[] } | null;
};

const NO_CELLS: readonly string[] = [];

/**
 * Starts a streaming preparation: map, fix, validate and write one row at a time, splitting the
 * output by the destination's row and byte limits.
 *
 * Pure and synchronous per row, so the same code runs in the CLI, a worker and a scheduled job.
 */
export function createPreparation(input: PreparationInput): Preparation {
  const d = input.destination;
  const fixes = input.fixes ?? [];
  const keepCells = input.keepRejectedCells !== false;
  const excludeInvalid = input.excludeInvalid === true || fixes.some(f => f.kind === 'exclude-invalid');
  const leaveOutDuplicates = d.duplicates === 'leave-out' && input.keepDuplicates !== true && !fixes.some(f => f.kind === 'keep-duplicates');
  const targetIndex = new Map(d.columns.map((c, i) => [c.name, i]));
  const sourceIndex = new Map<string, number>();
  input.sourceColumns.forEach((name, i) => {
    if (!sourceIndex.has(name)) sourceIndex.set(name, i);
  });

  for (const [target, source] of Object.entries(input.mapping)) {
    if (!targetIndex.has(target)) throw new CourierError('mapping.unknown-target', `The mapping names “${target}”, which is not a column of ${d.name}.`);
    if (source !== null && !sourceIndex.has(source)) {
      throw new CourierError('mapping.unknown-column', `The mapping uses the column “${source}”, which this file does not have.`);
    }
  }
  for (const column of d.columns) {
    for (const source of column.multiValue?.alsoFrom ?? []) {
      if (!sourceIndex.has(source)) throw new CourierError('mapping.unknown-column', `${d.name} adds the column “${source}” to ${column.name}, but this file does not have it.`);
    }
  }
  for (const fix of fixes) {
    if ('column' in fix && !targetIndex.has(fix.column)) throw new CourierError('fix.unknown-column', `A fix refers to “${fix.column}”, which is not a column of ${d.name}.`);
  }

  // "Also send columns that are not in the template" (EvaluAgent): every source column no target
  // takes follows the template's columns, in the source's order, as plain text written through
  // the same checks (formula guard, encoding, separators) as the rest.
  const mappedSources = new Set(Object.values(input.mapping).filter((v): v is string => typeof v === 'string'));
  const targetNames = new Set(d.columns.map(c => c.name.toLowerCase()));
  const extra: TargetColumn[] = d.extraColumns
    ? [...sourceIndex.keys()].filter(name => name.trim() !== '' && !mappedSources.has(name) && !targetNames.has(name.toLowerCase())).map(name => ({ name, required: false, rule: 'text' }))
    : [];
  const extraSource = new Map(extra.map(c => [c, sourceIndex.get(c.name)!]));
  const plans: Plan[] = [...d.columns, ...extra].map(column => {
    const source = extraSource.has(column) ? column.name : input.mapping[column.name];
    const dateFormat = column.dateFormat ?? d.output.dateFormat ?? 'YYYY-MM-DD';
    return {
      column,
      source: source === undefined || source === null ? -1 : sourceIndex.get(source)!,
      fixed: column.fixedValue ?? '',
      ops: [],
      allowed: column.allowedValues ? new Map(column.allowedValues.map(v => [v.toLowerCase(), v])) : null,
      dateFormat,
      upper: column.letterCase === 'upper',
      letterCase: column.letterCase,
      zoned: d.output.timeZone !== null && /HH/.test(dateFormat),
      multi: column.multiValue ? { sourceSeparator: column.multiValue.sourceSeparator, alsoFrom: column.multiValue.alsoFrom.map(name => sourceIndex.get(name)!) } : null,
    };
  });
  // The column naming each row's recording, checked against the folder's listing when one is given.
  const lookUpRecording = d.recordings && input.recordings ? recordingsLookup(input.recordings) : null;
  const recordingColumn = lookUpRecording ? plans.findIndex(p => p.column.name === d.recordings!.column) : -1;
  if (lookUpRecording && recordingColumn < 0) {
    const column = d.recordings!.column;
    throw new CourierError('recordings.column-missing', `${d.name} names each row’s recording in “${column}”, a column this file does not send. Choose the column for it, or change the recordings setting.`, { params: { column, destination: d.name } });
  }
  const recordingNames = new Set<string>();
  const editsByRow = new Map<number, Edit[]>();
  const excludedByHand = new Set<number>();
  fixes.forEach((fix, position) => {
    if (fix.kind === 'exclude-row') excludedByHand.add(fix.row);
    else if (fix.kind === 'edit-cell') {
      const list = editsByRow.get(fix.row) ?? [];
      list.push({ t: targetIndex.get(fix.column)!, position, value: fix.value, original: fix.original });
      editsByRow.set(fix.row, list);
    } else if (isColumnFix(fix)) plans[targetIndex.get(fix.column)!]!.ops.push({ position, fix });
  });

  // A workbook's rows travel as plain CSV in one fixed dialect; the main process writes the sheet.
  const xml = d.output.format === 'xml' ? d.output.xml : null;
  const workbook = isWorkbookFormat(d.output.format) || xml !== null;
  const out = workbook ? workbookDialect(d.output) : d.output;
  const listSeparator = out.multiValueSeparator;
  const targetZone = out.timeZone;
  const sourceZone = out.sourceTimeZone ?? input.systemTimeZone ?? systemTimeZone();
  const writeLine = lineWriter(out);
  const encodeRow = rowEncoder(out);
  const never = writesUnquoted(out);
  // A workbook's text cell is never run as a formula: nothing to neutralise there.
  const neutralise = d.neutraliseFormulas && !workbook;
  // One native scan per value for what a no-quote line cannot carry; details only when it hits.
  const watchNever = new Uint8Array(128);
  for (const c of [9, 10, 13, 34, out.delimiter.charCodeAt(0)]) watchNever[c] = 1;
  // Control characters are watched in every file, so one is never written and costs no extra scan.
  // They weigh CONTROL_WEIGHT, so a row whose count grew by less holds none (only no-quote ones).
  const watched = new Uint8Array(128);
  if (never) watched.set(watchNever);
  for (const c of controlCodes) watched[c] = CONTROL_WEIGHT;
  const UNSAFE_IN_NEVER = new RegExp(`[\\t\\r\\n"${out.delimiter === '|' ? '\\|' : out.delimiter}]`);
  // The header is a cell like any other (column names can come from a vendor's sample file).
  const headerColumns = plans.map(p => p.column);
  const headerText = out.header ? writeLine(headerColumns.map(c => (neutralise ? neutraliseFormula(c.name) : c.name))) : '';
  for (const c of headerColumns) {
    const bad = firstUnencodable(c.name, out.encoding);
    if (bad) throw new CourierError('destination.header-unencodable', `The column name “${c.name}” contains “${bad}”, which cannot be written in ${encodingLabel(out.encoding)}.`);
    if (out.header && never && (c.name.includes(out.delimiter) || /[\r\n]/.test(c.name))) {
      throw new CourierError('destination.header-delimiter', `The column name “${c.name}” contains the separator, which this format cannot hold.`);
    }
  }
  const head = new ByteBuilder(256);
  head.append(bomOf(out.encoding));
  head.appendText(headerText, out.encoding);
  const headerBytes = head.toBytes();
  // A workbook's size is known only once written: the writer checks it (the row limit applies here).
  const maxBytes = workbook ? Infinity : (d.limits.maxBytes ?? Infinity);
  const maxRows = d.limits.maxRows ?? Infinity;

  const issues: RowIssue[] = [];
  const summary: Record<string, number> = {};
  const rejected: RejectedRow[] = [];
  const duplicates = new DuplicateFinder();
  const seen = leaveOutDuplicates ? new SeenKeys(input.expectedRows) : null;
  let duplicateRowCount = 0;
  const keyColumns = d.duplicateKey.map(k => targetIndex.get(k)!);
  const oneOf = d.atLeastOneOf.map(k => targetIndex.get(k)!);
  const parts: Array<{ bytes: ByteBuilder; rows: number; size: number }> = [];
  const sink = input.partSink ?? null;
  if (sink && !sinksParts(d)) throw new Error(`${d.name}'s output is not plain text: its parts cannot go to a sink`);
  /** Parts given to the sink so far (their bytes are gone; `size` says how many there were). */
  let sunk = 0;
  /** A sunk part's buffer, to fill with the next part rather than take new memory for it. */
  let spare: ByteBuilder | null = null;
  const sinkUpTo = (end: number) => {
    for (; sunk < end; sunk++) {
      const p = parts[sunk]!;
      p.size = p.bytes.length;
      sink!.put(p.bytes.bytes.subarray(0, p.size));
      spare = p.bytes;
      p.bytes = SUNK;
    }
  };
  const values = new Array<string>(plans.length).fill('');
  const valid = new Array<boolean>(plans.length).fill(false);
  const doubtful = new Array<boolean>(plans.length).fill(false);
  let rowCount = 0;
  let validRowCount = 0;
  let writtenRowCount = 0;

  const add = (issue: RowIssue) => {
    issues.push(issue);
    summary[issue.code] = (summary[issue.code] ?? 0) + 1;
  };

  const unmapped = plans.filter(p => p.column.required && p.source < 0 && p.fixed === '' && (p.multi?.alsoFrom.length ?? 0) === 0);
  // Every row is rejected for these too: they are part of each row's reason.
  const unmappedIssues: RowIssue[] = [];
  for (const p of unmapped) {
    const unmappedIssue: RowIssue = {
      row: null,
      sourceLine: null,
      column: p.column.name,
      code: 'mapping.required-unmapped',
      variant: null,
      params: { column: p.column.name, destination: d.name },
      severity: 'error',
    };
    add(unmappedIssue);
    unmappedIssues.push(unmappedIssue);
  }

  const valueOf = (plan: Plan, t: number, cells: readonly string[], edits: Edit[] | undefined): string => {
    let v = plan.source >= 0 ? (cells[plan.source] ?? '') : plan.fixed;
    if (plan.ops.length === 0 && !edits) return v;
    let e = 0;
    const mine = edits ? edits.filter(x => x.t === t) : [];
    const applyEditsBefore = (position: number) => {
      while (e < mine.length && mine[e]!.position < position) {
        const edit = mine[e++]!;
        if (edit.original === undefined || edit.original === v) v = edit.value;
      }
    };
    for (const op of plan.ops) {
      applyEditsBefore(op.position);
      v = applyColumnFix(op.fix, v, d.phoneCountry);
    }
    applyEditsBefore(Infinity);
    return v;
  };

  // Per-row state lives out here so that pushing a row allocates as little as possible.
  let current: SourceRow = { index: 0, line: 0, cells: [] };
  let errors = 0;
  let reasons: RejectedBecause[] | null = null;
  // Built only for rows with a problem: the params object costs nothing on a clean row.
  const issue = <C extends IssueCode>(t: number, code: C, variant: IssueVariant<C>, params: IssueParamsByCode[C]) => {
    // A lenient column's rule only warns: the platform takes its value as it is (but a doubtful
    // value does not count as the row's means of contact).
    const lenient = t >= 0 && plans[t]!.column.lenient === true && LENIENT_CODES.has(code);
    if (lenient) doubtful[t] = true;
    const severity = lenient ? 'warning' : issueCodes[code].severity;
    const found = { row: current.index, sourceLine: current.line, column: t >= 0 ? plans[t]!.column.name : null, code, variant, params, severity } as RowIssue;
    add(found);
    if (severity === 'error') {
      errors++;
      (reasons ??= []).push(found);
      if (t >= 0) valid[t] = false;
    }
  };

  const push = (row: SourceRow): void => {
    rowCount++;
    if (excludedByHand.size > 0 && excludedByHand.has(row.index)) {
      rejected.push({ row: row.index, sourceLine: row.line, cells: keepCells ? row.cells : NO_CELLS, because: [], byHand: true });
      return;
    }
    current = row;
    const line = row.line;
    errors = unmapped.length;
    reasons = unmapped.length > 0 ? unmappedIssues.slice() : null;
    const edits = editsByRow.size > 0 ? editsByRow.get(row.index) : undefined;

    for (let t = 0; t < plans.length; t++) {
      const plan = plans[t]!;
      const column = plan.column;
      const rule = column.rule;
      let v = plan.ops.length === 0 && edits === undefined ? (plan.source >= 0 ? (row.cells[plan.source] ?? '') : plan.fixed) : valueOf(plan, t, row.cells, edits);
      if (plan.multi) v = listOf(plan, t, v, row.cells, line);
      // Spaces around an address, code, number or date never mean anything: they are dropped.
      if (rule !== 'text' && rule !== 'reference' && v.length > 0 && (isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1)))) v = v.trim();
      valid[t] = v.length > 0 && (!isSpace(v.charCodeAt(0)) || v.trim() !== '');
      doubtful[t] = false;
      if (!valid[t]) {
        values[t] = v;
        // A required column with no source at all is one file-level issue, not one per row.
        if (column.required && (plan.source >= 0 || plan.fixed !== '' || edits || plan.multi)) issue(t, 'required.missing', null, { line, column: column.name, destination: d.name });
        continue;
      }
      switch (rule) {
        case 'email': {
          const problem = emailProblemOf(v);
          if (problem) {
            const params = { line, value: shown(v), character: problem.character };
            issue(t, 'email.invalid', problem.kind, params);
          }
          break;
        }
        case 'language': {
          const code = plan.letterCase === 'upper' ? upperCode(v) : plan.letterCase === 'lower' ? lowerCode(v) : isLanguageCode(v) ? v : null;
          if (code !== null) v = code;
          else {
            const code = normaliseLanguage(v);
            if (code) {
              const written = plan.upper ? code.toUpperCase() : code;
              issue(t, 'language.normalised', null, { line, value: shown(v), code: written });
              v = written;
            } else issue(t, 'language.invalid', null, { line, value: shown(v) });
          }
          break;
        }
        case 'phone': {
          const check = checkPhone(v, d.phoneCountry);
          if (check.valid) {
            // The number is written as read (E.164), never as typed: the raw text may carry
            // anything around the digits, and platforms all read the international form.
            if (check.extension !== '') {
              const params = { line, value: shown(v), extension: check.extension, sent: check.international };
              issue(t, 'phone.extension-dropped', null, params);
            }
            // Digits only, no 0 in front: a number a spreadsheet stored as a number. It reads
            // right, but the person should know (and can put the 0 back with a fix).
            const code = v.charCodeAt(0);
            if (code >= 49 && code <= 57 && check.extension === '') {
              const restored = lostLeadingZero(v, d.phoneCountry);
              if (restored !== null) {
                const params = { line, value: shown(v), restored, sent: check.international, country: d.phoneCountry };
                issue(t, 'phone.leading-zero', null, params);
              }
            }
            v = check.international;
          } else {
            const other = check.elsewhere;
            const params = { line, value: shown(v), country: d.phoneCountry, otherCountry: other?.country ?? '', international: other?.international ?? '' };
            issue(t, 'phone.invalid', other ? 'elsewhere' : 'plain', params);
          }
          break;
        }
        case 'date': {
          if (plan.zoned) {
            const converted = inTargetZone(plan, t, v, line);
            if (converted !== null) {
              v = converted;
              break;
            }
            if (!valid[t]) break;
          }
          if (!parseDate(v, plan.dateFormat)) {
            const other = commonDateFormats.find(f => f !== plan.dateFormat && parseDate(v, f));
            const reading = other ? formatDate(parseDate(v, other)!, plan.dateFormat) : '';
            const params = { line, value: shown(v), format: plan.dateFormat, reading, from: other ?? '' };
            issue(t, 'date.invalid', other ? 'reads-as' : 'plain', params);
          }
          break;
        }
        case 'number': {
          // Written with the destination's separator, so one file never mixes 3.5 and 3,5.
          const written = numberWith(v, out.decimal);
          if (written === null) issue(t, 'number.invalid', null, { line, value: shown(v), column: column.name });
          else v = written;
          break;
        }
        default:
          break;
      }
      if (plan.allowed && valid[t]) {
        const listed = plan.allowed.get(v.toLowerCase());
        if (listed !== undefined) v = listed;
        else {
          issue(t, 'value.not-allowed', null, { line, value: shown(v), column: column.name, allowed: column.allowedValues! });
        }
      }
      // Every value, validated or not: a rule says what a value means, not that it is harmless.
      if (neutralise && valid[t] && startsLikeFormula(v)) {
        const safe = `'${v}`;
        issue(t, 'output.formula-neutralised', null, { line, value: shown(v), sent: shown(safe) });
        v = safe;
      }
      values[t] = v;
    }

    if (oneOf.length > 0 && !oneOf.some(t => valid[t] && !doubtful[t])) {
      const names = oneOf.map(t => plans[t]!.column.name);
      issue(-1, 'contact.missing', null, { line, columns: names, destination: d.name });
    }
    // A row may name no recording (a call that was not recorded); one it names must be there.
    let recording = '';
    if (recordingColumn >= 0 && valid[recordingColumn]) {
      const v = values[recordingColumn]!;
      const found = lookUpRecording!(v);
      const params = { line, value: shown(v), column: plans[recordingColumn]!.column.name };
      if (found.kind === 'found') recording = found.path;
      else if (found.kind === 'missing') issue(recordingColumn, 'recording.missing', null, params);
      else issue(recordingColumn, 'recording.unreadable', null, params);
    }

    if (errors > 0) {
      // The row is out anyway; still tell every problem it has, encoding included.
      if (never) checkNever(line);
      checkControls(line);
      checkEncodable(line);
      rejected.push({ row: row.index, sourceLine: line, cells: keepCells ? row.cells : NO_CELLS, because: reasons ?? [], byHand: false });
      return;
    }

    let part = parts[parts.length - 1];
    if (!part || part.rows + 1 > maxRows) part = newPart();
    const start = part.bytes.length;
    const unencodableBefore = part.bytes.unencodable;
    const watchedBefore = part.bytes.watched;
    encodeRow(part.bytes, values);
    // The encoder counts what a no-quote line cannot carry, so the common row costs no extra scan.
    if (part.bytes.watched !== watchedBefore) {
      const grown = part.bytes.watched - watchedBefore;
      part.bytes.watched = watchedBefore;
      if (never) checkNever(line);
      if (grown >= CONTROL_WEIGHT) checkControls(line);
    }
    if (part.bytes.unencodable !== unencodableBefore) {
      part.bytes.unencodable = unencodableBefore;
      checkEncodable(line);
    }
    if (errors > 0) {
      part.bytes.truncate(start);
      if (part.rows === 0) parts.pop();
      rejected.push({ row: row.index, sourceLine: line, cells: keepCells ? row.cells : NO_CELLS, because: reasons ?? [], byHand: false });
      return;
    }
    let keyed = false;
    if (keyColumns.length > 0) {
      hash1 = 0x811c9dc5;
      hash2 = 0x2545f491;
      for (let k = 0; k < keyColumns.length; k++) {
        const keyPart = duplicateKeyPart(plans[keyColumns[k]!]!.column, values[keyColumns[k]!]!, d.phoneCountry);
        if (keyPart !== '') keyed = true;
        hashInto(keyPart);
      }
      const firstLine = keyed && seen ? seen.firstLine(hash1, hash2) : -1;
      if (firstLine >= 0) {
        // Left out before it counts against the file's limits: only the first row is sent.
        part.bytes.truncate(start);
        if (part.rows === 0) parts.pop();
        const params = { line, key: d.duplicateKey, firstLine };
        const left: RowIssue = { row: row.index, sourceLine: line, column: null, code: 'duplicate.key', variant: 'left-out', params, severity: 'warning' };
        add(left);
        rejected.push({ row: row.index, sourceLine: line, cells: keepCells ? row.cells : NO_CELLS, because: [left], byHand: false, duplicate: true });
        duplicateRowCount++;
        return;
      }
    }
    const rowBytes = part.bytes.length - start;
    if (headerBytes.length + rowBytes > maxBytes) {
      part.bytes.truncate(start);
      if (part.rows === 0) parts.pop();
      const params = { line, destination: d.name, maxBytes };
      const tooLarge: RowIssue = { row: row.index, sourceLine: line, column: null, code: 'limit.row-too-large', variant: null, params, severity: 'error' };
      add(tooLarge);
      rejected.push({ row: row.index, sourceLine: line, cells: keepCells ? row.cells : NO_CELLS, because: [tooLarge], byHand: false });
      return;
    }
    if (part.bytes.length > maxBytes) {
      // The row does not fit: it starts the next part instead.
      const next = newPart();
      next.bytes.append(part.bytes.bytes.subarray(start, start + rowBytes));
      part.bytes.truncate(start);
      part = next;
    }
    part.rows++;
    validRowCount++;
    writtenRowCount++;
    // A part is complete once the next one holds a row: no later row can change it.
    if (sink && sunk < parts.length - 1) sinkUpTo(parts.length - 1);
    if (recording !== '') recordingNames.add(recording);
    // Only written rows count as the first of their key.
    if (keyed) {
      if (seen) seen.add(hash1, hash2, line);
      // Otherwise duplicates are found at the end (see DuplicateFinder); here the key is only recorded.
      else duplicates.add(hash1, hash2, row.index, line);
    }
  };

  /** The items of a multi-value column, joined with the destination's separator; an item holding it is an issue. */
  const listOf = (plan: Plan, t: number, first: string, cells: readonly string[], line: number): string => {
    const multi = plan.multi!;
    const sources = multi.alsoFrom.length === 0 ? [first] : [first, ...multi.alsoFrom.map(i => cells[i] ?? '')];
    const items = itemsOf(sources, multi.sourceSeparator);
    for (const item of items) {
      if (!item.includes(listSeparator)) continue;
      const column = plan.column.name;
      issue(t, 'list.separator-in-item', null, { line, value: shown(item), column, separator: listSeparator });
    }
    return items.join(listSeparator);
  };

  /**
   * A date-time read in the source's zone (or at the offset it carries) and written in the
   * destination's zone and format; null when it is not a date-time (said by the caller) or when
   * the clocks skipped it (said here, and the value is then not valid).
   */
  const inTargetZone = (plan: Plan, t: number, v: string, line: number): string | null => {
    const iso = readIsoDateTime(v);
    const parts = iso?.parts ?? parseDate(v, plan.dateFormat);
    if (!parts) return null;
    let utc: number;
    if (iso && iso.offset !== null) utc = instantWithOffset(parts, iso.offset);
    else {
      const instant = instantOf(parts, sourceZone);
      if (instant.kind === 'skipped') {
        issue(t, 'date.time-skipped', null, { line, value: shown(v), zone: sourceZone });
        return null;
      }
      utc = instant.utcMs;
      if (instant.kind === 'twice') {
        const offset = offsetText(offsetMinutes(utc, sourceZone));
        issue(t, 'date.time-twice', null, { line, value: shown(v), zone: sourceZone, offset });
      }
    }
    return formatDate(wallTimeIn(utc, targetZone!), plan.dateFormat);
  };

  /** Reports what a no-quote line cannot carry (tabs, the delimiter, line breaks; double quotes as a warning). */
  const checkNever = (line: number) => {
    for (let t = 0; t < plans.length; t++) {
      const v = values[t]!;
      const column = plans[t]!.column;
      if (!UNSAFE_IN_NEVER.test(v)) continue;
      // A tab breaks a no-quote file too: such files are often read as tab-separated (Hello Customer).
      if (out.delimiter !== '\t' && v.indexOf('\t') >= 0) issue(t, 'output.delimiter', 'tab', { line, value: shown(v), column: column.name, delimiter: out.delimiter });
      if (v.includes(out.delimiter)) issue(t, 'output.delimiter', 'separator', { line, value: shown(v), column: column.name, delimiter: out.delimiter });
      // Apostrophes (O'Brien, D'Hondt) are everyday text; a double quote is what readers trip on.
      if (v.indexOf('"') >= 0) issue(t, 'output.quote', null, { line, value: shown(v), column: column.name });
      if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) issue(t, 'output.line-break', null, { line, column: column.name });
    }
  };

  /** Reports every value of the current row holding a control character (never written to a file). */
  const checkControls = (line: number) => {
    // One scan of the whole row first: most rows that get here (rows with errors) hold none.
    if (!hasControlCharacters(values.join('\n'))) return;
    for (let t = 0; t < plans.length; t++) {
      const v = values[t]!;
      if (!hasControlCharacters(v)) continue;
      const column = plans[t]!.column.name;
      issue(t, 'text.control-characters', null, { line, value: shown(v), column });
    }
  };

  /** Reports every value of the current row that the output encoding cannot hold, or that holds bytes that were not valid UTF-8. */
  const checkEncodable = (line: number) => {
    for (let t = 0; t < plans.length; t++) {
      const v = values[t]!;
      if (hasInvalidBytes(v)) {
        const column = plans[t]!.column.name;
        const params = { line, value: shown(v), column, bytes: invalidBytesHex(v), reading: shown(readInvalidBytesAs1252(v)) };
        issue(t, 'text.invalid-bytes', null, params);
        continue;
      }
      const bad = firstUnencodable(v, out.encoding);
      if (bad) issue(t, 'output.unencodable', null, { line, value: shown(v), character: bad, encoding: out.encoding });
    }
  };

  const newPart = () => {
    // A small byte-limited part (Hello Customer's 1 MB) gets its whole size at once; others grow.
    const initial = Math.min(maxBytes === Infinity ? 1 << 20 : maxBytes + (1 << 16), 1 << 20);
    const reused = spare;
    spare = null;
    reused?.clear();
    const part = { bytes: reused ?? new ByteBuilder(initial, false), rows: 0, size: 0 };
    part.bytes.watch = watched;
    part.bytes.append(headerBytes);
    parts.push(part);
    return part;
  };

  /** The issues completed with the duplicates found at the end, and the files' names. */
  const settle = (): string[] => {
    const found = keyColumns.length > 0 ? duplicates.duplicates() : [];
    if (found.length > 0) {
      // Merge into the list, which is in row order already (file-level issues first): after a
      // row's own issues come its duplicate warning.
      const merged: RowIssue[] = [];
      let next = 0;
      for (const dup of found) {
        while (next < issues.length && (issues[next]!.row ?? -1) <= dup.row) merged.push(issues[next++]!);
        merged.push({
          row: dup.row,
          sourceLine: dup.line,
          column: null,
          code: 'duplicate.key',
          variant: 'kept',
          params: { line: dup.line, key: d.duplicateKey, firstLine: dup.firstLine },
          severity: 'warning',
        });
        summary['duplicate.key'] = (summary['duplicate.key'] ?? 0) + 1;
      }
      while (next < issues.length) merged.push(issues[next++]!);
      issues.length = 0;
      for (const i of merged) issues.push(i);
    }
    // An empty file still gets one file with just the header, so a plan is always visible.
    if (parts.length === 0 && rowCount === 0) {
      const only = new ByteBuilder(headerBytes.length + 1);
      only.append(headerBytes);
      parts.push({ bytes: only, rows: 0, size: 0 });
    }
    // Zipped output is sent under the .zip name: that is the name that must never repeat.
    const template = workbook ? withExtension(d.fileName, `.${d.output.format}`) : out.zip ? withExtension(d.fileName, '.zip') : d.fileName;
    // Names sent before are avoided, unless the destination uses the same name every run (Digitaleo's list modes).
    const taken = d.nameReuse === 'same-every-run' ? [] : (input.alreadySentNames ?? []);
    return fileNames(template, parts.length, { now: input.now, variables: d.variables }, taken);
  };

  const finish = (): PreparationResult => {
    if (sink) throw new Error('A preparation with a part sink ends with finishSunk');
    const names = settle();
    const innerExtension = /\.[^./\\]+$/.exec(d.fileName)?.[0] ?? '.csv';
    const files: PreparedFile[] = parts.map((p, i) => {
      // A view, not a copy, so a 100 MB file is not duplicated at the end; but a copy when the
      // buffer is mostly empty, so a small file does not keep a big buffer alive.
      const bytes = p.bytes.length * 2 < p.bytes.bytes.length ? p.bytes.bytes.slice(0, p.bytes.length) : p.bytes.bytes.subarray(0, p.bytes.length);
      if (xml) return xmlFile(names[i]!, p.rows, bytes);
      if (!out.zip) return { name: names[i]!, rows: p.rows, bytes, innerName: null };
      const inner = withExtension(names[i]!, innerExtension);
      // One file at the root of the zip, as Digitaleo requires; the zip carries the send time.
      const zipped = zipSync({ [inner]: [bytes, { mtime: input.now }] }, { level: 6 });
      return { name: names[i]!, rows: p.rows, bytes: zipped, innerName: inner };
    });
    const tooLarge = files.find(f => f.bytes.length > (d.limits.maxBytes ?? Infinity));
    if (tooLarge && xml) throw fileTooLarge(tooLarge, d);
    return resultWith(files);
  };

  const finishSunk = (): SunkPreparationResult => {
    if (!sink) throw new Error('finishSunk needs a part sink');
    const names = settle();
    sinkUpTo(parts.length);
    const files: SunkFile[] = parts.map((p, i) => ({ name: names[i]!, rows: p.rows, innerName: null, part: i, size: p.size }));
    return resultWith(files);
  };

  /** The result, with its files (none when rows were read and none is sent). */
  const resultWith = <F,>(files: readonly F[]): Omit<PreparationResult, 'files'> & { files: readonly F[] } => {
    const errorRows = rejected.filter(r => !r.byHand && r.duplicate !== true).length;
    return {
      destination: d.name,
      mapping: Object.fromEntries(d.columns.map(c => [c.name, input.mapping[c.name] ?? null])),
      sourceColumns: input.sourceColumns,
      rowCount,
      validRowCount,
      writtenRowCount,
      duplicateRowCount,
      issues,
      summary,
      files: rowCount > 0 && writtenRowCount === 0 ? [] : files,
      rejected,
      blocked: errorRows > 0 && !excludeInvalid,
      ...(lookUpRecording ? { recordings: [...recordingNames] } : {}),
    };
  };

  /** A part's rows (in the workbook dialect) written as the sample's XML. */
  const xmlFile = (name: string, rows: number, csv: Uint8Array): PreparedFile => {
    const lines = workbookRows(decodeText(csv, 'utf-8'));
    if (out.header) lines.shift();
    const bytes = xmlFileBytes(xml!, d.columns.map(c => c.name), lines);
    return { name, rows, bytes, innerName: null, firstLines: decodeText(bytes.subarray(0, 64 * 1024), xml!.encoding).split(/\r?\n/).slice(0, 10) };
  };

  return { push, finish, finishSunk };
}

/** The rule problems a lenient column reports as warnings (never what breaks the file itself). */
const LENIENT_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(['email.invalid', 'phone.invalid', 'date.invalid', 'number.invalid', 'language.invalid', 'value.not-allowed']);

/** A written file larger than the destination allows (workbooks and XML are measured once written). */
export function fileTooLarge(file: Readonly<{ name: string; bytes: Uint8Array }>, d: Destination): CourierError {
  const max = d.limits.maxBytes ?? 0;
  return new CourierError(
    'output.file-too-large',
    `The file “${file.name}” is ${file.bytes.length.toLocaleString('en')} bytes, more than the ${max.toLocaleString('en')} bytes ${d.name} allows per file. Lower the rows per file so each file is smaller.`,
    { params: { file: file.name, size: file.bytes.length, maxBytes: max, destination: d.name } }
  );
}

/** What a sunk part keeps of its bytes: nothing. */
const SUNK = new ByteBuilder(0);

/** What a control character adds to a ByteBuilder's `watched` count (no-quote characters add 1). */
const CONTROL_WEIGHT = 128;

/** Spaces, tabs, line breaks, no-break spaces: what trim() removes in practice. */
const isSpace = (c: number): boolean => c <= 32 || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;

let hash1 = 0;
let hash2 = 0;

/** Folds a key part into the two 32-bit hashes (FNV-1a style; ASCII letters folded to lower case). */
function hashInto(text: string): void {
  let h1 = Math.imul(hash1 ^ 0x1f, 0x01000193);
  let h2 = Math.imul(hash2 ^ 0x1f, 0x5bd1e995);
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 128) c = lowerChar(c);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = (Math.imul(h2, 31) + c) | 0;
  }
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x5bd1e995);
  hash1 = h1;
  hash2 = h2;
}

function duplicateKeyPart(column: TargetColumn, value: string, country: string): string {
  if (column.rule === 'phone') {
    const check = checkPhone(value, country);
    return check.valid ? check.international : value;
  }
  // Case is folded by the hash itself; only surrounding spaces need going.
  return value.length > 0 && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1))) ? value.trim() : value;
}

const lowered = new Map<number, number>();
/** The lower-case form of one non-ASCII UTF-16 unit (É → é), remembered. */
function lowerChar(c: number): number {
  let l = lowered.get(c);
  if (l === undefined) {
    const lower = String.fromCharCode(c).toLowerCase();
    l = lower.length === 1 ? lower.charCodeAt(0) : c;
    lowered.set(c, l);
  }
  return l;
}

/** Prepares a whole set of rows at once (tests, small files). */
export function prepareRows(input: PreparationInput, rows: Iterable<SourceRow>): PreparationResult {
  const p = createPreparation(input);
  for (const row of rows) p.push(row);
  return p.finish();
}
