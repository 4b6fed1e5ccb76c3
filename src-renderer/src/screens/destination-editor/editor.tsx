import { useEffect, useMemo, useRef, useState } from 'react';
import type { Destination } from '../../../../src-core/destinations/destination';
import {
  jobsAffectedByColumns,
  type FieldProblem,
} from '../../../../src-core/destinations/destination-problems';
import { api, type CallError } from '../../courier-api';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n/i18n';
import { ColumnsSection } from './columns-section';
import { FileNameSection } from './file-name-section';
import { FileTypeSection } from './file-type-section';
import { FormatSection } from './format-section';
import { NumbersAndDatesSection } from './numbers-and-dates-section';
import { ReportsSection } from './reports-section';
import { RecordingsSection } from './recordings-section';
import { RelatedFilesSection } from './related-files-section';
import { LimitsSection } from './limits-section';
import { PlatformSection } from './platform-section';
import { PreviewSection, type OutputPreview } from './preview-section';
import { SampleSection, type LoadedSample } from './sample-section';
import { WarningsSection } from './warnings-section';

/** Presets whose columns come from the vendor's sample file: the editor asks for it first. */
const SAMPLE_FIRST = new Set(['customergauge', 'evaluagent']);

/** How long the preview waits after a change before asking main (typing stays smooth). */
const PREVIEW_DELAY_MS = 150;

/**
 * The destination editor: everything that decides the file and where it goes, in sections, each
 * with its preset's value and a way back to it, a live preview of the output file, and one save
 * through the destination service (validated by the core schema; a problem is told at its field).
 */
