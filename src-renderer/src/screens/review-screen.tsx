import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CallResponse } from '../../../src-core/ipc/contract';
import type { Fix } from '../../../src-core/fixes/fix-schema';
import type { SourceRow } from '../../../src-core/reading/source-table';
import { visibleOddCharacters } from '../../../src-core/reading/odd-characters';
import { valueAsSent } from '../../../src-core/preparation/value-as-sent';
import { DataGrid } from '../components/data-grid';
import { useRows } from '../components/use-rows';
import { api } from '../courier-api';
import { targetValues, type ColumnPlan } from '../fixed-values';
import { SavedFile } from '../components/saved-file';
import { dateFormatWords } from '../../../src-core/words/format-words';
import { errorText } from '../error-text';
import { useI18n, type I18n } from '../i18n/i18n';
import { issueText } from '../../../src-core/words/issue-text';
import { issueTitleKey } from '../issue-titles';
import { isMessageKey, type MessageKey } from '../../../src-core/words/en';
import type { Screen } from '../navigation';
import type { FlowChoices, OpenedFile } from './flow-types';

/** The answer of `review:check`. */
export type ReviewResult = CallResponse<'review:check'>;
type Issue = ReviewResult['issues'][number];
type Destination = NonNullable<CallResponse<'destinations:get'>['destination']>;

const issueTitle = issueTitleKey;

/** One-click column fixes for a kind of problem in a column (none when nothing can help). */
function proposedFixes(
  code: string,
  column: string,
  destination: Destination,
  issues: readonly Issue[],
  language: I18n['language']
): { label: MessageKey; params?: Readonly<Record<string, string>>; fixes: Fix[] } | null {
  switch (code) {
    case 'date.invalid': {
      // The common format most of the column's wrong dates read in; nothing when none fits.
      const counts = new Map<string, number>();
      let to: string | null = null;
      for (const issue of issues) {
        if (issue.column !== column) continue;
        const { from, format } = issue.params;
        if (typeof format === 'string') to = format;
        if (typeof from === 'string' && from !== '') counts.set(from, (counts.get(from) ?? 0) + 1);
      }
      const from = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
      if (!from || !to) return null;
      return {
        label: 'review.fix.date',
        params: { from: dateFormatWords(from, language), to: dateFormatWords(to, language) },
        fixes: [{ kind: 'reformat-date', column, from, to }],
      };
    }
    case 'email.invalid':
      return {
        label: 'review.fix.trim-lower',
        fixes: [
          { kind: 'trim', column },
          { kind: 'lower-case', column },
        ],
      };
    case 'language.invalid': {
      const letterCase = destination.columns.find(c => c.name === column)?.letterCase ?? 'lower';
      return {
        label: 'review.fix.language',
        fixes: [{ kind: 'normalise-language', column, letterCase }],
      };
    }
    case 'phone.invalid':
      return { label: 'review.fix.phone', fixes: [{ kind: 'phone-international', column }] };
    case 'phone.leading-zero':
      return {
        label: 'review.fix.leading-zero',
        fixes: [{ kind: 'restore-leading-zero', column }],
      };
    case 'output.line-break':
      return { label: 'review.fix.trim', fixes: [{ kind: 'trim', column }] };
    case 'text.control-characters':
      return {
        label: 'review.fix.controls',
        fixes: [{ kind: 'remove-control-characters', column }],
      };
    case 'text.invalid-bytes':
      return {
        label: 'review.fix.windows-1252',
        fixes: [{ kind: 'read-as-windows-1252', column }],
      };
    default:
      return null;
  }
}

