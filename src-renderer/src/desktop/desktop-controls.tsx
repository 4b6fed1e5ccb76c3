import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppCommand } from '../../../src-core/desktop/desktop-ipc';
import type { CallResponse } from '../../../src-core/ipc/contract';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../../../src-core/words/en';
import type { Screen } from '../navigation';
import { commandForKey, isMac, shortcutLabel, shortcuts } from './shortcuts';

const shortcutWords: Readonly<Record<AppCommand, MessageKey>> = {
  'open-file': 'desktop.shortcut.open',
  destinations: 'desktop.shortcut.destinations',
  history: 'desktop.shortcut.history',
  shortcuts: 'desktop.shortcut.help',
  about: 'desktop.about',
};

/**
 * The desktop's commands in the window: the keyboard shortcuts (also run from the app menu, which
 * only shows them), the "Keyboard shortcuts" and "About Courier" dialogs, and "Copy diagnostic
 * information". Rendered in the sidebar's footer.
 */
export function DesktopControls(props: {
  platform: string;
  go: (screen: Screen) => void;
  onOpenFile: (path: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { go, onOpenFile } = props;
  const mac = isMac(props.platform);
  const [shown, setShown] = useState<'shortcuts' | 'about' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    (command: AppCommand) => {
      setError(null);
      if (command === 'open-file') {
        api()
          .files.pick()
          .then(
            ({ path }) => path && onOpenFile(path),
            failure => setError(errorText(failure, i18n))
          );
      } else if (command === 'destinations' || command === 'history') {
        setShown(null);
        go(command);
      } else {
        setShown(command);
      }
    },
    [go, onOpenFile, i18n]
  );

  // The menu's commands, and the same commands from the keyboard.
  useEffect(() => api().on.appCommand(({ command }) => run(command)), [run]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event, mac);
      if (!command) return;
      // Handled here, so the menu (which shows the same keys) does not run it a second time.
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mac, run]);

  return (
    <div className="desktop-controls">
      <button type="button" className="button button--link small" onClick={() => run('shortcuts')}>
        {t('desktop.shortcuts')}
      </button>
      <button type="button" className="button button--link small" onClick={() => run('about')}>
        {t('desktop.about')}
      </button>
      {error && (
        <p className="notice notice--error small" role="alert">
          {error}
        </p>
      )}
      <Dialog
        open={shown === 'shortcuts'}
        titleId="shortcuts-title"
        title={t('desktop.shortcutsTitle')}
        onClose={() => setShown(null)}
      >
        <dl className="shortcuts" data-testid="shortcuts">
          {shortcuts.map(s => (
            <div key={s.command} className="shortcuts__row">
              <dt>
                <kbd>{shortcutLabel(s.command, mac)}</kbd>
              </dt>
              <dd>{t(shortcutWords[s.command])}</dd>
            </div>
          ))}
          <div className="shortcuts__row">
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>{t('desktop.shortcut.close')}</dd>
          </div>
        </dl>
      </Dialog>
      <Dialog
        open={shown === 'about'}
        titleId="about-title"
        title={t('desktop.aboutTitle')}
        onClose={() => setShown(null)}
      >
        {shown === 'about' && <About />}
      </Dialog>
    </div>
  );
}

/** The About dialog's content: versions, licence, and "Copy diagnostic information". */
function About() {
  const i18n = useI18n();
  const { t } = i18n;
  const [about, setAbout] = useState<CallResponse<'support:about'> | null>(null);
  const [diagnostics, setDiagnostics] = useState<CallResponse<'support:diagnostics'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api()
      .support.about()
      .then(setAbout, failure => setError(errorText(failure, i18n)));
  }, [i18n]);
  const copy = async () => {
    setError(null);
    try {
      setDiagnostics(await api().support.diagnostics({ copy: true }));
    } catch (failure) {
      setError(errorText(failure, i18n));
    }
  };
  return (
    <>
      {about && (
        <dl className="about" data-testid="about">
          <dt>{t('desktop.version')}</dt>
          <dd>{about.version}</dd>
          <dt>{t('desktop.electron')}</dt>
          <dd>{about.electron ?? t('desktop.notElectron')}</dd>
          <dt>{t('desktop.chrome')}</dt>
          <dd>{about.chrome ?? '—'}</dd>
          <dt>{t('desktop.node')}</dt>
          <dd>{about.node}</dd>
          <dt>{t('desktop.os')}</dt>
          <dd>{about.os}</dd>
        </dl>
      )}
      {about && <p className="muted small">{about.copyright}</p>}
      <p className="muted small">{t('desktop.licence')}</p>
      <button type="button" className="button" onClick={() => void copy()}>
        {t('desktop.copyDiagnostics')}
      </button>
      {diagnostics && (
        <>
          <p role="status" className="small">
            {diagnostics.copied ? t('desktop.copied') : t('desktop.diagnosticsShown')}
          </p>
          <pre className="diagnostics mono small" data-testid="diagnostics" tabIndex={0}>
            {diagnostics.text}
          </pre>
        </>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** A modal dialog that closes on Escape (the browser's own) and with its Close button. */
function Dialog(props: {
  open: boolean;
  titleId: string;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={props.titleId} onClose={props.onClose}>
      {props.open && (
        <>
          <h2 id={props.titleId}>{props.title}</h2>
          {props.children}
          <div className="dialog__actions">
            <button type="button" className="button" autoFocus onClick={props.onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
