import { useCallback, useEffect, useRef, useState } from 'react';
import { Steps } from '../components/steps';
import { api } from '../courier-api';
import type { FlowStep, Screen } from '../navigation';
import type {
  FlowChoices,
  FormatCorrection,
  OpenedFile,
  ReadFailure,
  ReadProgress,
} from './flow-types';
import { PreviewScreen } from './preview-screen';
import { MapScreen } from './map-screen';
import { ReviewScreen, type ReviewResult } from './review-screen';
import { SendScreen } from './send-screen';
import type { JobDraft } from './jobs-screen';
import { useI18n } from '../i18n/i18n';

/** The send flow for one file: preview, map, review, send. Keeps its state across the steps. */
export function FlowScreens(props: {
  step: FlowStep;
  path: string;
  go: (screen: Screen) => void;
  /** "Do this every night": a job made of this send, for the jobs screen to save. */
  onSchedule: (draft: JobDraft) => void;
  /** Whether the flow is on screen (it stays mounted while other sections are visited). */
  active: boolean;
  /** Opens the form of a destination that is not set up yet (a preset id), to come back here. */
  onSetUp: (name: string) => void;
  /** The destination just saved from that form: the flow goes on with it, corrections kept. */
  setUpDone: Readonly<{ name: string; id: number }> | null;
}) {
  const { t } = useI18n();
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const [correction, setCorrection] = useState<FormatCorrection>({});
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const [readError, setReadError] = useState<ReadFailure | null>(null);
  const [choices, setChoices] = useState<FlowChoices>({
    destinationName: null,
    mapping: null,
    remember: true,
    fixes: [],
    excludeInvalid: false,
  });
  const updateChoices = useCallback(
    (update: Partial<FlowChoices>) => setChoices(previous => ({ ...previous, ...update })),
    []
  );
  const [review, setReview] = useState<ReviewResult | null>(null);

  // Back from setting the destination up: the same file, mapping and fixes, now for the saved
  // destination (its columns are the preset's), and the planned files checked again for it.
  const handledSetUp = useRef(0);
  useEffect(() => {
    const done = props.setUpDone;
    if (!done || done.id === handledSetUp.current) return;
    handledSetUp.current = done.id;
    setChoices(previous => ({ ...previous, destinationName: done.name }));
  }, [props.setUpDone]);
  const current = useRef<string | null>(null);
  // Events can arrive before files:open has answered with the id: keep the latest per file.
  const latest = useRef(new Map<string, ReadProgress>());

  useEffect(() => {
    const offProgress = api().on.filesProgress(p => {
      latest.current.set(p.sourceId, p);
      if (p.sourceId === current.current) setProgress(p);
    });
    const offFailed = api().on.filesFailed(f => {
      if (f.sourceId === current.current) setReadError(f.error);
    });
    return () => {
      offProgress();
      offFailed();
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    let sourceId: string | null = null;
    setOpened(null);
    setOpenError(null);
    setProgress(null);
    setReadError(null);
    // Other columns may come out of a corrected read: propose the mapping again.
    setChoices(previous => ({ ...previous, mapping: null }));
    api()
      .files.open({ path: props.path, ...correction })
      .then(
        file => {
          sourceId = file.sourceId;
          if (cancelled) {
            void api().files.close({ sourceId });
            return;
          }
          current.current = file.sourceId;
          setOpened(file);
          setProgress(latest.current.get(file.sourceId) ?? null);
        },
        error => {
          if (!cancelled) setOpenError(error ?? new Error('?'));
        }
      );
    return () => {
      cancelled = true;
      current.current = null;
      if (sourceId) void api().files.close({ sourceId });
    };
  }, [props.path, correction]);

  return (
    <section className="screen screen--wide" aria-label={opened?.fileName}>
      <Steps current={props.step} />
      {props.step === 'preview' && (
        <PreviewScreen
          path={props.path}
          opened={opened}
          openError={openError}
          progress={progress}
          readError={readError}
          onCorrect={setCorrection}
          go={props.go}
        />
      )}
      {props.step === 'map' && opened && (
        <MapScreen opened={opened} choices={choices} onChoices={updateChoices} go={props.go} />
      )}
      {props.step === 'review' && opened && (
        <ReviewScreen
          opened={opened}
          choices={choices}
          correction={correction}
          onChoices={updateChoices}
          result={review}
          onResult={setReview}
          go={props.go}
        />
      )}
      {props.step === 'send' && opened && (
        <SendScreen
          opened={opened}
          choices={choices}
          correction={correction}
          review={review}
          go={props.go}
          active={props.active}
          onSetUp={props.onSetUp}
          onDestination={destinationName => updateChoices({ destinationName })}
          onReview={setReview}
          onScheduled={(_outcome, recordingsFolder, related) => {
            if (!choices.destinationName) return;
            props.onSchedule({
              name: t('jobs.new.defaultName', {
                file: opened.fileName,
                destination: choices.destinationName,
              }),
              source: { kind: 'file', path: opened.path },
              // The sheet and header line corrected on the preview are how tomorrow's file is read too.
              reading: { ...correction },
              destination: choices.destinationName,
              mapping: { ...(choices.mapping ?? {}) },
              // Leaving out "row 7" means nothing in tomorrow's file: the job's policy decides instead.
              fixes: choices.fixes.filter(f => f.kind !== 'exclude-row'),
              invalidRows: 'send-valid',
              expectedHeaders: [...opened.columns],
              scheduleText: 'every day at 02:00',
              enabled: true,
              // The recordings folder chosen for this send is where the job finds them too.
              recordingsFolder,
              // And the related files chosen for it are sent with the main file at every run.
              ...(related.length > 0 ? { related } : {}),
            });
          }}
        />
      )}
    </section>
  );
}
