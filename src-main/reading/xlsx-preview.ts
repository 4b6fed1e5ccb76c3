import { pipeline as pipe, type Readable } from 'node:stream';
import { leavesOutReferencesIn, numberRowsAndCells } from './sheet-row-numbers';
import {
  effectiveWidth,
  isBlankRecord,
  type RawRecord,
} from '../../src-core/reading/detect-header';
import { readLimits } from '../../src-core/reading/read-errors';
import { excelCellText } from './excel-cell-text';
import { exceljsParts, type ExceljsParts, type SaxNode, type SaxParser } from './exceljs-parts';
import type { XlsxSheet } from './workbook-sheets';
import { findXlsxPackage, type XlsxPackage } from './xlsx-package';
import { openEntry, type ZipEntry } from './zip-file';

/**
 * The fast preview of an XLSX sheet: its first records, read without exceljs.
 *
 * Loading exceljs and letting it parse every shared string takes most of a second before the
 * first row of a big export; the preview needs only the start of the sheet and the start of the
 * shared strings (Excel lists them in order of first use). This reader inflates just that, with
 * the XML parser exceljs uses, and builds each cell's value the way exceljs's streaming reader
 * does (quirks included: see `cellValue`), then turns it into text with the same `excelCellText`.
 * The full read by exceljs still runs afterwards and is checked against this preview.
 *
 * Anything unusual (prefixed or strict OOXML parts, a DOCTYPE, CDATA, a declared encoding other
 * than UTF-8, a missing part, a malformed cell reference, a row too wide...) gives `null`: the
 * full read then makes the preview as before. It never guesses.
 */

export type XlsxPreview = Readonly<{ sheet: string; records: RawRecord[] }>;

export type XlsxPreviewTarget = Readonly<{
  path: string;
  fileName: string;
  entries: readonly ZipEntry[];
  /** Where the workbook's parts are (found from the entries when not given). */
  package?: XlsxPackage;
}>;

/** Inflated XML the preview may read in all (sheet, styles...) before giving up. */
const XML_BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * Inflated shared strings the preview may read before giving up. Kept small: exceljs parses the
 * whole part again anyway, so a preview whose rows use strings listed late would only add to the
 * wait for the full read.
 */
export const SHARED_STRINGS_BUDGET_BYTES = 8 * 1024 * 1024;

/** Why the fast path stepped aside; caught inside `readXlsxPreview`, never shown. */
export class NotSure extends Error {}

export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** What a part may still inflate, and what giving up says. */
type Budget = { left: number; readonly tooMuch: string };

type PartHandlers = Readonly<{
  open: (node: SaxNode, depth: number) => void;
  text?: (text: string) => void;
  close: (node: SaxNode, depth: number) => void;
}>;

/** Opens a part of the workbook for parsing, checking its root element. */
type OpenPart = (root: string, handlers: PartHandlers) => Promise<XmlPart>;

/**
 * One part of the workbook, parsed as far as it is pulled: each `step()` inflates and parses
 * one more chunk. Refuses what exceljs would read differently or not at all.
 */
class XmlPart {
  private readonly parser: SaxParser;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly chunks: AsyncIterator<Buffer>;
  private error: Error | undefined;
  private depth = 0;
  ended = false;

  constructor(
    parts: ExceljsParts,
    private readonly stream: Readable,
    private readonly budget: Budget,
    private readonly signal: AbortSignal | undefined,
    root: string,
    handlers: Readonly<{
      open: (node: SaxNode, depth: number) => void;
      text?: (text: string) => void;
      close: (node: SaxNode, depth: number) => void;
    }>
  ) {
    this.chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const parser = parts.newSaxParser();
    this.parser = parser;
    parser.on('error', error => {
      this.error ??= error;
    });
    parser.on('xmldecl', decl => {
      if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding))
        this.error ??= new NotSure(`encoding ${decl.encoding}`);
    });
    parser.on('doctype', () => {
      this.error ??= new NotSure('a DOCTYPE');
    });
    // exceljs drops CDATA sections: step aside rather than mirror that.
    parser.on('cdata', () => {
      this.error ??= new NotSure('a CDATA section');
    });
    parser.on('opentag', node => {
      if (this.depth === 0 && (node.name !== root || node.attributes.xmlns === STRICT_MAIN))
        this.error ??= new NotSure(`root <${node.name}>`);
      handlers.open(node, this.depth++);
    });
    parser.on('closetag', node => handlers.close(node, --this.depth));
    const text = handlers.text;
    if (text) parser.on('text', text);
  }

  /** Parses the next chunk; false once the part is over (and found well-formed). */
  async step(): Promise<boolean> {
    if (this.ended) return false;
    if (this.signal?.aborted) throw new NotSure('cancelled');
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      const rest = this.decoder.decode();
      if (rest) this.parser.write(rest);
      this.parser.close();
      this.check();
      return false;
    }
    this.budget.left -= next.value.length;
    if (this.budget.left < 0) throw new NotSure(this.budget.tooMuch);
    this.parser.write(this.decoder.decode(next.value, { stream: true }));
    this.check();
    return true;
  }

  async toEnd(): Promise<void> {
    while (await this.step());
  }

  /** Stops inflating (the rest of the part is not needed). */
  async stop(): Promise<void> {
    this.stream.destroy();
    await this.chunks.return?.().catch(() => undefined);
  }

  private check(): void {
    if (this.error)
      throw this.error instanceof NotSure ? this.error : new NotSure(this.error.message);
  }
}

