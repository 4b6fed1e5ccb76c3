import type { Message } from './message';
import type { enPresetNotes } from './preset-notes-en';

/** French notes of the destination presets: exactly the English keys. */
export const frPresetNotes: Readonly<Record<keyof typeof enPresetNotes, Message>> = {
  'preset.hello-customer.notes':
    'FTPS uniquement (explicite sur le port 21 ou implicite sur le 990 ; ports passifs 50000-50003). Connectez-vous par le nom d’hôte (import.hellocustomer.com), jamais par l’adresse IP. Un dossier par point de contact, fourni par Hello Customer. Envoyez d’abord un fichier avec des données fictives.',
  'preset.customergauge.notes':
    'Chargez le fichier d’exemple de CustomerGauge (Import Data) : les colonnes doivent être exactement les siennes, dans le même ordre.',
  'preset.digitaleo.notes':
    'Les fichiers vont dans contacts/<action>/in ; Digitaleo les déplace dans on, puis dans ok ou ko.',
  'preset.blueconic.notes':
    'BlueConic lit ce dossier à intervalles réguliers ; réglez son modèle de nom de fichier sur profiles_*.csv et activez « Add .done suffix » pour recevoir un accusé de réception.',
  'preset.evaluagent.notes':
    'Connexion par clé SSH. Chargez le fichier d’exemple convenu avec EvaluAgent : chaque envoi doit utiliser les mêmes colonnes, dans le même ordre.',
};
