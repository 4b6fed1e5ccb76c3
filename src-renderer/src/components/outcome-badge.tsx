import type { CallResponse } from '../../../src-core/ipc/contract';
import { useI18n } from '../i18n/i18n';

/** A run's outcome as a coloured word. */
export function OutcomeBadge(props: { outcome: CallResponse<'history:list'>[number]['outcome'] }) {
  const { t } = useI18n();
  // Nothing new to send is calm: the plain badge, neither red nor amber.
  const tone =
    props.outcome === 'sent' || props.outcome === 'downloaded'
      ? 'ok'
      : props.outcome === 'failed'
        ? 'error'
        : props.outcome === 'nothing-new'
          ? 'plain'
          : 'warn';
  return <span className={`badge badge--${tone}`}>{t(`history.outcome.${props.outcome}`)}</span>;
}
