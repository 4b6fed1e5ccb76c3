import type { Notification, NotificationConstructorOptions } from 'electron';
import type { Run } from '../../../src-core/history/run';
import { isQuietWarning } from '../../../src-core/jobs/quiet-spell';
import { quietNotificationText } from './quiet-words';

/** The parts of Electron's Notification the service uses (tests pass a fake). */
export type NotificationLike = Pick<Notification, 'show' | 'close'> & {
  on(event: 'click' | 'close', listener: () => void): unknown;
};

/** Why Courier calls a person. */
export type NotificationKind =
  'failed' | 'held' | 'rows-excluded' | 'receipt-rejected' | 'sent' | 'nothing-new-for-days';

export type NotificationServiceDeps = Readonly<{
  createNotification: (options: NotificationConstructorOptions) => NotificationLike;
  /** Whether the desktop can show notifications (Electron's `Notification.isSupported()`). */
  isSupported?: () => boolean;
  /** Opens Courier on a run (clicking a notification). */
  openRun: (runId: string) => void;
  /** The user's choice: also tell them when a run went well (default off). */
  notifyOnSuccess?: () => boolean;
  /** The app icon, shown on platforms that take one. */
  iconPath?: string;
  /** The user's language (Electron's `app.getLocale()`), for the sentences that have it. */
  locale?: string;
}>;

/** Which notification a run calls for, if any. */
export function notificationKind(run: Run): NotificationKind | null {
  if (run.receipt.status === 'rejected') return 'receipt-rejected';
  if (run.outcome === 'failed') return 'failed';
  // Nothing new to send is a calm outcome: no notification, unless it has lasted the job's
  // `warnAfterDays` (the run then carries the warning); nor are new reports (nothing was sent).
  if (run.outcome === 'downloaded') return null;
  if (run.outcome === 'nothing-new') return isQuietWarning(run) ? 'nothing-new-for-days' : null;
  if (run.outcome === 'held') return 'held';
  if (run.outcome === 'sent-with-exclusions') return 'rows-excluded';
  return 'sent';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The title and body of a run's notification, in plain words (no row contents). */
export function notificationText(
  run: Run,
  kind: NotificationKind,
  locale?: string
): { title: string; body: string } {
  const what = run.job ? `“${run.job.name}”` : (run.source?.fileName ?? 'The send');
  const file = run.source ? ` (${run.source.fileName})` : '';
  switch (kind) {
    case 'failed':
      return {
        title: `${what} failed`,
        body: `${run.error?.message ?? 'The run did not finish.'} Click to see the run.`,
      };
    case 'held':
      return {
        title: `${what}: file held for review`,
        body: `Nothing was sent${file}. ${run.rows.excluded > 0 ? `The file has ${plural(run.rows.excluded, 'row')} with problems.` : 'The file needs a look (its columns may have changed).'} Click to review.`,
      };
    case 'rows-excluded':
      return {
        title: `${what}: ${plural(run.rows.excluded, 'row')} left out`,
        body: `${plural(run.rows.sent, 'row')} sent to ${run.destination ?? 'the destination'}; ${plural(run.rows.excluded, 'row')} had problems and were kept back. Click to review.`,
      };
    case 'receipt-rejected':
      return {
        title: `${what}: the platform rejected the file`,
        body: `${run.receipt.summary ?? 'The receipt says the file was not accepted.'} Click to see the run.`,
      };
    case 'nothing-new-for-days':
      return quietNotificationText(run, locale);
    case 'sent':
      return {
        title: `${what} sent`,
        body: `${plural(run.rows.sent, 'row')} sent to ${run.destination ?? 'the destination'}${file}.`,
      };
  }
}

/**
 * Desktop notifications for runs: a job failed, rows were held for review or left out, a receipt
 * came back rejected, and (if the user wants) a run went well. Clicking one opens that run.
 */
export class NotificationService {
  private readonly deps: NotificationServiceDeps;
  // Electron drops a notification's click handler once the object is garbage collected; keep
  // every shown notification until it is clicked or closed.
  private readonly live = new Set<NotificationLike>();

  constructor(deps: NotificationServiceDeps) {
    this.deps = deps;
  }

  /** Notifies about a finished run if it calls for it; returns what was shown (or null). */
  notifyRun(run: Run): NotificationKind | null {
    const kind = notificationKind(run);
    if (kind === null) return null;
    if (kind === 'sent' && !(this.deps.notifyOnSuccess?.() ?? false)) return null;
    if (this.deps.isSupported && !this.deps.isSupported()) return null;
    const { title, body } = notificationText(run, kind, this.deps.locale);
    const notification = this.deps.createNotification({
      title,
      body,
      silent: kind === 'sent',
      ...(this.deps.iconPath ? { icon: this.deps.iconPath } : {}),
    });
    this.live.add(notification);
    notification.on('click', () => {
      this.live.delete(notification);
      this.deps.openRun(run.id);
    });
    notification.on('close', () => this.live.delete(notification));
    notification.show();
    return kind;
  }

  /** How many notifications are on screen (kept alive for their click). */
  get showing(): number {
    return this.live.size;
  }
}
