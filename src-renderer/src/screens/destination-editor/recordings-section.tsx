import { useId, useState } from 'react';
import type { Destination } from '../../../../src-core/destinations/destination';
import { applySetting } from '../../../../src-core/destinations/destination-settings';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n/i18n';
import type { SectionProps } from './numbers-and-dates-section';

/**
 * The destination editor's “Call recordings” section (EvaluAgent): the column naming each row's
 * recording and the server folder they go to. Each field goes through the same settings words as
 * `courier destinations set NAME recordings.column=… recordings.folder=…`, so both refuse the same
 * mistakes in the same sentence; a refused value stays in its field and the destination keeps
 * its previous one. Shown for EvaluAgent destinations, and any destination already set up so.
 */
export function RecordingsSection({ destination, onChange }: SectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const current = destination.recordings;
  const [column, setColumn] = useState(current?.column ?? '');
  const [folder, setFolder] = useState(current?.remoteFolder ?? '');
  const [problem, setProblem] = useState<{ field: 'column' | 'folder'; text: string } | null>(null);
  if (destination.presetId !== 'evaluagent' && !current) return null;

  /** Applies one setting, or says why it was refused (the destination keeps its value). */
  const apply = (field: 'column' | 'folder', from: Destination, key: string, value: string) => {
    try {
      const next = applySetting(from, key, value);
      setProblem(null);
      onChange(next);
      return next;
    } catch (error) {
      setProblem({ field, text: errorText(error, i18n) });
      return null;
    }
  };
  const turn = (on: boolean) => {
    if (!on) {
      apply('column', destination, 'recordings.column', 'none');
      return;
    }
    // The first column whose name says it holds recordings, else the person chooses one.
    const guess =
      column ||
      destination.columns.find(c => /record|opname|enregistr|audio|file/i.test(c.name))?.name ||
      destination.columns[0]!.name;
    setColumn(guess);
    const next = apply('column', destination, 'recordings.column', guess);
    if (next?.recordings) setFolder(next.recordings.remoteFolder);
  };
  const hint = (field: 'column' | 'folder', words: string) =>
    problem?.field === field ? (
      <span id={`${id}-${field}-hint`} className="field__hint field__hint--error" role="alert">
        {problem.text}
      </span>
    ) : (
      <span id={`${id}-${field}-hint`} className="field__hint">
        {words}
      </span>
    );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('recordings.title')}</h3>
      <p className="field__hint">{t('recordings.intro')}</p>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={current !== undefined}
          onChange={event => turn(event.target.checked)}
        />
        <span>{t('recordings.on')}</span>
      </label>
      {current && (
        <div className="form-grid">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-column`}>
              {t('recordings.column')}
            </label>
            <input
              id={`${id}-column`}
              list={`${id}-columns`}
              value={column}
              aria-invalid={problem?.field === 'column'}
              aria-describedby={`${id}-column-hint`}
              onChange={event => {
                setColumn(event.target.value);
                if (event.target.value.trim() !== '')
                  apply('column', destination, 'recordings.column', event.target.value);
              }}
            />
            <datalist id={`${id}-columns`}>
              {destination.columns.map(c => (
                <option key={c.name} value={c.name} />
              ))}
            </datalist>
            {hint('column', t('recordings.column.hint'))}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-folder`}>
              {t('recordings.folder')}
            </label>
            <input
              id={`${id}-folder`}
              value={folder}
              aria-invalid={problem?.field === 'folder'}
              aria-describedby={`${id}-folder-hint`}
              onChange={event => {
                setFolder(event.target.value);
                apply('folder', destination, 'recordings.folder', event.target.value);
              }}
            />
            {hint('folder', t('recordings.folder.hint'))}
          </div>
        </div>
      )}
    </section>
  );
}
