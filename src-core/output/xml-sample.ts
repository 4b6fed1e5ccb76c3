import { CourierError, type ErrorCode } from '../errors';
import { decodeText } from './encode';
import { XmlLayout } from './xml-layout';
import type { OutputEncoding } from '../destinations/destination';

/**
 * XML from a vendor's sample (CustomerGauge: "for XML the field names are case sensitive and
 * should be used as provided in the sample file"): Courier learns the sample's structure and
 * writes each row as one record in the same structure.
 *
 * What it follows: a declaration (kept as written), a root element with its attributes and
 * namespace declarations, optional wrapper elements, one repeated record element, and fields that
 * are either the record's attributes or its child elements holding text, with their exact names,
 * prefixes and order. What it refuses, in plain words: mixed content, nested or repeating groups
 * inside a record, an encoding it cannot write, a sample that is not well-formed.
 */

type Node = {
  name: string;
  attributes: Array<[string, string]>;
  children: Node[];
  /** Non-blank text directly inside (mixed content when it has children too). */
  text: string;
  /** The blank text before each child (indentation), in order. */
  gaps: string[];
  selfClosed: boolean;
};

/** The `xml-sample.*` error codes, without their prefix. */
type XmlSampleCode = ErrorCode extends infer C
  ? C extends `xml-sample.${infer S}`
    ? S
    : never
  : never;

const refuse = (
  code: XmlSampleCode,
  message: string,
  params: Record<string, string | number> = {}
) => new CourierError(`xml-sample.${code}`, message, { params });

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function unescape(text: string, at: () => number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const known = ENTITIES[name];
    if (known === undefined)
      throw refuse(
        'unreadable',
        `The sample is not XML Courier can read: the entity “${whole}” (near character ${at()}) is not defined.`,
        { detail: whole }
      );
    return known;
  });
}

const NAME = /^[A-Za-z_][\w.:-]*/;

/** Parses the document element of an XML text (no DTD, no external entities: refused). */
function parse(text: string): { declaration: string | null; root: Node; trailingNewline: boolean } {
  let i = 0;
  const fail = (what: string): never => {
    throw refuse(
      'unreadable',
      `The sample is not XML Courier can read: ${what} (near character ${i + 1}).`,
      { detail: what }
    );
  };
  let declaration: string | null = null;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('the declaration is not closed');
    declaration = text.slice(0, end + 2);
    i = end + 2;
  }
  const skipMisc = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i);
        if (end < 0) fail('a comment is not closed');
        i = end + 3;
      } else if (text.startsWith('<?', i)) {
        const end = text.indexOf('?>', i);
        if (end < 0) fail('an instruction is not closed');
        i = end + 2;
      } else if (text.startsWith('<!DOCTYPE', i)) {
        const end = text.indexOf('>', i);
        if (end < 0 || text.slice(i, end).includes('['))
          fail('a DOCTYPE with its own definitions is not supported');
        i = end + 1;
      } else return;
    }
  };
  const readName = (): string => {
    const m = NAME.exec(text.slice(i, i + 200));
    if (!m) return fail('a name was expected');
    i += m[0].length;
    return m[0];
  };
  const element = (): Node => {
    if (text[i] !== '<') fail('an element was expected');
    i++;
    const node: Node = {
      name: readName(),
      attributes: [],
      children: [],
      text: '',
      gaps: [],
      selfClosed: false,
    };
    for (;;) {
      while (/\s/.test(text[i] ?? '')) i++;
      if (text.startsWith('/>', i)) {
        i += 2;
        node.selfClosed = true;
        return node;
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      const name = readName();
      while (/\s/.test(text[i] ?? '')) i++;
      if (text[i] !== '=') fail(`the attribute “${name}” has no value`);
      i++;
      while (/\s/.test(text[i] ?? '')) i++;
      const quote = text[i];
      if (quote !== '"' && quote !== "'") return fail(`the attribute “${name}” is not quoted`);
      const end = text.indexOf(quote, i + 1);
      if (end < 0) fail(`the attribute “${name}” is not closed`);
      if (node.attributes.some(([n]) => n === name)) fail(`the attribute “${name}” appears twice`);
      const start = i;
      node.attributes.push([name, unescape(text.slice(i + 1, end), () => start)]);
      i = end + 1;
    }
    let gap = '';
    for (;;) {
      if (i >= text.length) fail(`the element “${node.name}” is not closed`);
      if (text.startsWith('</', i)) {
        i += 2;
        const name = readName();
        if (name !== node.name) fail(`“${node.name}” is closed by “${name}”`);
        while (/\s/.test(text[i] ?? '')) i++;
        if (text[i] !== '>') fail(`the end of “${name}” is not closed`);
        i++;
        if (node.children.length === 0 && gap.trim() === '') node.text ||= '';
        return node;
      }
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i);
        if (end < 0) fail('a comment is not closed');
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const end = text.indexOf(']]>', i);
        if (end < 0) fail('a CDATA section is not closed');
        node.text += text.slice(i + 9, end);
        i = end + 3;
      } else if (text.startsWith('<?', i)) {
        const end = text.indexOf('?>', i);
        if (end < 0) fail('an instruction is not closed');
        i = end + 2;
      } else if (text[i] === '<') {
        node.gaps.push(gap);
        gap = '';
        node.children.push(element());
      } else {
        const next = text.indexOf('<', i);
        const chunk = text.slice(i, next < 0 ? text.length : next);
        const start = i;
        if (chunk.trim() === '') gap += chunk;
        else node.text += unescape(chunk, () => start);
        i = next < 0 ? text.length : next;
      }
    }
  };
  skipMisc();
  const root = element();
  const rest = i;
  skipMisc();
  if (i < text.length) fail('there is more after the root element');
  return { declaration, root, trailingNewline: /\n/.test(text.slice(rest)) };
}

