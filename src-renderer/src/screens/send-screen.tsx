import { useEffect, useRef, useState } from 'react';
import type { CallResponse, EventPayload } from '../../../src-core/ipc/contract';
import { ProgressBar } from '../components/progress-bar';
import { TrustDialog, pinFingerprint, type TrustQuestion } from '../components/trust-dialog';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../../../src-core/words/en';
import type { Screen } from '../navigation';
import type { FlowChoices, OpenedFile } from './flow-types';
import type { ReviewResult } from './review-screen';
import { RecordingsFolderChoice, RecordingsSent, recordingsProgressText } from './send-recordings';
import { RelatedFilesChoice, RelatedSent, relatedChosen, relatedRequest } from './send-related';

type Destination = NonNullable<CallResponse<'destinations:get'>['destination']>;
type Outcome = CallResponse<'send:start'>;
type Progress = EventPayload<'send:progress'>;

const encodingKey = (encoding: string): MessageKey =>
  encoding.startsWith('utf-8')
    ? encoding === 'utf-8-bom'
      ? 'format.enc.utf-8-bom'
      : 'format.enc.utf-8'
    : 'format.enc.western';

/** Send: exactly what will go, then the upload with progress, pause, resume and cancel. */
export function SendScreen(props: {
  opened: OpenedFile;
  choices: FlowChoices;
  /** The sheet and header row the user chose on the preview. */
  correction: Readonly<{ headerRow?: number; sheet?: string }>;
  review: ReviewResult | null;
  go: (screen: Screen) => void;
  onScheduled?: (
    outcome: Outcome,
    recordingsFolder: string | null,
    related: { name: string; path: string }[]
  ) => void;
  /** Whether the flow is on screen: coming back (from Destinations) checks the destination again. */
  active?: boolean;
  /** Opens this destination's form (pre-filled from its preset) and comes back here once saved. */
  onSetUp?: (name: string) => void;
  /** Goes on with another destination name (the set-up one), keeping mapping and fixes. */
  onDestination?: (name: string) => void;
  /** The review checked again for the destination now chosen. */
  onReview?: (review: ReviewResult) => void;
}) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const { choices, review } = props;
  const [destination, setDestination] = useState<Destination | null>(null);
  const [configured, setConfigured] = useState<boolean | null>(null);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [paused, setPaused] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [question, setQuestion] = useState<TrustQuestion | null>(null);
  const [recordingsFolder, setRecordingsFolder] = useState<string | null>(null);
  // The related files chosen for this send, by set name (destinations with related files).
  const [related, setRelated] = useState<Record<string, string>>({});
  /** The person said the server is not the right one: nothing was sent, nothing recorded. */
  const [notTrusted, setNotTrusted] = useState(false);

  const name = choices.destinationName;
  const { active, onDestination, onReview } = props;
  useEffect(() => {
    if (!name || active === false) return;
    let current = true;
    Promise.all([api().destinations.get({ name }), api().destinations.list()]).then(
      ([got, list]) => {
        if (!current) return;
        if (!list.destinations.some(d => d.name === name)) {
          // Chosen as a platform, then set up (here or from the sidebar): go on with that one.
          const fromPreset = list.destinations.filter(d => d.presetId === name);
          if (fromPreset.length === 1 && onDestination) {
            onDestination(fromPreset[0]!.name);
            return;
          }
        }
        setDestination(got.destination);
        setConfigured(list.destinations.some(d => d.name === name));
      },
      failure => setError(failure)
    );
    return () => {
      current = false;
    };
  }, [name, active, onDestination]);

  // The files planned for the preset are planned again for the destination set up from it
  // (its own variables name the file): what Send shows is what goes.
  const reviewedName = useRef(name);
  useEffect(() => {
    if (!name || !configured || !onReview || reviewedName.current === name) return;
    reviewedName.current = name;
    let current = true;
    api()
      .review.check({
        path: props.opened.path,
        destination: name,
        mapping: { ...(choices.mapping ?? {}) },
        fixes: [...choices.fixes],
        excludeInvalid: choices.excludeInvalid,
        ...props.correction,
        maxIssues: 5000,
      })
      .then(
        checked => {
          if (current) onReview(checked);
        },
        failure => {
          if (current) setError(failure);
        }
      );
    return () => {
      current = false;
    };
  }, [name, configured, onReview, props.opened.path, choices, props.correction]);

  useEffect(() => api().on.sendProgress(setProgress), []);

  const send = async () => {
    if (!name) return;
    setSending(true);
    setOutcome(null);
    setError(null);
    setProgress(null);
    setPaused(false);
    setNotTrusted(false);
    try {
      const result = await api().send.start({
        path: props.opened.path,
        destination: name,
        mapping: { ...(choices.mapping ?? {}) },
        fixes: [...choices.fixes],
        excludeInvalid: choices.excludeInvalid,
        // The sheet and header line as corrected on the preview: what was reviewed is what is sent.
        ...props.correction,
        // The file names shown above are the names sent (their time is the review's).
        ...(review?.namedAt ? { namedAt: review.namedAt } : {}),
        ...(destination?.recordings && recordingsFolder ? { recordingsFolder } : {}),
        ...(destination?.related?.length ? { related: relatedRequest(destination, related) } : {}),
        // The rows left out are kept (History) in the language of the window.
        language: i18n.language,
      });
      // A new server's identity waiting for confirmation is a question, not an outcome.
      setOutcome(result.outcome === 'needs-trust' ? null : result);
      if (result.fingerprint && result.error?.code.startsWith('trust.')) {
        setQuestion({
          host: destination?.transport.host ?? '',
          fingerprint: result.fingerprint,
          code: result.error.code,
        });
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  const answerTrust = async (trusted: boolean) => {
    const asked = question;
    setQuestion(null);
    if (!trusted && asked) setNotTrusted(true);
    if (!trusted || !asked || !destination) return;
    try {
      const saved = await api().destinations.save({
        destination: pinFingerprint(destination, asked.fingerprint),
        previousName: destination.name,
      });
      setDestination(saved.destination);
      await send();
    } catch (failure) {
      setError(failure);
    }
  };

  const togglePause = async () => {
    const state = paused ? await api().send.resume() : await api().send.pause();
    setPaused(state.paused);
  };

  const files = review?.files ?? [];
  const phase = progress?.phase ?? 'reading';
  const step = progress?.step ?? null;
  // While connecting, the step waited on (each has its own time limit) says what is happening.
  const phaseText =
    phase === 'connecting' && step && step !== 'upload'
      ? t(`send.step.${step}`)
      : t(`send.phase.${phase}`, { file: progress?.fileName ?? '' });
  const tries = progress?.tries ?? null;
  // Counted on screen once a try has failed: "Attempt 2 of 6".
  const attemptText = tries && tries.attempt > 1 ? t('send.attempt', tries) : null;
  const stage = progress?.stage ?? 'preparing';
  const preparedRows = files.reduce((n, f) => n + f.rows, 0);
  const preparedBytes = files.reduce((n, f) => n + f.bytes, 0);
  const stageDetail = (which: 'preparing' | 'uploading'): string => {
    if (which === 'preparing') {
      if (stage !== 'preparing') return t('send.stage.done');
      return t('send.stage.rowsRead', {
        rows: format.number(progress?.rows ?? 0),
        done: format.bytes(progress?.bytes ?? 0),
        total: format.bytes(progress?.totalBytes ?? props.opened.sizeBytes),
      });
    }
    if (stage !== 'uploading')
      return `${t('send.stage.next')}: ${t('send.stage.rows', {
        rows: format.number(preparedRows),
        done: format.bytes(0),
        total: format.bytes(preparedBytes),
      })}`;
    return t('send.stage.rows', {
      rows: format.number(progress?.rows ?? preparedRows),
      done: format.bytes(progress?.bytes ?? 0),
      total: format.bytes(progress?.totalBytes ?? preparedBytes),
    });
  };
  const detail =
    progress && progress.totalBytes > 0
      ? progress.secondsLeft !== null && progress.bytesPerSecond > 0
        ? t('send.detail', {
            done: format.bytes(progress.bytes),
            total: format.bytes(progress.totalBytes),
            speed: format.bytes(progress.bytesPerSecond),
            left: format.duration(progress.secondsLeft),
          })
        : t('send.detailNoTime', {
            done: format.bytes(progress.bytes),
            total: format.bytes(progress.totalBytes),
          })
      : undefined;

  const succeeded =
    outcome && (outcome.outcome === 'sent' || outcome.outcome === 'sent-with-exclusions');
  const calm = outcome?.outcome === 'nothing-new';

  return (
    <>
      <div className="screen__header">
        <div>
          <h1 tabIndex={-1}>{t('send.title')}</h1>
          <p className="muted">
            {destination?.transport.host
              ? t('send.to', { host: destination.transport.host, folder: destination.folder })
              : t('send.toUnknown')}
          </p>
        </div>
        <div className="screen__actions">
          <button
            type="button"
            className="button"
            disabled={sending}
            onClick={() => props.go('review')}
          >
            {t('common.back')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={
              sending ||
              !configured ||
              files.length === 0 ||
              (destination?.recordings !== undefined && !recordingsFolder) ||
              !relatedChosen(destination, related)
            }
            onClick={() => void send()}
          >
            {outcome ? t('send.again') : t('send.now')}
          </button>
        </div>
      </div>

      {configured === false && name && (
        <div className="notice notice--warn">
          <p>{t('send.setUp', { name: destination?.name ?? name })}</p>
          <button
            type="button"
            className="button"
            onClick={() => (props.onSetUp ? props.onSetUp(name) : props.go('destinations'))}
          >
            {t('send.goDestinations')}
          </button>
        </div>
      )}

      <RecordingsFolderChoice
        destination={destination}
        folder={recordingsFolder}
        onFolder={setRecordingsFolder}
        disabled={sending}
      />
      <RelatedFilesChoice
        destination={destination}
        chosen={related}
        onChoose={(set, path) => setRelated(r => ({ ...r, [set]: path }))}
        disabled={sending}
      />

      <section aria-labelledby="send-what">
        <h2 id="send-what">{t('send.what')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('send.file')}</th>
              <th scope="col">{t('send.rows')}</th>
              <th scope="col">{t('send.size')}</th>
              <th scope="col">{t('send.encoding')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map(f => (
              <tr key={f.name}>
                <td className="mono">{f.name}</td>
                <td>{format.number(f.rows)}</td>
                <td>{format.bytes(f.bytes)}</td>
                <td>
                  {t(encodingKey(f.encoding), {
                    encoding: f.encoding === 'iso-8859-1' ? 'ISO 8859-1' : 'Windows-1252',
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {files.map(f => (
        <section key={f.name} aria-label={t('send.firstLines', { name: f.name })}>
          <h3>{t('send.firstLines', { name: f.name })}</h3>
          <pre className="code" tabIndex={0} data-testid="first-lines">
            {f.firstLines.join('\n')}
          </pre>
        </section>
      ))}

      {sending && (
        <section className="card" aria-live="polite">
          <ol className="send-steps" data-testid="send-steps">
            {(['preparing', 'uploading'] as const).map(which => (
              <li key={which} aria-current={stage === which ? 'step' : undefined}>
                <strong>{t(`send.stage.${which}`)}</strong>
                <span className="muted"> — {stageDetail(which)}</span>
              </li>
            ))}
          </ol>
          <p data-testid="send-phase">
            {paused ? t('send.phase.paused') : (recordingsProgressText(progress, t) ?? phaseText)}
            {attemptText && !paused && <> · {attemptText}</>}
          </p>
          {progress?.problem && phase === 'retrying' && (
            <p className="muted" data-testid="send-problem">
              {errorText(progress.problem, i18n)}
            </p>
          )}
          <ProgressBar
            label={t('send.progress')}
            value={progress ? progress.fraction : null}
            detail={detail}
          />
          <div className="screen__actions" style={{ justifyContent: 'flex-start', marginTop: 10 }}>
            <button type="button" className="button" onClick={() => void togglePause()}>
              {paused ? t('send.resume') : t('send.pause')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => void api().send.cancel()}
            >
              {t('send.cancel')}
            </button>
          </div>
        </section>
      )}

      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}

      {notTrusted && (
        <p className="notice" role="status" data-testid="send-not-trusted">
          {t('send.notTrusted')}
        </p>
      )}

      {outcome && (
        <section
          className={`notice ${succeeded ? 'notice--ok' : calm ? '' : 'notice--error'}`}
          role={succeeded || calm ? 'status' : 'alert'}
          data-testid="send-outcome"
        >
          <p>
            <strong>
              {outcome.outcome === 'sent'
                ? t('send.sent', { count: outcome.rows.sent })
                : outcome.outcome === 'sent-with-exclusions'
                  ? t('send.sentWithExclusions', {
                      sent: outcome.rows.sent,
                      excluded: outcome.rows.excluded,
                    })
                  : outcome.outcome === 'held'
                    ? t('send.held')
                    : calm
                      ? t('send.nothingNew', { destination: name ?? '' })
                      : t('send.failed')}
            </strong>
          </p>
          {outcome.error && <p>{errorText(outcome.error, i18n)}</p>}
          <RecordingsSent recordings={outcome.recordings} />
          <RelatedSent fileSets={outcome.fileSets} />
          {outcome.files
            .filter(f => f.remotePath)
            .map(f => (
              <p key={f.name}>
                {t('send.delivered', { name: f.name, path: f.remotePath ?? '' })}{' '}
                {f.verifiedBy && t(`send.verified.${f.verifiedBy}`)}
              </p>
            ))}
          <p className="muted small">{t('send.historyHint')}</p>
          {succeeded && props.onScheduled && (
            <button
              type="button"
              className="button"
              onClick={() =>
                props.onScheduled?.(outcome, recordingsFolder, relatedRequest(destination, related))
              }
            >
              {t('send.schedule')}
            </button>
          )}
        </section>
      )}

      <TrustDialog question={question} onAnswer={trusted => void answerTrust(trusted)} />
    </>
  );
}
