import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../src-core/ipc/contract';
import { api } from './courier-api';
import { errorMessage } from './error-text';
import { I18nProvider, languageForLocale, languages, type Language } from './i18n/i18n';
import { Shell } from './shell';
import { UnsavedChangesProvider } from './components/unsaved-changes';

const LANGUAGE_KEY = 'courier.language';

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(LANGUAGE_KEY);
    return (languages as readonly string[]).includes(value ?? '') ? (value as Language) : null;
  } catch {
    return null;
  }
}

/** The application: asks main who we are (locale, version), then shows the shell in the right language. */
export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language | null>(storedLanguage);

  useEffect(() => {
    api()
      .app.info()
      .then(setInfo, error => setFailure(errorMessage(error)));
  }, []);

  const chooseLanguage = useCallback((next: Language) => {
    setLanguage(next);
    try {
      window.localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // Without storage the choice simply lasts for this session.
    }
  }, []);

  const systemLocale = info?.locale ?? navigator.language;
  const chosen = language ?? languageForLocale(systemLocale);
  useEffect(() => {
    document.documentElement.lang = chosen;
  }, [chosen]);

  return (
    <I18nProvider language={chosen} systemLocale={systemLocale}>
      <UnsavedChangesProvider>
        <Shell info={info} failure={failure} onLanguage={chooseLanguage} />
      </UnsavedChangesProvider>
    </I18nProvider>
  );
}
