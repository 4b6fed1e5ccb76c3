import { useId, useState } from 'react';
import type { Destination } from '../../../../src-core/destinations/destination';
import { learnXmlSample, withXmlSample } from '../../../../src-core/output/xml-sample';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../../../src-core/words/en';
import type { SectionProps } from './numbers-and-dates-section';

type FileFormat = Destination['output']['format'];

const choices: ReadonlyArray<
  Readonly<{ format: FileFormat; label: MessageKey; hint: MessageKey }>
> = [
  { format: 'csv', label: 'dest.fileType.csv', hint: 'dest.fileType.csv.hint' },
  { format: 'xlsx', label: 'dest.fileType.xlsx', hint: 'dest.fileType.xlsx.hint' },
  { format: 'xls', label: 'dest.fileType.xls', hint: 'dest.fileType.xls.hint' },
  { format: 'xml', label: 'dest.fileType.xml', hint: 'dest.fileType.xml.hint' },
];

/** The extension a file of this format gets (the file-name template's is replaced). */
const extensionOf = (format: FileFormat) => `.${format}`;

/**
 * The destination editor's “File type” section: CSV, or a workbook of one sheet (Excel .xlsx or
 * Excel 97–2003 .xls, as CustomerGauge accepts).
 *
 * For a workbook it says what happens to the text settings (they do not apply) and how cells
 * are written; the row limit still splits the rows into several workbooks. For XML the person
 * loads the platform's sample; Courier shows the structure it learnt, or why it cannot follow it.
 */
export function FileTypeSection({ destination, onChange }: SectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [sampleProblem, setSampleProblem] = useState<string | null>(null);
  const format = destination.output.format;
  const layout = destination.output.xml;
  const loadSample = async (file: File) => {
    try {
      const learnt = learnXmlSample(
        new Uint8Array(await file.arrayBuffer()),
        destination.columns.map(c => c.name),
        file.name
      );
      setSampleProblem(null);
      onChange(withXmlSample(destination, learnt));
    } catch (error) {
      setSampleProblem(errorText(error, i18n));
    }
  };
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
      {format === 'xml' && (
        <div className="field" data-testid="xml-sample">
          <label className="field__label" htmlFor={`${id}-sample`}>
            {t('dest.fileType.xml.sample')}
          </label>
          <input
            id={`${id}-sample`}
            type="file"
            accept=".xml,text/xml,application/xml"
            aria-describedby={`${id}-sample-hint`}
            onChange={event => {
              const file = event.target.files?.[0];
              if (file) void loadSample(file);
            }}
          />
          <span
            id={`${id}-sample-hint`}
            role={sampleProblem ? 'alert' : undefined}
            className={sampleProblem ? 'field__hint field__hint--error' : 'field__hint'}
          >
            {sampleProblem ??
              (layout
                ? t('dest.fileType.xml.learnt', {
                    sample: layout.sampleName || '—',
                    record: layout.record.name,
                    root: layout.root.name,
                  })
                : t('dest.fileType.xml.none'))}
          </span>
          {layout && !sampleProblem && (
            <ol className="field__hint" aria-label={t('dest.fileType.xml.fields')}>
              {layout.fields.map(f => (
                <li key={`${f.kind}:${f.name}`}>
                  {t(
                    f.kind === 'attribute'
                      ? 'dest.fileType.xml.attribute'
                      : 'dest.fileType.xml.element',
                    {
                      name: f.name,
                      column: f.column,
                    }
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {(format === 'xls' || format === 'xlsx') && (
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