/** A fix in the user's words. */
function describe(fix: Fix, t: I18n['t'], lineOf: (row: number) => number): string {
  switch (fix.kind) {
    case 'edit-cell':
      return t('fixdesc.edit-cell', {
        line: lineOf(fix.row),
        column: fix.column,
        value: fix.value,
      });
    case 'exclude-row':
      return t('fixdesc.exclude-row', { line: lineOf(fix.row) });
    case 'exclude-invalid':
      return t('fixdesc.exclude-invalid');
    case 'keep-duplicates':
      return t('fixdesc.keep-duplicates');
    default:
      return t(`fixdesc.${fix.kind}`, { column: fix.column });
  }
}

const sameFix = (a: Fix, b: Fix) => JSON.stringify(a) === JSON.stringify(b);

/** Review: problems by kind in plain words, fixes for whole columns, row edits and exclusions. */
export function ReviewScreen(props: {
  opened: OpenedFile;
  choices: FlowChoices;
  correction: Readonly<{ headerRow?: number; sheet?: string }>;
  onChoices: (update: Partial<FlowChoices>) => void;
  result: ReviewResult | null;
  onResult: (result: ReviewResult | null) => void;
  go: (screen: Screen) => void;
}) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const { opened, choices, onChoices, result, onResult } = props;
  const [destination, setDestination] = useState<Destination | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [jump, setJump] = useState<number | null>(null);
  const [saved, setSaved] = useState<Readonly<{ path: string; rows: number }> | null>(null);

  const name = choices.destinationName;
  const request = useMemo(
    () =>
      name
        ? {
            path: opened.path,
            destination: name,
            mapping: { ...(choices.mapping ?? {}) },
            fixes: [...choices.fixes],
            excludeInvalid: choices.excludeInvalid,
            ...props.correction,
          }
        : null,
    [name, opened.path, choices.mapping, choices.fixes, choices.excludeInvalid, props.correction]
  );

  useEffect(() => {
    if (!request) return;
    let current = true;
    setChecking(true);
    setError(null);
    Promise.all([
      api().destinations.get({ name: request.destination }),
      api().review.check({ ...request, maxIssues: 5000 }),
    ]).then(
      ([got, checked]) => {
        if (!current) return;
        setDestination(got.destination);
        onResult(checked);
        setChecking(false);
      },
      failure => {
        if (!current) return;
        setError(errorText(failure, i18n));
        onResult(null);
        setChecking(false);
      }
    );
    return () => {
      current = false;
    };
  }, [request, onResult]);

  const plans: ColumnPlan[] = useMemo(
    () =>
      (destination?.columns ?? []).map(c => {
        const source = choices.mapping?.[c.name] ?? null;
        return {
          name: c.name,
          source: source ? opened.columns.indexOf(source) : -1,
          fixed: c.fixedValue ?? '',
        };
      }),
    [destination, choices.mapping, opened.columns]
  );
  const phoneCountry = destination?.phoneCountry ?? 'BE';

  const rowCount = result?.rowCount ?? 0;
  const { row: sourceRow, ensure } = useRows(opened.sourceId, opened.preview, rowCount);
  const view = useCallback(
    (index: number): SourceRow | undefined => {
      const r = sourceRow(index);
      return (
        r && {
          index: r.index,
          line: r.line,
          cells: targetValues(r, plans, choices.fixes, phoneCountry),
        }
      );
    },
    [sourceRow, plans, choices.fixes, phoneCountry]
  );
  // The grid shows each value as the file will hold it (FR, not fr; +32…, not 0473…).
  const sentView = useCallback(
    (index: number): SourceRow | undefined => {
      const r = view(index);
      if (!r || !destination) return r;
      const rules = { phoneCountry, neutraliseFormulas: destination.neutraliseFormulas };
      return {
        ...r,
        cells: r.cells.map((v, c) => {
          const column = destination.columns[c];
          return column ? valueAsSent(column, v, rules) : v;
        }),
      };
    },
    [view, destination, phoneCountry]
  );

  const issuesByRow = useMemo(() => {
    const byRow = new Map<number, Map<string, Issue>>();
    for (const issue of result?.issues ?? []) {
      if (issue.row === null) continue;
      const cells = byRow.get(issue.row) ?? new Map<string, Issue>();
      if (issue.column && (!cells.has(issue.column) || issue.severity === 'error'))
        cells.set(issue.column, issue);
      if (!issue.column) cells.set('', issue);
      byRow.set(issue.row, cells);
    }
    return byRow;
  }, [result]);

  const excludedByHand = useMemo(
    () => new Set(choices.fixes.flatMap(f => (f.kind === 'exclude-row' ? [f.row] : []))),
    [choices.fixes]
  );
  const rowHasError = (index: number) =>
    [...(issuesByRow.get(index)?.values() ?? [])].some(i => i.severity === 'error');
  const lineOf = (index: number) => sourceRow(index)?.line ?? index + 1;

  const addFixes = (fixes: Fix[]) => onChoices({ fixes: [...choices.fixes, ...fixes] });
  const removeFix = (fix: Fix) => onChoices({ fixes: choices.fixes.filter(f => f !== fix) });

  const saveRejected = async () => {
    if (!request) return;
    try {
      const done = await api().review.saveRejected({
        ...request,
        dialogTitle: t('review.saveRejectedTitle'),
        // The file's headers and reasons in the language of the window.
        language: i18n.language,
      });
      if (done.path) setSaved({ path: done.path, rows: done.rows });
    } catch (failure) {
      setError(errorText(failure, i18n));
    }
  };

  const groups = Object.entries(result?.summary ?? {}).filter(([, count]) => count > 0);
  const counts = result?.counts;
  // What holds Continue back, said next to it (nothing when it is available).
  const continueWhy =
    checking || !result
      ? t('review.why.checking')
      : result.blocked
        ? t('review.why.problems', { count: result.counts.withProblem })
        : result.writtenRowCount === 0
          ? t('review.why.noneReady')
          : null;

  return (
    <>
      <div className="screen__header">
        <div>
          <h1 tabIndex={-1}>{t('review.title')}</h1>
          <p className="muted">
            {name &&
              t(checking || !result ? 'review.introChecking' : 'review.intro', {
                destination: result?.destination ?? name,
              })}
          </p>
        </div>
        <div className="screen__actions">
          <button type="button" className="button" onClick={() => props.go('map')}>
            {t('common.back')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!result || result.blocked || result.writtenRowCount === 0 || checking}
            aria-describedby={continueWhy ? 'review-continue-why' : undefined}
            onClick={() => props.go('send')}
          >
            {t('review.continue')}
          </button>
        </div>
      </div>
      {continueWhy && (
        <p id="review-continue-why" className="muted small" data-testid="continue-why">
          {continueWhy}
        </p>
      )}

      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {checking && (
        <p className="muted" role="status">
          {t('review.checking')}
        </p>
      )}

      {result && counts && (
        <>
          <div className="stats" data-testid="review-stats">
            <Stat label={t('review.rows')} value={format.number(counts.rows)} />
            <Stat
              label={t('review.ready')}
              value={format.number(counts.ready)}
              testId="ready-count"
            />
            <Stat
              label={t('review.withProblem')}
              value={format.number(counts.withProblem)}
              testId="problem-count"
            />
            <Stat
              label={t('review.leftOut')}
              value={format.number(counts.leftOut)}
              testId="left-out-count"
              detail={
                counts.duplicatesLeftOut > 0
                  ? t('review.leftOutDetail', {
                      byYou: counts.leftOutByYou,
                      duplicates: counts.duplicatesLeftOut,
                    })
                  : undefined
              }
            />
          </div>

          {result.issueCount === 0 && <p className="notice notice--ok">{t('review.allGood')}</p>}
          {result.blocked && (
            <div className="notice notice--error" role="status">
              <p>{t('review.blocked', { count: counts.withProblem })}</p>
              <button
                type="button"
                className="button"
                onClick={() => onChoices({ excludeInvalid: true })}
              >
                {t('review.excludeAll')}
              </button>
            </div>
          )}
          {choices.excludeInvalid && (
            <p className="notice notice--warn">
              {t('review.excludedAll')}{' '}
              <button
                type="button"
                className="button button--link"
                onClick={() => onChoices({ excludeInvalid: false })}
              >
                {t('review.includeAll')}
              </button>
            </p>
          )}

          {groups.length > 0 && destination && (
            <section aria-labelledby="review-groups">
              <h2 id="review-groups">{t('review.groups')}</h2>
              <div className="cards">
                {groups.map(([code, count]) => (
                  <IssueGroup
                    key={code}
                    code={code}
                    count={count}
                    issues={result.issues.filter(i => i.code === code)}
                    destination={destination}
                    fixes={choices.fixes}
                    preview={async (fixes, rows) => {
                      const loaded = await Promise.all(
                        rows.map(r =>
                          api().files.rows({ sourceId: opened.sourceId, start: r, end: r + 1 })
                        )
                      );
                      const first = fixes[0];
                      const column = first && 'column' in first ? first.column : null;
                      const index = plans.findIndex(p => p.name === column);
                      // The problem rows, and rows of the preview the fix would change, changed ones first.
                      const candidates = [...loaded.flatMap(l => l.rows), ...opened.preview];
                      const seen = new Set<number>();
                      const pairs = candidates.flatMap(r => {
                        if (seen.has(r.index)) return [];
                        seen.add(r.index);
                        const before =
                          targetValues(r, plans, choices.fixes, phoneCountry)[index] ?? '';
                        const after =
                          targetValues(r, plans, [...choices.fixes, ...fixes], phoneCountry)[
                            index
                          ] ?? '';
                        return [{ line: r.line, before, after }];
                      });
                      const changed = pairs.filter(p => p.before !== p.after);
                      return [...changed, ...pairs.filter(p => p.before === p.after)].slice(0, 5);
                    }}
                    onApply={addFixes}
                    onJump={row => {
                      setSelected(row);
                      setJump(row);
                    }}
                  />
                ))}
              </div>
            </section>
          )}

          {choices.fixes.length > 0 && (
            <section aria-labelledby="review-fixes" className="card">
              <h2 id="review-fixes">{t('review.corrections')}</h2>
              <ul className="list">
                {choices.fixes.map((fix, i) => (
                  <li key={i} className="fix-item">
                    <span>{describe(fix, t, lineOf)}</span>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => removeFix(fix)}
                    >
                      {t('review.undoFix')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {selected !== null && (
            <RowEditor
              key={`${selected}:${choices.fixes.length}`}
              row={view(selected)}
              plans={plans}
              issues={issuesByRow.get(selected)}
              excluded={excludedByHand.has(selected)}
              onSave={edits => addFixes(edits)}
              onExclude={() => addFixes([{ kind: 'exclude-row', row: selected }])}
              onInclude={() =>
                onChoices({
                  fixes: choices.fixes.filter(
                    f => !(f.kind === 'exclude-row' && f.row === selected)
                  ),
                })
              }
              onClose={() => setSelected(null)}
            />
          )}

          <DataGrid
            label={t('review.grid')}
            columns={plans.map(p => p.name)}
            rowCount={rowCount}
            row={sentView}
            onRange={ensure}
            scrollTo={jump}
            onRowClick={setSelected}
            testId="review-grid"
            mark={(r, c) => {
              const issue = issuesByRow.get(r.index)?.get(plans[c]?.name ?? '');
              if (!issue) return undefined;
              const className =
                issue.severity === 'error' ? 'grid__cell--issue' : 'grid__cell--warn';
              return { className, note: issueText(issue, i18n) };
            }}
            rowClassName={r =>
              [
                excludedByHand.has(r.index) || (choices.excludeInvalid && rowHasError(r.index))
                  ? 'grid__row--excluded'
                  : '',
                issuesByRow.has(r.index) ? 'grid__row--issue' : '',
                selected === r.index ? 'grid__row--selected' : '',
              ].join(' ')
            }
          />

          {result.rejectedCount > 0 && (
            <div className="screen__actions" style={{ justifyContent: 'flex-start' }}>
              <button type="button" className="button" onClick={() => void saveRejected()}>
                {t('review.saveRejected')}
              </button>
              <span role="status">
                {saved && (
                  <SavedFile
                    key={saved.path}
                    path={saved.path}
                    text={t('review.savedRejected', { count: saved.rows, path: saved.path })}
                  />
                )}
              </span>
            </div>
          )}
        </>
      )}
    </>
  );
}

function Stat(props: { label: string; value: string; testId?: string; detail?: string }) {
  return (
    <div className="stat">
      <span className="muted small">{props.label}</span>
      <span className="stat__value" data-testid={props.testId}>
        {props.value}
      </span>
      {props.detail && <span className="muted small">{props.detail}</span>}
    </div>
  );
}

type BeforeAfter = { line: number; before: string; after: string };

function IssueGroup(props: {
  code: string;
  count: number;
  issues: readonly Issue[];
  destination: Destination;
  fixes: readonly Fix[];
  preview: (fixes: Fix[], rows: number[]) => Promise<BeforeAfter[]>;
  onApply: (fixes: Fix[]) => void;
  onJump: (row: number) => void;
}) {
  const i18n = useI18n();
  const { t, format } = i18n;
  const [open, setOpen] = useState(false);
  const [samples, setSamples] = useState<BeforeAfter[] | null>(null);
  const titleKey = issueTitle(props.code);
  // The card's help, when the catalogue has one for this title.
  const helpKey: string = titleKey ? `${titleKey}.help` : '';
  const severity = props.issues[0]?.severity ?? 'error';
  const column = props.issues.find(i => i.column)?.column ?? null;
  const offer = column
    ? proposedFixes(props.code, column, props.destination, props.issues, i18n.language)
    : null;
  const fresh = offer?.fixes.filter(f => !props.fixes.some(g => sameFix(f, g))) ?? [];
  const listId = `issues-${props.code}`;
  const shown = props.issues.filter(i => i.row !== null).slice(0, 50);

  return (
    <article
      className={`card issue-group issue-group--${severity}`}
      aria-labelledby={`${listId}-title`}
      data-code={props.code}
    >
      <h3 id={`${listId}-title`}>
        {titleKey
          ? t(titleKey, { count: props.count })
          : props.issues[0]
            ? issueText(props.issues[0], i18n)
            : props.code}
      </h3>
      {titleKey && (
        <p className="muted small">
          {props.code === 'duplicate.key' && props.issues[0]?.variant === 'left-out'
            ? t('issue.duplicate.key.help.left-out')
            : isMessageKey(helpKey)
              ? t(helpKey)
              : ''}
        </p>
      )}
      {props.code === 'duplicate.key' && props.issues[0]?.variant === 'left-out' && (
        <div className="issue-group__fix">
          <button
            type="button"
            className="button button--small"
            onClick={() => props.onApply([{ kind: 'keep-duplicates' }])}
          >
            {t('review.duplicates.keep')}
          </button>
        </div>
      )}
      {offer && fresh.length > 0 && column && (
        <div className="issue-group__fix">
          {samples === null ? (
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                void props
                  .preview(
                    fresh,
                    shown.slice(0, 5).map(i => i.row!)
                  )
                  .then(setSamples)
              }
            >
              {t(offer.label, { column, ...offer.params })}
            </button>
          ) : (
            <>
              <table
                className="table table--compact table--before-after"
                aria-label={t('review.fix.preview')}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('preview.line')}</th>
                    <th scope="col">{t('review.fix.before')}</th>
                    <th scope="col">{t('review.fix.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {samples.map(s => (
                    <tr key={s.line}>
                      <td>{format.number(s.line)}</td>
                      <td className="mono">{visibleOddCharacters(s.before)}</td>
                      <td className="mono">{visibleOddCharacters(s.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div
                className="screen__actions"
                style={{ justifyContent: 'flex-start', marginTop: 8 }}
              >
                <button
                  type="button"
                  className="button button--small button--primary"
                  onClick={() => {
                    props.onApply(fresh);
                    setSamples(null);
                  }}
                >
                  {t('review.fix.apply')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setSamples(null)}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {shown.length > 0 && (
        <>
          <button
            type="button"
            className="button button--link"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
          >
            {open ? t('review.hideRows') : t('review.showRows')}
          </button>
          {open && (
            <ul className="list issue-list" id={listId}>
              {shown.map((issue, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => props.onJump(issue.row!)}
                  >
                    {t('review.jump', {
                      line: issue.sourceLine ?? issue.row! + 1,
                      column: issue.column ?? '',
                    })}
                  </button>
                  <span className="muted small"> {issueText(issue, i18n)}</span>
                </li>
              ))}
              {props.count > shown.length && (
                <li className="muted small">
                  {t('review.moreRows', { count: props.count - shown.length })}
                </li>
              )}
            </ul>
          )}
        </>
      )}
    </article>
  );
}

function RowEditor(props: {
  row: SourceRow | undefined;
  plans: readonly ColumnPlan[];
  issues: ReadonlyMap<string, Issue> | undefined;
  excluded: boolean;
  onSave: (edits: Fix[]) => void;
  onExclude: () => void;
  onInclude: () => void;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<string[]>(() => [...(props.row?.cells ?? [])]);
  if (!props.row) return null;
  const row = props.row;
  const edits: Fix[] = props.plans.flatMap((plan, i) =>
    values[i] !== undefined && values[i] !== row.cells[i]
      ? [
          {
            kind: 'edit-cell' as const,
            row: row.index,
            column: plan.name,
            value: values[i]!,
            original: row.cells[i] ?? '',
          },
        ]
      : []
  );
  return (
    <section className="card row-editor" aria-labelledby="row-editor-title">
      <h2 id="row-editor-title">{t('review.rowTitle', { line: row.line })}</h2>
      {props.excluded && <p className="notice notice--warn">{t('review.rowExcluded')}</p>}
      <form
        className="form-grid"
        onSubmit={event => {
          event.preventDefault();
          if (edits.length > 0) props.onSave(edits);
        }}
      >
        {props.plans.map((plan, i) => {
          const issue = props.issues?.get(plan.name);
          const id = `edit-${row.index}-${i}`;
          return (
            <div className="field" key={plan.name}>
              <label className="field__label" htmlFor={id}>
                {plan.name}
              </label>
              <input
                id={id}
                value={values[i] ?? ''}
                aria-invalid={issue?.severity === 'error' ? true : undefined}
                aria-describedby={issue ? `${id}-issue` : undefined}
                onChange={event => {
                  const next = [...values];
                  next[i] = event.target.value;
                  setValues(next);
                }}
              />
              {issue && (
                <span id={`${id}-issue`} className="field__hint field__hint--error">
                  {issueText(issue, i18n)}
                </span>
              )}
            </div>
          );
        })}
        <div
          className="screen__actions"
          style={{ gridColumn: '1 / -1', justifyContent: 'flex-start' }}
        >
          <button type="submit" className="button button--primary" disabled={edits.length === 0}>
            {t('review.saveRow')}
          </button>
          {props.excluded ? (
            <button type="button" className="button" onClick={props.onInclude}>
              {t('review.includeRow')}
            </button>
          ) : (
            <button type="button" className="button" onClick={props.onExclude}>
              {t('review.excludeRow')}
            </button>
          )}
          <button type="button" className="button" onClick={props.onClose}>
            {t('review.closeRow')}
          </button>
        </div>
      </form>
    </section>
  );
}
