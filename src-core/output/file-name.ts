import { formatDate, partsOf } from '../validation/date';
import { REJECTED_FOLDER } from './rejected';

/** What a file-name template can refer to. */
export type NameContext = Readonly<{
  now: Date;
  /** 1-based number of the part when the output is split. */
  counter: number;
  variables: Readonly<Record<string, string>>;
}>;

/**
 * Renders a file-name template: `{date:YYYYMMDD}`, `{time:HHmmss}` (`{date}` and `{time}` use
 * those formats), `{counter}` or `{counter:3}` (zero-padded, at most 9 digits), and `{name}` for
 * any destination variable. An empty or unknown variable is written as its own name so the file
 * still says what it is. The result is sanitised (see `sanitiseFileName`).
 */
export function renderFileName(template: string, context: NameContext): string {
  const parts = partsOf(context.now);
  const text = template.replace(/\{([A-Za-z0-9_-]+)(?::([^}]*))?\}/g, (_, key: string, arg: string | undefined) => {
    if (key === 'date') return formatDate(parts, arg || 'YYYYMMDD');
    if (key === 'time') return formatDate(parts, arg || 'HHmmss');
    if (key === 'counter') return String(context.counter).padStart(counterWidth(arg), '0');
    // Own properties only: `{constructor}` or `{__proto__}` is a variable name, not a way into Object.prototype.
    const value = Object.prototype.hasOwnProperty.call(context.variables, key) ? context.variables[key] : undefined;
    return typeof value === 'string' && value.trim() !== '' ? value : key;
  });
  return sanitiseFileName(text);
}

/** Counters are zero-padded to at most this many digits (a billion files is far beyond any split). */
export const MAX_COUNTER_WIDTH = 9;

/** The width asked for in `{counter:N}`, between 1 and `MAX_COUNTER_WIDTH`. */
function counterWidth(arg: string | undefined): number {
  const n = Number(arg);
  return Number.isInteger(n) && n > 1 ? Math.min(n, MAX_COUNTER_WIDTH) : 1;
}

/**
 * Most file systems and servers allow 255 bytes per name; Courier keeps room for the temporary
 * names it uploads under (`.NAME.ID.part`) and the `_2` a repeated name gets.
 */
export const MAX_NAME_BYTES = 200;

// Names Windows reserves for devices, whatever the extension (superscript digits count too).
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/i;

/**
 * A file name safe on every system and server: no path separators, no `..`, none of the
 * characters Windows forbids (`< > : " / \ | ? *` and control characters), no trailing dot or
 * space, not a reserved device name (`CON`, `CON .csv`, `CONIN$`, `COM¹`…), at most
 * `MAX_NAME_BYTES` bytes in UTF-8 (cut between characters, the extension kept).
 */
export function sanitiseFileName(name: string): string {
  let s = name
    // `..` path segments go entirely, leading separators too: `../../etc/x` → `etc_x`.
    .replace(/(^|[/\\])\.\.(?=[/\\]|$)/g, '$1')
    .replace(/^[/\\]+/, '')
    .replace(/[/\\]+/g, '/')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (s === '') s = 'export';
  if (utf8Length(s) > MAX_NAME_BYTES - 1) {
    const ext = extensionOf(s);
    const keep = utf8Length(ext) <= 32 ? ext : '';
    s = cutToBytes(s.slice(0, s.length - keep.length), MAX_NAME_BYTES - 1 - utf8Length(keep)).replace(/[.\s]+$/, '') + keep;
  }
  // Windows ignores spaces at the end of the part before the first dot: `CON .csv` is `CON`.
  const dot = s.indexOf('.');
  const base = (dot < 0 ? s : s.slice(0, dot)).replace(/ +$/, '');
  if (RESERVED.test(base)) s = `_${s}`;
  return s;
}

/** The length of a text in UTF-8 bytes. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The longest start of a text that fits in `max` UTF-8 bytes, never splitting a character. */
function cutToBytes(text: string, max: number): string {
  let n = 0;
  let end = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (n + size > max) break;
    n += size;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** `.csv` of `a.b.csv`; empty when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** Inserts a suffix before the extension: `a.csv` + `_2` → `a_2.csv`. */
export function withSuffix(name: string, suffix: string): string {
  const ext = extensionOf(name);
  return name.slice(0, name.length - ext.length) + suffix + ext;
}

/** Replaces (or adds) the extension. */
export function withExtension(name: string, ext: string): string {
  const old = extensionOf(name);
  return name.slice(0, name.length - old.length) + ext;
}

/**
 * Names for `count` output files: rendered from the template with the part's counter; when the
 * template has no `{counter}` and there are several parts, `_1`, `_2`… are added; then any name
 * already used (sent before to this destination, another part, or the rejected rows' folder)
 * gets `_2`, `_3`…
 */
export function fileNames(template: string, count: number, context: Omit<NameContext, 'counter'>, taken: Iterable<string> = []): string[] {
  // The rejected rows' folder sits beside the output files: an output never takes its name.
  const used = new Set<string>([REJECTED_FOLDER, ...taken].map(n => n.toLowerCase()));
  const hasCounter = /\{counter(?::[^}]*)?\}/.test(template);
  const names: string[] = [];
  for (let i = 1; i <= count; i++) {
    let name = renderFileName(template, { ...context, counter: i });
    if (!hasCounter && count > 1) name = withSuffix(name, `_${i}`);
    let unique = name;
    for (let n = 2; used.has(unique.toLowerCase()); n++) unique = withSuffix(name, `_${n}`);
    used.add(unique.toLowerCase());
    names.push(unique);
  }
  return names;
}
