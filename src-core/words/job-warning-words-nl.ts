import type { Message } from './message';
import type { enJobWarningWords } from './job-warning-words-en';

/** Dutch words of a job's warning when nothing new comes: exactly the English keys. */
export const nlJobWarningWords: Readonly<Record<keyof typeof enJobWarningWords, Message>> = {
  'jobs.quiet.check': 'Waarschuw me als er een tijd niets nieuws komt',
  'jobs.quiet.days': 'Dagen zonder iets nieuws vóór de waarschuwing',
  'jobs.quiet.hint':
    'De waarschuwing verschijnt in de geschiedenis en als melding, en opnieuw na even veel dagen als er nog steeds niets komt.',
  'jobs.quiet.invalid': 'Geef een geheel aantal dagen, van 1 tot {max}.',
  'jobs.quiet.on': 'Waarschuwt na {days} dagen zonder iets nieuws',
  'history.quietDetail': 'Er kwam geen nieuw bestand: er was niets te versturen.',
};
