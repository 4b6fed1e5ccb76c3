/**
 * E-mail address syntax by the practical rules of RFC 5321/5322 (and RFC 6531 for non-ASCII):
 * one `@`, a dot-atom local part of at most 64 characters, a domain of at least two labels of 1-63
 * letters, digits or hyphens (internationalised labels allowed), and no spaces anywhere.
 *
 * Quoted local parts and IP-address domains are legal but never what a contact export means, so
 * they are refused (no survey platform accepts them either).
 */

/** Why an address is not valid, in words; null when it is valid. */
export function emailProblem(value: string): string | null {
  // Fast path for the ordinary ASCII address (most of a million-row file).
  if (value.length <= 254 && FAST.test(value) && value.indexOf('@') <= 64) return null;
  if (value === '') return 'it is empty';
  if (/\s/.test(value)) return 'it contains a space';
  const at = value.indexOf('@');
  if (at < 0) return 'it has no @';
  if (value.indexOf('@', at + 1) >= 0) return 'it has more than one @';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local === '') return 'nothing comes before the @';
  if (domain === '') return 'nothing comes after the @';
  if (length(local) > 64) return 'the part before the @ is longer than 64 characters';
  if (length(value) > 254) return 'it is longer than 254 characters';
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'the part before the @ has a misplaced dot';
  for (const ch of local) {
    if (!isAtext(ch)) return `the character “${ch}” is not allowed before the @`;
  }
  return domainProblem(domain);
}

/** Whether a value is a valid e-mail address (see `emailProblem`). */
export function isEmail(value: string): boolean {
  return emailProblem(value) === null;
}

function domainProblem(domain: string): string | null {
  const labels = domain.split('.');
  if (labels.length < 2) return 'the domain after the @ has no dot (like example.com)';
  for (const label of labels) {
    if (label === '') return 'the domain after the @ has a misplaced dot';
    if (length(label) > 63) return 'a part of the domain is longer than 63 characters';
    if (label.startsWith('-') || label.endsWith('-')) return 'a part of the domain starts or ends with a hyphen';
    for (const ch of label) {
      if (!isLabelChar(ch)) return `the character “${ch}” is not allowed in a domain`;
    }
  }
  const tld = labels[labels.length - 1]!;
  if (/^\d+$/.test(tld)) return 'the domain ends with a number';
  if (tld.length < 2) return 'the domain ending is too short';
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
