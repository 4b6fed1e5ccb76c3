import { useState } from 'react';
import type { CallResponse } from '../../../src-core/ipc/contract';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';

type Report = CallResponse<'destinations:check-setup'>;
type Setup = Report['destinations'][number];

/** The source in words, with the detail that tells which one (a variable, a credential, a file). */
function sourceWords(secret: Setup['secret'], t: ReturnType<typeof useI18n>['t']): string {
  const kind = t(`dest.secretSource.${secret.kind}`);
  return secret.kind === 'keychain' || secret.kind === 'ssh-agent'
    ? kind
    : `${kind} (${secret.source})`;
}

/**
 * "Check setup" on a saved destination: where its secret comes from and whether it can be read
 * now, the system keychain, and the proxy in use, without connecting and never showing a secret.
 * The same check as `courier doctor NAME` (the connection itself is "Test the connection").
 */
export function SetupCheck(props: { name: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [report, setReport] = useState<Report | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    setChecking(true);
    setError(null);
    try {
      setReport(await api().destinations.checkSetup({ name: props.name }));
    } catch (failure) {
      setReport(null);
      setError(failure);
    } finally {
      setChecking(false);
    }
  };

  const setup = report?.destinations.find(d => d.name === props.name) ?? null;
  return (
    <section className="card" aria-labelledby="dest-setup-title" data-testid="setup-check">
      <div className="screen__header">
        <h2 id="dest-setup-title">{t('setup.title')}</h2>
        <button type="button" className="button" disabled={checking} onClick={() => void run()}>
          {checking ? t('setup.checking') : t('setup.check')}
        </button>
      </div>
      {report && setup && (
        <>
          <ul className="list" aria-live="polite">
            <li data-check="secret" data-ok={setup.secret.readable}>
              {t(setup.secret.readable ? 'setup.secret.ok' : 'setup.secret.failed', {
                source: sourceWords(setup.secret, t),
              })}
              {setup.secret.error && <> {errorText(setup.secret.error, i18n)}</>}
            </li>
            <li data-check="keychain" data-ok={report.keychain.reachable || !setup.needsKeychain}>
              {report.keychain.reachable
                ? t('setup.keychain.ok', { backend: report.keychain.backend })
                : setup.needsKeychain
                  ? t('setup.keychain.failed')
                  : t('setup.keychain.unneeded')}
              {!report.keychain.reachable && setup.needsKeychain && report.keychain.error && (
                <> {errorText(report.keychain.error, i18n)}</>
              )}
            </li>
            <li data-check="proxy" data-ok={!setup.proxy.error}>
              {setup.proxy.error ? (
                <>
                  {t('setup.proxy.failed', { proxy: setup.proxy.via ?? '' })}{' '}
                  {errorText(setup.proxy.error, i18n)}
                </>
              ) : setup.proxy.via ? (
                t('setup.proxy.via', { proxy: setup.proxy.via })
              ) : (
                t('setup.proxy.direct')
              )}
            </li>
          </ul>
          <p
            className={`notice ${setup.ok ? 'notice--ok' : 'notice--error'}`}
            role="status"
            data-testid="setup-result"
          >
            {setup.ok ? t('setup.ok') : t('setup.problem')}
          </p>
        </>
      )}
      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}
    </section>
  );
}
