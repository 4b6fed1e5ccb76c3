import type { CallResponse, EventPayload } from '../../../src-core/ipc/contract';
import { api } from '../courier-api';
import { useI18n } from '../i18n/i18n';

type Destination = NonNullable<CallResponse<'destinations:get'>['destination']>;
type Recordings = NonNullable<CallResponse<'send:start'>['recordings']>;
type Progress = EventPayload<'send:progress'>;

/**
 * The Send screen's recordings folder (destinations that receive call recordings): which folder
 * the rows' recordings are in, chosen in the system's folder dialog. Nothing without recordings.
 */
export function RecordingsFolderChoice(props: {
  destination: Destination | null;
  folder: string | null;
  onFolder: (folder: string) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const recordings = props.destination?.recordings;
  if (!recordings) return null;
  const choose = async () => {
    const { path } = await api().files.pickFolder();
    if (path) props.onFolder(path);
  };
  return (
    <section className="card" aria-labelledby="send-recordings" data-testid="send-recordings">
      <h2 id="send-recordings">{t('recordings.send.folder')}</h2>
      <p className={props.folder ? undefined : 'muted'}>
        {props.folder
          ? t('recordings.send.chosen', {
              folder: props.folder,
              column: recordings.column,
              remote: recordings.remoteFolder,
            })
          : t('recordings.send.none', { column: recordings.column })}
      </p>
      <button
        type="button"
        className="button"
        disabled={props.disabled}
        onClick={() => void choose()}
      >
        {t('recordings.send.choose')}
      </button>
    </section>
  );
}

/** “Recording 12 of 301” while the recordings go up; nothing otherwise. */
export function recordingsProgressText(
  progress: Progress | null,
  t: ReturnType<typeof useI18n>['t']
): string | null {
  if (progress?.part !== 'recordings' || progress.file === undefined) return null;
  return t('recordings.send.progress', { file: progress.file, files: progress.files ?? 0 });
}

/** What a send did with its recordings, in one sentence of the outcome. */
export function RecordingsSent(props: { recordings: Recordings | null | undefined }) {
  const { t, format } = useI18n();
  const r = props.recordings;
  if (!r) return null;
  return (
    <p data-testid="send-recordings-sent">
      {t('recordings.send.sent', {
        count: r.count,
        uploaded: r.uploaded,
        bytes: format.bytes(r.uploadedBytes),
        folder: r.remoteFolder,
      })}
    </p>
  );
}
