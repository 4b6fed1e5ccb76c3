import { useState } from 'react';
import type { CallRequest } from '../../../src-core/ipc/contract';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';
import { jobSourcePath } from '../../../src-core/jobs/job';

/** A job's source as a save request gives it. */
type JobSource = CallRequest<'jobs:save'>['source'];

/** What a new job sends: the file it was made from, or the newest file in a watched folder. */
export type SourceChoice = Readonly<{ kind: 'file' | 'folder'; folder: string; pattern: string }>;

/** The starting choice for a job made from `path`: that file; a folder's pattern of its type. */
export function sourceChoiceFor(path: string): SourceChoice {
  const extension = /\.[^./\\]+$/.exec(path)?.[0] ?? '';
  return { kind: 'file', folder: '', pattern: `*${extension}` };
}

/** The job source the choice stands for (the file's own source when it is "this file"). */
export function jobSourceOf(choice: SourceChoice, file: JobSource): JobSource {
  if (choice.kind === 'file') return file;
  return {
    kind: 'folder',
    folder: choice.folder,
    pattern: choice.pattern.trim() || '*',
    pick: 'newest',
  };
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * "What to send": this file again, or the newest file in a folder the person chooses with the
 * system's folder chooser (what `courier jobs add --watch` does on the command line).
 */
export function JobSourceField(props: {
  file: JobSource;
  choice: SourceChoice;
  onChange: (choice: SourceChoice) => void;
  showError: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<string | null>(null);
  const { choice } = props;
  const filePath = jobSourcePath(props.file);
  const pick = async () => {
    setError(null);
    try {
      const { path } = await api().files.pickFolder();
      if (path) props.onChange({ ...choice, kind: 'folder', folder: path });
    } catch (failure) {
      setError(errorText(failure, i18n));
    }
  };
  const missing = props.showError && choice.kind === 'folder' && choice.folder === '';
  return (
    <fieldset className="field choice-list" style={{ gridColumn: '1 / -1' }}>
      <legend className="field__label">{t('jobs.source.legend')}</legend>
      <label className="choice">
        <input
          type="radio"
          name="job-source"
          checked={choice.kind === 'file'}
          onChange={() => props.onChange({ ...choice, kind: 'file' })}
        />
        <span>{t('jobs.source.file', { name: baseName(filePath) })}</span>
      </label>
      <label className="choice">
        <input
          type="radio"
          name="job-source"
          checked={choice.kind === 'folder'}
          onChange={() => props.onChange({ ...choice, kind: 'folder' })}
        />
        <span>{t('jobs.source.folder')}</span>
      </label>
      {choice.kind === 'folder' && (
        <div className="choice__detail">
          <div className="field">
            <span className="field__label" id="job-folder-label">
              {t('jobs.source.folderLabel')}
            </span>
            <p className="mono" aria-labelledby="job-folder-label" data-testid="job-folder">
              {choice.folder || t('jobs.source.noFolder')}
            </p>
            <button type="button" className="button button--small" onClick={() => void pick()}>
              {t('jobs.source.pick')}
            </button>
            {missing && (
              <span className="field__hint field__hint--error" role="alert">
                {t('jobs.source.folderMissing')}
              </span>
            )}
            {error && (
              <span className="field__hint field__hint--error" role="alert">
                {error}
              </span>
            )}
          </div>
          <label className="field">
            <span className="field__label">{t('jobs.source.pattern')}</span>
            <input
              value={choice.pattern}
              onChange={event => props.onChange({ ...choice, pattern: event.target.value })}
            />
            <span className="field__hint muted small">{t('jobs.source.patternHint')}</span>
          </label>
        </div>
      )}
    </fieldset>
  );
}

/** "When some rows have problems": both answers in full, as choices (never cut off in a box). */
export function InvalidRowsField(props: {
  value: 'send-valid' | 'hold';
  onChange: (value: 'send-valid' | 'hold') => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field choice-list" style={{ gridColumn: '1 / -1' }}>
      <legend className="field__label">{t('jobs.new.invalid')}</legend>
      {(['send-valid', 'hold'] as const).map(value => (
        <label className="choice" key={value}>
          <input
            type="radio"
            name="job-invalid-rows"
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          <span>{t(value === 'send-valid' ? 'jobs.new.sendValid' : 'jobs.new.hold')}</span>
        </label>
      ))}
    </fieldset>
  );
}
