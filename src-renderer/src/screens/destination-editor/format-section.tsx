import type { OutputFormat } from '../../../../src-core/destinations/destination';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../../../src-core/words/en';
import { EditorSection, type SectionProps } from './section';

const delimiters: ReadonlyArray<
  [OutputFormat['delimiter'], 'comma' | 'semicolon' | 'tab' | 'pipe']
> = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
];
const encodings: readonly OutputFormat['encoding'][] = [
  'utf-8',
  'utf-8-bom',
  'windows-1252',
  'iso-8859-1',
];

/** Output format: how the file is written, byte for byte (the fields of `OutputFormat`). */
export function FormatSection(props: SectionProps) {
  const { t } = useI18n();
  const { destination: d, onChange } = props;
  const set = (update: Partial<OutputFormat>) =>
    onChange({ ...d, output: { ...d.output, ...update } });
  const select = <K extends keyof OutputFormat>(
    key: K,
    label: MessageKey,
    options: ReadonlyArray<[string, MessageKey]>
  ) => (
    <label className="field">
      <span className="field__label">{t(label)}</span>
      <select
        value={String(d.output[key])}
        onChange={event => set({ [key]: event.target.value } as Partial<OutputFormat>)}
      >
        {options.map(([value, words]) => (
          <option key={value} value={value}>
            {t(words)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <EditorSection
      id="editor-format"
      title={t('editor.format.title')}
      intro={t('editor.format.intro')}
      value={d.output}
      presetValue={props.preset?.output}
      onReset={() => props.preset && onChange({ ...d, output: props.preset.output })}
    >
      <div className="form-grid">
        {select(
          'delimiter',
          'editor.format.delimiter',
          delimiters.map(([v, w]) => [v, `editor.format.delimiter.${w}`])
        )}
        {select('quoting', 'editor.format.quoting', [
          ['standard', 'editor.format.quoting.standard'],
          ['never', 'editor.format.quoting.never'],
        ])}
        {select('quoteChar', 'editor.format.quoteChar', [
          ['"', 'editor.format.quoteChar.double'],
          ["'", 'editor.format.quoteChar.single'],
        ])}
        {select(
          'encoding',
          'editor.format.encoding',
          encodings.map(e => [e, `editor.format.encoding.${e}`])
        )}
        {select('lineEnding', 'editor.format.lineEnding', [
          ['crlf', 'editor.format.lineEnding.crlf'],
          ['lf', 'editor.format.lineEnding.lf'],
        ])}
        <label className="field field--check">
          <input
            type="checkbox"
            checked={d.output.header}
            onChange={event => set({ header: event.target.checked })}
          />
          <span>{t('editor.format.header')}</span>
        </label>
        <label className="field field--check">
          <input
            type="checkbox"
            checked={d.output.zip}
            onChange={event => set({ zip: event.target.checked })}
          />
          <span>{t('editor.format.zip')}</span>
        </label>
      </div>
    </EditorSection>
  );
}
