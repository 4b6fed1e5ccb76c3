import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../src-core/ipc/contract';
import { api, host } from './courier-api';
import { useI18n, languages, type Language } from './i18n/i18n';
import type { MessageKey } from '../../src-core/words/en';
import { StartScreen } from './screens/start-screen';
import { FlowScreens } from './screens/flow-screens';
import { flowSteps, type FlowStep, type Screen } from './navigation';
import { DestinationsScreen } from './screens/destinations-screen';
import { JobsScreen, type JobDraft } from './screens/jobs-screen';
import { HistoryScreen } from './screens/history-screen';
import { errorText } from './error-text';
import type { EventPayload } from '../../src-core/ipc/contract';
import { DesktopControls } from './desktop/desktop-controls';
import { useLeaveGuard } from './components/unsaved-changes';

const sections: ReadonlyArray<{ screen: Screen; label: MessageKey; icon: string }> = [
  { screen: 'start', label: 'nav.send', icon: '↑' },
  { screen: 'destinations', label: 'nav.destinations', icon: '◎' },
  { screen: 'jobs', label: 'nav.jobs', icon: '◷' },
  { screen: 'history', label: 'nav.history', icon: '☰' },
];

const isFlow = (screen: Screen): screen is FlowStep =>
  (flowSteps as readonly string[]).includes(screen);

