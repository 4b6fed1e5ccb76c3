import type { Message } from './message';
import type { enPresetNotes } from './preset-notes-en';

/** Dutch notes of the destination presets: exactly the English keys. */
export const nlPresetNotes: Readonly<Record<keyof typeof enPresetNotes, Message>> = {
  'preset.hello-customer.notes':
    'Alleen FTPS (expliciet op poort 21 of impliciet op 990; passieve poorten 50000-50003). Verbind via de hostnaam (import.hellocustomer.com), nooit via het IP-adres. Eén map per contactpunt, die Hello Customer je geeft. Stuur eerst een bestand met testgegevens.',
  'preset.customergauge.notes':
    'Laad het voorbeeldbestand van CustomerGauge (Import Data): de kolommen moeten precies die van dat bestand zijn, in dezelfde volgorde.',
  'preset.digitaleo.notes':
    'Bestanden gaan naar contacts/<action>/in; Digitaleo verplaatst ze naar on, daarna naar ok of ko.',
  'preset.blueconic.notes':
    'BlueConic leest deze map volgens een schema; stel het bestandspatroon in op profiles_*.csv en zet „Add .done suffix” aan om een ontvangstbevestiging te krijgen.',
  'preset.evaluagent.notes':
    'Aanmelden met een SSH-sleutel. Laad het voorbeeldbestand dat met EvaluAgent is afgesproken: elke upload moet dezelfde kolommen in dezelfde volgorde gebruiken.',
};
