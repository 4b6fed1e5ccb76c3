import type { Message } from './message';

/**
 * English issue sentences (part of the English catalogue, see en.ts).
 *
 * One sentence per issue code (`sentence.<code>`), said from the issue's params by
 * `issueText`; `{value}` is the cell as shown, `{line}` the line the person sees.
 */
export const enIssueSentences = {
  'sentence.required.missing':
    'Line {line}: {column} is empty, and {destination} needs it in every row.',
  'sentence.mapping.required-unmapped':
    'No column of the file is chosen for “{column}”, which {destination} requires: choose one, or no row can be sent.',
  'sentence.email.invalid': 'Line {line}: “{value}” is not a valid e-mail address ({problem}).',
  'sentence.email.problem.empty': 'it is empty',
  'sentence.email.problem.space': 'it contains a space',
  'sentence.email.problem.no-at': 'it has no @',
  'sentence.email.problem.many-at': 'it has more than one @',
  'sentence.email.problem.local-empty': 'nothing comes before the @',
  'sentence.email.problem.domain-empty': 'nothing comes after the @',
  'sentence.email.problem.local-too-long': 'the part before the @ is longer than 64 characters',
  'sentence.email.problem.too-long': 'it is longer than 254 characters',
  'sentence.email.problem.local-dot': 'the part before the @ has a misplaced dot',
  'sentence.email.problem.formula-start':
    'it starts with “{character}”, which no mail provider gives out and spreadsheets read as a formula',
  'sentence.email.problem.local-character':
    'the character “{character}” is not allowed before the @',
  'sentence.email.problem.domain-no-dot': 'the domain after the @ has no dot, like example.com',
  'sentence.email.problem.domain-dot': 'the domain after the @ has a misplaced dot',
  'sentence.email.problem.label-too-long': 'a part of the domain is longer than 63 characters',
  'sentence.email.problem.label-hyphen': 'a part of the domain starts or ends with a hyphen',
  'sentence.email.problem.domain-character':
    'the character “{character}” is not allowed in a domain',
  'sentence.email.problem.tld-number': 'the domain ends with a number',
  'sentence.email.problem.tld-short': 'the end of the domain is too short',
  'sentence.language.invalid':
    'Line {line}: “{value}” is not a language Courier recognises; write a two-letter code such as EN, FR, NL or DE.',
  'sentence.language.normalised': 'Line {line}: the language “{value}” is sent as “{code}”.',
  'sentence.phone.invalid':
    'Line {line}: “{value}” is not a valid phone number (default country: {country}).',
  'sentence.phone.elsewhere':
    'If it is a number from {otherCountry}, its international form is {international}.',
  'sentence.phone.leading-zero':
    'Line {line}: “{value}” lost its leading 0 (Excel removes it from numbers); it is read as {restored} and sent as “{sent}”.',
  'sentence.phone.extension-dropped':
    'Line {line}: “{value}” is sent as “{sent}”, without its extension {extension}: phone numbers are sent in international form, which has no room for one.',
  'sentence.date.invalid': 'Line {line}: “{value}” is not a date written as {format}.',
  'sentence.date.reads-as': 'In that form, it is {reading}.',
  'sentence.date.time-skipped':
    'Line {line}: “{value}” never happened in {zone}: the clocks skipped that hour (daylight saving time began). Check the time.',
  'sentence.date.time-twice':
    'Line {line}: “{value}” happened twice in {zone} (the clocks went back); it is read as the first time, at UTC{offset}.',
  'sentence.number.invalid': 'Line {line}: “{value}” in {column} is not a number.',
  'sentence.value.not-allowed':
    'Line {line}: “{value}” is not allowed in {column}; the values allowed are {allowed}.',
  'sentence.list.separator-in-item':
    'Line {line}: the item “{value}” of {column} contains “{separator}”, which separates the items of this list. Remove or replace it.',
  'sentence.recording.missing': 'Line {line}: the recording “{value}” is not in the folder.',
  'sentence.recording.unreadable':
    'Line {line}: the recording “{value}” is in the folder, but Courier may not read it. Ask for read access to it.',
  'sentence.contact.missing': {
    one: 'Line {line}: {columns} holds no valid value, so {destination} would not take this contact.',
    other:
      'Line {line}: none of the columns {columns} holds a valid value, so {destination} would not take this contact.',
  },
  'sentence.duplicate.key': {
    one: 'Line {line} has the same {key} as line {firstLine}.',
    other: 'Line {line} has the same {key} as line {firstLine}.',
  },
  'sentence.duplicate.left-out': 'It is left out: only the first is sent.',
  'sentence.duplicate.kept': 'Both are sent.',

  'sentence.text.invalid-bytes':
    'Line {line}: “{value}” in {column} holds bytes that are not valid UTF-8 ({bytes}); read as Windows-1252 it is “{reading}”.',
  'sentence.text.control-characters':
    'Line {line}: “{value}” in {column} holds an invisible control character (shown as a symbol such as ␀), which is never written to a file.',
  'sentence.output.delimiter.tab':
    'Line {line}: the value “{value}” in {column} contains a tab, which this file format cannot hold without quotes. Remove or replace it.',
  'sentence.output.delimiter.separator':
    'Line {line}: the value “{value}” in {column} contains {delimiter}, which separates the values in this file and cannot be quoted. Remove or replace it.',
  'sentence.delimiter.comma': 'a comma (,)',
  'sentence.delimiter.semicolon': 'a semicolon (;)',
  'sentence.delimiter.tab': 'a tab',
  'sentence.delimiter.pipe': 'a vertical bar (|)',
  'sentence.output.line-break':
    'Line {line}: the value in {column} contains a line break, which this file format cannot hold. Remove it.',
  'sentence.output.quote':
    'Line {line}: the value “{value}” in {column} contains a double quote ("); in a file without quotes some platforms misread it. Consider removing it.',
  'sentence.output.unencodable':
    'Line {line}: “{value}” contains “{character}”, which cannot be written in {encoding}. Replace it, or choose UTF-8 for this destination.',
  'sentence.encoding.western': 'the Western European encoding ({name})',
  'sentence.encoding.utf-8': 'UTF-8',
  'sentence.output.formula-neutralised':
    'Line {line}: “{value}” starts like a spreadsheet formula, so it is sent as “{sent}” to keep spreadsheet programs from running it.',
  'sentence.limit.row-too-large':
    'Line {line} alone is larger than the {size} {destination} allows per file.',
} satisfies Record<string, Message>;
