import type { CallResponse } from '../../../../src-core/ipc/contract';
import { useI18n } from '../../i18n/i18n';
import { EditorSection, type SectionProps } from './section';

export type LoadedSample = Readonly<{
  path: string;
  sample: CallResponse<'destinations:read-sample'>;
}>;

/**
 * The vendor's sample file: its header becomes the columns (rules guessed, changeable below) and
 * its format is proposed as the output format. CustomerGauge and EvaluAgent ask for it first.
 */
export function SampleSection(
  props: SectionProps & { loaded: LoadedSample | null; onLoad: () => void; first: boolean }
) {
  const { t } = useI18n();
  const platform = props.destination.presetId === 'evaluagent' ? 'EvaluAgent' : 'CustomerGauge';
  const file = props.loaded?.path.split(/[\\/]/).pop() ?? '';
  return (
    <EditorSection id="editor-sample" title={t('editor.sample.title')}>
      <p className={props.first && !props.loaded ? 'notice' : 'muted small'}>
        {props.first ? t('editor.sample.ask', { platform }) : t('editor.sample.intro')}
      </p>
      <div className="editor-row">
        <button
          type="button"
          className={props.first && !props.loaded ? 'button button--primary' : 'button'}
          onClick={props.onLoad}
        >
          {t('editor.sample.load')}
        </button>
        {props.loaded && (
          <span className="small" role="status" data-testid="sample-loaded">
            {t('editor.sample.loaded', { file, count: props.loaded.sample.columns.length })}
          </span>
        )}
      </div>
    </EditorSection>
  );
}
