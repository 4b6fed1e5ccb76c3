import { useId, useState } from 'react';
import { api } from '../../courier-api';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n/i18n';
import type { SectionProps } from './numbers-and-dates-section';

type Downloaded = Awaited<ReturnType<ReturnType<typeof api>['reports']['download']>>;

/**
 * The destination editor's “Reports” section for Digitaleo: downloads the daily and campaign
 * report zips not downloaded before into the person's documents, and lists each zip's files with
 * their row counts (never their contents). Shown for Digitaleo destinations only.
 */
export function ReportsSection({ destination }: SectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [since, setSince] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Downloaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (destination.presetId !== 'digitaleo') return null;
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setResult(
        await api().reports.download({
          name: destination.name,
          ...(since !== '' ? { since } : {}),
        })
      );
    } catch (error) {
      setResult(null);
      setProblem(errorText(error, i18n));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('dest.reports.title')}</h3>
      <p className="field__hint">{t('dest.reports.intro')}</p>
      <div className="form-grid">
        <label className="field">
          <span className="field__label">{t('dest.reports.since')}</span>
          <input type="date" value={since} onChange={event => setSince(event.target.value)} />
        </label>
      </div>
      <button type="button" className="button" disabled={busy} onClick={() => void download()}>
        {busy ? t('dest.reports.downloading') : t('dest.reports.download')}
      </button>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      {result && (
        <div role="status" data-testid="reports-result">
          <p>
            {result.downloaded.length === 0
              ? t('dest.reports.none', { count: result.alreadyDownloaded })
              : t('dest.reports.saved', { count: result.downloaded.length, folder: result.folder })}
          </p>
          <ul>
            {result.downloaded.map(r => (
              <li key={`${r.day}/${r.name}`}>
                {r.name}
                <ul>
                  {r.entries.map(e => (
                    <li key={e.name}>{t('dest.reports.entry', { name: e.name, count: e.rows })}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
