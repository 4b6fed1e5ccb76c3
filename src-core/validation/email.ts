/**
 * E-mail address syntax by the practical rules of RFC 5321/5322 (and RFC 6531 for non-ASCII):
 * one `@`, a dot-atom local part of at most 64 characters, a domain of at least two labels of 1-63
 * letters, digits or hyphens (internationalised labels allowed), and no spaces anywhere.
 *
 * Quoted local parts and IP-address domains are legal but never what a contact export means, so
 * they are refused (no survey platform accepts them either).
 */

/** Every way an address can be wrong, as a stable code (the review says each in the user's language). */
export const emailProblemKinds = [
  'empty',
  'space',
  'no-at',
  'many-at',
  'local-empty',
  'domain-empty',
  'local-too-long',
  'too-long',
  'local-dot',
  'formula-start',
  'local-character',
  'domain-no-dot',
  'domain-dot',
  'label-too-long',
  'label-hyphen',
  'domain-character',
  'tld-number',
  'tld-short',
] as const;
export type EmailProblemKind = (typeof emailProblemKinds)[number];

/** What is wrong with an address: the kind, and for a refused character, that character ('' otherwise). */
export type EmailProblem = Readonly<{ kind: EmailProblemKind; character: string }>;

const problems = new Map<EmailProblemKind, EmailProblem>(emailProblemKinds.map(kind => [kind, { kind, character: '' }]));
const plain = (kind: EmailProblemKind): EmailProblem => problems.get(kind)!;

/** Why an address is not valid, as a kind; null when it is valid. */
export function emailProblemOf(value: string): EmailProblem | null {
  // RFC 5322 allows `=1+1@…` and `-x@…`, but no provider hands such an address out, and it is
  // exactly how formula injection rides through a validated column.
  const first = value.charCodeAt(0);
  if (first === 61 || first === 43 || first === 45) return { kind: 'formula-start', character: value[0]! };
  // Fast path for the ordinary ASCII address (most of a million-row file).
  if (value.length <= 254 && FAST.test(value) && value.indexOf('@') <= 64) return null;
  if (value === '') return plain('empty');
  if (/\s/.test(value)) return plain('space');
  const at = value.indexOf('@');
  if (at < 0) return plain('no-at');
  if (value.indexOf('@', at + 1) >= 0) return plain('many-at');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local === '') return plain('local-empty');
  if (domain === '') return plain('domain-empty');
  if (length(local) > 64) return plain('local-too-long');
  if (length(value) > 254) return plain('too-long');
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return plain('local-dot');
  for (const ch of local) {
    if (!isAtext(ch)) return { kind: 'local-character', character: ch };
  }
  return domainProblem(domain);
}

/** Whether a value is a valid e-mail address (see `emailProblem`). */
export function isEmail(value: string): boolean {
  return emailProblemOf(value) === null;
}

function domainProblem(domain: string): EmailProblem | null {
  const labels = domain.split('.');
  if (labels.length < 2) return plain('domain-no-dot');
  for (const label of labels) {
    if (label === '') return plain('domain-dot');
    if (length(label) > 63) return plain('label-too-long');
    if (label.startsWith('-') || label.endsWith('-')) return plain('label-hyphen');
    for (const ch of label) {
      if (!isLabelChar(ch)) return { kind: 'domain-character', character: ch };
    }
  }
  const tld = labels[labels.length - 1]!;
  if (/^\d+$/.test(tld)) return plain('tld-number');
  if (tld.length < 2) return plain('tld-short');
  return null;
}

const length = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const FAST =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

// RFC 5322 atext plus the dot, and (RFC 6531) any non-ASCII letter or mark.
const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]$/;
const NON_ASCII_OK = /^[\p{L}\p{M}\p{N}]$/u;
function isAtext(ch: string): boolean {
  return ch.charCodeAt(0) < 128 ? ATEXT.test(ch) : NON_ASCII_OK.test(ch);
}

function isLabelChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
  return NON_ASCII_OK.test(ch);
}
