import { useState } from 'react';
import { api, errorMessage } from '../courier-api';
import { useI18n } from '../i18n/i18n';
import type { Screen } from '../shell';

/** The first screen: a large drop zone, a file chooser, and what is set up at a glance. */
export function StartScreen(props: {
  error: string | null;
  onOpen: (path: string) => void;
  go: (screen: Screen) => void;
}) {
  const { t } = useI18n();
  const [pickError, setPickError] = useState<string | null>(null);
  const error = pickError ?? props.error;

  const choose = async () => {
    setPickError(null);
    try {
      const { path } = await api().files.pick();
      if (path) props.onOpen(path);
    } catch (failure) {
      setPickError(errorMessage(failure));
    }
  };

  return (
    <section className="screen screen--start" aria-labelledby="start-title">
      <h1 id="start-title" tabIndex={-1}>
        {t('start.title')}
      </h1>
      <div className="dropzone" data-testid="dropzone">
        <div className="dropzone__icon" aria-hidden="true">
          ⇣
        </div>
        <p className="dropzone__title">{t('start.drop')}</p>
        <p className="muted">{t('start.dropHint')}</p>
        <p className="dropzone__or muted" aria-hidden="true">
          {t('start.or')}
        </p>
        <button type="button" className="button button--primary" onClick={() => void choose()}>
          {t('start.choose')}
        </button>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
