import { useState } from 'react';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';

/**
 * A job's recordings folder (destinations that receive call recordings): where each run finds
 * the recordings its file names, as chosen for the send the job was made from; another one can
 * be chosen in the system's folder dialog (what `courier jobs add --recordings` sets). Nothing
 * for a job without recordings.
 */
export function JobRecordingsField(props: {
  folder: string | null;
  onChange: (folder: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<string | null>(null);
  if (!props.folder) return null;
  const pick = async () => {
    setError(null);
    try {
      const { path } = await api().files.pickFolder();
      if (path) props.onChange(path);
    } catch (failure) {
      setError(errorText(failure, i18n));
    }
  };
  return (
    <div className="field" style={{ gridColumn: '1 / -1' }}>
      <span className="field__label" id="job-recordings-label">
        {t('recordings.send.folder')}
      </span>
      <p className="mono" aria-labelledby="job-recordings-label" data-testid="job-recordings">
        {props.folder}
      </p>
      <span className="field__hint">{t('recordings.job.hint')}</span>
      <button type="button" className="button button--small" onClick={() => void pick()}>
        {t('recordings.send.choose')}
      </button>
      {error && (
        <span className="field__hint field__hint--error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
