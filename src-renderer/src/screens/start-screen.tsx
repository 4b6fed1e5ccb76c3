import { useEffect, useState } from 'react';
import type { CallResponse } from '../../../src-core/ipc/contract';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { OutcomeBadge } from '../components/outcome-badge';
import { useI18n } from '../i18n/i18n';
import type { Screen } from '../navigation';
import { RecentFiles } from '../desktop/recent-files';

/** The first screen: a large drop zone, a file chooser, and what is set up at a glance. */
export function StartScreen(props: {
  error: string | null;
  onOpen: (path: string) => void;
  go: (screen: Screen) => void;
  /** The file being sent, if one: a way back to it. */
  resume?: Readonly<{ path: string; onResume: () => void }>;
}) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const [pickError, setPickError] = useState<string | null>(null);
  const [glance, setGlance] = useState<{
    destinations: CallResponse<'destinations:list'>['destinations'];
    jobs: CallResponse<'jobs:list'>['jobs'];
    runs: CallResponse<'history:list'>;
  } | null>(null);

  // Destinations, jobs and recent sends at a glance; the drop zone works without them.
  useEffect(() => {
    Promise.all([
      api().destinations.list(),
      api().jobs.list(),
      api().history.list({ limit: 5 }),
    ]).then(
      ([d, j, h]) => setGlance({ destinations: d.destinations, jobs: j.jobs, runs: h }),
      () => setGlance(null)
    );
  }, []);
  const error = pickError ?? props.error;

  const choose = async () => {
    setPickError(null);
    try {
      const { path } = await api().files.pick();
      if (path) props.onOpen(path);
    } catch (failure) {
      setPickError(errorText(failure, i18n));
    }
  };

  return (
    <section className="screen screen--start" aria-labelledby="start-title">
      <h1 id="start-title" tabIndex={-1}>
        {t('start.title')}
      </h1>
      {props.resume && (
        <p>
          <button type="button" className="button button--link" onClick={props.resume.onResume}>
            {t('start.resume', { name: props.resume.path.split(/[\\/]/).pop() ?? '' })}
          </button>
        </p>
      )}
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
      {glance && (
        <div className="cards glance">
          <RecentFiles onOpen={props.onOpen} />
          <section className="card" aria-labelledby="glance-destinations">
            <h2 id="glance-destinations">{t('start.destinations')}</h2>
            {glance.destinations.length === 0 ? (
              <p className="muted">{t('start.noDestinations')}</p>
            ) : (
              <ul className="list">
                {glance.destinations.slice(0, 5).map(d => (
                  <li key={d.name}>
                    {d.name} <span className="muted small">{d.transport.host}</span>
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="button button--link"
              onClick={() => props.go('destinations')}
            >
              {glance.destinations.length === 0 ? t('start.addDestination') : t('start.manage')}
            </button>
          </section>
          <section className="card" aria-labelledby="glance-jobs">
            <h2 id="glance-jobs">{t('start.recentJobs')}</h2>
            {glance.jobs.length === 0 ? (
              <p className="muted">{t('start.noJobs')}</p>
            ) : (
              <ul className="list">
                {glance.jobs.slice(0, 5).map(j => (
                  <li key={j.id}>
                    {j.name}
                    {j.nextRunAt && (
                      <div className="muted small">
                        {t('start.nextRun', { when: format.dateTime(j.nextRunAt) })}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {glance.jobs.length > 0 && (
              <button
                type="button"
                className="button button--link"
                onClick={() => props.go('jobs')}
              >
                {t('start.manage')}
              </button>
            )}
          </section>
          <section className="card" aria-labelledby="glance-runs">
            <h2 id="glance-runs">{t('start.recentSends')}</h2>
            {glance.runs.length === 0 ? (
              <p className="muted">{t('start.noSends')}</p>
            ) : (
              <ul className="list">
                {glance.runs.map(r => (
                  <li key={r.id}>
                    <span className="mono small">{r.source?.fileName ?? '—'}</span>{' '}
                    <OutcomeBadge outcome={r.outcome} />
                    <div className="muted small">{format.dateTime(r.startedAt)}</div>
                  </li>
                ))}
              </ul>
            )}
            {glance.runs.length > 0 && (
              <button
                type="button"
                className="button button--link"
                onClick={() => props.go('history')}
              >
                {t('start.manage')}
              </button>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