// ---- workbook-wide parts -------------------------------------------------------------------

/** A cell style as exceljs's StyleManager models it, reduced to what the text depends on. */
type StyleModel = Readonly<{ numFmt?: string }>;

export type Styles = Readonly<{ getStyleModel: (id: number) => StyleModel | null }>;

/**
 * `xl/styles.xml` read as exceljs's StyleManager reads it (number formats of `cellXfs`).
 *
 * exceljs reads `numFmts` and `cellXfs` with its ListXform, which has quirks this does not copy
 * but refuses: a second list clears the first; any other child (or a child inside `<numFmt>`)
 * ends the list at its close, so the entries after it are dropped.
 */
async function readStyles(part: OpenPart, parts: ExceljsParts): Promise<Styles> {
  const numFmts = new Map<number, string>();
  const xfs: number[] = [];
  const seen = new Set<string>();
  const stack: string[] = [];
  const styles = await part('styleSheet', {
    open: (node, depth) => {
      const parent = stack[depth - 1];
      stack[depth] = node.name;
      if (depth === 2 && (parent === 'numFmts' || parent === 'cellXfs')) {
        const item = parent === 'numFmts' ? 'numFmt' : 'xf';
        if (node.name !== item) throw new NotSure(`<${node.name}> in <${parent}>`);
      }
      if (depth === 3 && parent === 'numFmt' && stack[1] === 'numFmts')
        throw new NotSure(`<${node.name}> in <numFmt>`);
      switch (node.name) {
        case 'numFmts':
        case 'cellXfs':
          if (depth !== 1) throw new NotSure(`<${node.name}> out of place`);
          if (seen.has(node.name)) throw new NotSure(`a second <${node.name}>`);
          seen.add(node.name);
          break;
        case 'numFmt':
          if (parent === 'numFmts' && depth === 2) {
            const code = node.attributes.formatCode;
            if (code === undefined) throw new NotSure('a number format without a code');
            numFmts.set(
              parseInt(node.attributes.numFmtId ?? '', 10),
              code.replace(/[\\](.)/g, '$1')
            );
          } else if (parent !== 'dxf') throw new NotSure('<numFmt> out of place');
          break;
        case 'xf':
          if (parent === 'cellXfs' && depth === 2)
            xfs.push(parseInt(node.attributes.numFmtId ?? '', 10));
          else if (parent !== 'cellStyleXfs') throw new NotSure('<xf> out of place');
          break;
        case 'font':
        case 'fill':
        case 'border':
        case 'style':
          if (depth === 1) throw new NotSure(`<${node.name}> out of place`);
          break;
      }
    },
    close: () => undefined,
  });
  await styles.toEnd();
  const models = new Map<number, StyleModel>();
  return {
    getStyleModel: id => {
      // exceljs fails on any style lookup when the workbook has no cell formats.
      if (xfs.length === 0) throw new NotSure('no cell formats');
      const numFmtId = xfs[id];
      if (numFmtId === undefined) return null;
      let model = models.get(id);
      if (!model) {
        const numFmt = numFmtId
          ? numFmts.get(numFmtId) || parts.defaultNumFormats[numFmtId]?.f
          : undefined;
        model = numFmt ? { numFmt } : {};
        models.set(id, model);
      }
      return model;
    },
  };
}

