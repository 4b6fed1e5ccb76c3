import type { Message } from './message';
import type { enDesktopWords } from './desktop-words-en';

/** Dutch words of About, diagnostics, recent files and shortcuts: exactly the English keys. */
export const nlDesktopWords: Readonly<Record<keyof typeof enDesktopWords, Message>> = {
  'recent.open': '{file} openen',
  'recent.missing': 'Niet gevonden — verplaatst of verwijderd',
  'recent.remove': '{file} uit de lijst verwijderen',
  'recent.none': 'Bestanden die u opent, verschijnen hier.',
  'desktop.about': 'Over Courier',
  'desktop.aboutTitle': 'Over Courier',
  'desktop.version': 'Versie',
  'desktop.electron': 'Electron',
  'desktop.chrome': 'Chrome',
  'desktop.node': 'Node.js',
  'desktop.os': 'Systeem',
  'desktop.notElectron': 'niet in Electron',
  'desktop.licence':
    'Courier is gebouwd op Electron, Chromium en opensourcebibliotheken, elk onder een eigen licentie (zie de LICENSES-bestanden naast de app).',
  'desktop.copyDiagnostics': 'Diagnostische gegevens kopiëren',
  'desktop.copied':
    'Gekopieerd. Plak het in uw supportaanvraag: het bevat geen wachtwoord, gebruikersnaam of server.',
  'desktop.diagnosticsShown':
    'Selecteer deze tekst en kopieer hem in uw supportaanvraag: hij bevat geen wachtwoord, gebruikersnaam of server.',
  'desktop.shortcuts': 'Sneltoetsen',
  'desktop.shortcutsTitle': 'Sneltoetsen',
  'desktop.shortcut.open': 'Een bestand openen',
  'desktop.shortcut.destinations': 'Bestemmingen',
  'desktop.shortcut.history': 'Geschiedenis',
  'desktop.shortcut.help': 'Deze lijst met sneltoetsen',
  'desktop.shortcut.close': 'Een dialoogvenster sluiten',
};
