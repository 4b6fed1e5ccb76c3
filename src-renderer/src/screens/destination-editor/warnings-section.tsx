import { vendorWarnings } from '../../../../src-core/destinations/destination-problems';
import { useI18n } from '../../i18n/i18n';
import type { SectionProps } from './section';

/** What the vendor asks that this destination does not do (warnings: saving stays possible). */
export function WarningsSection(props: SectionProps) {
  const { t } = useI18n();
  const warnings = vendorWarnings(props.destination);
  if (warnings.length === 0) return null;
  return (
    <section
      className="notice notice--warn"
      aria-label={t('editor.warnings.title')}
      data-testid="vendor-warnings"
    >
      <strong>{t('editor.warnings.title')}</strong>
      <ul>
        {warnings.map(w => (
          <li key={w} data-warning={w}>
            {t(`editor.warning.${w}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
