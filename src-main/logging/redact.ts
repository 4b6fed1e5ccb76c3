/**
 * Redaction of secrets from anything Courier prints, logs or records.
 *
 * Two nets: the exact values Courier has handled (every secret the keychain store sets or reads
 * registers itself here), and patterns that look like secrets whoever wrote them (private key
 * blocks, `password=…`, credentials inside a URL). The registry lives per process (and per worker
 * thread): a worker that receives a secret must call `registerSecret` itself.
 */
import type { ErrorParams } from '../../src-core/errors';

/** What replaces a secret in text. */
export const REDACTED = '[redacted]';

/**
 * Secrets shorter than this are not matched by value: a one- or two-character "password" would
 * blank out every occurrence of that letter. The patterns below still catch `password=x`.
 */
const MIN_SECRET_LENGTH = 3;

// Process-wide on purpose: a secret the keychain handed out anywhere in this process is blanked
// in every log line and message, whichever service writes it.
const known = new Set<string>();
let ordered: string[] | null = null;

function add(value: string): void {
  if (value.length < MIN_SECRET_LENGTH || known.has(value)) return;
  known.add(value);
  ordered = null;
}

/**
 * Tells the redactor about a secret value so it never appears in output.
 *
 * Also registers the forms the value takes inside JSON and, for a private key, each line of its
 * body, so a partly printed key is caught as well.
 */
export function registerSecret(value: string | null | undefined): void {
  if (!value) return;
  add(value);
  const trimmed = value.trim();
  add(trimmed);
  // JSON.stringify escapes quotes, backslashes and line breaks: catch the escaped spelling too.
  add(JSON.stringify(value).slice(1, -1));
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(value)) {
    for (const line of value.split(/\r?\n/)) {
      if (line.length >= 16 && !line.startsWith('-----')) add(line.trim());
    }
  }
}

/** Forgets every registered secret (tests start from a clean slate). */
export function clearRegisteredSecrets(): void {
  known.clear();
  ordered = null;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns: ReadonlyArray<readonly [RegExp, string]> = [
  // A private key block, terminated or cut off.
  [
    /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
    `[redacted private key]`,
  ],
  [/PuTTY-User-Key-File-[\s\S]*?(Private-MAC: *[0-9a-f]+|$)/g, '[redacted private key]'],
  // "password": "…" inside JSON.
  [
    /("(?:password|passphrase|passwd|pwd|secret|privateKey|private_key|token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    `$1"${REDACTED}"`,
  ],
  // password=…, passphrase: … in free text, command lines and query strings.
  // (A colon counts only when the value follows at once: "the password: check it" is prose.)
  [
    /\b(password|passphrase|passwd|pwd|secret|token)(\s*=\s*|:)(?!\[redacted\])("[^"]*"|'[^']*'|[^\s&,;"']+)/gi,
    `$1$2${REDACTED}`,
  ],
  // The FTP login command, as a protocol trace prints it.
  [/(^|[\n>] ?)PASS [^\r\n]+/g, `$1PASS ${REDACTED}`],
  // scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${REDACTED}@`],
];

/** Replaces every known secret and every secret-looking pattern in a text. */
export function redact(text: string): string {
  if (!text) return text;
  ordered ??= [...known].sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of ordered) {
    if (out.includes(secret)) out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  }
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}

/** Redacts every string inside a JSON-like value (objects, arrays, errors), returning a copy. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object' || depth > 20) return value;
  if (value instanceof Error) {
    const plain: Record<string, unknown> = { name: value.name, message: redact(value.message) };
    if ('code' in value) plain.code = (value as { code: unknown }).code;
    if (value.stack) plain.stack = redact(value.stack);
    if (value.cause !== undefined) plain.cause = redactValue(value.cause, depth + 1);
    return plain;
  }
  if (Array.isArray(value)) return value.map(v => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      /^(password|passphrase|privateKey|private_key|secret|token)$/i.test(k) && v
        ? REDACTED
        : redactValue(v, depth + 1);
  }
  return out;
}

/**
 * An error's params as they may cross to the renderer: text values redacted like messages, and
 * any param whose name says it holds a secret dropped, whatever its value.
 */
export function redactParams(params: ErrorParams | undefined): ErrorParams | undefined {
  if (!params) return undefined;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (secretParamName.test(name)) continue;
    out[name] = typeof value === 'string' ? redact(value) : value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const secretParamName = /pass(word|phrase)?|secret|private|token|credential|key$/i;
