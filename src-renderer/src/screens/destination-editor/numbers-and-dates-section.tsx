import { useId, useState } from 'react';
import type { Destination, TargetColumn } from '../../../../src-core/destinations/destination';
import { isTimeZone, systemTimeZone } from '../../../../src-core/output/time-zone';
import { formatDate } from '../../../../src-core/validation/date';
import { useI18n } from '../../i18n/i18n';

/** What every destination-editor section takes: the destination as edited, and where changes go. */
export type SectionProps = Readonly<{
  destination: Destination;
  onChange: (next: Destination) => void;
}>;

/** The time zone names this system knows, for the suggestions of the zone fields. */
const zoneNames = (): readonly string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/Brussels', 'Europe/Paris', 'Europe/Amsterdam', 'Europe/London'];
  }
};

/** A sample instant shown in the chosen date format (the destination's own examples use 2026). */
const SAMPLE = { year: 2026, month: 3, day: 29, hour: 14, minute: 5, second: 9 } as const;

/**
 * The destination editor's “Numbers, lists and dates” section: decimal separator, multi-value
 * separator and columns, date format and time zones (BlueConic's connection settings).
 *
 * A typed time zone or separator reaches the destination only once it is valid; until then the
 * field says what is wrong and the destination keeps its previous value.
 */
export function NumbersAndDatesSection({ destination, onChange }: SectionProps) {
  const { t } = useI18n();
  const id = useId();
  const out = destination.output;
  const setOutput = (change: Partial<Destination['output']>) =>
    onChange({ ...destination, output: { ...out, ...change } });
  const [separator, setSeparator] = useState(out.multiValueSeparator);
  const [zone, setZone] = useState(out.timeZone ?? '');
  const [sourceZone, setSourceZone] = useState(out.sourceTimeZone ?? '');
  const separatorBad = separator.length < 1 || separator.length > 3 || separator.trim() === '';
  const zoneBad = zone.trim() !== '' && !isTimeZone(zone.trim());
  const sourceZoneBad = sourceZone.trim() !== '' && !isTimeZone(sourceZone.trim());
  const format = out.dateFormat ?? '';

  const setColumn = (column: TargetColumn, next: TargetColumn) =>
    onChange({
      ...destination,
      columns: destination.columns.map(c => (c === column ? next : c)),
    });

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('dest.values.title')}</h3>
      <p className="field__hint">{t('dest.values.intro')}</p>
      <div className="form-grid">
        <label className="field">
          <span className="field__label">{t('dest.values.decimal')}</span>
          <select
            value={out.decimal}
            onChange={event => setOutput({ decimal: event.target.value === ',' ? ',' : '.' })}
          >
            <option value=".">{t('dest.values.decimal.point')}</option>
            <option value=",">{t('dest.values.decimal.comma')}</option>
          </select>
        </label>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-list`}>
            {t('dest.values.multiValue')}
          </label>
          <input
            id={`${id}-list`}
            value={separator}
            maxLength={3}
            aria-invalid={separatorBad}
            aria-describedby={`${id}-list-hint`}
            onChange={event => {
              const value = event.target.value;
              setSeparator(value);
              if (value.length >= 1 && value.length <= 3 && value.trim() !== '')
                setOutput({ multiValueSeparator: value });
            }}
          />
          <span
            id={`${id}-list-hint`}
            className={separatorBad ? 'field__hint field__hint--error' : 'field__hint'}
          >
            {separatorBad
              ? t('dest.values.multiValue.invalid')
              : t('dest.values.multiValue.hint', { example: ['sports', 'music'].join(separator) })}
          </span>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-format`}>
            {t('dest.values.dateFormat')}
          </label>
          <input
            id={`${id}-format`}
            value={format}
            placeholder="YYYY-MM-DD HH:mm:ss"
            aria-describedby={`${id}-format-hint`}
            onChange={event => {
              const value = event.target.value;
              setOutput({ dateFormat: value.trim() === '' ? null : value });
            }}
          />
          <span id={`${id}-format-hint`} className="field__hint">
            {format === ''
              ? t('dest.values.dateFormat.none')
              : t('dest.values.dateFormat.example', { example: formatDate(SAMPLE, format) })}
          </span>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-zone`}>
            {t('dest.values.timeZone')}
          </label>
          <input
            id={`${id}-zone`}
            list={`${id}-zones`}
            value={zone}
            placeholder="Europe/Brussels"
            aria-invalid={zoneBad}
            aria-describedby={`${id}-zone-hint`}
            onChange={event => {
              const value = event.target.value;
              setZone(value);
              if (value.trim() === '') setOutput({ timeZone: null });
              else if (isTimeZone(value.trim())) setOutput({ timeZone: value.trim() });
            }}
          />
          <span
            id={`${id}-zone-hint`}
            className={zoneBad ? 'field__hint field__hint--error' : 'field__hint'}
          >
            {zoneBad
              ? t('dest.values.zone.invalid')
              : zone.trim() === ''
                ? t('dest.values.timeZone.none')
                : t('dest.values.timeZone.hint')}
          </span>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-source-zone`}>
            {t('dest.values.sourceTimeZone')}
          </label>
          <input
            id={`${id}-source-zone`}
            list={`${id}-zones`}
            value={sourceZone}
            placeholder={systemTimeZone()}
            aria-invalid={sourceZoneBad}
            aria-describedby={`${id}-source-zone-hint`}
            onChange={event => {
              const value = event.target.value;
              setSourceZone(value);
              if (value.trim() === '') setOutput({ sourceTimeZone: null });
              else if (isTimeZone(value.trim())) setOutput({ sourceTimeZone: value.trim() });
            }}
          />
          <span
            id={`${id}-source-zone-hint`}
            className={sourceZoneBad ? 'field__hint field__hint--error' : 'field__hint'}
          >
            {sourceZoneBad
              ? t('dest.values.zone.invalid')
              : t('dest.values.sourceTimeZone.hint', { zone: systemTimeZone() })}
          </span>
        </div>
      </div>
      <datalist id={`${id}-zones`}>
        {zoneNames().map(name => (
          <option key={name} value={name} />
        ))}
      </datalist>

      <h4>{t('dest.values.lists')}</h4>
      <p className="field__hint">{t('dest.values.lists.hint')}</p>
      {destination.columns.map(column => (
        <ListColumn key={column.name} column={column} onChange={next => setColumn(column, next)} />
      ))}
    </section>
  );
}

