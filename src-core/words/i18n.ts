import { en, type MessageKey, type Messages } from './en';
import { fr } from './fr';
import { nl } from './nl';
import { createFormatters, type Formatters } from './format';

/** The languages Courier speaks (the platforms' markets). */
export const languages = ['en', 'fr', 'nl'] as const;
export type Language = (typeof languages)[number];

const catalogues: Readonly<Record<Language, Messages>> = { en, fr, nl };

/** Parameters a message can interpolate: `{name}` in the text. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Everything a component needs to speak the user's language. */
export type I18n = Readonly<{
  language: Language;
  /** The locale used for numbers and dates (the system's if it is in this language). */
  locale: string;
  t: (key: MessageKey, params?: MessageParams) => string;
  format: Formatters;
}>;

/** Picks the language for a system locale such as `fr-BE` (English when not one of ours). */
export function languageForLocale(locale: string | undefined): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (languages as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}

/** Builds the i18n object for a language, formatting with the system locale when it matches. */
export function createI18n(language: Language, systemLocale: string): I18n {
  const locale = languageForLocale(systemLocale) === language ? systemLocale : language;
  const messages = catalogues[language];
  const plural = new Intl.PluralRules(locale);
  const format = createFormatters(locale);
  // Each text split once into its literal parts and its `{name}`s (even indexes literal, odd
  // names): a rows-left-out file says a sentence for each of a million rows.
  const compiled = new Map<string, readonly string[]>();
  const partsOf = (text: string): readonly string[] => {
    let parts = compiled.get(text);
    if (!parts) {
      parts = text.split(/\{(\w+)\}/);
      compiled.set(text, parts);
    }
    return parts;
  };
  const t = (key: MessageKey, params: MessageParams = {}): string => {
    const message = messages[key] ?? en[key];
    // A key built at run time (an issue code Courier learnt later) falls back to itself.
    if (message === undefined) return key;
    const text =
      typeof message === 'string'
        ? message
        : plural.select(Number(params.count ?? 0)) === 'one'
          ? message.one
          : message.other;
    const parts = partsOf(text);
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      const value = params[name];
      out +=
        value === undefined
          ? `{${name}}`
          : typeof value === 'number'
            ? format.number(value)
            : value;
      out += parts[i + 1]!;
    }
    return out;
  };
  return { language, locale, t, format };
}
