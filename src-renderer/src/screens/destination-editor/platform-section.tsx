import {
  DigitaleoAction,
  DigitaleoOptions,
  ReceiptRule,
} from '../../../../src-core/destinations/destination';
import { useI18n } from '../../i18n/i18n';
import { EditorSection, type SectionProps } from './section';

const uniqueness = DigitaleoOptions.shape.uniqueness.unwrap().options;

/**
 * Platform options: Digitaleo's action, import mode (with the list name), uniqueness key and
 * multi-account, shown only for Digitaleo; the receipt rule for every destination.
 */
export function PlatformSection(props: SectionProps) {
  const { t } = useI18n();
  const { destination: d, onChange } = props;
  const options: DigitaleoOptions = DigitaleoOptions.parse(d.digitaleo ?? {});
  const setDigitaleo = (update: Partial<DigitaleoOptions>) =>
    onChange({ ...d, digitaleo: { ...options, ...update } });
  const listed =
    options.importMode === 'addToExistingList' || options.importMode === 'syncExistingList';
  return (
    <EditorSection
      id="editor-platform"
      title={t('editor.platform.title')}
      value={[d.digitaleo ?? null, d.receipt]}
      presetValue={
        props.preset ? [props.preset.digitaleo ?? null, props.preset.receipt] : undefined
      }
      onReset={() =>
        props.preset &&
        onChange({ ...d, digitaleo: props.preset.digitaleo, receipt: props.preset.receipt })
      }
    >
      <div className="form-grid">
        {d.presetId === 'digitaleo' && (
          <>
            <label className="field">
              <span className="field__label">{t('editor.digitaleo.action')}</span>
              <select
                value={options.action}
                onChange={event => setDigitaleo({ action: event.target.value as DigitaleoAction })}
              >
                {DigitaleoAction.options.map(a => (
                  <option key={a} value={a}>
                    {t(`editor.digitaleo.action.${a}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('editor.digitaleo.importMode')}</span>
              <select
                value={options.importMode ?? ''}
                onChange={event =>
                  setDigitaleo({
                    importMode:
                      event.target.value === ''
                        ? null
                        : (event.target.value as DigitaleoOptions['importMode']),
                  })
                }
              >
                {(['', 'createNewList', 'addToExistingList', 'syncExistingList'] as const).map(
                  m => (
                    <option key={m} value={m}>
                      {t(`editor.digitaleo.importMode.${m || 'account'}`)}
                    </option>
                  )
                )}
              </select>
            </label>
            {listed && (
              <label className="field">
                <span className="field__label">{t('editor.digitaleo.list')}</span>
                <input
                  value={d.variables.list ?? ''}
                  onChange={event =>
                    onChange({
                      ...d,
                      digitaleo: options,
                      variables: { ...d.variables, list: event.target.value },
                    })
                  }
                />
              </label>
            )}
            <label className="field">
              <span className="field__label">{t('editor.digitaleo.uniqueness')}</span>
              <select
                value={options.uniqueness}
                onChange={event =>
                  setDigitaleo({ uniqueness: event.target.value as DigitaleoOptions['uniqueness'] })
                }
              >
                {uniqueness.map(u => (
                  <option key={u} value={u}>
                    {t(`editor.digitaleo.uniqueness.${u}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field--check">
              <input
                type="checkbox"
                checked={options.multiAccount}
                onChange={event => setDigitaleo({ multiAccount: event.target.checked })}
              />
              <span>{t('editor.digitaleo.multiAccount')}</span>
            </label>
          </>
        )}
        <label className="field">
          <span className="field__label">{t('editor.receipt')}</span>
          <select
            value={d.receipt}
            onChange={event => onChange({ ...d, receipt: event.target.value as ReceiptRule })}
          >
            {ReceiptRule.options.map(r => (
              <option key={r} value={r}>
                {t(`editor.receipt.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </EditorSection>
  );
}
