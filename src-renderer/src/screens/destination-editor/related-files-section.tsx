import { useId, useState } from 'react';
import type { RelatedFileSet } from '../../../../src-core/destinations/destination';
import { applySetting } from '../../../../src-core/destinations/destination-settings';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n/i18n';
import type { SectionProps } from './numbers-and-dates-section';

/** A set's columns as `related.NAME.columns=` words: `order_id:reference*, total:number`. */
function columnWords(set: RelatedFileSet): string {
  return set.columns
    .map(c => `${c.name}${c.rule !== 'text' ? `:${c.rule}` : ''}${c.required ? '*' : ''}`)
    .join(', ');
}

/**
 * The destination editor's “Related files” section (BlueConic's profiles, orders, products): the
 * files sent with the main one, each with its columns and file name, in upload order. Every field
 * goes through the settings words of `courier destinations set NAME related.NAME.columns=…
 * related.NAME.file-name=…`, so both refuse the same mistakes in the same sentence; a refused
 * value stays in its field and the destination keeps its previous one. Shown for BlueConic
 * destinations and any destination that already has related files.
 */
export function RelatedFilesSection({ destination, onChange }: SectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const sets = destination.related ?? [];
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  const [newName, setNewName] = useState('');
  const [newColumns, setNewColumns] = useState('');
  if (destination.presetId !== 'blueconic' && sets.length === 0) return null;

  /** Applies one setting, or says at `field` why it was refused (the destination keeps its value). */
  const apply = (field: string, key: string, value: string): boolean => {
    try {
      onChange(applySetting(destination, key, value));
      setProblem(null);
      return true;
    } catch (error) {
      setProblem({ field, text: errorText(error, i18n) });
      return false;
    }
  };
  const edit = (field: string, key: string, value: string) => {
    setFields(f => ({ ...f, [field]: value }));
    apply(field, key, value);
  };
  const hint = (field: string, words: string) =>
    problem?.field === field ? (
      <span id={`${id}-${field}-hint`} className="field__hint field__hint--error" role="alert">
        {problem.text}
      </span>
    ) : (
      <span id={`${id}-${field}-hint`} className="field__hint">
        {words}
      </span>
    );
  const field = (name: string, label: string, value: string, key: string, words: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        value={fields[name] ?? value}
        aria-invalid={problem?.field === name}
        aria-describedby={`${id}-${name}-hint`}
        onChange={event => edit(name, key, event.target.value)}
      />
      {hint(name, words)}
    </div>
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('related.title')}</h3>
      <p className="field__hint">{t('related.intro')}</p>
      <ol>
        {sets.map(set => (
          <li key={set.name}>
            <fieldset className="form-grid">
              <legend>{t('related.set', { name: set.name })}</legend>
              {field(
                `${set.name}-columns`,
                t('related.columns', { name: set.name }),
                columnWords(set),
                `related.${set.name}.columns`,
                t('related.columns.hint')
              )}
              {field(
                `${set.name}-file`,
                t('related.fileName', { name: set.name }),
                set.fileName,
                `related.${set.name}.file-name`,
                t('related.fileName.hint')
              )}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => apply(`${set.name}-columns`, `related.${set.name}`, 'none')}
              >
                {t('related.remove', { name: set.name })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="form-grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-new-name`}>
            {t('related.new.name')}
          </label>
          <input
            id={`${id}-new-name`}
            value={newName}
            onChange={event => setNewName(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-new-columns`}>
            {t('related.new.columns')}
          </label>
          <input
            id={`${id}-new-columns`}
            value={newColumns}
            aria-invalid={problem?.field === 'new'}
            aria-describedby={`${id}-new-hint`}
            onChange={event => setNewColumns(event.target.value)}
          />
          {hint('new', t('related.columns.hint'))}
        </div>
        <button
          type="button"
          className="button"
          disabled={newName.trim() === '' || newColumns.trim() === ''}
          onClick={() => {
            if (apply('new', `related.${newName.trim()}.columns`, newColumns)) {
              setNewName('');
              setNewColumns('');
            }
          }}
        >
          {t('related.add')}
        </button>
      </div>
    </section>
  );
}
