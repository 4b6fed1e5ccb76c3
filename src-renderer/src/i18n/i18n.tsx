import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createI18n, type I18n, type Language } from '../../../src-core/words/i18n';

// The words themselves live in src-core/words (one catalogue for the app, the CLI and files).
export {
  createI18n,
  languageForLocale,
  languages,
  type I18n,
  type Language,
  type MessageParams,
} from '../../../src-core/words/i18n';

const I18nContext = createContext<I18n>(createI18n('en', 'en'));

/** Provides the chosen language to the tree below. */
export function I18nProvider(props: {
  language: Language;
  systemLocale: string;
  children: ReactNode;
}) {
  const value = useMemo(
    () => createI18n(props.language, props.systemLocale),
    [props.language, props.systemLocale]
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** The current language's `t` and formatters. */
export const useI18n = (): I18n => useContext(I18nContext);
