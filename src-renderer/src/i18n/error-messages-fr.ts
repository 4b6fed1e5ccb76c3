import type { Message } from './en';
import type { enErrorMessages } from './error-messages-en';

/** French error messages: exactly the English keys. */
export const frErrorMessages: Readonly<Record<keyof typeof enErrorMessages, Message>> = {
  'error.read.not-found':
    'Courier ne trouve pas « {file} ». Il a peut-être été déplacé ou supprimé.',
  'error.read.permission-denied':
    'Courier n’a pas le droit de lire « {file} ». Demandez l’accès à votre collègue informaticien, ou copiez d’abord le fichier ailleurs.',
  'error.read.empty-file': '« {file} » est vide.',
  'error.read.not-text':
    '« {file} » n’est pas un tableau que Courier sait lire. Exportez-le à nouveau en CSV ou en Excel.',
  'error.read.no-data': '« {file} » a un en-tête mais aucune ligne.',
  'error.read.too-large': '« {file} » est trop volumineux pour Courier.',
  'error.read.workbook-encrypted':
    '« {file} » est protégé par un mot de passe. Enregistrez une copie sans mot de passe et réessayez.',
  'error.read.zip-several-files':
    'Le zip « {file} » contient plusieurs fichiers. N’y mettez qu’un seul export.',
  'error.connection.refused':
    'Le serveur a refusé la connexion. Vérifiez le numéro de port, ou demandez au fournisseur si le serveur fonctionne.',
  'error.connection.timeout':
    'Le serveur n’a pas répondu à temps. Un pare-feu bloque peut-être la connexion.',
  'error.connection.name-not-found':
    'Le nom du serveur est introuvable. Vérifiez le nom d’hôte ou votre connexion internet.',
  'error.connection.lost': 'La connexion a été coupée. Réessayez.',
  'error.auth.login-failed':
    'Le serveur a refusé la connexion au compte. Vérifiez le nom d’utilisateur et le mot de passe ou la clé.',
  'error.send.busy': 'Un fichier est déjà en cours d’envoi. Attendez la fin, ou annulez-le.',
};
