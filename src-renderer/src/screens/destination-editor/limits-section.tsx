import type { Limits } from '../../../../src-core/destinations/destination';
import { useI18n } from '../../i18n/i18n';
import { EditorSection, FieldProblems, hasProblem, type SectionProps } from './section';

/** A limit as typed: empty is no limit; anything else is kept as a number for the schema to judge. */
const limitOf = (text: string): number | null =>
  text.trim() === '' ? null : Number(text.replace(/[\s_.,]/g, ''));

/** Limits: rows and bytes per file (a larger send is split into several files). */
export function LimitsSection(props: SectionProps) {
  const { t } = useI18n();
  const { destination: d, onChange, problems } = props;
  const set = (update: Partial<Limits>) => onChange({ ...d, limits: { ...d.limits, ...update } });
  return (
    <EditorSection
      id="editor-limits"
      title={t('editor.limits.title')}
      intro={t('editor.limits.intro')}
      value={d.limits}
      presetValue={props.preset?.limits}
      onReset={() => props.preset && onChange({ ...d, limits: props.preset.limits })}
    >
      <div className="form-grid">
        <label className="field">
          <span className="field__label">{t('editor.limits.maxRows')}</span>
          <input
            inputMode="numeric"
            value={d.limits.maxRows ?? ''}
            aria-invalid={hasProblem(problems, 'limits.maxRows') || undefined}
            onChange={event => set({ maxRows: limitOf(event.target.value) })}
          />
          <FieldProblems problems={problems} field="limits.maxRows" />
        </label>
        <label className="field">
          <span className="field__label">{t('editor.limits.maxBytes')}</span>
          <input
            inputMode="numeric"
            value={d.limits.maxBytes ?? ''}
            aria-invalid={hasProblem(problems, 'limits.maxBytes') || undefined}
            onChange={event => set({ maxBytes: limitOf(event.target.value) })}
          />
          <FieldProblems problems={problems} field="limits.maxBytes" />
        </label>
      </div>
    </EditorSection>
  );
}
