import { useEffect, useState } from 'react';
import type { CallResponse, EventPayload } from '../../../src-core/ipc/contract';
import { TrustDialog, pinFingerprint, type TrustQuestion } from '../components/trust-dialog';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';
import { adviceText, stepText } from '../localized-text';

type Destination = CallResponse<'destinations:list'>['destinations'][number];
type Step = EventPayload<'destinations:test-step'>['step'];

const tone: Readonly<Record<Step['status'], string>> = {
  ok: 'ok',
  warning: 'warn',
  failed: 'error',
  skipped: '',
};

/**
 * Tests a saved destination step by step (name, network, handshake, identity, sign-in, folder,
 * writing), showing each step as it finishes, and asks to confirm an unknown server identity.
 */
export function ConnectionTest(props: {
  name: string;
  onPinned: (destination: Destination) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [steps, setSteps] = useState<Step[]>([]);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [question, setQuestion] = useState<TrustQuestion | null>(null);
  const [host, setHost] = useState('');

  useEffect(
    () =>
      api().on.destinationsTestStep(event => {
        if (event.name === props.name) setSteps(previous => [...previous, event.step]);
      }),
    [props.name]
  );

  const run = async () => {
    setRunning(true);
    setSteps([]);
    setResult(null);
    setError(null);
    try {
      const [outcome, got] = await Promise.all([
        api().destinations.test({ name: props.name }),
        api().destinations.get({ name: props.name }),
      ]);
      setSteps(outcome.steps);
      setResult(outcome.ok);
      setHost(got.destination?.transport.host ?? '');
      const trust = outcome.steps.find(s => s.fingerprint && s.status === 'failed');
      if (trust?.fingerprint) {
        setQuestion({
          host: got.destination?.transport.host ?? '',
          fingerprint: trust.fingerprint,
          code: trust.code ?? 'trust.unknown-host-key',
        });
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  };

  const answer = async (trusted: boolean) => {
    const asked = question;
    setQuestion(null);
    if (!trusted || !asked) return;
    try {
      const { destination } = await api().destinations.get({ name: props.name });
      if (!destination) return;
      const saved = await api().destinations.save({
        destination: pinFingerprint(destination, asked.fingerprint),
        previousName: destination.name,
      });
      props.onPinned(saved.destination);
      await run();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby="dest-test-title">
      <div className="screen__header">
        <h2 id="dest-test-title">{t('dest.test.steps')}</h2>
        <button type="button" className="button" disabled={running} onClick={() => void run()}>
          {running ? t('dest.testing') : t('dest.test')}
        </button>
      </div>
      {steps.length > 0 && (
        <ol className="list steps-list" aria-live="polite">
          {steps.map((step, i) => (
            <li
              key={`${step.id}-${i}`}
              className="step-row"
              data-step={step.id}
              data-status={step.status}
            >
              <span className={`badge${tone[step.status] ? ` badge--${tone[step.status]}` : ''}`}>
                {t(`status.${step.status}`)}
              </span>
              <div>
                <strong>{t(`step.${step.id}`)}</strong>
                <div className="muted small">
                  {stepText(step, i18n)}
                </div>
                {step.advice && <div className="small">{adviceText(step, i18n)}</div>}
              </div>
            </li>
          ))}
        </ol>
      )}
      {result !== null && (
        <p
          className={`notice ${result ? 'notice--ok' : 'notice--error'}`}
          role="status"
          data-testid="test-result"
        >
          {result ? t('dest.test.ok') : t('dest.test.failed')}
        </p>
      )}
      {result === false && steps.some(s => s.fingerprint) && !question && (
        <button
          type="button"
          className="button"
          onClick={() => {
            const trust = steps.find(s => s.fingerprint);
            if (trust?.fingerprint) {
              setQuestion({
                host,
                fingerprint: trust.fingerprint,
                code: trust.code ?? 'trust.unknown-host-key',
              });
            }
          }}
        >
          {t('dest.test.confirm')}
        </button>
      )}
      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}
      <TrustDialog question={question} then="remember" onAnswer={trusted => void answer(trusted)} />
    </section>
  );
}
