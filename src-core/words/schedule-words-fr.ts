import type { Message } from './message';
import type { enScheduleWords } from './schedule-words-en';

/** French schedule words: exactly the English keys. */
export const frScheduleWords: Readonly<Record<keyof typeof enScheduleWords, Message>> = {
  'schedule.custom': 'Autre chose, avec vos propres mots',
  'schedule.field': 'Horaire en mots',
  'schedule.hint':
    'Par exemple : « tous les soirs à 22h », « du lundi au vendredi à 7h30 », « chaque lundi à 6h », « le 1er de chaque mois à 8h », « toutes les 15 minutes ». Vous pouvez aussi l’écrire en anglais ou en néerlandais.',
  'schedule.understood': 'Compris : {schedule}',
  'schedule.understood.times': 'Compris : {schedule}, à {times}',
  'schedule.change': 'Modifier l’horaire',
  'schedule.edit.title': 'Quand « {name} » s’exécute',
  'schedule.save': 'Enregistrer l’horaire',
  'schedule.error.not-understood':
    'Courier n’a pas compris « {text} ». Écrivez par exemple « tous les soirs à 22h », « du lundi au vendredi à 7h30 », « chaque lundi à 6h », « le 1er de chaque mois à 8h », « toutes les heures » ou « toutes les 15 minutes ».',
  'schedule.error.missing-time': 'Précisez l’heure, par exemple « {example} ».',
  'schedule.error.time-with-interval':
    '« {text} » se répète toute la journée : il n’y a pas d’heure à donner. Écrivez par exemple « tous les jours à 22h » ou « toutes les 15 minutes ».',
  'schedule.error.count-mismatch': {
    one: '« {text} » annonce une fois par jour : donnez une seule heure, ou écrivez « tous les jours à 8h ».',
    other:
      '« {text} » annonce {count} fois par jour : donnez {count} heures, par exemple « 3 fois par jour à 8h, 12h et 16h ».',
  },
  'schedule.error.not-a-time':
    '« {time} » n’est pas une heure. Écrivez par exemple 22h, 7h30 ou 07:30.',
  'schedule.error.hour-with-am-pm':
    '« {time} » n’est pas une heure : avec « du matin » ou « du soir », l’heure va de 1 à 12.',
  'schedule.error.time-out-of-range':
    '« {time} » n’est pas une heure de la journée : les heures vont de 0 à 23 et les minutes de 00 à 59.',
  'schedule.error.not-in-the-morning':
    '« {time} » n’est pas le matin. Pour une heure de l’après-midi ou du soir, écrivez par exemple « tous les jours à 15h ».',
  'schedule.error.not-in-the-evening':
    '« {time} » n’est pas le soir. Pour midi, écrivez « tous les jours à midi » ; pour minuit, « tous les jours à minuit ».',
  'schedule.error.not-at-night':
    '« {time} » n’est pas clair la nuit : cela peut être tôt le matin ou le soir. Écrivez par exemple « tous les jours à 6h » ou « tous les jours à 18h ».',
  'schedule.error.unknown-time-zone':
    'Courier ne connaît pas le fuseau horaire « {zone} ». Utilisez un nom comme Europe/Brussels ou Europe/Paris.',
  'schedule.error.too-many-per-day':
    'Une tâche s’exécute au plus 24 fois par jour ; pour plus souvent, écrivez par exemple « toutes les 15 minutes ».',
  'schedule.error.interval-out-of-range':
    'L’intervalle va de toutes les minutes à toutes les 24 heures.',
  'schedule.error.no-such-month-day':
    'Un mois n’a pas de jour {day} : les jours du mois vont de 1 à 31.',
};
