import { useI18n } from '../i18n/i18n';
import type { Screen } from '../shell';

/** Scheduled jobs. */
export function JobsScreen(_props: { go: (screen: Screen) => void }) {
  const { t } = useI18n();
  return (
    <section className="screen">
      <h1 tabIndex={-1}>{t('nav.jobs')}</h1>
    </section>
  );
}