/** One column's multi-value choice: a checkbox, then the source separator and further columns. */
function ListColumn(
  props: Readonly<{ column: TargetColumn; onChange: (next: TargetColumn) => void }>
) {
  const { t } = useI18n();
  const { column } = props;
  const list = column.multiValue;
  const [also, setAlso] = useState((list?.alsoFrom ?? []).join(', '));
  return (
    <div className="form-grid">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={list !== undefined}
          onChange={event => {
            if (event.target.checked)
              props.onChange({ ...column, multiValue: { sourceSeparator: '', alsoFrom: [] } });
            else {
              const { multiValue: _gone, ...plain } = column;
              props.onChange(plain);
            }
          }}
        />
        <span>{t('dest.values.list.column', { column: column.name })}</span>
      </label>
      {list && (
        <>
          <label className="field">
            <span className="field__label">
              {t('dest.values.list.sourceSeparator', { column: column.name })}
            </span>
            <input
              value={list.sourceSeparator}
              maxLength={3}
              placeholder={t('dest.values.list.noSplit')}
              onChange={event =>
                props.onChange({
                  ...column,
                  multiValue: { ...list, sourceSeparator: event.target.value },
                })
              }
            />
          </label>
          <label className="field">
            <span className="field__label">
              {t('dest.values.list.alsoFrom', { column: column.name })}
            </span>
            <input
              value={also}
              placeholder="Interest 2, Interest 3"
              onChange={event => {
                setAlso(event.target.value);
                const alsoFrom = event.target.value
                  .split(',')
                  .map(v => v.trim())
                  .filter(v => v !== '');
                props.onChange({ ...column, multiValue: { ...list, alsoFrom } });
              }}
            />
          </label>
        </>
      )}
    </div>
  );
}
