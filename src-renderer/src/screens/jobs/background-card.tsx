import { useEffect, useId, useState } from 'react';
import type { BackgroundSettings } from '../../../../src-core/jobs/job-ipc';
import { api } from '../../courier-api';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n/i18n';

/** A retention limit as typed: empty is no limit, else a whole number above 0. */
const limitOf = (text: string): number | null | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) && Number(trimmed) >= 1 && Number(trimmed) <= 100_000
    ? Number(trimmed)
    : undefined;
};

/**
 * “In the background”: what the tray and notifications follow, as `courier jobs settings` sets it
 * (one job service behind both): a notification when a run went well too, starting in the tray
 * at login, and how long History is kept.
 */
export function BackgroundCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [settings, setSettings] = useState<BackgroundSettings | null>(null);
  const [days, setDays] = useState('');
  const [runs, setRuns] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  // The limits' boxes take what is saved at first and after the limits were saved; the answer to
  // a tick box (which may come late) leaves alone what the person is typing in them.
  const show = (next: BackgroundSettings, limits = true) => {
    setSettings(next);
    if (!limits) return;
    setDays(next.historyRetention.days === null ? '' : String(next.historyRetention.days));
    setRuns(next.historyRetention.count === null ? '' : String(next.historyRetention.count));
  };
  useEffect(() => {
    api()
      .jobs.settings()
      .then(next => show(next), setError);
  }, []);
  if (!settings) return null;

  const change = async (patch: Partial<BackgroundSettings>) => {
    setError(null);
    setMessage(null);
    // The box shows its new state at once; a refused change puts back what is saved.
    const before = settings;
    setSettings({ ...settings, ...patch });
    try {
      show(await api().jobs.setSettings(patch), patch.historyRetention !== undefined);
      setMessage(t('jobs.background.saved'));
    } catch (failure) {
      setSettings(before);
      setError(failure);
    }
  };
  const daysLimit = limitOf(days);
  const runsLimit = limitOf(runs);
  const retentionValid = daysLimit !== undefined && runsLimit !== undefined;

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="background-card">
      <h2 id={`${id}-title`}>{t('jobs.background.title')}</h2>
      <label className="choice">
        <input
          type="checkbox"
          checked={settings.notifyOnSuccess}
          onChange={event => void change({ notifyOnSuccess: event.target.checked })}
        />
        <span>{t('jobs.background.notifyOnSuccess')}</span>
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={settings.startAtLogin}
          onChange={event => void change({ startAtLogin: event.target.checked })}
        />
        <span>{t('jobs.background.startAtLogin')}</span>
      </label>
      <form
        className="form-grid"
        onSubmit={event => {
          event.preventDefault();
          if (retentionValid)
            void change({ historyRetention: { days: daysLimit, count: runsLimit } });
        }}
      >
        <label className="field">
          <span className="field__label">{t('jobs.background.keepDays')}</span>
          <input
            inputMode="numeric"
            value={days}
            aria-invalid={daysLimit === undefined}
            onChange={event => setDays(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('jobs.background.keepRuns')}</span>
          <input
            inputMode="numeric"
            value={runs}
            aria-invalid={runsLimit === undefined}
            onChange={event => setRuns(event.target.value)}
          />
        </label>
        <p className="muted small" style={{ gridColumn: '1 / -1' }}>
          {retentionValid ? t('jobs.background.keepHint') : t('jobs.background.keepInvalid')}
        </p>
        <div className="field">
          <button type="submit" className="button" disabled={!retentionValid}>
            {t('jobs.background.keepSave')}
          </button>
        </div>
      </form>
      {message && (
        <p className="muted small" role="status">
          {message}
        </p>
      )}
      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}
    </section>
  );
}
