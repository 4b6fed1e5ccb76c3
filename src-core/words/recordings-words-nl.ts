import type { Message } from './message';
import type { enRecordingsWords } from './recordings-words-en';

/** Dutch words of the call recordings sent with the records: exactly the English keys. */
export const nlRecordingsWords: Readonly<Record<keyof typeof enRecordingsWords, Message>> = {
  'recordings.title': 'Gespreksopnames',
  'recordings.intro':
    'Verstuur de gespreksopnames samen met de records: een kolom noemt de opname van elke rij (een bestandsnaam, of een pad in de map die u bij het versturen kiest). Courier controleert of elke opname er is, verstuurt eerst de opnames, elk maar één keer, en daarna de records.',
  'recordings.on': 'Gespreksopnames samen met de records versturen',
  'recordings.column': 'Kolom die elke opname noemt',
  'recordings.column.hint': 'Bijvoorbeeld een kolom met call-8812.wav.',
  'recordings.folder': 'Map voor de opnames op de server',
  'recordings.folder.hint': 'De map die met het platform is afgesproken, bijvoorbeeld /recordings.',
  'recordings.send.folder': 'Map met opnames',
  'recordings.send.none':
    'Nog niet gekozen: de opnames die in {column} genoemd worden, moeten erin staan.',
  'recordings.send.chosen': '{folder} — de opnames uit {column} gaan eerst naar {remote}.',
  'recordings.send.choose': 'Kies de map met opnames…',
  'recordings.job.hint':
    'Elke uitvoering verstuurt een bestand zodra elke opname die het noemt in deze map staat en volledig geschreven is.',
  'recordings.send.progress': 'Opname {file} van {files}',
  'recordings.send.sent': {
    one: '{uploaded} van {count} opname verstuurd ({bytes}) naar {folder}.',
    other: '{uploaded} van {count} opnames verstuurd ({bytes}) naar {folder}.',
  },
};
