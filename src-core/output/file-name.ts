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
 * those formats), `{counter}` or `{counter:3}` (zero-padded), and `{name}` for any destination
 * variable. An empty or unknown variable is written as its own name so the file still says what
 * it is. The result is sanitised (see `sanitiseFileName`).
 */
export function renderFileName(template: string, context: NameContext): string {
  const parts = partsOf(context.now);
  const text = template.replace(/\{([A-Za-z0-9_-]+)(?::([^}]*))?\}/g, (_, key: string, arg: string | undefined) => {
    if (key === 'date') return formatDate(parts, arg || 'YYYYMMDD');
    if (key === 'time') return formatDate(parts, arg || 'HHmmss');
    if (key === 'counter') return String(context.counter).padStart(Number(arg) || 1, '0');
    const value = context.variables[key];
    return value !== undefined && value.trim() !== '' ? value : key;
  });
  return sanitiseFileName(text);
}

// Names Windows reserves for devices, whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name safe on every system and server: no path separators, no `..`, none of the
 * characters Windows forbids (`< > : " / \ | ? *` and control characters), no trailing dot or
 * space, not a reserved device name, at most 180 characters.
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
  const dot = s.indexOf('.');
  const base = dot < 0 ? s : s.slice(0, dot);
  if (RESERVED.test(base)) s = `_${s}`;
  if (s.length > 180) {
    const ext = extensionOf(s);
    s = s.slice(0, 180 - ext.length) + ext;
  }
  return s;
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
