import type { Message } from './message';
import type { enRecordingsWords } from './recordings-words-en';

/** French words of the call recordings sent with the records: exactly the English keys. */
export const frRecordingsWords: Readonly<Record<keyof typeof enRecordingsWords, Message>> = {
  'recordings.title': 'Enregistrements d’appels',
  'recordings.intro':
    'Envoyer les enregistrements d’appels avec les fiches : une colonne nomme l’enregistrement de chaque ligne (un nom de fichier, ou un chemin dans le dossier choisi à l’envoi). Courier vérifie que chacun est là, envoie d’abord les enregistrements, chacun une seule fois, puis les fiches.',
  'recordings.on': 'Envoyer les enregistrements d’appels avec les fiches',
  'recordings.column': 'Colonne qui nomme chaque enregistrement',
  'recordings.column.hint': 'Par exemple une colonne contenant call-8812.wav.',
  'recordings.folder': 'Dossier des enregistrements sur le serveur',
  'recordings.folder.hint': 'Le dossier convenu avec la plateforme, par exemple /recordings.',
  'recordings.send.folder': 'Dossier des enregistrements',
  'recordings.send.none':
    'Pas encore choisi : les enregistrements nommés dans {column} doivent s’y trouver.',
  'recordings.send.chosen':
    '{folder} — les enregistrements nommés dans {column} partent d’abord vers {remote}.',
  'recordings.send.choose': 'Choisir le dossier des enregistrements…',
  'recordings.job.hint':
    'Chaque exécution envoie un fichier dès que chaque enregistrement qu’il nomme est dans ce dossier et entièrement écrit.',
  'recordings.send.progress': 'Enregistrement {file} sur {files}',
  'recordings.send.sent': {
    one: '{uploaded} enregistrement sur {count} envoyé ({bytes}) vers {folder}.',
    other: '{uploaded} enregistrements sur {count} envoyés ({bytes}) vers {folder}.',
  },
};
