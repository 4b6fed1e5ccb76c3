import { templateVariables } from '../../../../src-core/destinations/destination-problems';
import { useI18n } from '../../i18n/i18n';
import { EditorSection, FieldProblems, hasProblem, type SectionProps } from './section';

/**
 * File name: the template, the variables it can use, a value for each variable it names
 * (required: a file name without it cannot be saved), and the next names as the send renders them.
 */
export function FileNameSection(
  props: SectionProps & { nextName: string; splitNames: readonly string[] }
) {
  const { t } = useI18n();
  const { destination: d, onChange, problems } = props;
  const variables = templateVariables(d.fileName);
  return (
    <EditorSection
      id="editor-file-name"
      title={t('editor.fileName.title')}
      value={d.fileName}
      presetValue={props.preset?.fileName}
      onReset={() => props.preset && onChange({ ...d, fileName: props.preset.fileName })}
    >
      <label className="field">
        <span className="field__label">{t('editor.fileName.template')}</span>
        <input
          className="mono"
          value={d.fileName}
          aria-invalid={hasProblem(problems, 'fileName') || undefined}
          onChange={event => onChange({ ...d, fileName: event.target.value })}
        />
        <FieldProblems problems={problems} field="fileName" />
      </label>
      <ul className="small muted editor-variables">
        <li>
          <code>{'{date:YYYYMMDD}'}</code> {t('editor.fileName.var.date')}
        </li>
        <li>
          <code>{'{time:HHmmss}'}</code> {t('editor.fileName.var.time')}
        </li>
        <li>
          <code>{'{counter}'}</code> {t('editor.fileName.var.counter')}
        </li>
        <li>
          <code>{'{…}'}</code> {t('editor.fileName.var.own')}
        </li>
      </ul>
      {variables.map(variable => {
        const field = `variables.${variable}`;
        return (
          <label className="field" key={variable}>
            <span className="field__label">{t('editor.fileName.value', { variable })}</span>
            <input
              value={d.variables[variable] ?? ''}
              required
              aria-invalid={hasProblem(problems, field) || undefined}
              onChange={event =>
                onChange({ ...d, variables: { ...d.variables, [variable]: event.target.value } })
              }
            />
            <FieldProblems problems={problems} field={field} />
          </label>
        );
      })}
      {props.nextName && (
        <p className="small">
          {t('editor.fileName.next')} <code data-testid="next-file-name">{props.nextName}</code>
          <br />
          <span className="muted">
            {t('editor.fileName.split', { names: props.splitNames.join(', ') })}
          </span>
        </p>
      )}
    </EditorSection>
  );
}
