import type { IssueCode } from '../../src-core/validation/issues';
import type { MessageKey } from '../../src-core/words/en';

/**
 * Each issue code's card title and History label (`issue.<code>`, with its `.help` line).
 *
 * Typed over every code, so a new code without a title does not compile.
 */
export const issueTitleKeys: Readonly<Record<IssueCode, MessageKey>> = {
  'required.missing': 'issue.required.missing',
  'mapping.required-unmapped': 'issue.mapping.required-unmapped',
  'email.invalid': 'issue.email.invalid',
  'language.invalid': 'issue.language.invalid',
  'language.normalised': 'issue.language.normalised',
  'phone.invalid': 'issue.phone.invalid',
  'phone.extension-dropped': 'issue.phone.extension-dropped',
  'phone.leading-zero': 'issue.phone.leading-zero',
  'date.invalid': 'issue.date.invalid',
  'date.time-skipped': 'issue.date.time-skipped',
  'date.time-twice': 'issue.date.time-twice',
  'number.invalid': 'issue.number.invalid',
  'value.not-allowed': 'issue.value.not-allowed',
  'list.separator-in-item': 'issue.list.separator-in-item',
  'recording.missing': 'issue.recording.missing',
  'recording.unreadable': 'issue.recording.unreadable',
  'contact.missing': 'issue.contact.missing',
  'duplicate.key': 'issue.duplicate.key',
  'text.invalid-bytes': 'issue.text.invalid-bytes',
  'text.control-characters': 'issue.text.control-characters',
  'output.delimiter': 'issue.output.delimiter',
  'output.line-break': 'issue.output.line-break',
  'output.quote': 'issue.output.quote',
  'output.unencodable': 'issue.output.unencodable',
  'output.formula-neutralised': 'issue.output.formula-neutralised',
  'limit.row-too-large': 'issue.limit.row-too-large',
};

/** The title key of an issue code; null for a code this Courier does not know (from a newer one). */
export function issueTitleKey(code: string): MessageKey | null {
  return Object.prototype.hasOwnProperty.call(issueTitleKeys, code)
    ? issueTitleKeys[code as IssueCode]
    : null;
}
