import { useState } from 'react';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';

type Related = readonly Readonly<{ name: string; path: string }>[];

/**
 * A job's related files (destinations with related file sets): the file each run sends with the
 * main one for every set, as chosen for the send the job was made from; another one can be chosen
 * in the system's file dialog (what `courier jobs add --related NAME=FILE` sets). Nothing for a
 * job without related files.
 */
export function JobRelatedField(props: { related: Related; onChange: (related: Related) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<string | null>(null);
  if (props.related.length === 0) return null;
  const pick = async (name: string) => {
    setError(null);
    try {
      const { path } = await api().files.pick();
      if (path) props.onChange(props.related.map(r => (r.name === name ? { name, path } : r)));
    } catch (failure) {
      setError(errorText(failure, i18n));
    }
  };
  return (
    <div className="field" style={{ gridColumn: '1 / -1' }}>
      <span className="field__label" id="job-related-label">
        {t('related.send.title')}
      </span>
      <ul aria-labelledby="job-related-label" data-testid="job-related">
        {props.related.map(r => (
          <li key={r.name}>
            <span className="mono">{t('related.send.chosen', { name: r.name, file: r.path })}</span>{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => void pick(r.name)}
            >
              {t('related.send.choose', { name: r.name })}
            </button>
          </li>
        ))}
      </ul>
      <span className="field__hint">{t('related.job.hint')}</span>
      {error && (
        <span className="field__hint field__hint--error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
