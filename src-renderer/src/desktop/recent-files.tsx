import { useCallback, useEffect, useState } from 'react';
import type { RecentFile } from '../../../src-core/desktop/desktop-ipc';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';

/**
 * The Start screen's recent files: the last ten opened, newest first; a file that is gone is
 * greyed out and can be removed from the list.
 */
export function RecentFiles(props: { onOpen: (path: string) => void }) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const [files, setFiles] = useState<RecentFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api()
      .recent.list()
      .then(
        r => setFiles(r.files),
        () => setFiles([])
      );
  }, []);
  useEffect(() => {
    load();
    return api().on.recentChanged(load);
  }, [load]);

  const open = async (file: RecentFile) => {
    setError(null);
    try {
      props.onOpen((await api().recent.open({ path: file.path })).path);
    } catch (failure) {
      setError(errorText(failure, i18n));
    }
  };
  const remove = async (file: RecentFile) => {
    setError(null);
    try {
      setFiles((await api().recent.remove({ path: file.path })).files);
    } catch (failure) {
      setError(errorText(failure, i18n));
    }
  };

  if (!files) return null;
  return (
    <section className="card recent-files" aria-labelledby="glance-recent-files">
      <h2 id="glance-recent-files">{t('start.recentFiles')}</h2>
      {files.length === 0 ? (
        <p className="muted">{t('recent.none')}</p>
      ) : (
        <ul className="list" data-testid="recent-files">
          {files.map(file => (
            <li
              key={file.path}
              className={file.missing ? 'recent-file recent-file--missing' : 'recent-file'}
            >
              {file.missing ? (
                <span className="recent-file__name muted" aria-disabled="true" title={file.path}>
                  {file.fileName}
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--link recent-file__name"
                  aria-label={t('recent.open', { file: file.fileName })}
                  title={file.path}
                  onClick={() => void open(file)}
                >
                  {file.fileName}
                </button>
              )}
              <div className="muted small">
                {file.missing
                  ? t('recent.missing')
                  : `${file.folder} · ${format.dateTime(file.openedAt)}`}
              </div>
              {file.missing && (
                <button
                  type="button"
                  className="button button--link small"
                  onClick={() => void remove(file)}
                >
                  {t('recent.remove', { file: file.fileName })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
