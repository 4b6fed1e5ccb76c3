import type { CallResponse } from '../../../src-core/ipc/contract';
import { api } from '../courier-api';
import { useI18n } from '../i18n/i18n';

type Destination = NonNullable<CallResponse<'destinations:get'>['destination']>;
type FileSets = NonNullable<CallResponse<'send:start'>['fileSets']>;

/** Whether every related file set of the destination has its file chosen. */
export function relatedChosen(
  destination: Destination | null,
  chosen: Readonly<Record<string, string>>
): boolean {
  return (destination?.related ?? []).every(set => chosen[set.name] !== undefined);
}

/** The related files to send, in the destination's order (what `send:start` takes). */
export function relatedRequest(
  destination: Destination | null,
  chosen: Readonly<Record<string, string>>
): { name: string; path: string }[] {
  return (destination?.related ?? []).flatMap(set =>
    chosen[set.name] ? [{ name: set.name, path: chosen[set.name]! }] : []
  );
}

/**
 * The Send screen's related files (destinations with related file sets, BlueConic): one file per
 * set, each chosen in the system's file dialog. Nothing for a destination without related files.
 */
export function RelatedFilesChoice(props: {
  destination: Destination | null;
  chosen: Readonly<Record<string, string>>;
  onChoose: (set: string, path: string) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const sets = props.destination?.related ?? [];
  if (sets.length === 0) return null;
  const choose = async (set: string) => {
    const { path } = await api().files.pick();
    if (path) props.onChoose(set, path);
  };
  return (
    <section className="card" aria-labelledby="send-related" data-testid="send-related">
      <h2 id="send-related">{t('related.send.title')}</h2>
      <p className="field__hint">{t('related.send.intro')}</p>
      <ol>
        {sets.map(set => (
          <li key={set.name} data-testid={`send-related-${set.name}`}>
            <p className={props.chosen[set.name] ? undefined : 'muted'}>
              {props.chosen[set.name]
                ? t('related.send.chosen', { name: set.name, file: props.chosen[set.name]! })
                : t('related.send.none', { name: set.name })}
            </p>
            <button
              type="button"
              className="button"
              disabled={props.disabled}
              onClick={() => void choose(set.name)}
            >
              {t('related.send.choose', { name: set.name })}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What became of each file of a send with related files, one line each. */
export function RelatedSent(props: { fileSets: FileSets | null | undefined }) {
  const { t } = useI18n();
  if (!props.fileSets) return null;
  return (
    <ul data-testid="send-related-sent">
      {props.fileSets.flatMap(set =>
        set.files.map(f => (
          <li key={`${set.set}-${f.sha256}`}>
            {t(`related.sent.${f.status}`, {
              set: set.set === 'main' ? t('related.sent.main') : set.set,
              source: set.source,
              name: f.name,
            })}
          </li>
        ))
      )}
    </ul>
  );
}
