import { useId } from 'react';
import type { Destination } from '../../../../src-core/destinations/destination';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import type { SectionProps } from './numbers-and-dates-section';

type FileFormat = Destination['output']['format'];

const choices: ReadonlyArray<
  Readonly<{ format: FileFormat; label: MessageKey; hint: MessageKey }>
> = [
  { format: 'csv', label: 'dest.fileType.csv', hint: 'dest.fileType.csv.hint' },
  { format: 'xlsx', label: 'dest.fileType.xlsx', hint: 'dest.fileType.xlsx.hint' },
  { format: 'xls', label: 'dest.fileType.xls', hint: 'dest.fileType.xls.hint' },
];

/** The extension a file of this format gets (the file-name template's is replaced). */
const extensionOf = (format: FileFormat) => `.${format}`;

/**
 * The destination editor's “File type” section: CSV, or a workbook of one sheet (Excel .xlsx or
 * Excel 97–2003 .xls, as CustomerGauge accepts).
 *
 * For a workbook it says what happens to the text settings (they do not apply) and how cells
 * are written; the row limit still splits the rows into several workbooks.
 */
export function FileTypeSection({ destination, onChange }: SectionProps) {
  const { t } = useI18n();
  const id = useId();
  const format = destination.output.format;
  const chosen = choices.find(c => c.format === format) ?? choices[0]!;
  const template = destination.fileName.replace(/\.[^./\\]+$/, '') + extensionOf(format);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('dest.fileType.title')}</h3>
      <div className="form-grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-format`}>
            {t('dest.fileType.format')}
          </label>
          <select
            id={`${id}-format`}
            value={format}
            aria-describedby={`${id}-hint`}
            onChange={event => {
              const next = choices.find(c => c.format === event.target.value)?.format ?? 'csv';
              onChange({ ...destination, output: { ...destination.output, format: next } });
            }}
          >
            {choices.map(c => (
              <option key={c.format} value={c.format}>
                {t(c.label)}
              </option>
            ))}
          </select>
          <span id={`${id}-hint`} className="field__hint">
            {t(chosen.hint)}
          </span>
        </div>
      </div>
      {format !== 'csv' && (
        <ul className="field__hint" data-testid="workbook-notes">
          <li>{t('dest.fileType.workbook.cells')}</li>
          <li>
            {destination.limits.maxRows === null
              ? t('dest.fileType.workbook.noRowLimit')
              : t('dest.fileType.workbook.rowLimit', { rows: destination.limits.maxRows })}
          </li>
          <li>{t('dest.fileType.workbook.textSettings')}</li>
          <li>{t('dest.fileType.workbook.name', { name: template })}</li>
        </ul>
      )}
    </section>
  );
}