/** The window: navigation on the left, the current screen on the right, drop anywhere. */
export function Shell(props: {
  info: AppInfo | null;
  failure: string | null;
  onLanguage: (language: Language) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [notices, setNotices] = useState<
    ReadonlyArray<EventPayload<'app:notice'> & { id: number }>
  >([]);
  const [screen, setScreen] = useState<Screen>('start');
  const [file, setFile] = useState<{ path: string; id: number } | null>(null);
  const [flowStep, setFlowStep] = useState<FlowStep>('preview');
  const [dragging, setDragging] = useState(false);
  const [jobDraft, setJobDraft] = useState<JobDraft | null>(null);
  const [dropError, setDropError] = useState<string | null>(null);
  // "Set up the destination" from the Send step: its form, then back to the flow where it was.
  const [setUp, setSetUp] = useState<{ name: string; returnTo: FlowStep } | null>(null);
  const [setUpDone, setSetUpDone] = useState<{ name: string; id: number } | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const askToLeave = useLeaveGuard();
  // Each click in the sidebar opens its section afresh: its list, not a form left open.
  const [visit, setVisit] = useState(0);

  const go = useCallback((next: Screen) => {
    if (isFlow(next)) setFlowStep(next);
    setScreen(next);
  }, []);

  // A new screen takes the focus to its heading, so keyboard and screen-reader users start there.
  // (Not on start-up: the window opens with focus at the top, where Tab reaches the skip link.)
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    const headings = [...(mainRef.current?.querySelectorAll<HTMLElement>('h1') ?? [])];
    headings.find(h => h.offsetParent !== null)?.focus();
  }, [screen]);

  const openFile = useCallback((path: string) => {
    setDropError(null);
    setFile(previous => ({ path, id: (previous?.id ?? 0) + 1 }));
    setFlowStep('preview');
    setScreen('preview');
  }, []);

  // What main tells without being asked (a settings file it kept aside), until dismissed.
  useEffect(
    () =>
      api().on.appNotice(notice =>
        setNotices(previous => [...previous, { ...notice, id: (previous.at(-1)?.id ?? 0) + 1 }])
      ),
    []
  );

  // A notification about a run was clicked: History, with that run open.
  const [shownRun, setShownRun] = useState<{ id: string } | null>(null);
  useEffect(
    () =>
      api().on.historyShow(({ id }) => {
        setShownRun({ id });
        setScreen('history');
      }),
    []
  );

  // A second launch of Courier with a file (or a file dropped on its icon) opens it here.
  useEffect(() => api().on.appOpenFile(({ path }) => openFile(path)), [openFile]);

  // Dropping works anywhere in the window, not only on the drop zone.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      if (files.length > 1) {
        setDropError(t('start.oneFile'));
        setScreen('start');
        return;
      }
      const path = host()?.pathForFile(files[0]!) ?? '';
      if (!path) {
        setDropError(t('start.noPath'));
        setScreen('start');
        return;
      }
      openFile(path);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFile, t]);

  let content: ReactNode;
  if (props.failure) {
    content = (
      <section className="screen">
        <h1 tabIndex={-1}>{t('error.title')}</h1>
        <p role="alert">{props.failure}</p>
      </section>
    );
  } else if (screen === 'start') {
    content = (
      <StartScreen
        error={dropError}
        onOpen={openFile}
        go={go}
        resume={file ? { path: file.path, onResume: () => go(flowStep) } : undefined}
      />
    );
  } else if (isFlow(screen)) {
    content = file ? null : <StartScreen error={dropError} onOpen={openFile} go={go} />;
  } else if (screen === 'destinations') {
    content = (
      <DestinationsScreen
        key={setUp ? `set-up:${setUp.name}` : `list:${visit}`}
        setUp={setUp?.name}
        onOpenFile={openFile}
        onSetUpDone={savedName => {
          const back = setUp?.returnTo ?? flowStep;
          setSetUp(null);
          if (savedName)
            setSetUpDone(previous => ({ name: savedName, id: (previous?.id ?? 0) + 1 }));
          go(back);
        }}
      />
    );
  } else if (screen === 'jobs') {
    content = (
      <JobsScreen key={visit} go={go} draft={jobDraft} onDraftDone={() => setJobDraft(null)} />
    );
  } else {
    content = <HistoryScreen onOpenFile={openFile} showRun={shownRun} />;
  }

  const activeSection = isFlow(screen) ? 'start' : screen;

  return (
    <div className={`app${dragging ? ' app--dragging' : ''}`}>
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand" aria-hidden="true">
          <span className="brand__mark">✦</span> {t('app.name')}
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav">
            {sections.map(section => (
              <li key={section.screen}>
                <button
                  type="button"
                  className="nav__item"
                  aria-current={activeSection === section.screen ? 'page' : undefined}
                  onClick={() =>
                    askToLeave(() => {
                      // The sidebar leaves a set-up form for the plain list.
                      if (section.screen === 'destinations') setSetUp(null);
                      // A job form left is given up (the person said so if it held changes).
                      setJobDraft(null);
                      setVisit(v => v + 1);
                      // "Send a file" from another section returns to the file in progress;
                      // from that file, it opens the start screen for another one.
                      go(
                        section.screen === 'start' && file && !isFlow(screen)
                          ? flowStep
                          : section.screen
                      );
                    })
                  }
                >
                  <span className="nav__icon" aria-hidden="true">
                    {section.icon}
                  </span>
                  {t(section.label)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar__footer">
          <LanguagePicker onLanguage={props.onLanguage} />
          <DesktopControls platform={props.info?.platform ?? ''} go={go} onOpenFile={openFile} />
          <p className="muted small" data-testid="app-version">
            {props.info ? t('app.version', { version: props.info.version }) : t('app.loading')}
          </p>
        </div>
      </aside>
      <main id="content" ref={mainRef} className="content">
        {notices.map(notice => (
          <div key={notice.id} className="notice notice--warn app-notice" role="alert">
            <span>{errorText(notice, i18n)}</span>{' '}
            <button
              type="button"
              className="button button--link"
              onClick={() => setNotices(previous => previous.filter(n => n.id !== notice.id))}
            >
              {t('common.close')}
            </button>
          </div>
        ))}
        {file && (
          // Kept mounted while the user visits other sections, so the flow keeps its state.
          <div hidden={!isFlow(screen) || Boolean(props.failure)}>
            <FlowScreens
              key={file.id}
              step={flowStep}
              path={file.path}
              go={go}
              active={isFlow(screen)}
              setUpDone={setUpDone}
              onSetUp={name => {
                setSetUp({ name, returnTo: flowStep });
                setScreen('destinations');
              }}
              onSchedule={draft => {
                setJobDraft(draft);
                go('jobs');
              }}
            />
          </div>
        )}
        {content}
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay__box">{t('start.dropNow')}</div>
        </div>
      )}
    </div>
  );
}

function LanguagePicker(props: { onLanguage: (language: Language) => void }) {
  const { t, language } = useI18n();
  return (
    <label className="field field--compact">
      <span className="field__label">{t('nav.language')}</span>
      <select value={language} onChange={event => props.onLanguage(event.target.value as Language)}>
        {languages.map(code => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
