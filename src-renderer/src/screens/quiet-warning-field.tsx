import { MAX_WARN_AFTER_DAYS } from '../../../src-core/jobs/job';
import { useI18n } from '../i18n/i18n';

/** The job form's choice of a warning when nothing new comes: on or off, and after how many days. */
export type QuietChoice = Readonly<{ on: boolean; days: string }>;

/** The choice shown for a job's saved `warnAfterDays` (off: a week is offered when switched on). */
export function quietChoiceFor(warnAfterDays: number | null | undefined): QuietChoice {
  return warnAfterDays ? { on: true, days: String(warnAfterDays) } : { on: false, days: '7' };
}

/** The job's `warnAfterDays` for a choice; `invalid` when the days are not a whole number in range. */
export function warnAfterDaysOf(choice: QuietChoice): number | null | 'invalid' {
  if (!choice.on) return null;
  const days = Number(choice.days);
  return /^\s*\d+\s*$/.test(choice.days) && days >= 1 && days <= MAX_WARN_AFTER_DAYS
    ? days
    : 'invalid';
}

/** "Warn me when nothing new has come for a while", with the number of days (issue 15, item 5). */
export function QuietWarningField(props: {
  choice: QuietChoice;
  onChange: (choice: QuietChoice) => void;
  showError: boolean;
}) {
  const { t } = useI18n();
  const { choice } = props;
  const invalid = props.showError && warnAfterDaysOf(choice) === 'invalid';
  return (
    <fieldset className="field" style={{ gridColumn: '1 / -1' }} data-testid="quiet-warning">
      <label className="choice">
        <input
          type="checkbox"
          checked={choice.on}
          onChange={event => props.onChange({ ...choice, on: event.target.checked })}
        />
        <span>{t('jobs.quiet.check')}</span>
      </label>
      {choice.on && (
        <label className="field">
          <span className="field__label">{t('jobs.quiet.days')}</span>
          {/* Checked here, in words, not by the browser's own bubble (which the form never sees). */}
          <input
            type="text"
            inputMode="numeric"
            size={4}
            value={choice.days}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'quiet-warning-problem' : 'quiet-warning-hint'}
            onChange={event => props.onChange({ ...choice, days: event.target.value })}
          />
          {invalid ? (
            <span
              className="field__hint field__hint--error"
              id="quiet-warning-problem"
              role="alert"
            >
              {t('jobs.quiet.invalid', { max: MAX_WARN_AFTER_DAYS })}
            </span>
          ) : (
            <span className="field__hint" id="quiet-warning-hint">
              {t('jobs.quiet.hint')}
            </span>
          )}
        </label>
      )}
    </fieldset>
  );
}
