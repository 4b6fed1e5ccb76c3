import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ColumnRule } from '../../../../src-core/destinations/destination';
import { useI18n } from '../../i18n/i18n';
import {
  EditorSection,
  FieldProblems,
  hasProblem,
  type SectionProps,
  type TargetColumn,
} from './section';

/** The rule choices of a column: the core rules, plus “allowed values” (a text column with a list). */
type RuleChoice = ColumnRule | 'allowed';
const ruleChoices: readonly RuleChoice[] = [...ColumnRule.options, 'allowed'];

const ruleOf = (c: TargetColumn): RuleChoice =>
  c.allowedValues && c.allowedValues.length > 0 ? 'allowed' : c.rule;

/** A column with another rule: the details of the old rule go, the new one gets its defaults. */
function withRule(c: TargetColumn, choice: RuleChoice): TargetColumn {
  const { allowedValues: _a, dateFormat: _d, letterCase: _l, ...rest } = c;
  if (choice === 'allowed')
    return {
      ...rest,
      rule: 'text',
      allowedValues: c.allowedValues?.length ? c.allowedValues : ['yes', 'no'],
    };
  const next: TargetColumn = { ...rest, rule: choice };
  if (choice === 'date') next.dateFormat = c.dateFormat ?? 'YYYY-MM-DD';
  if (choice === 'language') next.letterCase = c.letterCase ?? 'lower';
  return next;
}

/** Moves one item of a list to another position. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * Columns: the file's target columns in order — add, remove, rename, reorder (drag, the arrow
 * buttons, or Alt+↑/↓ in a name), required, rule and its details, fixed value.
 */
