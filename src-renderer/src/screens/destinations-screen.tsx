import { useI18n } from '../i18n/i18n';

/** Destinations: where files go. */
export function DestinationsScreen() {
  const { t } = useI18n();
  return (
    <section className="screen">
      <h1 tabIndex={-1}>{t('nav.destinations')}</h1>
    </section>
  );
}
