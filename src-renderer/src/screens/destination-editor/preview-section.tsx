import type { CallResponse } from '../../../../src-core/ipc/contract';
import { useI18n } from '../../i18n/i18n';
import { EditorSection, type SectionProps } from './section';

export type OutputPreview = CallResponse<'destinations:preview-output'>;

/** Makes a tab visible in the preview (the file holds a real tab). */
const shownLine = (line: string) => line.replace(/\t/g, '→\t');

/**
 * A live preview of the output file's first lines, as main's preparation writes them (the same
 * code as the send), decoded for display.
 */
export function PreviewSection(
  props: SectionProps & { preview: OutputPreview | null; busy: boolean }
) {
  const { t } = useI18n();
  const { preview, destination: d } = props;
  return (
    <EditorSection id="editor-preview" title={t('editor.preview.title')}>
      <p className="muted small">
        {t('editor.preview.intro', {
          encoding: t(`editor.format.encoding.${d.output.encoding}`),
          source:
            preview?.synthetic === false
              ? t('editor.preview.fromSample')
              : t('editor.preview.synthetic'),
        })}
      </p>
      {preview && preview.problems.length > 0 ? (
        <p className="notice notice--warn">{t('editor.preview.unavailable')}</p>
      ) : (
        <>
          <pre className="editor-preview mono" data-testid="output-preview" aria-busy={props.busy}>
            {(preview?.lines ?? []).map(shownLine).join('\n')}
          </pre>
          {preview && (
            <p className="small muted" data-testid="output-preview-size">
              {t('editor.preview.size', {
                name: preview.nextName,
                bytes: preview.bytes,
                rows: preview.rows,
              })}
            </p>
          )}
        </>
      )}
    </EditorSection>
  );
}
