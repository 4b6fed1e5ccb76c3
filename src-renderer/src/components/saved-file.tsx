import { useState } from 'react';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';

/**
 * Says where Courier saved a file the user asked for, with a button that shows it in the
 * system's file manager (so the user can attach it to an e-mail or open it in Excel).
 *
 * Place it inside a live region that is always on the page (`role="status"`), so screen readers
 * announce it when it appears; give it `key={path}` so a new save starts afresh.
 */
export function SavedFile(props: { path: string; text: string }) {
  const i18n = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const reveal = () =>
    void api()
      .files.reveal({ path: props.path })
      .then(
        ({ shown }) => setProblem(shown ? null : i18n.t('files.revealUnavailable')),
        failure => setProblem(errorText(failure, i18n, {}))
      );
  return (
    <span className="saved-file">
      <span className="muted">{props.text}</span>{' '}
      <button type="button" className="button button--small" onClick={reveal}>
        {i18n.t('files.reveal')}
      </button>
      {problem && (
        <span className="notice notice--warn" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
