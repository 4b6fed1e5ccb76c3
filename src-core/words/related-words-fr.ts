import type { Message } from './message';

/** Mots français des fichiers liés envoyés avec le fichier principal (BlueConic ; partie de fr.ts). */
export const frRelatedWords = {
  'related.title': 'Fichiers liés',
  'related.intro':
    'Des fichiers envoyés avec le fichier principal lors du même envoi, reliés à lui par des colonnes d’identifiant (par exemple les commandes et les produits avec les profils). Chacun a ses colonnes et son nom de fichier ; tous sont vérifiés avant que l’un d’eux parte, puis ils suivent le fichier principal dans cet ordre.',
  'related.set': 'Fichier lié « {name} »',
  'related.columns': 'Colonnes de « {name} »',
  'related.columns.hint':
    'Dans l’ordre du fichier, séparées par des virgules ; order_id:reference* est vérifiée comme une référence et obligatoire.',
  'related.fileName': 'Nom de fichier de « {name} »',
  'related.fileName.hint': 'Par exemple orders_{date:YYYYMMDD}.csv.',
  'related.remove': 'Retirer « {name} »',
  'related.new.name': 'Nom d’un nouveau fichier lié',
  'related.new.columns': 'Ses colonnes',
  'related.add': 'Ajouter le fichier lié',
  'related.send.title': 'Fichiers liés',
  'related.send.intro':
    'Cette destination reçoit ces fichiers avec le fichier principal : choisissez-les. Tous sont vérifiés avant que l’un d’eux parte ; ils suivent le fichier principal, dans cet ordre.',
  'related.send.none': '« {name} » : pas encore choisi.',
  'related.send.chosen': '« {name} » : {file}',
  'related.send.choose': 'Choisir le fichier « {name} »…',
  'related.sent.main': 'fichier principal',
  'related.sent.delivered': '{set} ({source}) : {name} envoyé.',
  'related.sent.delivered-before': '{set} ({source}) : {name} était déjà là (pas renvoyé).',
  'related.sent.not-delivered': '{set} ({source}) : {name} non envoyé.',
  'related.job.hint':
    'Chaque exécution envoie ces fichiers avec le fichier principal, tous ou aucun.',
} as const satisfies Record<string, Message>;
