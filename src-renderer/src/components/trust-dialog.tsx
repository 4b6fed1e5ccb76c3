import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

/** What the server showed that Courier cannot vouch for. */
export type TrustQuestion = Readonly<{
  host: string;
  fingerprint: string;
  /** `trust.unknown-host-key`, `trust.unknown-certificate`, `trust.host-key-changed`… */
  code: string;
}>;

/**
 * Asks the user to confirm a server's host key or certificate fingerprint, explaining what it
 * means. A modal dialog: focus stays inside, Escape answers "do not trust".
 */
export function TrustDialog(props: {
  question: TrustQuestion | null;
  onAnswer: (trusted: boolean) => void;
  /** The accept button says what happens next (send, or only remember). */
  then?: 'send' | 'remember';
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const { question } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (question && !dialog.open) dialog.showModal();
    if (!question && dialog.open) dialog.close();
  }, [question]);

  const changed = question?.code.endsWith('-changed') ?? false;
  const ssh = question?.code.includes('host-key') ?? false;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="trust-title"
      aria-describedby="trust-text"
      onCancel={event => {
        event.preventDefault();
        props.onAnswer(false);
      }}
    >
      {question && (
        <>
          <h2 id="trust-title">{t('trust.title')}</h2>
          <p id="trust-text" className={changed ? 'notice notice--error' : undefined}>
            {changed
              ? t('trust.changed', { host: question.host })
              : ssh
                ? t('trust.ssh', { host: question.host })
                : t('trust.tls', { host: question.host })}
          </p>
          <p className="fingerprint" data-testid="fingerprint">
            {question.fingerprint}
          </p>
          <p className="muted">{t('trust.explain')}</p>
          <div className="dialog__actions">
            <button
              type="button"
              className="button"
              autoFocus
              onClick={() => props.onAnswer(false)}
            >
              {t('trust.reject')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => props.onAnswer(true)}
            >
              {props.then === 'remember' ? t('trust.acceptOnly') : t('trust.accept')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

/** Pins a confirmed fingerprint on a destination's transport (host key for SFTP, certificate for FTPS). */
export function pinFingerprint<
  D extends { transport: Record<string, unknown> & { protocol?: string } },
>(destination: D, fingerprint: string): D {
  const key = destination.transport.protocol === 'sftp' ? 'hostKey' : 'tlsFingerprint';
  return { ...destination, transport: { ...destination.transport, [key]: fingerprint } };
}
