import { useCallback, useEffect, useState } from 'react';
import type { CallRequest, CallResponse } from '../../../src-core/ipc/contract';
import { api, errorMessage } from '../courier-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import type { Screen } from '../shell';

type Overview = CallResponse<'jobs:list'>;
type Job = Overview['jobs'][number];
type Run = CallResponse<'history:list'>[number];
/** A job to be saved, as the send screen proposes it. */
export type JobDraft = CallRequest<'jobs:save'>;

/** Common schedules, offered in the user's language; the parser reads the English words. */
const whens: ReadonlyArray<{ key: MessageKey; text: string }> = [
  { key: 'when.nightly', text: 'every day at 02:00' },
  { key: 'when.weekday', text: 'every weekday at 07:00' },
  { key: 'when.hourly', text: 'every hour' },
  { key: 'when.weekly', text: 'mondays at 08:00' },
];

/** Scheduled jobs: schedule in words, on/off, run now, last and next run; pause everything. */
export function JobsScreen(props: {
  go: (screen: Screen) => void;
  draft: JobDraft | null;
  onDraftDone: () => void;
}) {
  const { t, format } = useI18n();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [runs, setRuns] = useState<Run[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([api().jobs.list(), api().history.list({ limit: 500 })]).then(
      ([jobs, history]) => {
        setOverview(jobs);
        setRuns(history);
      },
      failure => setError(errorMessage(failure))
    );
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    const offChanged = api().on.jobsChanged(load);
    const offAdded = api().on.historyAdded(load);
    return () => {
      offChanged();
      offAdded();
    };
  }, [load]);

  const act = (action: () => Promise<unknown>) =>
    void action().then(load, failure => setError(errorMessage(failure)));

  const whenText = (job: Job) => {
    if (!job.scheduleText) return t('jobs.byHand');
    const known = whens.find(w => w.text === job.scheduleText);
    return known ? t(known.key) : job.scheduleText;
  };
  const lastRun = (job: Job) => runs.find(r => r.job?.id === job.id);

  return (
    <section className="screen" aria-labelledby="jobs-title">
      <div className="screen__header">
        <div>
          <h1 id="jobs-title" tabIndex={-1}>
            {t('jobs.title')}
          </h1>
          <p className="muted">{t('jobs.intro')}</p>
        </div>
        {overview && overview.jobs.length > 0 && (
          <div className="screen__actions">
            <button
              type="button"
              className="button"
              onClick={() => act(() => api().jobs.pauseAll({ paused: !overview.paused }))}
            >
              {overview.paused ? t('jobs.resumeAll') : t('jobs.pauseAll')}
            </button>
          </div>
        )}
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {props.draft && (
        <NewJob
          draft={props.draft}
          whens={whens}
          onDone={() => {
            props.onDraftDone();
            load();
          }}
        />
      )}
      {overview?.paused && <p className="notice notice--warn">{t('jobs.paused')}</p>}
      {overview && overview.jobs.length === 0 && !props.draft && (
        <p className="muted">{t('jobs.none')}</p>
      )}
      {overview && overview.jobs.length > 0 && (
        <table className="table" aria-label={t('jobs.table')}>
          <thead>
            <tr>
              <th scope="col">{t('jobs.name')}</th>
              <th scope="col">{t('jobs.schedule')}</th>
              <th scope="col">{t('jobs.last')}</th>
              <th scope="col">{t('jobs.next')}</th>
              <th scope="col">{t('jobs.enabled')}</th>
              <th scope="col">{t('jobs.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.jobs.map(job => {
              const last = lastRun(job);
              const source =
                job.source.kind === 'file'
                  ? (job.source.path.split(/[\\/]/).pop() ?? job.source.path)
                  : t('jobs.folderSource', {
                      pattern: job.source.pattern,
                      folder: job.source.folder,
                    });
              return (
                <tr key={job.id} data-job={job.name}>
                  <th scope="row">
                    {job.name}
                    <div className="muted small">
                      {t('jobs.from', { source, destination: job.destination })}
                    </div>
                  </th>
                  <td>{whenText(job)}</td>
                  <td>
                    {last ? (
                      <>
                        {format.dateTime(last.startedAt)}
                        <div className="small">
                          <OutcomeBadge outcome={last.outcome} />
                        </div>
                      </>
                    ) : (
                      t('jobs.never')
                    )}
                  </td>
                  <td>{job.nextRunAt ? format.dateTime(job.nextRunAt) : '—'}</td>
                  <td>
                    <input
                      type="checkbox"
                      checked={job.enabled}
                      aria-label={`${t('jobs.enabled')}: ${job.name}`}
                      onChange={event =>
                        act(() =>
                          api().jobs.setEnabled({ id: job.id, enabled: event.target.checked })
                        )
                      }
                    />
                  </td>
                  <td>
                    <div className="screen__actions" style={{ justifyContent: 'flex-start' }}>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={job.running}
                        onClick={() => act(() => api().jobs.run({ id: job.id }))}
                      >
                        {job.running ? t('jobs.running') : t('jobs.runNow')}
                        <span className="visually-hidden"> {job.name}</span>
                      </button>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        onClick={() => act(() => api().jobs.remove({ id: job.id }))}
                      >
                        {t('jobs.remove')}
                        <span className="visually-hidden"> {job.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A run's outcome as a coloured word. */
export function OutcomeBadge(props: { outcome: Run['outcome'] }) {
  const { t } = useI18n();
  const tone = props.outcome === 'sent' ? 'ok' : props.outcome === 'failed' ? 'error' : 'warn';
  return <span className={`badge badge--${tone}`}>{t(`history.outcome.${props.outcome}`)}</span>;
}

function NewJob(props: {
  draft: JobDraft;
  whens: ReadonlyArray<{ key: MessageKey; text: string }>;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(props.draft.name);
  const [when, setWhen] = useState(props.draft.scheduleText ?? props.whens[0]!.text);
  const [custom, setCustom] = useState('');
  const [invalidRows, setInvalidRows] = useState<'send-valid' | 'hold'>(
    props.draft.invalidRows ?? 'send-valid'
  );
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setError(null);
    try {
      await api().jobs.save({
        ...props.draft,
        name,
        invalidRows,
        scheduleText: when === 'custom' ? custom : when,
      });
      props.onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <form
      className="card form-grid"
      aria-labelledby="new-job-title"
      onSubmit={event => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="new-job-title" style={{ gridColumn: '1 / -1' }}>
        {t('jobs.new.title')}
      </h2>
      <label className="field">
        <span className="field__label">{t('jobs.new.name')}</span>
        <input required value={name} onChange={event => setName(event.target.value)} />
      </label>
      <div className="field">
        <label className="field__label" htmlFor="new-job-when">
          {t('jobs.new.when')}
        </label>
        <select id="new-job-when" value={when} onChange={event => setWhen(event.target.value)}>
          {props.whens.map(w => (
            <option key={w.text} value={w.text}>
              {t(w.key)}
            </option>
          ))}
          <option value="custom">{t('jobs.new.custom')}</option>
        </select>
      </div>
      {when === 'custom' && (
        <label className="field">
          <span className="field__label">{t('jobs.new.customText')}</span>
          <input
            required
            lang="en"
            value={custom}
            onChange={event => setCustom(event.target.value)}
          />
        </label>
      )}
      <div className="field">
        <label className="field__label" htmlFor="new-job-invalid">
          {t('jobs.new.invalid')}
        </label>
        <select
          id="new-job-invalid"
          value={invalidRows}
          onChange={event => setInvalidRows(event.target.value as 'send-valid' | 'hold')}
        >
          <option value="send-valid">{t('jobs.new.sendValid')}</option>
          <option value="hold">{t('jobs.new.hold')}</option>
        </select>
      </div>
      {error && (
        <p className="notice notice--error" role="alert" style={{ gridColumn: '1 / -1' }}>
          {error}
        </p>
      )}
      <div
        className="screen__actions"
        style={{ gridColumn: '1 / -1', justifyContent: 'flex-start' }}
      >
        <button type="submit" className="button button--primary">
          {t('jobs.new.save')}
        </button>
        <button type="button" className="button" onClick={props.onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
