/**
 * A small, fast XML tokenizer for the subset SpreadsheetML parts use: elements with attributes,
 * text with the five named entities and character references, comments and processing
 * instructions (skipped). It hands on the same events, with the same values, as saxes (the parser
 * exceljs uses) does for that subset, so the readers built on it keep exceljs's cell semantics.
 *
 * Anything outside the subset or not well-formed (a DOCTYPE, CDATA, an unknown entity, a
 * disallowed character, a mismatched or unclosed tag, an encoding other than UTF-8, a line break
 * or tab in an attribute value) throws `XmlOutsideSubset`: the caller then leaves the part to
 * exceljs, which decides. It never guesses.
 */

/** An element as saxes (non-namespace mode) reports it. */
export type XmlNode = { name: string; attributes: Record<string, string> };

export type XmlHandlers = Readonly<{
  open: (node: XmlNode) => void;
  text: (text: string) => void;
  close: (node: XmlNode) => void;
}>;

/** Why the scanner stepped aside: the part is left to the full XML parser. */
export class XmlOutsideSubset extends Error {}

// Characters XML 1.0 forbids anywhere (U+FFFE and U+FFFF included); saxes fails on them.
// eslint-disable-next-line no-control-regex -- the characters to find are control characters
const DISALLOWED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

const isXmlChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/** Text or an attribute value with its references replaced; throws on anything else after `&`. */
function decode(raw: string): string {
  if (raw.indexOf('&') === -1) return raw;
  let refs = 0;
  const out = raw.replace(
    ENTITY,
    (_, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
      refs++;
      if (named) return NAMED[named]!;
      const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
      if (!isXmlChar(code)) throw new XmlOutsideSubset(`character reference ${code}`);
      return String.fromCodePoint(code);
    }
  );
  let amps = 0;
  for (let i = raw.indexOf('&'); i !== -1; i = raw.indexOf('&', i + 1)) amps++;
  if (amps !== refs) throw new XmlOutsideSubset('an entity outside the five XML ones');
  return out;
}

/** XML's end-of-line handling: CR LF and lone CR read as LF (as saxes reads them). */
const newlines = (text: string): string =>
  text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');

/**
 * The short names SpreadsheetML repeats on every cell, as constants: a name sliced from the text
 * would be looked up in V8's string table each time it became a property key.
 */
function shortName(s: string, from: number, to: number): string {
  const n = to - from;
  if (n === 1) {
    switch (s.charCodeAt(from)) {
      case 0x63:
        return 'c';
      case 0x76:
        return 'v';
      case 0x72:
        return 'r';
      case 0x73:
        return 's';
      case 0x74:
        return 't';
      case 0x66:
        return 'f';
    }
  } else if (n === 3 && s.startsWith('row', from)) return 'row';
  else if (n === 2 && s.startsWith('si', from)) return 'si';
  return s.slice(from, to);
}

const isSpace = (code: number): boolean =>
  code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;

/**
 * Tokenizes one part fed in string chunks (`write`, then `end`). Text between two tags is handed
 * on whole, once the tag after it has arrived.
 */
