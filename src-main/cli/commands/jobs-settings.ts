import type { BackgroundSettings } from '../../../src-core/jobs/job-ipc';
import { ExitCode, UsageError, parseCommandArgs, printJson, type CommandContext } from '../cli-io';

/** What `courier jobs settings` prints: the settings the tray and notifications follow. */
function settingsLines(settings: BackgroundSettings): string {
  const { days, count } = settings.historyRetention;
  return [
    `notify on success: ${settings.notifyOnSuccess ? 'yes' : 'no'} (failures and held files always notify)`,
    `start at login:    ${settings.startAtLogin ? 'yes' : 'no'} (Courier starts in the tray)`,
    `history kept:      ${days === null ? 'no day limit' : `${days} day${days === 1 ? '' : 's'}`}, ${count === null ? 'no run limit' : `the last ${count} run${count === 1 ? '' : 's'}`}`,
    '',
  ].join('\n');
}

const yesNo = (option: string, value: string | undefined): boolean | undefined => {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'yes' || v === 'on' || v === 'true') return true;
  if (v === 'no' || v === 'off' || v === 'false') return false;
  throw new UsageError(`--${option} takes yes or no (got “${value}”).`);
};

const limit = (option: string, value: string | undefined): number | null | undefined => {
  if (value === undefined) return undefined;
  if (value.toLowerCase() === 'none') return null;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
    throw new UsageError(`--${option} takes a whole number above 0, or none (got “${value}”).`);
  return Number(value);
};

/**
 * `courier jobs settings [--notify-on-success yes|no] [--start-at-login yes|no]
 * [--keep-days N|none] [--keep-runs N|none] [--json]`: shows or changes the background settings,
 * through the same job service as the Jobs screen's “In the background” card.
 */
export async function jobsSettings(
  { io, services }: CommandContext,
  rest: readonly string[]
): Promise<number> {
  const { values, positionals } = parseCommandArgs(rest, {
    'notify-on-success': { type: 'string' },
    'start-at-login': { type: 'string' },
    'keep-days': { type: 'string' },
    'keep-runs': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError('jobs settings takes options only.');
  const change: Partial<BackgroundSettings> = {};
  const notify = yesNo('notify-on-success', values['notify-on-success']);
  if (notify !== undefined) change.notifyOnSuccess = notify;
  const login = yesNo('start-at-login', values['start-at-login']);
  if (login !== undefined) change.startAtLogin = login;
  const days = limit('keep-days', values['keep-days']);
  const runs = limit('keep-runs', values['keep-runs']);
  const store = services.jobs.settings;
  if (days !== undefined || runs !== undefined) {
    const current = (await store.get()).historyRetention;
    change.historyRetention = {
      days: days === undefined ? current.days : days,
      count: runs === undefined ? current.count : runs,
    };
  }
  const settings = Object.keys(change).length > 0 ? await store.set(change) : await store.get();
  if (values.json) printJson(io, settings);
  else io.stdout.write(settingsLines(settings));
  return ExitCode.ok;
}