/** Whether the workbook counts dates from 1904, as exceljs reads `workbookPr`. */
async function readDate1904(part: OpenPart): Promise<boolean> {
  let date1904 = false;
  const book = await part('workbook', {
    open: (node, depth) => {
      if (node.name !== 'workbookPr') return;
      if (depth !== 1) throw new NotSure('<workbookPr> out of place');
      date1904 = node.attributes.date1904 === '1';
    },
    close: () => undefined,
  });
  await book.toEnd();
  return date1904;
}

/** A shared string as exceljs caches it: text, rich text runs, or null. */
type SharedString = string | null | { richText: { text: string | null }[] };

/**
 * `xl/sharedStrings.xml`, read only as far as the highest index asked for. Mirrors exceljs's
 * `_parseSharedStrings` event for event (a `<t>` restarts the text, so phonetic runs win, as there).
 */
class SharedStrings {
  private readonly strings: SharedString[] = [];
  private text: string | null = null;
  private richText: { text: string | null }[] = [];

  private constructor(private part: XmlPart | null) {}

  static async open(make: OpenPart): Promise<SharedStrings> {
    const shared = new SharedStrings(null);
    shared.part = await make('sst', {
      open: node => {
        if (node.name === 'si') {
          shared.richText = [];
          shared.text = null;
        } else if (node.name === 't') shared.text = null;
      },
      text: value => {
        shared.text = shared.text ? shared.text + value : value;
      },
      close: node => {
        if (node.name === 'r') {
          shared.richText.push({ text: shared.text });
          shared.text = null;
        } else if (node.name === 'si') {
          shared.strings.push(shared.richText.length ? { richText: shared.richText } : shared.text);
          shared.richText = [];
          shared.text = null;
        }
      },
    });
    return shared;
  }

  async get(index: number): Promise<SharedString | undefined> {
    while (this.strings.length <= index && (await this.part!.step()));
    return this.strings[index];
  }

  async toEnd(): Promise<void> {
    await this.part!.toEnd();
  }

  async stop(): Promise<void> {
    await this.part!.stop();
  }
}

// ---- the sheet -------------------------------------------------------------------------------

type PendingValue = { sharedString: number };
type CellState = { numFmt: string | undefined; value: unknown };
export type RowState = { number: number; style: StyleModel; cells: (CellState | undefined)[] };

/** The column of a cell reference (`AB12` → 28): one to three capitals, then digits. */
function columnNumber(ref: string | undefined): number {
  // Read character by character: this runs for every cell of the full read.
  let n = 0;
  let letters = 0;
  const length = ref === undefined ? 0 : ref.length;
  while (letters < length) {
    const code = ref!.charCodeAt(letters);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
    letters++;
  }
  let digits = letters;
  while (digits < length) {
    const code = ref!.charCodeAt(digits);
    if (code < 48 || code > 57) break;
    digits++;
  }
  if (letters === 0 || letters > 3 || digits === letters || digits !== length)
    throw new NotSure(`cell reference ${ref ?? '(none)'}`);
  if (n > 16384) throw new NotSure(`cell reference ${ref}`);
  return n;
}

/**
 * What exceljs's `cell.value` is after `cell.value = v`: null for nothing, the truthy fields of a
 * formula (so a formula whose result is 0 shows nothing, as in the full read), `v` otherwise.
 */
export function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (o.formula || o.sharedFormula) {
    const copy: Record<string, unknown> = {};
    for (const key of ['formula', 'result', 'ref', 'shareType', 'sharedFormula'])
      if (o[key]) copy[key] = o[key];
    return copy;
  }
  return v;
}

/**
 * Parses a sheet with the state machine of exceljs's WorksheetReader (`parse()`), handing each
 * finished `<row>` to `rows`. Shared strings stay as `{ sharedString: index }` until resolved.
 */
