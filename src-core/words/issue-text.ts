import { en, isMessageKey, type MessageKey } from './en';
import type { Message } from './message';
import { createI18n, type I18n } from './i18n';
import { dateFormatWords } from './format-words';
import { issueCodes } from '../validation/issues';

/**
 * An issue as core emits it (and the review receives it): its code, the form of its sentence and
 * the raw values. No sentence: every one is said here, from the catalogue.
 */
export type IssueForText = Readonly<{
  code: string;
  variant: string | null;
  params: Readonly<Record<string, string | number | readonly string[]>>;
}>;

type Values = Record<string, string | number>;

const delimiterKeys: Readonly<Record<string, MessageKey>> = {
  ',': 'sentence.delimiter.comma',
  ';': 'sentence.delimiter.semicolon',
  '\t': 'sentence.delimiter.tab',
  '|': 'sentence.delimiter.pipe',
};

const westernEncodings: Readonly<Record<string, string>> = {
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO 8859-1',
};

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the current language ("BE" → "Belgique"); the code itself when it has none. */
function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    // Not a region code at all (a destination file written by hand): say it as written.
    return code;
  }
}

const placeholders = new Map<string, readonly string[]>();

/** The values a catalogue sentence names (`{line}`, `{value}`…), found once per key. */
function placeholdersOf(key: MessageKey): readonly string[] {
  let names = placeholders.get(key);
  if (!names) {
    const message: Message = en[key];
    names = (typeof message === 'string' ? [message] : [message.one, message.other]).flatMap(
      text => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]!)
    );
    placeholders.set(key, names);
  }
  return names;
}

/**
 * An issue's sentence in the current language ("Ligne 12 : « foo@ » n’est pas une adresse e-mail
 * valide (rien ne suit l’@).").
 *
 * Said from the issue's params through the catalogue (`sentence.*` keys): countries by their
 * names in the language (Intl.DisplayNames), lists with its "and", sizes in its units. The one
 * source of these sentences: the command line, the rows-left-out file and the window all say
 * them from here. An issue the catalogue cannot say whole (a code, form or value from a newer
 * Courier) is said by its group title, with its line when it has one.
 */
export function issueText(issue: IssueForText, i18n: I18n): string {
  return sentence(issue, i18n) ?? titled(issue, i18n);
}

let english: I18n | null = null;

/** An issue's sentence in English, as the command line prints it and `--json` gives it. */
export function englishIssueText(issue: IssueForText): string {
  english ??= createI18n('en', 'en');
  return issueText(issue, english);
}

/** The fallback: the code's group title (English: only a code from a newer Courier gets here), with its line. */
function titled(issue: IssueForText, i18n: I18n): string {
  const title = (issueCodes as Record<string, { title: string }>)[issue.code]?.title ?? issue.code;
  const line = issue.params.line;
  return typeof line === 'number' ? `${i18n.t('rejected.line')} ${i18n.format.number(line)}: ${title}.` : `${title}.`;
}

function sentence(issue: IssueForText, i18n: I18n): string | null {
  const values: Values = {};
  for (const name in issue.params) {
    const value = issue.params[name]!;
    values[name] = typeof value === 'object' ? i18n.format.list(value) : value;
  }
  // Said for every problem of a file (a million, in a rows-left-out file): no copy of the values
  // unless a sentence adds its own.
  const say = (key: string, extra?: Values): string | null => {
    if (!isMessageKey(key)) return null;
    const all = extra ? Object.assign({}, values, extra) : values;
    for (const name of placeholdersOf(key)) if (all[name] === undefined) return null;
    return i18n.t(key, all);
  };
  const both = (first: string | null, second: string | null) =>
    first !== null && second !== null ? `${first} ${second}` : null;
  const p = issue.params;
  const countOf = (name: string) => {
    const list = p[name];
    return Array.isArray(list) ? list.length : 0;
  };

  switch (issue.code) {
    case 'email.invalid': {
      const problem = say(`sentence.email.problem.${issue.variant}`);
      return problem === null ? null : say('sentence.email.invalid', { problem });
    }
    case 'phone.invalid': {
      if (typeof p.country !== 'string') return null;
      const country = countryName(p.country, i18n.locale);
      const main = say('sentence.phone.invalid', { country });
      if (issue.variant === 'plain') return main;
      if (issue.variant !== 'elsewhere' || typeof p.otherCountry !== 'string') return null;
      const otherCountry = countryName(p.otherCountry, i18n.locale);
      return both(main, say('sentence.phone.elsewhere', { otherCountry }));
    }
    case 'date.invalid': {
      if (typeof p.format === 'string') values.format = dateFormatWords(p.format, i18n.language);
      const main = say('sentence.date.invalid');
      if (issue.variant === 'plain') return main;
      return issue.variant === 'reads-as' ? both(main, say('sentence.date.reads-as')) : null;
    }
    case 'output.delimiter': {
      const key = delimiterKeys[String(p.delimiter)];
      if (!key) return null;
      return say(`sentence.output.delimiter.${issue.variant}`, { delimiter: i18n.t(key) });
    }
    case 'output.unencodable': {
      const encoding = String(p.encoding);
      const name = westernEncodings[encoding];
      const words = name
        ? i18n.t('sentence.encoding.western', { name })
        : encoding.startsWith('utf-8')
          ? i18n.t('sentence.encoding.utf-8')
          : encoding;
      return say('sentence.output.unencodable', { encoding: words });
    }
    case 'limit.row-too-large':
      return typeof p.maxBytes === 'number'
        ? say('sentence.limit.row-too-large', { size: i18n.format.bytes(p.maxBytes) })
        : null;
    case 'contact.missing':
      return say('sentence.contact.missing', { count: countOf('columns') });
    case 'duplicate.key': {
      const main = say('sentence.duplicate.key', { count: countOf('key') });
      // An issue recorded before duplicates had forms says only which row it repeats.
      return issue.variant === null ? main : both(main, say(`sentence.duplicate.${issue.variant}`));
    }
    default:
      return issue.variant === null ? say(`sentence.${issue.code}`) : null;
  }
}