export class XmlScanner {
  private buffer = '';
  private readonly stack: string[] = [];
  private rootSeen = false;
  private readonly closing: XmlNode = { name: '', attributes: {} };

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: string): void {
    if (DISALLOWED.test(chunk)) throw new XmlOutsideSubset('a character XML does not allow');
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    this.scan();
  }

  /** The part is over: it must have been one whole element. */
  end(): void {
    this.scan();
    const rest = this.buffer;
    if (this.stack.length > 0 || !this.rootSeen) throw new XmlOutsideSubset('the part ends early');
    if (rest.trim() !== '') throw new XmlOutsideSubset('text after the root element');
    if (rest !== '') this.handlers.text(newlines(rest));
    this.buffer = '';
  }

  private scan(): void {
    const s = this.buffer;
    const { open, text, close } = this.handlers;
    const stack = this.stack;
    let pos = 0;
    const length = s.length;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt === -1) break;
      if (lt > pos) {
        const raw = s.slice(pos, lt);
        // Outside the root only white space may stand (handed on all the same, as saxes does).
        if (stack.length === 0 && raw.trim() !== '')
          throw new XmlOutsideSubset('text outside the root element');
        text(decode(newlines(raw)));
      }
      pos = lt;
      if (lt + 1 >= length) break;
      const next = s.charCodeAt(lt + 1);
      if (next === 0x2f /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt === -1) break;
        let end = gt;
        while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
        const name = shortName(s, lt + 2, end);
        const openName = stack.pop();
        if (openName !== name) throw new XmlOutsideSubset(`</${name}> closes <${openName ?? ''}>`);
        // One node for every end tag: the handlers read its name there and keep nothing.
        this.closing.name = name;
        close(this.closing);
        pos = gt + 1;
      } else if (next === 0x3f /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end === -1) break;
        const body = s.slice(lt + 2, end);
        if (/^xml\s/.test(body)) {
          if (this.rootSeen || lt !== 0)
            throw new XmlOutsideSubset('an XML declaration out of place');
          const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(body)?.[1];
          if (encoding !== undefined && !/^utf-?8$/i.test(encoding))
            throw new XmlOutsideSubset(`encoding ${encoding}`);
        }
        pos = end + 2;
      } else if (next === 0x21 /* ! */) {
        if (lt + 4 > length) break;
        if (!s.startsWith('<!--', lt)) throw new XmlOutsideSubset('a DOCTYPE or CDATA section');
        const end = s.indexOf('-->', lt + 4);
        if (end === -1) break;
        pos = end + 3;
      } else {
        const after = this.openTag(s, lt, open, close);
        if (after === -1) break;
        pos = after;
      }
    }
    this.buffer = pos === 0 ? s : s.slice(pos);
  }

  /** Reads the start tag at `lt`; the position after it, or -1 when it is not all there yet. */
  private openTag(
    s: string,
    lt: number,
    open: XmlHandlers['open'],
    close: XmlHandlers['close']
  ): number {
    const length = s.length;
    let i = lt + 1;
    while (i < length) {
      const code = s.charCodeAt(i);
      if (isSpace(code) || code === 0x3e || code === 0x2f) break;
      i++;
    }
    if (i >= length) return -1;
    const name = shortName(s, lt + 1, i);
    if (name.length === 0) throw new XmlOutsideSubset('a tag without a name');
    const attributes: Record<string, string> = {};
    for (;;) {
      while (i < length && isSpace(s.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const code = s.charCodeAt(i);
      if (code === 0x3e /* > */ || code === 0x2f /* / */) {
        const selfClosing = code === 0x2f;
        if (selfClosing) {
          if (i + 1 >= length) return -1;
          if (s.charCodeAt(i + 1) !== 0x3e) throw new XmlOutsideSubset('a stray / in a tag');
        }
        if (this.stack.length === 0 && this.rootSeen)
          throw new XmlOutsideSubset('a second root element');
        this.rootSeen = true;
        const node = { name, attributes };
        open(node);
        if (selfClosing) {
          close(node);
          return i + 2;
        }
        this.stack.push(name);
        return i + 1;
      }
      let eq = i;
      while (eq < length) {
        const c = s.charCodeAt(eq);
        if (c === 0x3d /* = */ || isSpace(c)) break;
        if (c === 0x3c || c === 0x3e || c === 0x22 || c === 0x27 || c === 0x2f)
          throw new XmlOutsideSubset('a malformed attribute');
        eq++;
      }
      if (eq === i) throw new XmlOutsideSubset('a malformed attribute');
      const key = shortName(s, i, eq);
      while (eq < length && isSpace(s.charCodeAt(eq))) eq++;
      if (eq >= length) return -1;
      if (s.charCodeAt(eq) !== 0x3d) throw new XmlOutsideSubset('an attribute without a value');
      let q = eq + 1;
      while (q < length && isSpace(s.charCodeAt(q))) q++;
      if (q >= length) return -1;
      const quote = s.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) throw new XmlOutsideSubset('an unquoted attribute');
      const close2 = s.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (close2 === -1) return -1;
      const raw = s.slice(q + 1, close2);
      for (let k = q + 1; k < close2; k++) {
        const c = s.charCodeAt(k);
        if (c === 0x3c || c === 0x09 || c === 0x0a || c === 0x0d)
          throw new XmlOutsideSubset('an attribute value outside the subset');
      }
      if (attributes[key] !== undefined) throw new XmlOutsideSubset(`attribute ${key} twice`);
      attributes[key] = decode(raw);
      i = close2 + 1;
      if (i < length) {
        const after = s.charCodeAt(i);
        if (!isSpace(after) && after !== 0x3e && after !== 0x2f)
          throw new XmlOutsideSubset('attributes without a space between them');
      }
    }
  }
}
