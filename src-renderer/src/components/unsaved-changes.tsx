import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useI18n } from '../i18n/i18n';

type Guard = Readonly<{
  /** A form says whether it holds changes not saved yet. */
  setDirty: (form: string, dirty: boolean) => void;
  /** Runs `leave` now, or once the person confirms leaving a form with unsaved changes. */
  ask: (leave: () => void) => void;
}>;

const GuardContext = createContext<Guard>({ setDirty: () => undefined, ask: leave => leave() });

/**
 * Keeps track of forms with unsaved changes and asks before leaving one (the sidebar, a form's
 * own Back button): "Leave without saving?" in a modal dialog, Stay focused first.
 */
export function UnsavedChangesProvider(props: { children: ReactNode }) {
  const { t } = useI18n();
  const dirty = useRef(new Set<string>());
  const [pending, setPending] = useState<(() => void) | null>(null);
  const ref = useRef<HTMLDialogElement>(null);

  const guard = useMemo<Guard>(
    () => ({
      setDirty: (form, isDirty) => {
        if (isDirty) dirty.current.add(form);
        else dirty.current.delete(form);
      },
      ask: leave => {
        if (dirty.current.size === 0) leave();
        else setPending(() => leave);
      },
    }),
    []
  );

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) dialog.showModal();
    if (!pending && dialog.open) dialog.close();
  }, [pending]);

  const leave = () => {
    const go = pending;
    // The changes are given up: the form that held them is about to go.
    dirty.current.clear();
    setPending(null);
    go?.();
  };

  return (
    <GuardContext.Provider value={guard}>
      {props.children}
      <dialog
        ref={ref}
        className="dialog"
        aria-labelledby="unsaved-title"
        aria-describedby="unsaved-text"
        onCancel={event => {
          event.preventDefault();
          setPending(null);
        }}
      >
        {pending && (
          <>
            <h2 id="unsaved-title">{t('unsaved.title')}</h2>
            <p id="unsaved-text">{t('unsaved.text')}</p>
            <div className="dialog__actions">
              <button type="button" className="button" autoFocus onClick={() => setPending(null)}>
                {t('unsaved.stay')}
              </button>
              <button type="button" className="button button--primary" onClick={leave}>
                {t('unsaved.leave')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </GuardContext.Provider>
  );
}

/** Asks before leaving (see `UnsavedChangesProvider`): wrap any navigation in it. */
export function useLeaveGuard(): (leave: () => void) => void {
  return useContext(GuardContext).ask;
}

/**
 * Declares this form's unsaved changes (`dirty`) for as long as it is shown; returns the guard
 * for the form's own way out (Back, Cancel).
 */
export function useUnsavedChanges(dirty: boolean): (leave: () => void) => void {
  const guard = useContext(GuardContext);
  const id = useId();
  useEffect(() => {
    guard.setDirty(id, dirty);
  }, [guard, id, dirty]);
  // A form that goes (saved, or left) holds nothing any more.
  useEffect(() => () => guard.setDirty(id, false), [guard, id]);
  return useCallback((leave: () => void) => guard.ask(leave), [guard]);
}
