import { useState } from 'react';
import type { CallResponse } from '../../../src-core/ipc/contract';
import { SavedFile } from '../components/saved-file';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';

type Run = CallResponse<'history:list'>[number];
type Refused = CallResponse<'history:download-refused'>;

/** A reports job's run: each zip it saved, with its files and their row counts. */
export function RunReports(props: { reports: NonNullable<Run['reports']> }) {
  const { t } = useI18n();
  if (props.reports.length === 0) return <p>{t('history.reports.none')}</p>;
  return (
    <>
      <h3>{t('history.reports.title')}</h3>
      <ul className="list" data-testid="run-reports">
        {props.reports.map(report => (
          <li key={`${report.day}/${report.name}`}>
            <span className="mono small">
              {report.savedAs === report.name
                ? report.name
                : t('history.reports.savedAs', { name: report.name, savedAs: report.savedAs })}
            </span>
            <ul>
              {report.entries.map(entry => (
                <li key={entry.name} className="small">
                  {t('dest.reports.entry', { name: entry.name, count: entry.rows })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A send Digitaleo refused (its receipt is `ko`): what that means, in plain words, and a button
 * that downloads the file as Digitaleo kept it (`courier history download-refused` in the CLI).
 */
export function RefusedFile(props: { runId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Refused | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      setSaved(await api().history.downloadRefused({ id: props.runId }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notice notice--warn" data-testid="refused-file">
      <p>{t('history.refused.explain')}</p>
      <p>
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => void download()}
        >
          {busy ? t('history.refused.downloading') : t('history.refused.download')}
        </button>
      </p>
      <div role="status">
        {saved?.files.map(file => (
          <p key={file.savedAs}>
            <SavedFile
              path={file.savedAs}
              text={t('history.refused.saved', { path: file.savedAs })}
            />{' '}
            {file.sameAsSent ? t('history.refused.same') : t('history.refused.changed')}
          </p>
        ))}
      </div>
      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}
    </div>
  );
}
