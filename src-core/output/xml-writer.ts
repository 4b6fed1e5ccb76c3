import { ByteBuilder, firstUnencodable } from './encode';
import type { XmlElement, XmlLayout } from './xml-layout';

/**
 * Writes rows as XML in a learnt structure: the sample's declaration, root, wrappers and record
 * element, each row one record with its fields in the sample's order and case.
 *
 * Text is escaped (`& < >`, and `"` with line breaks and tabs in attributes); a character the
 * encoding cannot hold is written as a character reference (`&#x141;`), which XML allows.
 */

const escapeText = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (v: string) =>
  escapeText(v)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');

const attributesOf = (attributes: ReadonlyArray<readonly [string, string]>) =>
  attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');

/** A value with every character the encoding cannot hold as a character reference. */
function referenced(text: string, layout: XmlLayout): string {
  if (layout.encoding.startsWith('utf-8') || firstUnencodable(text, layout.encoding) === null)
    return text;
  let out = '';
  for (const c of text)
    out +=
      firstUnencodable(c, layout.encoding) === null
        ? c
        : `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`;
  return out;
}

/** The opening and closing text around the records (declaration, root, wrappers). */
function frame(layout: XmlLayout): { head: string; tail: string } {
  const nl = layout.newline;
  const pad = (depth: number) => (nl === '' ? '' : layout.indent.repeat(depth));
  const open = (e: XmlElement, depth: number) =>
    `${pad(depth)}<${e.name}${attributesOf(e.attributes)}>${nl}`;
  const close = (e: XmlElement, depth: number) => `${pad(depth)}</${e.name}>${nl}`;
  const chain = [layout.root, ...layout.wrappers];
  const head =
    (layout.declaration ? layout.declaration + nl : '') + chain.map((e, d) => open(e, d)).join('');
  const tail = chain
    .map((e, d) => close(e, d))
    .reverse()
    .join('');
  return { head, tail };
}

/**
 * One XML file of records: `rows` hold the destination's values in its column order, `columns`
 * the column names (to find each field's value).
 */
export function xmlFileBytes(
  layout: XmlLayout,
  columns: readonly string[],
  rows: readonly (readonly string[])[]
): Uint8Array {
  const nl = layout.newline;
  const depth = 1 + layout.wrappers.length;
  const pad = (d: number) => (nl === '' ? '' : layout.indent.repeat(d));
  const index = layout.fields.map(f => columns.indexOf(f.column));
  const elements = layout.fields
    .map((f, i) => ({ ...f, at: index[i]! }))
    .filter(f => f.kind === 'element');
  const attributes = layout.fields
    .map((f, i) => ({ ...f, at: index[i]! }))
    .filter(f => f.kind === 'attribute');
  const { head, tail } = frame(layout);
  const out = new ByteBuilder(4096);
  if (layout.encoding === 'utf-8-bom') out.append(new Uint8Array([0xef, 0xbb, 0xbf]));
  const encoding = layout.encoding;
  out.appendText(head, encoding);
  for (const row of rows) {
    const value = (at: number) => (at >= 0 ? (row[at] ?? '') : '');
    let record = `${pad(depth)}<${layout.record.name}${attributesOf(layout.record.attributes)}`;
    for (const a of attributes)
      record += ` ${a.name}="${referenced(escapeAttribute(value(a.at)), layout)}"`;
    if (elements.length === 0) record += `/>${nl}`;
    else {
      record += `>${nl}`;
      for (const e of elements) {
        const v = value(e.at);
        record +=
          v === '' && layout.selfClosingEmpty
            ? `${pad(depth + 1)}<${e.name}/>${nl}`
            : `${pad(depth + 1)}<${e.name}>${referenced(escapeText(v), layout)}</${e.name}>${nl}`;
      }
      record += `${pad(depth)}</${layout.record.name}>${nl}`;
    }
    out.appendText(record, encoding);
  }
  out.appendText(tail, encoding);
  return out.toBytes();
}
