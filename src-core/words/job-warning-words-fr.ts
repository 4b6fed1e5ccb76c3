import type { Message } from './message';
import type { enJobWarningWords } from './job-warning-words-en';

/** French words of a job's warning when nothing new comes: exactly the English keys. */
export const frJobWarningWords: Readonly<Record<keyof typeof enJobWarningWords, Message>> = {
  'jobs.quiet.check': 'M’avertir quand rien de nouveau n’arrive pendant un certain temps',
  'jobs.quiet.days': 'Jours sans rien de nouveau avant l’avertissement',
  'jobs.quiet.hint':
    'L’avertissement apparaît dans l’historique et en notification, puis de nouveau après autant de jours si rien n’arrive toujours.',
  'jobs.quiet.invalid': 'Indiquez un nombre entier de jours, de 1 à {max}.',
  'jobs.quiet.on': 'Avertit après {days} jours sans rien de nouveau',
  'history.quietDetail': 'Aucun nouveau fichier n’est arrivé : il n’y avait rien à envoyer.',
};
