import {
  QuietWarningField,
  quietChoiceFor,
  warnAfterDaysOf,
  type QuietChoice,
} from './quiet-warning-field';
import { useCallback, useEffect, useRef, useState } from 'react';
import { BackgroundCard } from './jobs/background-card';
import { useUnsavedChanges } from '../components/unsaved-changes';
import { InvalidRowsField, JobSourceField, jobSourceOf, sourceChoiceFor } from './job-source-field';
import { JobRecordingsField } from './job-recordings-field';
import { JobRelatedField } from './job-related-field';
import type { CallRequest, CallResponse } from '../../../src-core/ipc/contract';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n, type I18n } from '../i18n/i18n';
import type { Screen } from '../navigation';
import { OutcomeBadge } from '../components/outcome-badge';
import { ReportsJobForm } from './reports-job-form';
import { scheduleProblemOf } from '../../../src-core/schedule/schedule-error';
import {
  ScheduleField,
  choiceFor,
  readSchedule,
  schedulePresets,
  scheduleProblemText,
  scheduleTextOf,
  scheduleWords,
  type ScheduleChoice,
} from './schedule-field';

type Overview = CallResponse<'jobs:list'>;
type Job = Overview['jobs'][number];
type Run = CallResponse<'history:list'>[number];
/** A job to be saved, as the send screen proposes it. */
export type JobDraft = CallRequest<'jobs:save'>;

