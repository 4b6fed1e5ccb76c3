import { useI18n } from '../i18n/i18n';

/** Past runs. */
export function HistoryScreen() {
  const { t } = useI18n();
  return (
    <section className="screen">
      <h1 tabIndex={-1}>{t('nav.history')}</h1>
    </section>
  );
}