export function ColumnsSection(
  props: SectionProps & { affectedJobs: ReadonlyArray<{ name: string; gone: string[] }> }
) {
  const { t } = useI18n();
  const { destination: d, onChange, problems } = props;
  const [dragging, setDragging] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const setColumns = (columns: TargetColumn[]) => onChange({ ...d, columns });
  const update = (i: number, c: TargetColumn) =>
    setColumns(d.columns.map((x, j) => (j === i ? c : x)));
  const focusAfterMove = useRef<number | null>(null);
  const move = (from: number, to: number, focus = false) => {
    if (to < 0 || to >= d.columns.length || from === to) return;
    setColumns(moved(d.columns, from, to));
    setAnnounce(t('editor.columns.moved', { name: d.columns[from]!.name, position: to + 1 }));
    // The keyboard stays on the moved column's name, once the moved rows are on the screen (a
    // frame callback could run before React commits and focus the row that took its place).
    if (focus) focusAfterMove.current = to;
  };
  useLayoutEffect(() => {
    if (focusAfterMove.current === null) return;
    document.getElementById(`column-name-${focusAfterMove.current}`)?.focus();
    focusAfterMove.current = null;
  }, [d.columns]);
  const onNameKey = (i: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(i, event.key === 'ArrowUp' ? i - 1 : i + 1, true);
  };
  const add = () => {
    let n = d.columns.length + 1;
    while (d.columns.some(c => c.name === t('editor.columns.newName', { n }))) n++;
    setColumns([
      ...d.columns,
      { name: t('editor.columns.newName', { n }), required: false, rule: 'text' },
    ]);
  };
  return (
    <EditorSection
      id="editor-columns"
      title={t('editor.columns.title')}
      intro={t('editor.columns.intro')}
      value={[d.columns, d.phoneCountry]}
      presetValue={props.preset ? [props.preset.columns, props.preset.phoneCountry] : undefined}
      onReset={() =>
        props.preset &&
        onChange({ ...d, columns: props.preset.columns, phoneCountry: props.preset.phoneCountry })
      }
    >
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {props.affectedJobs.length > 0 && (
        <p className="notice notice--warn" data-testid="affected-jobs">
          {t('editor.columns.affected', {
            jobs: props.affectedJobs.map(j => `${j.name} (${j.gone.join(', ')})`).join('; '),
          })}
        </p>
      )}
      <div className="editor-table-wrap">
        <table
          className="table table--compact editor-columns"
          aria-label={t('editor.columns.title')}
        >
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('editor.columns.name')}</th>
              <th scope="col">{t('editor.columns.required')}</th>
              <th scope="col">{t('editor.columns.rule')}</th>
              <th scope="col">{t('editor.columns.details')}</th>
              <th scope="col">{t('editor.columns.fixed')}</th>
              <th scope="col">{t('editor.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {d.columns.map((c, i) => {
              const field = `columns.${i}.name`;
              const rule = ruleOf(c);
              return (
                <tr
                  key={i}
                  data-column={c.name}
                  draggable
                  className={dragging === i ? 'editor-columns__dragging' : undefined}
                  onDragStart={event => {
                    setDragging(i);
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', String(i));
                  }}
                  onDragOver={event => event.preventDefault()}
                  onDrop={event => {
                    event.preventDefault();
                    const from = dragging ?? Number(event.dataTransfer.getData('text/plain'));
                    setDragging(null);
                    if (Number.isInteger(from)) move(from, i);
                  }}
                  onDragEnd={() => setDragging(null)}
                >
                  <td className="muted" aria-hidden="true">
                    <span className="editor-columns__grip" title={t('editor.columns.drag')}>
                      ⠿
                    </span>{' '}
                    {i + 1}
                  </td>
                  <td>
                    <input
                      id={`column-name-${i}`}
                      value={c.name}
                      aria-label={t('editor.columns.nameLabel', { n: i + 1 })}
                      aria-invalid={hasProblem(problems, field) || undefined}
                      onChange={event => update(i, { ...c, name: event.target.value })}
                      onKeyDown={onNameKey(i)}
                    />
                    <FieldProblems problems={problems} field={field} />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={c.required}
                      aria-label={t('editor.columns.requiredLabel', { name: c.name })}
                      onChange={event => update(i, { ...c, required: event.target.checked })}
                    />
                  </td>
                  <td>
                    <select
                      value={rule}
                      aria-label={t('editor.columns.ruleLabel', { name: c.name })}
                      onChange={event => update(i, withRule(c, event.target.value as RuleChoice))}
                    >
                      {ruleChoices.map(r => (
                        <option key={r} value={r}>
                          {t(`editor.rule.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {rule === 'language' && (
                      <select
                        value={c.letterCase ?? 'lower'}
                        aria-label={t('editor.columns.letterCaseLabel', { name: c.name })}
                        onChange={event =>
                          update(i, { ...c, letterCase: event.target.value as 'upper' | 'lower' })
                        }
                      >
                        <option value="upper">{t('editor.columns.upper')}</option>
                        <option value="lower">{t('editor.columns.lower')}</option>
                      </select>
                    )}
                    {rule === 'date' && (
                      <input
                        value={c.dateFormat ?? ''}
                        aria-label={t('editor.columns.dateFormatLabel', { name: c.name })}
                        placeholder="YYYY-MM-DD"
                        onChange={event =>
                          update(i, { ...c, dateFormat: event.target.value || undefined })
                        }
                      />
                    )}
                    {rule === 'phone' && (
                      <span className="small muted">
                        {t('editor.columns.phoneCountryShort', { country: d.phoneCountry })}
                      </span>
                    )}
                    {rule === 'allowed' && (
                      <input
                        value={(c.allowedValues ?? []).join(', ')}
                        aria-label={t('editor.columns.allowedLabel', { name: c.name })}
                        onChange={event =>
                          update(i, {
                            ...c,
                            allowedValues: event.target.value
                              .split(',')
                              .map(v => v.trim())
                              .filter(v => v !== ''),
                          })
                        }
                      />
                    )}
                  </td>
                  <td>
                    <input
                      value={c.fixedValue ?? ''}
                      aria-label={t('editor.columns.fixedLabel', { name: c.name })}
                      onChange={event =>
                        update(i, {
                          ...c,
                          fixedValue: event.target.value === '' ? undefined : event.target.value,
                        })
                      }
                    />
                  </td>
                  <td className="editor-columns__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={i === 0}
                      aria-label={t('editor.columns.moveUp', { name: c.name })}
                      onClick={() => move(i, i - 1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={i === d.columns.length - 1}
                      aria-label={t('editor.columns.moveDown', { name: c.name })}
                      onClick={() => move(i, i + 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      disabled={d.columns.length === 1}
                      aria-label={t('editor.columns.remove', { name: c.name })}
                      onClick={() => setColumns(d.columns.filter((_, j) => j !== i))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="editor-row">
        <button type="button" className="button" onClick={add}>
          {t('editor.columns.add')}
        </button>
        <label className="field field--inline">
          <span className="field__label">{t('editor.columns.phoneCountry')}</span>
          <input
            value={d.phoneCountry}
            maxLength={2}
            size={3}
            aria-invalid={hasProblem(problems, 'phoneCountry') || undefined}
            onChange={event => onChange({ ...d, phoneCountry: event.target.value.toUpperCase() })}
          />
          <FieldProblems problems={problems} field="phoneCountry" />
        </label>
      </div>
      <FieldProblems problems={problems} field="columns" />
    </EditorSection>
  );
}
