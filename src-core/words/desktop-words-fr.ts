import type { Message } from './message';
import type { enDesktopWords } from './desktop-words-en';

/** French words of About, diagnostics, recent files and shortcuts: exactly the English keys. */
export const frDesktopWords: Readonly<Record<keyof typeof enDesktopWords, Message>> = {
  'recent.open': 'Ouvrir {file}',
  'recent.missing': 'Introuvable — déplacé ou supprimé',
  'recent.remove': 'Retirer {file} de la liste',
  'recent.none': 'Les fichiers que vous ouvrez apparaissent ici.',
  'desktop.about': 'À propos de Courier',
  'desktop.aboutTitle': 'À propos de Courier',
  'desktop.version': 'Version',
  'desktop.electron': 'Electron',
  'desktop.chrome': 'Chrome',
  'desktop.node': 'Node.js',
  'desktop.os': 'Système',
  'desktop.notElectron': 'hors d’Electron',
  'desktop.licence':
    'Courier est construit sur Electron, Chromium et des bibliothèques libres, chacun sous sa propre licence (voir les fichiers LICENSES à côté de l’application).',
  'desktop.copyDiagnostics': 'Copier les informations de diagnostic',
  'desktop.copied':
    'Copié. Collez-le dans votre demande d’assistance : il ne contient ni mot de passe, ni nom d’utilisateur, ni serveur.',
  'desktop.diagnosticsShown':
    'Sélectionnez ce texte et copiez-le dans votre demande d’assistance : il ne contient ni mot de passe, ni nom d’utilisateur, ni serveur.',
  'desktop.shortcuts': 'Raccourcis clavier',
  'desktop.shortcutsTitle': 'Raccourcis clavier',
  'desktop.shortcut.open': 'Ouvrir un fichier',
  'desktop.shortcut.destinations': 'Destinations',
  'desktop.shortcut.history': 'Historique',
  'desktop.shortcut.help': 'Cette liste de raccourcis',
  'desktop.shortcut.close': 'Fermer une boîte de dialogue',
};
