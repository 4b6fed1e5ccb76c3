import { Fragment, useCallback, useEffect, useState } from 'react';
import type { CallResponse } from '../../../src-core/ipc/contract';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { issueTitleKey } from '../issue-titles';
import { useI18n } from '../i18n/i18n';
import { SavedFile } from '../components/saved-file';
import { RecordingsSent } from './send-recordings';
import { RelatedSent } from './send-related';
import { OutcomeBadge } from '../components/outcome-badge';
import { RefusedFile, RunReports } from './history-digitaleo';

type Run = CallResponse<'history:list'>[number];

/** History: every run with its status, counts and details; the rows a run left out can be opened. */
export function HistoryScreen({
  onOpenFile,
  showRun,
}: Readonly<{
  onOpenFile: (path: string) => void;
  /** A run to open (a notification about it was clicked), or null. */
  showRun?: Readonly<{ id: string }> | null;
}>) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [savedCopy, setSavedCopy] = useState<Readonly<{ run: string; path: string }> | null>(null);

  const load = useCallback(() => {
    api()
      .history.list({ limit: 200 })
      .then(setRuns, failure => setError(failure));
  }, []);
  useEffect(load, [load]);
  useEffect(() => api().on.historyAdded(load), [load]);
  // A platform's receipt (accepted, rejected) changes a run after it was listed.
  useEffect(() => api().on.historyUpdated(load), [load]);
  // A clicked notification opens its run's details.
  useEffect(() => {
    if (showRun) setOpen(showRun.id);
  }, [showRun]);

  const trigger = (run: Run) =>
    run.job
      ? t('history.trigger.job', { name: run.job.name })
      : t(`history.trigger.${run.trigger}`);

  return (
    <section className="screen" aria-labelledby="history-title">
      <div>
        <h1 id="history-title" tabIndex={-1}>
          {t('history.title')}
        </h1>
        <p className="muted">{t('history.intro')}</p>
      </div>
      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}
      {runs && runs.length === 0 && <p className="muted">{t('history.none')}</p>}
      {runs && runs.length > 0 && (
        <table className="table" aria-label={t('history.table')}>
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.what')}</th>
              <th scope="col">{t('history.where')}</th>
              <th scope="col">{t('history.result')}</th>
              <th scope="col">{t('history.rows')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('history.details')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map(run => {
              const expanded = open === run.id;
              const detailsId = `run-${run.id}`;
              const issues = Object.entries(run.rows.issues).filter(([, n]) => n > 0);
              return (
                <Fragment key={run.id}>
                  <tr data-run={run.id}>
                    <td>
                      {format.dateTime(run.startedAt)}
                      <div className="muted small">{trigger(run)}</div>
                    </td>
                    <td className="mono small">{run.source?.fileName ?? '—'}</td>
                    <td>{run.destination ?? '—'}</td>
                    <td>
                      <OutcomeBadge outcome={run.outcome} />
                      {run.warning && (
                        <div className="notice notice--warn small" data-testid="run-warning">
                          {errorText(run.warning, i18n)}
                        </div>
                      )}
                    </td>
                    <td>{format.number(run.rows.sent)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-expanded={expanded}
                        aria-controls={detailsId}
                        onClick={() => setOpen(expanded ? null : run.id)}
                      >
                        {expanded ? t('history.hide') : t('history.show')}
                      </button>
                    </td>
                  </tr>
                  {expanded && (
                    <tr id={detailsId}>
                      <td colSpan={6}>
                        <div className="run-details">
                          {run.reports && <RunReports reports={run.reports} />}
                          <p>
                            {run.reports
                              ? ''
                              : run.outcome === 'nothing-new'
                                ? t(run.source ? 'history.nothingNewDetail' : 'history.quietDetail')
                                : t('history.rowsDetail', {
                                    sent: run.rows.sent,
                                    read: run.rows.read,
                                    excluded: run.rows.excluded,
                                  })}
                            {run.reports ? '' : ' · '}
                            {t('history.duration', {
                              duration: format.duration(run.durationMs / 1000),
                            })}
                          </p>
                          <p>
                            {t(`history.transfer.${run.transfer.status}`, {
                              folder: run.transfer.remoteFolder ?? '',
                            })}
                            {run.receipt.status !== 'none' &&
                              ` · ${t(`history.receipt.${run.receipt.status}`)}`}
                          </p>
                          {run.receipt.status === 'rejected' && <RefusedFile runId={run.id} />}
                          {run.error && (
                            <p className="notice notice--error">{errorText(run.error, i18n)}</p>
                          )}
                          {run.rows.excluded > 0 && (
                            <p>
                              <button
                                type="button"
                                className="button button--small"
                                onClick={() =>
                                  void api()
                                    .history.rejectedRows({ id: run.id })
                                    .then(
                                      ({ path }) =>
                                        path ? onOpenFile(path) : setError(t('history.noRejected')),
                                      failure => setError(failure)
                                    )
                                }
                              >
                                {t('history.openRejected', { count: run.rows.excluded })}
                              </button>{' '}
                              <button
                                type="button"
                                className="button button--small"
                                onClick={() =>
                                  void api()
                                    .history.saveRejectedRows({
                                      id: run.id,
                                      dialogTitle: t('history.saveRejectedTitle'),
                                    })
                                    .then(
                                      ({ path }) => path && setSavedCopy({ run: run.id, path }),
                                      failure => setError(failure)
                                    )
                                }
                              >
                                {t('history.saveRejected')}
                              </button>{' '}
                              <span role="status">
                                {savedCopy?.run === run.id && (
                                  <SavedFile
                                    key={savedCopy.path}
                                    path={savedCopy.path}
                                    text={t('history.savedRejected', { path: savedCopy.path })}
                                  />
                                )}
                              </span>
                            </p>
                          )}
                          {run.outputFiles.length > 0 && (
                            <>
                              <h3>{t('history.files')}</h3>
                              <ul className="list">
                                {run.outputFiles.map(f => (
                                  <li key={f.name} className="mono small">
                                    {f.name} · {format.bytes(f.bytes)}
                                  </li>
                                ))}
                              </ul>
                            </>
                          )}
                          <RecordingsSent recordings={run.recordings} />
                          <RelatedSent fileSets={run.fileSets} />
                          {issues.length > 0 && (
                            <>
                              <h3>{t('history.problems')}</h3>
                              <ul className="list">
                                {issues.map(([code, count]) => (
                                  <li key={code}>
                                    {(() => {
                                      const key = issueTitleKey(code);
                                      return key ? t(key, { count }) : `${code} × ${count}`;
                                    })()}
                                  </li>
                                ))}
                              </ul>
                            </>
                          )}
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
