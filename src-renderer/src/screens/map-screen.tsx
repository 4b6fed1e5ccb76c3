import { useEffect, useMemo, useState } from 'react';
import type { CallResponse } from '../../../src-core/ipc/contract';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';
import { isMessageKey } from '../../../src-core/words/en';
import type { Screen } from '../navigation';
import type { FlowChoices, OpenedFile } from './flow-types';
import { columnHintKey } from '../column-hints';

type Destination = NonNullable<CallResponse<'destinations:get'>['destination']>;
type Suggestion = CallResponse<'mapping:suggest'>['suggestions'][number];
type Remembered = CallResponse<'mapping:suggest'>['remembered'];
type Preset = CallResponse<'presets:list'>['presets'][number];

/** A confidence in words: the user sees Sure / Likely / Check this, never a number. */
function confidenceOf(s: Suggestion | undefined, source: string | null, chosen: boolean) {
  if (!source) return null;
  if (chosen || !s || s.source !== source) return { key: 'map.sure' as const, tone: 'ok' };
  if (s.question) return { key: 'map.check' as const, tone: 'warn' };
  return s.confidence >= 0.95
    ? { key: 'map.sure' as const, tone: 'ok' }
    : { key: 'map.likely' as const, tone: 'ok' };
}

/** Map: which column of the file feeds each destination column, with samples and confidence. */
export function MapScreen(props: {
  opened: OpenedFile;
  choices: FlowChoices;
  onChoices: (update: Partial<FlowChoices>) => void;
  go: (screen: Screen) => void;
}) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const { opened, choices, onChoices } = props;
  // An address column says which of the file's addresses it was taken from, and the others.
  const addressNote = (group: string, others: readonly string[] = []) => {
    const named = others.filter(g => g !== '');
    const text = (g: string) => {
      const key = `map.address.${g}`;
      return isMessageKey(key) ? t(key) : g;
    };
    return [
      group !== '' ? t('map.address.from', { address: text(group) }) : '',
      named.length > 0 ? t('map.address.others', { others: format.list(named.map(text)) }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  };
  const [configured, setConfigured] = useState<Destination[] | null>(null);
  const [presets, setPresets] = useState<Preset[]>([]);
  const [destination, setDestination] = useState<Destination | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [remembered, setRemembered] = useState<Remembered>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([api().destinations.list(), api().presets.list()]).then(
      ([list, presetList]) => {
        setConfigured(list.destinations);
        setPresets(presetList.presets);
        if (!choices.destinationName && list.destinations.length === 1) {
          onChoices({ destinationName: list.destinations[0]!.name, mapping: null });
        }
      },
      failure => setError(failure)
    );
    // Loaded once when the screen opens.
  }, []);

  const name = choices.destinationName;
  // The platform's own column names stay; a line beside them says what they mean.
  const hint = (column: string) => {
    const key = destination ? columnHintKey(destination.presetId, column) : null;
    return key ? t(key) : null;
  };
  useEffect(() => {
    if (!name) return;
    let current = true;
    setSuggestions(null);
    setError(null);
    const sampleRows = opened.preview.slice(0, 200).map(r => [...r.cells]);
    Promise.all([
      api().destinations.get({ name }),
      api().mapping.suggest({ destinationName: name, columns: [...opened.columns], sampleRows }),
    ]).then(
      ([got, suggested]) => {
        if (!current) return;
        setDestination(got.destination);
        setSuggestions(suggested.suggestions);
        setRemembered(suggested.remembered);
        if (!choices.mapping) {
          const proposed: Record<string, string | null> = {};
          for (const s of suggested.suggestions) proposed[s.target] = s.source;
          const mapping = suggested.remembered
            ? { ...proposed, ...suggested.remembered.mapping }
            : proposed;
          onChoices({ mapping });
        }
      },
      failure => current && setError(failure)
    );
    return () => {
      current = false;
    };
    // The mapping is (re)proposed when the destination changes, not on every edit of it.
  }, [name, opened]);

  const mapping = choices.mapping ?? {};
  const samplesOf = useMemo(() => {
    const byColumn = new Map<string, string[]>();
    opened.columns.forEach((column, i) => {
      const values = opened.preview
        .map(r => (r.cells[i] ?? '').trim())
        .filter(v => v !== '')
        .slice(0, 3);
      byColumn.set(column, values);
    });
    return byColumn;
  }, [opened]);

  const columns = destination?.columns ?? [];
  const missingRequired = columns.filter(c => c.required && !c.fixedValue && !mapping[c.name]);
  const used = new Set(Object.values(mapping).filter((v): v is string => Boolean(v)));
  const notSent = opened.columns.filter(c => !used.has(c));

  const changes = remembered && !remembered.exact ? remembered.changes : null;
  const changeWords = changes
    ? [
        changes.added.length ? t('map.added', { names: format.list(changes.added) }) : '',
        changes.gone.length ? t('map.gone', { names: format.list(changes.gone) }) : '',
      ]
        .filter(Boolean)
        .join('; ')
    : '';

  const proceed = async () => {
    if (!name) return;
    setBusy(true);
    try {
      if (choices.remember) {
        await api().mapping.remember({
          destinationName: name,
          columns: [...opened.columns],
          mapping,
        });
      }
      props.go('review');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="screen__header">
        <div>
          <h1 tabIndex={-1}>{t('map.title')}</h1>
          <p className="muted">{t('map.intro')}</p>
        </div>
        <div className="screen__actions">
          <button type="button" className="button" onClick={() => props.go('preview')}>
            {t('common.back')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!name || !suggestions || missingRequired.length > 0 || busy}
            onClick={() => void proceed()}
          >
            {t('map.continue')}
          </button>
        </div>
      </div>

      <label className="field" style={{ maxWidth: 420 }}>
        <span className="field__label">{t('map.destination')}</span>
        <select
          value={name ?? ''}
          onChange={event => {
            setTouched(new Set());
            onChoices({ destinationName: event.target.value || null, mapping: null });
          }}
        >
          <option value="">{t('map.chooseDestination')}</option>
          {configured && configured.length > 0 && (
            <optgroup label={t('map.configured')}>
              {configured.map(d => (
                <option key={d.name} value={d.name}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t('map.presets')}>
            {/* A platform already set up is listed once, under its own name. */}
            {presets
              .filter(p => !configured?.some(d => d.presetId === p.id) || p.id === name)
              .map(p => (
                <option key={p.id} value={p.id}>
                  {t('map.presetSuffix', {
                    label: p.id === 'generic' ? t('preset.generic.label') : p.label,
                  })}
                </option>
              ))}
          </optgroup>
        </select>
      </label>

      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}
      {name && !suggestions && error === null && (
        <p className="muted" role="status">
          {t('map.loading')}
        </p>
      )}

      {suggestions && destination && (
        <>
          {remembered && (
            <p className={`notice ${changes ? 'notice--warn' : 'notice--ok'}`} role="status">
              {t('map.remembered')} {changes && t('map.changed', { changes: changeWords })}
            </p>
          )}
          <table className="table" aria-label={t('map.table')}>
            <thead>
              <tr>
                <th scope="col">{t('map.target')}</th>
                <th scope="col">{t('map.source')}</th>
                <th scope="col">{t('map.confidence')}</th>
                <th scope="col">{t('map.samples')}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map(column => {
                const source = mapping[column.name] ?? null;
                const suggestion = suggestions.find(s => s.target === column.name);
                const confidence = confidenceOf(suggestion, source, touched.has(column.name));
                const missing = column.required && !column.fixedValue && !source;
                const rowClass = missing
                  ? 'row--missing'
                  : confidence?.tone === 'warn'
                    ? 'row--attention'
                    : undefined;
                const selectId = `map-${column.name}`;
                return (
                  <tr key={column.name} className={rowClass} data-target={column.name}>
                    <th scope="row">
                      <label htmlFor={selectId}>{column.name}</label>{' '}
                      {column.required && <span className="badge">{t('map.required')}</span>}
                      {hint(column.name) && (
                        <span className="muted small column-hint">{hint(column.name)}</span>
                      )}
                    </th>
                    <td>
                      <select
                        id={selectId}
                        value={source ?? ''}
                        onChange={event => {
                          setTouched(new Set([...touched, column.name]));
                          onChoices({
                            mapping: { ...mapping, [column.name]: event.target.value || null },
                          });
                        }}
                      >
                        <option value="">{t('map.nothing')}</option>
                        {opened.columns.map(c => (
                          <option key={c} value={c}>
                            {c}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {missing ? (
                        <span className="badge badge--error">{t('map.missing')}</span>
                      ) : confidence ? (
                        <>
                          <span className={`badge badge--${confidence.tone}`}>
                            {t(confidence.key)}
                          </span>
                          {suggestion &&
                            suggestion.source === source &&
                            !touched.has(column.name) && (
                              <div className="muted small">
                                {t(`map.reason.${suggestion.reason}`)}
                              </div>
                            )}
                          {suggestion &&
                            addressNote(
                              suggestion.addressGroup ?? '',
                              suggestion.otherAddressGroups
                            ) !== '' &&
                            suggestion.source === source &&
                            !touched.has(column.name) && (
                              <div className="muted small">
                                {addressNote(
                                  suggestion.addressGroup ?? '',
                                  suggestion.otherAddressGroups
                                )}
                              </div>
                            )}
                        </>
                      ) : null}
                    </td>
                    <td className="muted">
                      {source ? format.list(samplesOf.get(source) ?? []) : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {missingRequired.length > 0 && (
            <p className="notice notice--error">
              {t('map.needRequired', { count: missingRequired.length })}
            </p>
          )}
          <p className="muted">
            {notSent.length > 0
              ? t('map.notSent', { names: format.list(notSent) })
              : t('map.allSent')}
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={choices.remember}
              onChange={event => onChoices({ remember: event.target.checked })}
            />
            {t('map.remember')}
          </label>
        </>
      )}
    </>
  );
}