const ENCODINGS: Readonly<Record<string, OutputEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'iso_8859-1': 'iso-8859-1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

/** Decodes a sample's bytes by its byte-order mark and declaration. */
function decodeSample(bytes: Uint8Array): { text: string; encoding: OutputEncoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw refuse(
      'encoding',
      'The sample is written in UTF-16, which Courier does not write. Ask for the sample in UTF-8.',
      { encoding: 'UTF-16' }
    );
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const head = String.fromCharCode(...bytes.subarray(bom ? 3 : 0, Math.min(bytes.length, 200)));
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  let encoding: OutputEncoding = 'utf-8';
  if (declared !== undefined) {
    const known = ENCODINGS[declared.toLowerCase()];
    if (!known)
      throw refuse(
        'encoding',
        `The sample is written in ${declared}, which Courier does not write. UTF-8, ISO-8859-1 and Windows-1252 are supported.`,
        { encoding: declared }
      );
    encoding = known;
  }
  if (bom && encoding !== 'utf-8')
    throw refuse(
      'unreadable',
      'The sample is not XML Courier can read: it starts with a UTF-8 mark but declares another encoding.',
      { detail: 'bom' }
    );
  const text = decodeText(bom ? bytes.subarray(3) : bytes, encoding);
  return { text, encoding: bom ? 'utf-8-bom' : encoding };
}

const isNamespace = ([name]: [string, string]) => name === 'xmlns' || name.startsWith('xmlns:');
const plain = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Learns a sample's structure; `columns` are the destination's column names, matched to the
 * fields by name (case, spaces and punctuation aside); an unmatched field names its own column.
 */
