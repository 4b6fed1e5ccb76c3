import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';

/**
 * The few pieces of exceljs that the fast XLSX preview shares with the full read, taken from the
 * exceljs that is installed (not copies), so the two cannot drift apart: its XML parser (saxes,
 * resolved as exceljs resolves it), its date-format test, its entity decoding, its date
 * conversion and its table of built-in number formats. Loading them costs a few milliseconds;
 * loading exceljs itself costs most of a second.
 */

/** The events of saxes (5.x, non-namespace mode) that the readers use. */
export type SaxNode = { name: string; attributes: Record<string, string> };
export type SaxParser = {
  on(event: 'opentag', handler: (node: SaxNode) => void): void;
  on(event: 'closetag', handler: (node: SaxNode) => void): void;
  on(event: 'text' | 'cdata' | 'doctype', handler: (text: string) => void): void;
  on(event: 'xmldecl', handler: (decl: { encoding?: string }) => void): void;
  on(event: 'error', handler: (error: Error) => void): void;
  write(chunk: string): unknown;
  close(): unknown;
};

export type ExceljsParts = Readonly<{
  newSaxParser: () => SaxParser;
  /** exceljs's `utils.isDateFmt`: whether the streaming reader turns a number into a Date. */
  isDateFmt: (format: string | undefined) => boolean;
  /** exceljs's `utils.xmlDecode` (applied a second time to inline strings and string results). */
  xmlDecode: (text: string) => string;
  /** exceljs's `utils.excelToDate`. */
  excelToDate: (serial: number, date1904: boolean | undefined) => Date;
  /** exceljs's built-in number formats by id (`{ f: 'mm-dd-yy' }`; some ids only by locale). */
  defaultNumFormats: Readonly<Record<string, { f?: string } | undefined>>;
}>;

// Not named `require`: the built app's bundle declares its own `require` in the same scope.
const load = createRequire(import.meta.url);
let parts: ExceljsParts | undefined;

/** Loads the shared pieces once; throws when the installed exceljs is not laid out as expected. */
export function exceljsParts(): ExceljsParts {
  if (parts) return parts;
  const fromExceljs = createRequire(load.resolve('exceljs'));
  const { SaxesParser } = fromExceljs('saxes') as { SaxesParser: new () => SaxParser };
  const utils = load('exceljs/lib/utils/utils.js') as Omit<
    ExceljsParts,
    'newSaxParser' | 'defaultNumFormats'
  >;
  const defaultNumFormats = load(
    'exceljs/lib/xlsx/defaultnumformats.js'
  ) as ExceljsParts['defaultNumFormats'];
  if (
    typeof utils.isDateFmt !== 'function' ||
    typeof utils.xmlDecode !== 'function' ||
    typeof utils.excelToDate !== 'function'
  ) {
    throw new Error('exceljs utils are not where they were');
  }
  parts = {
    newSaxParser: () => new SaxesParser(),
    isDateFmt: format => utils.isDateFmt(format),
    xmlDecode: text => utils.xmlDecode(text),
    excelToDate: (serial, date1904) => utils.excelToDate(serial, date1904),
    defaultNumFormats,
  };
  return parts;
}

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

/**
 * exceljs's `parse-sax`, except that bytes are decoded as one UTF-8 stream per part.
 *
 * exceljs 4.4 decodes every inflated chunk on its own, so a character whose bytes straddle two
 * chunks (an accented letter, one time in a few hundred chunks) became two `�` in the cells read.
 * Upstream: https://github.com/exceljs/exceljs/issues/2084 (also #2316; fix proposed in PRs #1665,
 * #1821, #2894, none merged). Written for exceljs `EXCELJS_PATCHED_VERSION`: package.json pins that
 * version exactly, and a test fails when the installed one differs, so an upgrade re-checks this.
 */
export const EXCELJS_PATCHED_VERSION = '4.4.0';

function parseSaxWholeCharacters(SaxesParser: new () => SaxParser) {
  return async function* parseSax(
    iterable: AsyncIterable<unknown> & { pipe?: unknown }
  ): AsyncGenerator<SaxEvent[]> {
    let source: AsyncIterable<unknown> = iterable;
    if (typeof iterable.pipe === 'function' && !(Symbol.asyncIterator in iterable)) {
      source = (iterable as unknown as NodeJS.ReadableStream).pipe(new PassThrough());
    }
    const parser = new SaxesParser();
    const decoder = new TextDecoder('utf-8');
    let error: Error | undefined;
    parser.on('error', e => {
      error = e;
    });
    let events: SaxEvent[] = [];
    parser.on('opentag', value => events.push({ eventType: 'opentag', value }));
    parser.on('text', value => events.push({ eventType: 'text', value }));
    parser.on('closetag', value => events.push({ eventType: 'closetag', value }));
    for await (const chunk of source) {
      parser.write(
        typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true })
      );
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  };
}

/**
 * Makes the exceljs loaded next in this thread decode each XML part as one UTF-8 stream (see
 * `parseSaxWholeCharacters`). Must run before exceljs is first loaded, since its modules keep the
 * parser they required; says whether the fix is in place (false when exceljs was loaded before).
 */
export function decodeExceljsWholeCharacters(): boolean {
  const file = load.resolve('exceljs/lib/utils/parse-sax.js');
  const loaded = load.cache[file];
  if (loaded && (loaded.exports as { wholeCharacters?: boolean }).wholeCharacters) return true;
  if (loaded) return false;
  load(file);
  const module = load.cache[file];
  if (!module) return false;
  const { SaxesParser } = createRequire(file)('saxes') as { SaxesParser: new () => SaxParser };
  module.exports = Object.assign(parseSaxWholeCharacters(SaxesParser), { wholeCharacters: true });
  return true;
}