/** Scheduled jobs: schedule in words, on/off, run now, last and next run; pause everything. */
export function JobsScreen(props: {
  go: (screen: Screen) => void;
  draft: JobDraft | null;
  onDraftDone: () => void;
}) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const [overview, setOverview] = useState<Overview | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [addingReports, setAddingReports] = useState(false);
  const [runs, setRuns] = useState<Run[]>([]);
  // The failure itself, said at render time: switching language re-says it.
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    Promise.all([api().jobs.list(), api().history.list({ limit: 500 })]).then(
      ([jobs, history]) => {
        setOverview(jobs);
        setRuns(history);
      },
      failure => setError(failure)
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
    void action().then(load, failure => setError(failure));

  const whenText = (job: Job) => {
    if (!job.schedule) return t('jobs.byHand');
    const known = schedulePresets.find(p => p.text === job.scheduleText);
    return known ? t(known.key) : scheduleWords(job.schedule, i18n.language);
  };
  const editedJob = overview?.jobs.find(j => j.id === editing) ?? null;
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
        {overview && (
          <div className="screen__actions">
            {!addingReports && (
              <button type="button" className="button" onClick={() => setAddingReports(true)}>
                {t('jobs.reports.add')}
              </button>
            )}
            {overview.jobs.length > 0 && (
              <button
                type="button"
                className="button"
                onClick={() => act(() => api().jobs.pauseAll({ paused: !overview.paused }))}
              >
                {overview.paused ? t('jobs.resumeAll') : t('jobs.pauseAll')}
              </button>
            )}
          </div>
        )}
      </div>
      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}
      {props.draft && (
        <NewJob
          draft={props.draft}
          onDone={() => {
            props.onDraftDone();
            load();
          }}
        />
      )}
      {addingReports && (
        <ReportsJobForm
          onDone={() => {
            setAddingReports(false);
            load();
          }}
        />
      )}
      {editedJob && (
        <EditSchedule
          key={editedJob.id}
          job={editedJob}
          onDone={() => {
            const id = editedJob.id;
            setEditing(null);
            load();
            // Focus goes back where the user was: the row's “Change the schedule” button.
            requestAnimationFrame(() => document.getElementById(`change-schedule-${id}`)?.focus());
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
                  : job.source.kind === 'reports'
                    ? t('jobs.reportsSource', { folder: job.source.out })
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
                    {job.warnAfterDays !== null && (
                      <div className="muted small" data-testid="job-quiet">
                        {t('jobs.quiet.on', { days: job.warnAfterDays })}
                      </div>
                    )}
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
                        className="button button--small"
                        aria-expanded={editing === job.id}
                        id={`change-schedule-${job.id}`}
                        onClick={() => setEditing(editing === job.id ? null : job.id)}
                      >
                        {t('schedule.change')}
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
      <BackgroundCard />
    </section>
  );
}

/**
 * Reads the chosen schedule before saving: the error in the user's language when the words
 * cannot be read, so nothing is sent to main that it would refuse.
 */
function checkedScheduleText(
  choice: ScheduleChoice,
  t: I18n['t']
): { text: string; error: null } | { text: null; error: string } {
  const text = scheduleTextOf(choice);
  // No words: the job runs only when asked.
  if (text === '') return { text, error: null };
  const read = readSchedule(text, t);
  return read.error === null ? { text, error: null } : { text: null, error: read.error };
}

/** What to show for a failed save: a schedule problem in the user's words, or the error's text. */
function saveFailureText(failure: unknown, i18n: Pick<I18n, 't' | 'language'>): string {
  const problem = scheduleProblemOf(failure);
  return problem ? scheduleProblemText(problem, i18n.t) : errorText(failure, i18n);
}

/**
 * Saving a job form, as both job forms do: the form's own checks first (`ready` returns the
 * request, or null when a field says what is wrong), then main's answer — a refused schedule in
 * the user's words — or `onDone`.
 */
function useJobSave(onDone: () => void) {
  const i18n = useI18n();
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (ready: (t: I18n['t']) => CallRequest<'jobs:save'> | null) => {
    setTried(true);
    setError(null);
    const request = ready(i18n.t);
    if (request === null) return;
    try {
      setSaving(true);
      await api().jobs.save(request);
      onDone();
    } catch (failure) {
      setSaving(false);
      setError(saveFailureText(failure, i18n));
    }
  };
  return { tried, error, saving, submit };
}

/** Changes when an existing job runs. */
function EditSchedule(props: { job: Job; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { job } = props;
  const [choice, setChoice] = useState<ScheduleChoice>(() =>
    choiceFor(job.schedule, i18n.language, job.scheduleText)
  );
  const [quiet, setQuiet] = useState<QuietChoice>(() => quietChoiceFor(job.warnAfterDays));
  const [initial] = useState(() => JSON.stringify({ choice, quiet }));
  const { tried, error, saving, submit } = useJobSave(props.onDone);
  const guardLeave = useUnsavedChanges(!saving && JSON.stringify({ choice, quiet }) !== initial);
  // Opened from a row far below: focus moves to the editor (once), so keyboard users land in it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const save = () =>
    submit(t => {
      const checked = checkedScheduleText(choice, t);
      if (checked.error !== null) return null;
      const warnAfterDays = warnAfterDaysOf(quiet);
      if (warnAfterDays === 'invalid') return null;
      // The list entry's extra fields are not part of a job.
      const { scheduleText: _shown, nextRunAt: _next, running: _running, ...saved } = job;
      return { ...saved, scheduleText: checked.text, warnAfterDays };
    });

  return (
    <form
      className="card form-grid"
      aria-labelledby="edit-schedule-title"
      onSubmit={event => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="edit-schedule-title" tabIndex={-1} ref={heading} style={{ gridColumn: '1 / -1' }}>
        {t('schedule.edit.title', { name: job.name })}
      </h2>
      <ScheduleField i18n={i18n} choice={choice} onChange={setChoice} showError={tried} />
      <QuietWarningField choice={quiet} onChange={setQuiet} showError={tried} />
      <FormEnd
        error={error}
        saveLabel={t('schedule.save')}
        cancelLabel={t('common.cancel')}
        onCancel={() => guardLeave(props.onDone)}
      />
    </form>
  );
}

function NewJob(props: { draft: JobDraft; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState(props.draft.name);
  const [choice, setChoice] = useState<ScheduleChoice>(() => {
    const text = props.draft.scheduleText;
    if (!text) return { preset: schedulePresets[0]!.text, custom: '' };
    return schedulePresets.some(p => p.text === text)
      ? { preset: text, custom: '' }
      : { preset: 'custom', custom: text };
  });
  const [invalidRows, setInvalidRows] = useState<'send-valid' | 'hold'>(
    props.draft.invalidRows ?? 'send-valid'
  );
  const [source, setSource] = useState(() =>
    sourceChoiceFor(props.draft.source.kind === 'file' ? props.draft.source.path : '')
  );
  const [recordingsFolder, setRecordingsFolder] = useState(props.draft.recordingsFolder ?? null);
  const [related, setRelated] = useState(props.draft.related ?? []);
  const [quiet, setQuiet] = useState<QuietChoice>(() => quietChoiceFor(props.draft.warnAfterDays));
  const [initial] = useState(() => JSON.stringify({ name, choice, invalidRows, source, quiet }));
  const { tried, error, saving, submit } = useJobSave(props.onDone);
  const guardLeave = useUnsavedChanges(
    !saving && JSON.stringify({ name, choice, invalidRows, source, quiet }) !== initial
  );

  const save = () =>
    submit(t => {
      const checked = checkedScheduleText(choice, t);
      if (checked.error !== null) return null;
      if (source.kind === 'folder' && source.folder === '') return null;
      const warnAfterDays = warnAfterDaysOf(quiet);
      if (warnAfterDays === 'invalid') return null;
      return {
        ...props.draft,
        source: jobSourceOf(source, props.draft.source),
        name,
        invalidRows,
        scheduleText: checked.text,
        warnAfterDays,
        recordingsFolder,
        ...(related.length > 0 ? { related: related.map(r => ({ ...r })) } : {}),
      };
    });

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
      <JobSourceField
        file={props.draft.source}
        choice={source}
        onChange={setSource}
        showError={tried}
      />
      <ScheduleField i18n={i18n} choice={choice} onChange={setChoice} showError={tried} />
      <InvalidRowsField value={invalidRows} onChange={setInvalidRows} />
      <QuietWarningField choice={quiet} onChange={setQuiet} showError={tried} />
      <JobRecordingsField folder={recordingsFolder} onChange={setRecordingsFolder} />
      <JobRelatedField related={related} onChange={next => setRelated([...next])} />
      {/* Unlike Send, a job's file is named when each run sends it: said plainly here. */}
      <p className="muted small" style={{ gridColumn: '1 / -1' }} data-testid="job-name-time">
        {t('jobs.new.nameTime')}
      </p>
      <FormEnd
        error={error}
        saveLabel={t('jobs.new.save')}
        cancelLabel={t('common.cancel')}
        onCancel={() => guardLeave(props.onDone)}
      />
    </form>
  );
}

/** The end of a job form: the save error, if any, then Save and Cancel. */
function FormEnd(props: {
  error: string | null;
  saveLabel: string;
  cancelLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {props.error && (
        <p className="notice notice--error" role="alert" style={{ gridColumn: '1 / -1' }}>
          {props.error}
        </p>
      )}
      <div
        className="screen__actions"
        style={{ gridColumn: '1 / -1', justifyContent: 'flex-start' }}
      >
        <button type="submit" className="button button--primary">
          {props.saveLabel}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </>
  );
}
