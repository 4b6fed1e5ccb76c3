import type { Message } from './message';

/** English words of a job's warning when nothing new comes (part of en.ts). */
export const enJobWarningWords = {
  'jobs.quiet.check': 'Warn me when nothing new has come for a while',
  'jobs.quiet.days': 'Days without anything new before the warning',
  'jobs.quiet.hint':
    'The warning shows in History and as a notification, and again after as many days if still nothing comes.',
  'jobs.quiet.invalid': 'Give a whole number of days from 1 to {max}.',
  'jobs.quiet.on': 'Warns after {days} days without anything new',
  'history.quietDetail': 'No new file came: there was nothing to send.',
} satisfies Record<string, Message>;