export function sheetHandlers(
  parts: ExceljsParts,
  styles: Styles,
  date1904: boolean,
  hasSharedStrings: boolean,
  rows: RowState[]
) {
  let inRows = false;
  let row: RowState | null = null;
  let c: {
    ref?: string;
    s: number;
    t?: string;
    f?: { text: string };
    v?: { text: string };
  } | null = null;
  let current: { text: string } | null = null;
  return {
    open: (node: SaxNode) => {
      const a = node.attributes;
      switch (node.name) {
        case 'sheetData':
          inRows = true;
          break;
        case 'row':
          if (inRows) {
            if (a.r === undefined || !/^[1-9]\d{0,6}$/.test(a.r) || Number(a.r) > 1_048_576)
              throw new NotSure(`row number ${a.r ?? '(none)'}`);
            row = { number: parseInt(a.r, 10), style: {}, cells: [] };
            if (a.s) {
              const style = styles.getStyleModel(parseInt(a.s, 10));
              if (style) row.style = style;
            }
          }
          break;
        case 'c':
          if (row) c = { ref: a.r, s: parseInt(a.s ?? '', 10), t: a.t };
          break;
        case 'f':
          if (c) current = c.f = { text: '' };
          break;
        case 'v':
        case 'is':
        case 't':
          if (c) current = c.v = { text: '' };
          break;
      }
    },
    text: (value: string) => {
      if (current) current.text += value;
    },
    close: (node: SaxNode) => {
      switch (node.name) {
        case 'sheetData':
          inRows = false;
          break;
        case 'row':
          if (!row) throw new NotSure('a row outside the sheet data');
          rows.push(row);
          row = null;
          break;
        case 'c': {
          if (!row || !c) break;
          const col = columnNumber(c.ref);
          let cell = row.cells[col - 1];
          if (!cell) cell = row.cells[col - 1] = { numFmt: row.style.numFmt, value: null };
          if (c.s) {
            const style = styles.getStyleModel(c.s);
            if (style) cell.numFmt = style.numFmt;
          }
          if (c.f) {
            const formula: Record<string, unknown> = { formula: c.f.text };
            if (c.v)
              formula.result = c.t === 'str' ? parts.xmlDecode(c.v.text) : parseFloat(c.v.text);
            cell.value = cellValue(formula);
          } else if (c.v) {
            const text = c.v.text;
            switch (c.t) {
              case 's':
                if (!hasSharedStrings)
                  throw new NotSure('a shared string without the shared strings part');
                cell.value = { sharedString: parseInt(text, 10) } satisfies PendingValue;
                break;
              case 'inlineStr':
              case 'str':
                cell.value = cellValue(parts.xmlDecode(text));
                break;
              case 'e':
                cell.value = cellValue({ error: text });
                break;
              case 'b':
                cell.value = parseInt(text, 10) !== 0;
                break;
              default:
                cell.value = parts.isDateFmt(cell.numFmt)
                  ? parts.excelToDate(parseFloat(text), date1904)
                  : parseFloat(text);
            }
          }
          c = null;
          break;
        }
      }
    },
  };
}

export const isPending = (value: unknown): value is PendingValue =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PendingValue).sharedString === 'number';

/** A finished row as the record the full read writes (`excelRecord`), or null when blank. */
async function toRecord(row: RowState, shared: SharedStrings | null): Promise<RawRecord | null> {
  const count = row.cells.length;
  if (count > readLimits.maxColumns * 4)
    throw new NotSure('a row too wide (the full read says so)');
  const cells: string[] = [];
  for (let i = 0; i < count; i++) {
    const cell = row.cells[i];
    if (!cell) {
      cells.push('');
      continue;
    }
    let value = cell.value;
    if (isPending(value)) value = cellValue(await shared!.get(value.sharedString));
    cells.push(excelCellText({ value, numFmt: cell.numFmt }));
  }
  if (cells.length > readLimits.maxColumns && effectiveWidth(cells) > readLimits.maxColumns)
    throw new NotSure('a row too wide (the full read says so)');
  return isBlankRecord(cells) ? null : { line: row.number, cells };
}

// ---- the preview -----------------------------------------------------------------------------

/**
 * The first `previewRecords` non-blank records of the first of `sheets` (in workbook order) that
 * has any, exactly as the full read by exceljs will produce them; null when not sure.
 */
