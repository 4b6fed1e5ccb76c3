import { useId, useState } from 'react';
import { describeScheduleIn, describeTimesIn } from '../../../src-core/schedule/describe-localized';
import { parseSchedule } from '../../../src-core/schedule/parse-schedule';
import {
  scheduleProblemOf,
  type PartOfDay,
  type ScheduleProblem,
  type ScheduleProblemReason,
} from '../../../src-core/schedule/schedule-error';
import { timesADay, type Schedule } from '../../../src-core/schedule/schedule';
import type { MessageKey } from '../../../src-core/words/en';
import type { I18n } from '../i18n/i18n';

/** Common schedules, offered in the user's language; the value is what the parser reads. */
export const schedulePresets: ReadonlyArray<{ key: MessageKey; text: string }> = [
  { key: 'when.nightly', text: 'every day at 02:00' },
  { key: 'when.weekday', text: 'every weekday at 07:00' },
  { key: 'when.hourly', text: 'every hour' },
  { key: 'when.weekly', text: 'mondays at 08:00' },
];

/** What the user picked: a preset's text, or `custom` with their own words. */
export type ScheduleChoice = Readonly<{ preset: string; custom: string }>;

/** The choice of a job that runs only when asked (“Run now”): it has no schedule. */
export const manualChoice = 'manual';

/** The words to send for a choice ('' for no schedule). */
export const scheduleTextOf = (choice: ScheduleChoice): string =>
  choice.preset === 'custom' ? choice.custom : choice.preset === manualChoice ? '' : choice.preset;

const problemKeys: Readonly<
  Record<Exclude<ScheduleProblemReason, 'time-outside-part-of-day'>, MessageKey>
> = {
  'not-understood': 'schedule.error.not-understood',
  'missing-time': 'schedule.error.missing-time',
  'time-with-interval': 'schedule.error.time-with-interval',
  'count-mismatch': 'schedule.error.count-mismatch',
  'not-a-time': 'schedule.error.not-a-time',
  'hour-with-am-pm': 'schedule.error.hour-with-am-pm',
  'time-out-of-range': 'schedule.error.time-out-of-range',
  'unknown-time-zone': 'schedule.error.unknown-time-zone',
  'too-many-per-day': 'schedule.error.too-many-per-day',
  'interval-out-of-range': 'schedule.error.interval-out-of-range',
  'no-such-month-day': 'schedule.error.no-such-month-day',
};

const partOfDayKeys: Readonly<Record<PartOfDay, MessageKey>> = {
  morning: 'schedule.error.not-in-the-morning',
  evening: 'schedule.error.not-in-the-evening',
  night: 'schedule.error.not-at-night',
};

/** A refused schedule, said in the user's language. */
export function scheduleProblemText(problem: ScheduleProblem, t: I18n['t']): string {
  if (problem.reason === 'time-outside-part-of-day')
    return t(partOfDayKeys[problem.params.part] ?? 'schedule.error.not-at-night', {
      time: problem.params.time,
    });
  return t(problemKeys[problem.reason], problem.params);
}

/**
 * The schedule in the user's words, or why it cannot be read (in their language).
 *
 * Never throws: it runs while the field renders. `parse` is the parser (a seam for tests).
 */
export function readSchedule(
  text: string,
  t: I18n['t'],
  parse: (text: string) => Schedule = parseSchedule
): { schedule: Schedule; error: null } | { schedule: null; error: string } {
  try {
    return { schedule: parse(text), error: null };
  } catch (failure) {
    // This runs while the field renders: an unexpected failure says “not understood” rather
    // than taking the whole screen down.
    const problem = scheduleProblemOf(failure) ?? {
      reason: 'not-understood',
      params: { text: text.trim() },
    };
    return { schedule: null, error: scheduleProblemText(problem, t) };
  }
}

/**
 * What Courier understood, in the interface language; for “N times a day” with the times it
 * runs at, so that “twice a day” is seen to run at midnight.
 */
export function understoodText(schedule: Schedule, i18n: Pick<I18n, 't' | 'language'>): string {
  const words = describeScheduleIn(schedule, i18n.language);
  if (schedule.kind !== 'times-a-day') return i18n.t('schedule.understood', { schedule: words });
  return i18n.t('schedule.understood.times', {
    schedule: words,
    times: describeTimesIn(timesADay(schedule.count), i18n.language),
  });
}

/** A schedule described in the interface language, starting with a capital (for a table cell). */
export function scheduleWords(schedule: Schedule, language: I18n['language']): string {
  const words = describeScheduleIn(schedule, language);
  return words.charAt(0).toLocaleUpperCase(language) + words.slice(1);
}

/**
 * The choice a saved schedule shows as: its preset, or the schedule in the user's own language
 * as words to edit (what Courier says reads back to the same schedule).
 */
export function choiceFor(
  schedule: Schedule | null,
  language: I18n['language'],
  scheduleText: string | null
): ScheduleChoice {
  const preset = schedulePresets.find(p => p.text === scheduleText);
  if (preset) return { preset: preset.text, custom: '' };
  if (!schedule) return { preset: manualChoice, custom: '' };
  return { preset: 'custom', custom: describeScheduleIn(schedule, language) };
}

/**
 * When a job runs: a common schedule, or one in the user's own words (English, French or Dutch),
 * with what Courier understood shown as they type, in the interface language.
 *
 * `showError` shows why the words cannot be read before the field is left (after a save attempt).
 */
export function ScheduleField(props: {
  i18n: Pick<I18n, 't' | 'language'>;
  choice: ScheduleChoice;
  onChange: (choice: ScheduleChoice) => void;
  showError: boolean;
}) {
  const { t } = props.i18n;
  const id = useId();
  const [left, setLeft] = useState(false);
  const { choice } = props;
  const custom = choice.preset === 'custom';
  const read = custom && choice.custom.trim() !== '' ? readSchedule(choice.custom, t) : null;
  const showError = read?.error && (left || props.showError);
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-when`}>
          {t('jobs.new.when')}
        </label>
        <select
          id={`${id}-when`}
          value={choice.preset}
          onChange={event => props.onChange({ ...choice, preset: event.target.value })}
        >
          {schedulePresets.map(p => (
            <option key={p.text} value={p.text}>
              {t(p.key)}
            </option>
          ))}
          <option value="custom">{t('schedule.custom')}</option>
          <option value={manualChoice}>{t('jobs.byHand')}</option>
        </select>
      </div>
      {custom && (
        <div className="field" style={{ gridColumn: '1 / -1' }}>
          <label className="field__label" htmlFor={`${id}-words`}>
            {t('schedule.field')}
          </label>
          <input
            id={`${id}-words`}
            required
            autoComplete="off"
            spellCheck={false}
            value={choice.custom}
            aria-describedby={`${id}-hint ${id}-status`}
            aria-invalid={showError ? true : undefined}
            onChange={event => {
              setLeft(false);
              props.onChange({ ...choice, custom: event.target.value });
            }}
            onBlur={() => setLeft(true)}
          />
          <p id={`${id}-hint`} className="muted small">
            {t('schedule.hint')}
          </p>
          <div id={`${id}-status`} aria-live="polite">
            {read?.schedule && (
              <p className="notice notice--ok" data-testid="schedule-understood">
                {understoodText(read.schedule, props.i18n)}
              </p>
            )}
            {showError && (
              <p className="notice notice--error" data-testid="schedule-problem">
                {read.error}
              </p>
            )}
          </div>
        </div>
      )}
    </>
  );
}