export function DestinationEditor(props: {
  name: string;
  onClose: () => void;
  /** Opens a file in the send flow: offered for the dummy-data file just written. */
  onSendFile?: ((path: string) => void) | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<Destination | null>(null);
  const [savedName, setSavedName] = useState(props.name);
  const [preset, setPreset] = useState<Destination | null>(null);
  const [jobs, setJobs] = useState<
    ReadonlyArray<{ name: string; destination: string; mapping: Record<string, string | null> }>
  >([]);
  const [sample, setSample] = useState<LoadedSample | null>(null);
  const [preview, setPreview] = useState<OutputPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveProblems, setSaveProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [formatNote, setFormatNote] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [focusField, setFocusField] = useState<string | null>(null);
  const [dummyFile, setDummyFile] = useState<string | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    Promise.all([api().destinations.get({ name: props.name }), api().presets.list()]).then(
      ([got, list]) => {
        if (!got.destination)
          return setError(new Error(t('editor.notFound', { name: props.name })));
        setDraft(got.destination);
        setPreset(list.presets.find(p => p.id === got.destination!.presetId)?.destination ?? null);
      },
      setError
    );
    api()
      .jobs.list()
      .then(
        overview => setJobs(overview.jobs),
        () => setJobs([])
      );
  }, [props.name, t]);

  // The live preview: main prepares the file as the send would, from the sample or made-up rows.
  useEffect(() => {
    if (!draft) return;
    const ask = ++asked.current;
    setBusy(true);
    const timer = setTimeout(() => {
      api()
        .destinations.previewOutput({
          destination: draft as unknown as Record<string, unknown>,
          ...(sample ? { samplePath: sample.path } : {}),
        })
        .then(
          answer => {
            if (ask !== asked.current) return;
            setPreview(answer);
            setBusy(false);
          },
          failure => {
            if (ask !== asked.current) return;
            setBusy(false);
            setError(failure);
          }
        );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, sample]);

  const problems = useMemo(
    () => [...(preview?.problems ?? []), ...saveProblems],
    [preview, saveProblems]
  );

  // After a refused save, the keyboard goes to the field to correct, once its message is shown.
  useEffect(() => {
    if (!focusField) return;
    const shown = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(focusField)}"]`);
    if (!shown) return;
    const input = shown.closest('label, td')?.querySelector<HTMLElement>('input, select');
    (input ?? shown).focus();
    setFocusField(null);
  }, [focusField, problems]);
  const affected = useMemo(
    () => (draft ? jobsAffectedByColumns(jobs, savedName, draft.columns) : []),
    [jobs, savedName, draft]
  );

  if (!draft) {
    return (
      <section className="screen" aria-labelledby="editor-title">
        <h1 id="editor-title" tabIndex={-1}>
          {t('editor.title', { name: props.name })}
        </h1>
        {error !== null ? (
          <p className="notice notice--error" role="alert">
            {errorText(error, i18n)}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </section>
    );
  }

  const change = (next: Destination) => {
    setDraft(next);
    setDirty(true);
    setMessage(null);
    setSaveProblems([]);
  };

  const loadSample = async () => {
    setError(null);
    try {
      const { path } = await api().files.pick();
      if (!path) return;
      const read = await api().destinations.readSample({ path });
      setSample({ path, sample: read });
      change({
        ...draft,
        columns: read.columns,
        output: { ...draft.output, ...read.format },
        columnsFromSample: true,
      });
      const parts = Object.keys(read.format).length;
      setFormatNote(parts > 1 ? t('editor.sample.formatProposed') : null);
    } catch (failure) {
      setError(failure);
    }
  };

  const focusProblem = (field: string) => setFocusField(field);

  // A file of invented contacts in this destination's exact format, to send to the platform
  // first (a test import); written from the saved destination, so unsaved changes come first.
  const saveDummyData = async () => {
    setError(null);
    setDummyFile(null);
    if (dirty) return setMessage(t('editor.dummy.saveFirst'));
    try {
      const written = await api().destinations.dummyData({
        name: savedName,
        rows: 10,
        dialogTitle: t('editor.dummy.dialog'),
      });
      const [first] = written.files;
      if (first) {
        setMessage(t('editor.dummy.saved', { path: first.path, rows: first.rows }));
        setDummyFile(first.path);
      }
    } catch (failure) {
      setError(failure);
    }
  };

  const save = async () => {
    setError(null);
    setMessage(null);
    if (problems.length > 0) {
      setMessage(t('editor.problems'));
      focusProblem(problems[0]!.field);
      return;
    }
    try {
      const result = await api().destinations.save({ destination: draft, previousName: savedName });
      setDraft(result.destination);
      setSavedName(result.destination.name);
      setDirty(false);
      setMessage(t('editor.saved'));
    } catch (failure) {
      const field = (failure as CallError).params?.field;
      if (typeof field === 'string') {
        const { code = 'destination.invalid', message = '', params = {} } = failure as CallError;
        setSaveProblems([{ field, code, message, params }]);
        setMessage(t('editor.problems'));
        focusProblem(field);
      } else setError(failure);
    }
  };

  const sectionProps = { destination: draft, onChange: change, preset, problems };
  return (
    <section className="screen destination-editor" aria-labelledby="editor-title">
      <div className="screen__header">
        <div>
          <h1 id="editor-title" tabIndex={-1}>
            {t('editor.title', { name: savedName })}
          </h1>
          <p className="muted">{t('editor.intro')}</p>
        </div>
        <div className="screen__actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('editor.close')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="editor-dummy-data"
            onClick={() => void saveDummyData()}
          >
            {t('editor.dummy')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void save()}>
            {t('editor.save')}
          </button>
        </div>
      </div>
      {message && (
        <p
          className={problems.length > 0 ? 'notice notice--error' : 'notice'}
          role="status"
          data-testid="editor-message"
        >
          {message}
        </p>
      )}
      {dummyFile && props.onSendFile && (
        <p>
          <button type="button" className="button" onClick={() => props.onSendFile?.(dummyFile)}>
            {t('editor.dummy.send')}
          </button>
        </p>
      )}
      {dirty && !message && <p className="muted small">{t('editor.unsaved')}</p>}
      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}
      <WarningsSection {...sectionProps} />
      <SampleSection
        {...sectionProps}
        loaded={sample}
        onLoad={() => void loadSample()}
        first={SAMPLE_FIRST.has(draft.presetId)}
      />
      {formatNote && <p className="notice">{formatNote}</p>}
      <ColumnsSection {...sectionProps} affectedJobs={affected} />
      <FileTypeSection {...sectionProps} />
      <FormatSection {...sectionProps} />
      <NumbersAndDatesSection {...sectionProps} />
      <LimitsSection {...sectionProps} />
      <FileNameSection
        {...sectionProps}
        nextName={preview?.nextName ?? ''}
        splitNames={preview?.splitNames ?? []}
      />
      <PlatformSection {...sectionProps} />
      <RecordingsSection {...sectionProps} />
      <RelatedFilesSection {...sectionProps} />
      <ReportsSection {...sectionProps} />
      <PreviewSection {...sectionProps} preview={preview} busy={busy} />
    </section>
  );
}