export function learnXmlSample(
  bytes: Uint8Array,
  columns: readonly string[],
  sampleName = ''
): XmlLayout {
  const { text, encoding } = decodeSample(bytes);
  const { declaration, root } = parse(text);
  const mixed = (node: Node) => {
    if (node.children.length > 0 && node.text.trim() !== '')
      throw refuse(
        'mixed-content',
        `The sample mixes text and elements inside “${node.name}”. Courier can follow a sample whose records hold only fields.`,
        { element: node.name }
      );
  };
  // Down from the root to the repeated record element, through single wrappers.
  const wrappers: Node[] = [];
  let parent = root;
  let records: Node[];
  for (;;) {
    mixed(parent);
    const kids = parent.children;
    if (kids.length === 0)
      throw refuse('no-records', `The sample has no records: “${parent.name}” holds no elements.`, {
        element: parent.name,
      });
    const names = new Set(kids.map(k => k.name));
    if (names.size > 1) {
      if (parent === root && kids.every(k => k.children.length === 0))
        throw refuse(
          'no-records',
          `The sample has no repeated record: the elements inside “${root.name}” all differ. Ask for a sample with at least one record inside the root element.`,
          { element: root.name }
        );
      throw refuse(
        'nested-group',
        `The sample has different elements side by side inside “${parent.name}” (${[...names].join(', ')}). Courier can follow one repeated record element.`,
        { element: parent.name }
      );
    }
    const only = kids[0]!;
    // A record holds at least one text field (or, attributes only, nothing inside).
    const recordLike = (k: Node) =>
      k.children.some(c => c.children.length === 0) ||
      (k.children.length === 0 && k.attributes.length > 0);
    if (kids.length > 1 || recordLike(only)) {
      records = kids;
      break;
    }
    wrappers.push(only);
    parent = only;
  }
  // `wrappers` holds the elements between the root and the records' parent.
  const first = records[0]!;
  const fields: Array<{ name: string; kind: 'element' | 'attribute' }> = [];
  const add = (name: string, kind: 'element' | 'attribute') => {
    if (!fields.some(f => f.name === name && f.kind === kind)) fields.push({ name, kind });
  };
  let selfClosingEmpty = false;
  for (const record of records) {
    mixed(record);
    if (record.children.length === 0 && record.text.trim() !== '')
      throw refuse(
        'mixed-content',
        `The record “${record.name}” holds text of its own. Courier can follow records whose values are in fields.`,
        { element: record.name }
      );
    for (const attribute of record.attributes)
      if (!isNamespace(attribute)) add(attribute[0], 'attribute');
    const seen = new Set<string>();
    for (const field of record.children) {
      if (seen.has(field.name))
        throw refuse(
          'nested-group',
          `“${field.name}” repeats inside one “${record.name}”. Courier can follow records where each field appears once, not repeating groups.`,
          { element: field.name }
        );
      seen.add(field.name);
      if (field.children.length > 0)
        throw refuse(
          'nested-group',
          `“${field.name}” inside “${record.name}” holds elements of its own. Courier can follow records whose fields hold only text.`,
          { element: field.name }
        );
      if (field.attributes.length > 0)
        throw refuse(
          'nested-group',
          `“${field.name}” inside “${record.name}” carries attributes. Courier can follow fields that are either elements holding text or attributes of the record.`,
          { element: field.name }
        );
      if (field.selfClosed) selfClosingEmpty = true;
      add(field.name, 'element');
    }
  }
  const byPlain = new Map(columns.map(c => [plain(c), c]));
  const newlineOf = (gap: string | undefined) =>
    gap === undefined ? '' : gap.includes('\r\n') ? '\r\n' : gap.includes('\n') ? '\n' : '';
  const firstGap = root.gaps[0];
  const newline = newlineOf(firstGap);
  const indent =
    newline === ''
      ? ''
      : (firstGap ?? '')
          .split(/\r?\n/)
          .pop()!
          .replace(/[^ \t]/g, '');
  return XmlLayout.parse({
    declaration,
    encoding,
    root: { name: root.name, attributes: root.attributes },
    wrappers: wrappers.map(w => ({ name: w.name, attributes: w.attributes })),
    record: { name: first.name, attributes: first.attributes.filter(isNamespace) },
    fields: fields.map(f => ({ ...f, column: byPlain.get(plain(f.name)) ?? f.name })),
    newline,
    indent,
    selfClosingEmpty,
    sampleName,
  });
}

/** The destination's parts that an XML sample sets: its format, its structure and its columns. */
type WithColumns = Readonly<{
  columns: ReadonlyArray<Readonly<{ name: string }>>;
  output: Readonly<{ format: string; xml: XmlLayout | null }>;
}>;

/**
 * A destination set to write XML in a learnt structure: each field without a column of the same
 * name gets a new (text) column named exactly as the field, so nothing of the sample is lost.
 */
export function withXmlSample<D extends WithColumns>(destination: D, layout: XmlLayout): D {
  const names = new Set(destination.columns.map(c => c.name));
  const added = layout.fields
    .filter(f => !names.has(f.column))
    .map(f => ({ name: f.column, required: false, rule: 'text' as const }));
  return {
    ...destination,
    columns: [...destination.columns, ...added],
    output: { ...destination.output, format: 'xml', xml: layout },
  };
}
