import { useEffect, useState } from 'react';
import { useUnsavedChanges } from '../components/unsaved-changes';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';
import { ScheduleField, readSchedule, scheduleTextOf, type ScheduleChoice } from './schedule-field';

/**
 * A job that fetches a Digitaleo destination's new report zips on a schedule into a folder the
 * person chooses (what `courier jobs add NAME --reports-of D --out DIR` saves).
 */
export function ReportsJobForm(props: { onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState(() => t('jobs.reports.defaultName'));
  const [destinations, setDestinations] = useState<string[] | null>(null);
  const [destination, setDestination] = useState('');
  const [folder, setFolder] = useState('');
  // Digitaleo makes each day's reports overnight: the morning is a good time to fetch them.
  const [choice, setChoice] = useState<ScheduleChoice>({
    preset: 'custom',
    custom: 'every day at 07:00',
  });
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const changed = folder !== '' || scheduleTextOf(choice) !== 'every day at 07:00';
  const guardLeave = useUnsavedChanges(!saving && changed);

  useEffect(() => {
    api()
      .destinations.list()
      .then(
        ({ destinations: all }) => {
          const names = all.filter(d => d.presetId === 'digitaleo').map(d => d.name);
          setDestinations(names);
          setDestination(current => current || names[0] || '');
        },
        failure => setError(failure)
      );
  }, []);

  const pick = async () => {
    setError(null);
    try {
      const { path } = await api().files.pickFolder();
      if (path) setFolder(path);
    } catch (failure) {
      setError(failure);
    }
  };

  const save = async () => {
    setTried(true);
    setError(null);
    const text = scheduleTextOf(choice);
    if (text !== '' && readSchedule(text, t).error !== null) return;
    if (folder === '' || destination === '') return;
    try {
      setSaving(true);
      await api().jobs.save({
        name,
        source: { kind: 'reports', out: folder },
        destination,
        scheduleText: text,
      });
      props.onDone();
    } catch (failure) {
      setSaving(false);
      setError(failure);
    }
  };

  return (
    <form
      className="card form-grid"
      aria-labelledby="reports-job-title"
      onSubmit={event => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="reports-job-title" style={{ gridColumn: '1 / -1' }}>
        {t('jobs.reports.title')}
      </h2>
      <p className="muted" style={{ gridColumn: '1 / -1' }}>
        {t('jobs.reports.intro')}
      </p>
      <label className="field">
        <span className="field__label">{t('jobs.new.name')}</span>
        <input required value={name} onChange={event => setName(event.target.value)} />
      </label>
      {destinations && destinations.length === 0 ? (
        <p className="notice notice--warn" role="alert" style={{ gridColumn: '1 / -1' }}>
          {t('jobs.reports.noDestination')}
        </p>
      ) : (
        <label className="field">
          <span className="field__label">{t('jobs.reports.destination')}</span>
          <select value={destination} onChange={event => setDestination(event.target.value)}>
            {(destinations ?? []).map(n => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="field" style={{ gridColumn: '1 / -1' }}>
        <span className="field__label" id="reports-folder-label">
          {t('jobs.reports.folder')}
        </span>
        <p className="mono" aria-labelledby="reports-folder-label" data-testid="reports-folder">
          {folder || t('jobs.source.noFolder')}
        </p>
        <button type="button" className="button button--small" onClick={() => void pick()}>
          {t('jobs.source.pick')}
        </button>
        {tried && folder === '' && (
          <span className="field__hint field__hint--error" role="alert">
            {t('jobs.reports.folderMissing')}
          </span>
        )}
      </div>
      <ScheduleField i18n={i18n} choice={choice} onChange={setChoice} showError={tried} />
      {error !== null && (
        <p className="notice notice--error" role="alert" style={{ gridColumn: '1 / -1' }}>
          {errorText(error, i18n)}
        </p>
      )}
      <div
        className="screen__actions"
        style={{ gridColumn: '1 / -1', justifyContent: 'flex-start' }}
      >
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('jobs.new.save')}
        </button>
        <button type="button" className="button" onClick={() => guardLeave(props.onDone)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
