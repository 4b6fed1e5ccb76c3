import type { Message } from './message';

/** Nederlandse woorden van de gekoppelde bestanden die met het hoofdbestand meegaan (BlueConic; deel van nl.ts). */
export const nlRelatedWords = {
  'related.title': 'Gekoppelde bestanden',
  'related.intro':
    'Bestanden die in dezelfde verzending met het hoofdbestand meegaan, eraan gekoppeld via id-kolommen (bijvoorbeeld bestellingen en producten bij de profielen). Elk heeft eigen kolommen en een eigen bestandsnaam; ze worden allemaal gecontroleerd voordat er een vertrekt, en gaan daarna in deze volgorde na het hoofdbestand.',
  'related.set': 'Gekoppeld bestand “{name}”',
  'related.columns': 'Kolommen van “{name}”',
  'related.columns.hint':
    'In de volgorde van het bestand, gescheiden door komma’s; order_id:reference* wordt gecontroleerd als referentie en is verplicht.',
  'related.fileName': 'Bestandsnaam van “{name}”',
  'related.fileName.hint': 'Bijvoorbeeld orders_{date:YYYYMMDD}.csv.',
  'related.remove': '“{name}” verwijderen',
  'related.new.name': 'Naam van een nieuw gekoppeld bestand',
  'related.new.columns': 'De kolommen ervan',
  'related.add': 'Gekoppeld bestand toevoegen',
  'related.send.title': 'Gekoppelde bestanden',
  'related.send.intro':
    'Deze bestemming krijgt deze bestanden samen met het hoofdbestand: kies ze allemaal. Ze worden allemaal gecontroleerd voordat er een vertrekt; ze gaan na het hoofdbestand, in deze volgorde.',
  'related.send.none': '“{name}”: nog niet gekozen.',
  'related.send.chosen': '“{name}”: {file}',
  'related.send.choose': 'Het bestand “{name}” kiezen…',
  'related.sent.main': 'hoofdbestand',
  'related.sent.delivered': '{set} ({source}): {name} verzonden.',
  'related.sent.delivered-before': '{set} ({source}): {name} was er al (niet opnieuw verzonden).',
  'related.sent.not-delivered': '{set} ({source}): {name} niet verzonden.',
  'related.job.hint':
    'Elke uitvoering verzendt deze bestanden samen met het hoofdbestand, alle of geen.',
} as const satisfies Record<string, Message>;
