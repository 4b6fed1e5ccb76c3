import { useState } from 'react';
import { DataGrid } from '../components/data-grid';
import { ProgressBar } from '../components/progress-bar';
import { useRows } from '../components/use-rows';
import { formatInWords } from '../../../src-core/words/format-words';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';
import type { Screen } from '../navigation';
import type { FormatCorrection, OpenedFile, ReadFailure, ReadProgress } from './flow-types';

/** Preview: the file in a grid, its format in words (correctable), and the background read. */
export function PreviewScreen(props: {
  path: string;
  opened: OpenedFile | null;
  openError: unknown;
  progress: ReadProgress | null;
  readError: ReadFailure | null;
  onCorrect: (correction: FormatCorrection) => void;
  go: (screen: Screen) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = props.path.split(/[\\/]/).pop() ?? props.path;
  if (props.openError !== null) {
    return (
      <>
        <h1 tabIndex={-1}>{name}</h1>
        <p className="notice notice--error" role="alert">
          {errorText(props.openError, i18n, { file: name })}
        </p>
        <div>
          <button type="button" className="button" onClick={() => props.go('start')}>
            {t('preview.openAnother')}
          </button>
        </div>
      </>
    );
  }
  if (!props.opened) {
    return (
      <>
        <h1 tabIndex={-1}>{name}</h1>
        <p className="muted" role="status">
          {t('preview.opening', { name })}
        </p>
      </>
    );
  }
  return <OpenedPreview {...props} opened={props.opened} />;
}

function OpenedPreview(props: {
  opened: OpenedFile;
  progress: ReadProgress | null;
  readError: ReadFailure | null;
  onCorrect: (correction: FormatCorrection) => void;
  go: (screen: Screen) => void;
}) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const { opened, progress } = props;
  const done = progress?.done ?? false;
  const rowCount = done
    ? (progress?.rowCount ?? progress?.rowsRead ?? 0)
    : Math.max(progress?.rowsRead ?? 0, opened.preview.length);
  const { row, ensure } = useRows(opened.sourceId, opened.preview, rowCount);
  const [headerRow, setHeaderRow] = useState(String(opened.format.headerRow));
  const [sheet, setSheet] = useState(opened.format.sheet ?? '');

  const fraction =
    progress && progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : null;

  return (
    <>
      <div className="screen__header">
        <div>
          <h1 tabIndex={-1}>{opened.fileName}</h1>
          <p className="muted" data-testid="format-words">
            {formatInWords(opened.format, t)}
          </p>
        </div>
        <div className="screen__actions">
          <button type="button" className="button" onClick={() => props.go('start')}>
            {t('preview.openAnother')}
          </button>
          <button type="button" className="button button--primary" onClick={() => props.go('map')}>
            {t('preview.continue')}
          </button>
        </div>
      </div>

      <div className="stats">
        <div className="stat">
          <span className="muted small">{done ? t('preview.readDone') : t('preview.reading')}</span>
          <span className="stat__value" data-testid="row-count">
            {done
              ? t('preview.rows', { count: rowCount })
              : t('preview.rowsSoFar', { count: rowCount })}
          </span>
        </div>
        <div className="stat">
          <span className="muted small">
            {t('preview.columns', { count: opened.columns.length })}
          </span>
          <span className="stat__value">{format.bytes(opened.sizeBytes)}</span>
        </div>
      </div>

      {!done && !props.readError && (
        <ProgressBar
          label={t('preview.readProgress')}
          value={fraction}
          detail={fraction === null ? undefined : format.percent(fraction)}
        />
      )}
      {props.readError && (
        <p className="notice notice--error" role="alert">
          {errorText(props.readError, i18n, { file: opened.fileName })}
        </p>
      )}

      {opened.format.sheets.length > 1 && opened.format.sheet !== null && (
        <>
          <p className="notice" role="status" data-testid="sheet-chosen">
            {t('preview.sheetChosen', {
              sheet: opened.format.sheet,
              count: opened.format.sheets.length,
            })}
          </p>
          <div className="sheet-tabs" role="tablist" aria-label={t('preview.sheets')}>
            {opened.format.sheets.map(s => (
              <button
                key={s}
                type="button"
                role="tab"
                className="sheet-tabs__tab"
                aria-selected={s === opened.format.sheet}
                onClick={() => {
                  // Another sheet has its own header: found again, not carried over.
                  if (s !== opened.format.sheet) props.onCorrect({ sheet: s });
                }}
              >
                {s}
              </button>
            ))}
          </div>
        </>
      )}

      <DataGrid
        label={t('preview.grid', { name: opened.fileName })}
        columns={opened.columns}
        rowCount={rowCount}
        row={row}
        onRange={ensure}
        testId="preview-grid"
      />

      <details className="card">
        <summary>{t('preview.correct')}</summary>
        <form
          className="form-grid"
          style={{ marginTop: 12, alignItems: 'end' }}
          onSubmit={event => {
            event.preventDefault();
            const line = Number.parseInt(headerRow, 10);
            props.onCorrect({
              headerRow: Number.isFinite(line) && line > 0 ? line : undefined,
              sheet: sheet || undefined,
            });
          }}
        >
          <label className="field">
            <span className="field__label">{t('preview.headerRow')}</span>
            <input
              type="number"
              min={1}
              value={headerRow}
              onChange={event => setHeaderRow(event.target.value)}
            />
          </label>
          {opened.format.sheets.length > 1 && (
            <label className="field">
              <span className="field__label">{t('preview.sheet')}</span>
              <select value={sheet} onChange={event => setSheet(event.target.value)}>
                {opened.format.sheets.map(s => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
          )}
          <div>
            <button type="submit" className="button">
              {t('preview.apply')}
            </button>
          </div>
        </form>
      </details>
    </>
  );
}