export async function readXlsxPreview(
  target: XlsxPreviewTarget,
  sheets: readonly XlsxSheet[],
  previewRecords: number,
  options: Readonly<{
    signal?: AbortSignal;
    /** Told why the preview was left to the full read (tests, diagnosis). */ onDecline?: (
      why: string
    ) => void;
  }> = {}
): Promise<XlsxPreview | null> {
  const { signal } = options;
  const opened: XmlPart[] = [];
  try {
    const parts = exceljsParts();
    const pkg =
      target.package ?? (await findXlsxPackage(target.path, target.fileName, target.entries));
    if (!pkg) throw new NotSure('no workbook');
    const budget: Budget = { left: XML_BUDGET_BYTES, tooMuch: 'too much XML before the preview' };
    const partOf =
      (entry: ZipEntry | undefined, own: Budget = budget, numbered = false) =>
      async (root: string, handlers: PartHandlers): Promise<XmlPart> => {
        if (!entry) throw new NotSure('a missing part');
        const bytes = await openEntry(target.path, target.fileName, entry);
        const part = new XmlPart(
          parts,
          // Rows and cells without `r` numbered as the full read numbers them.
          numbered
            ? (pipe([bytes, numberRowsAndCells()], () => undefined) as unknown as Readable)
            : bytes,
          own,
          signal,
          root,
          handlers
        );
        opened.push(part);
        return part;
      };
    // The parts exceljs reads before the sheet, each whole (they are small).
    await (
      await partOf(pkg.workbookRels)('Relationships', {
        open: () => undefined,
        close: () => undefined,
      })
    ).toEnd();
    const date1904 = await readDate1904(partOf(pkg.workbook));
    const styles = await readStyles(partOf(pkg.styles ?? undefined), parts);
    const sstEntry = pkg.sharedStrings ?? undefined;
    const sharedBudget: Budget = {
      left: SHARED_STRINGS_BUDGET_BYTES,
      tooMuch: 'too many shared strings before the preview',
    };
    const shared = sstEntry ? await SharedStrings.open(partOf(sstEntry, sharedBudget)) : null;

    for (const sheet of sheets) {
      const rows: RowState[] = [];
      const records: RawRecord[] = [];
      const entry = pkg.sheets.find(s => s.fileNo === sheet.fileNo)?.entry;
      const numbered =
        entry !== undefined &&
        (await leavesOutReferencesIn(target.path, target.fileName, entry, signal));
      const part = await partOf(
        entry,
        budget,
        numbered
      )('worksheet', sheetHandlers(parts, styles, date1904, shared !== null, rows));
      let more = true;
      while (more && records.length < previewRecords) {
        more = await part.step();
        // Rows after the last one needed are left alone: they could only give up (a shared string
        // far ahead, a row too wide) a preview that is already complete.
        for (const row of rows.splice(0)) {
          if (records.length >= previewRecords) break;
          const record = await toRecord(row, shared);
          if (record) records.push(record);
        }
      }
      if (records.length === 0) continue;
      // A sheet read to its end is a small one: read all of its shared strings too, so a damaged
      // part fails here (and the full read reports it) as it would have without this preview.
      if (!more) await shared?.toEnd();
      return { sheet: sheet.name, records };
    }
    options.onDecline?.('no sheet with records');
    return null;
  } catch (error) {
    // NotSure, or anything else (a damaged zip entry, a missing exceljs file): the full read decides.
    options.onDecline?.(error instanceof Error ? error.message : String(error));
    return null;
  } finally {
    await Promise.all(opened.map(p => p.stop()));
  }
}

/** What a sheet's cells depend on besides the sheet, as exceljs reads it (see `readBookFormats`). */
export type BookFormats = Readonly<{ parts: ExceljsParts; styles: Styles; date1904: boolean }>;

/**
 * The workbook-wide parts the full read needs before a sheet (relationships, the 1904 flag, the
 * number formats), read as the preview reads them. Throws `NotSure` on anything unusual.
 */
export async function readBookFormats(
  target: Readonly<{ path: string; fileName: string; package: XlsxPackage }>,
  signal?: AbortSignal
): Promise<BookFormats> {
  const parts = exceljsParts();
  const pkg = target.package;
  const budget: Budget = { left: XML_BUDGET_BYTES, tooMuch: 'too much XML before the sheet' };
  const opened: XmlPart[] = [];
  const partOf =
    (entry: ZipEntry | undefined) =>
    async (root: string, handlers: PartHandlers): Promise<XmlPart> => {
      if (!entry) throw new NotSure('a missing part');
      const bytes = await openEntry(target.path, target.fileName, entry);
      const part = new XmlPart(parts, bytes, budget, signal, root, handlers);
      opened.push(part);
      return part;
    };
  try {
    await (
      await partOf(pkg.workbookRels)('Relationships', {
        open: () => undefined,
        close: () => undefined,
      })
    ).toEnd();
    const date1904 = await readDate1904(partOf(pkg.workbook));
    const styles = await readStyles(partOf(pkg.styles ?? undefined), parts);
    return { parts, styles, date1904 };
  } finally {
    await Promise.all(opened.map(p => p.stop()));
  }
}
