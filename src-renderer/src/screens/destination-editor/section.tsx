import type { ReactNode } from 'react';
import type { Destination, TargetColumn } from '../../../../src-core/destinations/destination';
import type { FieldProblem } from '../../../../src-core/destinations/destination-problems';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n/i18n';

/** What every section of the destination editor takes (other sections can be added alike). */
export type SectionProps = Readonly<{
  destination: Destination;
  onChange: (next: Destination) => void;
  /** The preset this destination was built from (its defaults), or null. */
  preset: Destination | null;
  /** The destination's problems, each at its field (`columns.2.name`, `variables.touchpoint`…). */
  problems: readonly FieldProblem[];
}>;

export type { Destination, TargetColumn };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One titled section of the editor, with a way back to the preset's value when it differs. */
export function EditorSection(props: {
  id: string;
  title: string;
  intro?: ReactNode;
  /** The section's value now and in the preset; the reset button shows when they differ. */
  value?: unknown;
  presetValue?: unknown;
  onReset?: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const differs =
    props.onReset && props.presetValue !== undefined && !same(props.value, props.presetValue);
  return (
    <section
      className="card editor-section"
      aria-labelledby={`${props.id}-title`}
      data-section={props.id}
    >
      <div className="editor-section__head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {differs && (
          <button type="button" className="button button--small" onClick={props.onReset}>
            {t('editor.reset')} <span className="visually-hidden">({props.title})</span>
          </button>
        )}
      </div>
      {props.intro && <p className="muted small">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** The problems at one field (or under it: `columns.2` also shows `columns.2.name`), in the user's language. */
export function FieldProblems(props: {
  problems: readonly FieldProblem[];
  field: string;
  id?: string;
}) {
  const i18n = useI18n();
  const here = props.problems.filter(p => p.field === props.field);
  if (here.length === 0) return null;
  return (
    <span
      className="field__hint field__hint--error"
      role="alert"
      id={props.id}
      data-field={props.field}
    >
      {here.map(p => errorText(p, i18n)).join(' ')}
    </span>
  );
}

/** Whether a field has a problem (for aria-invalid). */
export const hasProblem = (problems: readonly FieldProblem[], field: string) =>
  problems.some(p => p.field === field);
