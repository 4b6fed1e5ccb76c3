import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../../../src-core/words/en';
import { flowSteps, type FlowStep } from '../navigation';

const labels: Readonly<Record<FlowStep, MessageKey>> = {
  preview: 'steps.preview',
  map: 'steps.map',
  review: 'steps.review',
  send: 'steps.send',
};

/** Where the user is in sending a file: Preview, Columns, Review, Send. */
export function Steps(props: { current: FlowStep }) {
  const { t } = useI18n();
  const index = flowSteps.indexOf(props.current);
  return (
    <ol className="steps" aria-label={t('steps.label')}>
      {flowSteps.map((step, i) => (
        <li
          key={step}
          className={`steps__item${i < index ? ' steps__item--done' : ''}`}
          aria-current={i === index ? 'step' : undefined}
        >
          <span className="steps__number" aria-hidden="true">
            {i < index ? '✓' : i + 1}
          </span>
          {t(labels[step])}
          {i === index && <span className="visually-hidden"> {t('steps.current')}</span>}
        </li>
      ))}
    </ol>
  );
}
