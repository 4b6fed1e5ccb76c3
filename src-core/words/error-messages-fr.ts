import type { Message } from './message';
import type { enErrorMessages } from './error-messages-en';

/** French error messages: exactly the English keys. */
export const frErrorMessages: Readonly<Record<keyof typeof enErrorMessages, Message>> = {
  'error.auth.key-missing':
    'Le fichier de clé privée « {file} » ne peut pas être lu. Vérifiez qu’il est toujours là, ou choisissez un autre fichier de clé.',
  'error.auth.key-missing.general':
    'Cette destination se connecte avec une clé privée, et aucune n’est définie. Importez ou choisissez la clé dans la destination.',
  'error.auth.key-unreadable':
    'La clé privée n’a pas pu être lue. Vérifiez le fichier de clé et sa phrase secrète.',
  'error.auth.login-failed':
    'Le serveur a refusé la connexion au compte. Vérifiez le nom d’utilisateur et le mot de passe ou la clé.',
  'error.auth.password-missing':
    'Cette destination se connecte avec un mot de passe, et aucun n’est défini. Saisissez le mot de passe dans la destination.',
  'error.cancelled': 'Annulé.',
  'error.connection.lost': 'La connexion a été coupée. Réessayez.',
  'error.connection.no-answer': 'Le serveur n’a pas répondu dans les {seconds} secondes.',
  'error.connection.name-not-found':
    'Le nom du serveur est introuvable. Vérifiez le nom d’hôte ou votre connexion internet.',
  'error.connection.refused':
    'Le serveur a refusé la connexion. Vérifiez le numéro de port, ou demandez au fournisseur si le serveur fonctionne.',
  'error.connection.timeout':
    'Le serveur n’a pas répondu à temps. Un pare-feu bloque peut-être la connexion.',
  'error.connection.tls-failed':
    'La connexion sécurisée (TLS) n’a pas pu être établie. Vérifiez si le serveur utilise le FTPS explicite ou implicite, ainsi que le port.',
  'error.connection.tls-required':
    'Le serveur a refusé les paramètres de connexion sécurisée. Demandez au fournisseur quels paramètres FTPS il attend.',
  'error.connection.unreachable':
    'Le serveur est injoignable depuis ce réseau. Vérifiez votre connexion internet.',
  'error.proxy.unreachable': 'Le proxy {proxy} est injoignable. Vérifiez son adresse et son port.',
  'error.proxy.auth-failed':
    'Proxy refusé : {detail}. Vérifiez l’utilisateur et le mot de passe du proxy de cette destination ({proxy}).',
  'error.proxy.refused':
    'Le proxy {proxy} a refusé de se connecter à {server}. Demandez à votre administrateur réseau s’il laisse passer les connexions vers ce serveur et ce port.',
  'error.proxy.password-missing':
    'Le proxy de cette destination se connecte en tant que {user}, et aucun mot de passe de proxy n’est enregistré. Saisissez-le dans la destination.',
  'error.proxy.timeout': 'Le proxy {proxy} n’a pas répondu à temps.',
  'error.destination.dummy-data-invalid':
    'Courier n’a pas pu inventer des valeurs que « {name} » accepte. Vérifiez les règles et valeurs fixes de ses colonnes.',
  'error.destination.exists':
    'Une destination nommée « {name} » existe déjà. Choisissez un autre nom.',
  'error.destination.header-delimiter':
    'Un nom de colonne de cette destination contient le séparateur, que ce format de fichier ne peut pas contenir. Renommez la colonne dans la destination.',
  'error.destination.header-unencodable':
    'Un nom de colonne de cette destination contient un caractère que son encodage de fichier ne peut pas écrire. Renommez la colonne ou changez l’encodage.',
  'error.destination.folder-invalid':
    'Le dossier distant ne peut pas contenir de caractères invisibles comme un retour à la ligne ou une tabulation. Saisissez-le à nouveau.',
  'error.destination.host-invalid':
    'Le nom du serveur (hôte) ne peut pas contenir d’espaces ni de caractères invisibles comme un retour à la ligne ou une tabulation. Saisissez-le à nouveau.',
  'error.destination.field-empty': 'Ce champ ne peut pas être vide.',
  'error.destination.field-invalid':
    'Cette valeur n’est pas valable ici. Vérifiez-la par rapport à ce que la plateforme a demandé.',
  'error.destination.column-twice':
    'La colonne « {column} » apparaît deux fois. Donnez à chaque colonne son propre nom.',
  'error.destination.not-a-column': '« {column} » n’est pas une colonne de cette destination.',
  'error.destination.variable-missing':
    'Le nom du fichier a besoin d’une valeur pour « {variable} ». Saisissez-la avant d’enregistrer.',
  'error.destination.invalid':
    'Cette destination n’est pas valide. Vérifiez ses réglages et enregistrez-la à nouveau.',
  'error.destination.not-configured':
    'La destination « {name} » n’a pas encore de réglages de connexion complets. Indiquez d’abord son serveur, l’utilisateur et le mot de passe ou la clé.',
  'error.destination.not-found':
    'Il n’y a pas de destination nommée « {name} ». Choisissez-en une dans la liste.',
  'error.destination.not-found.general':
    'Cette destination n’existe plus. Choisissez-en une dans la liste.',
  'error.destination.sample-empty':
    'Ce fichier d’exemple n’a pas de noms de colonnes dans sa première ligne. Choisissez l’exemple du fournisseur avec son en-tête.',
  'error.destination.setting-invalid':
    'Le réglage « {setting} » ne peut pas valoir « {value} » : il doit être {values}.',
  'error.destination.setting-unknown': 'Il n’y a pas de réglage « {setting} ».',
  'error.destination.user-invalid':
    'Le nom d’utilisateur ne peut pas contenir de caractères invisibles comme un retour à la ligne ou une tabulation. Saisissez-le à nouveau.',
  'error.destination.unreadable':
    'Le fichier de destination « {file} » ne peut pas être lu. Vérifiez ses autorisations.',
  'error.files.in-use':
    '« {file} » est ouvert dans un autre programme, ou ne peut pas être remplacé. Fermez-le, ou choisissez un autre nom.',
  'error.files.source-gone':
    'Les lignes laissées de côté par cet envoi ne sont plus conservées : il n’y a rien à copier.',
  'error.files.not-chosen':
    'Courier n’ouvre que les fichiers que vous choisissez ou déposez sur sa fenêtre, et « {file} » n’en fait pas partie. Choisissez-le à nouveau.',
  'error.files.disk-full':
    'Le disque qui contient « {folder} » est plein. Libérez de la place ou choisissez un autre emplacement.',
  'error.files.folder-missing':
    'Le dossier « {folder} » n’existe plus. Choisissez un autre emplacement.',
  'error.files.no-free-name':
    'Courier n’a trouvé aucun nom libre pour « {file} » dans « {folder} ». Choisissez un autre dossier.',
  'error.files.not-found':
    'Courier ne trouve plus « {file} ». Il a peut-être été déplacé ou supprimé.',
  'error.files.pick-unavailable':
    'Courier ne peut pas afficher de sélecteur de fichier ici. Faites plutôt glisser le fichier sur la fenêtre.',
  'error.files.save-denied':
    'Courier n’a pas le droit d’écrire dans « {folder} ». Choisissez un autre dossier.',
  'error.fix.unknown-column':
    'Une correction porte sur une colonne que cette destination n’a pas. Vérifiez les corrections, puis réessayez.',
  'error.ftps.session-reuse-failed':
    'Le serveur exige la réutilisation de la session TLS sur les connexions de données et a refusé celle de Courier. Testez la connexion : Courier essaiera TLS 1.2.',
  'error.input.dummy-rows': 'Le nombre de lignes fictives doit être un nombre entier de 1 à {max}.',
  'error.input.stdin-empty':
    'Aucun mot de passe ni phrase secrète n’est arrivé sur l’entrée standard. Transmettez-les par un tube, une ligne par secret.',
  'error.input.stdin-too-large':
    'L’entrée standard est trop volumineuse pour contenir un mot de passe ou une phrase secrète.',
  'error.internal.unexpected':
    'Un problème inattendu est survenu. Réessayez ; si cela se reproduit, prévenez votre collègue informaticien.',
  'error.ipc.invalid-request':
    'La fenêtre de Courier a envoyé une demande incompréhensible (« {channel} »). Redémarrez Courier et réessayez.',
  'error.ipc.unknown-channel':
    'Courier ne connaît pas la demande « {channel} ». Redémarrez Courier et réessayez.',
  'error.ipc.untrusted-sender':
    'Cette demande ne provient pas d’une fenêtre de Courier et a été refusée.',
  'error.jobs.already-running': 'Cette tâche est déjà en cours. Attendez qu’elle se termine.',
  'error.jobs.serve-running':
    'Courier exécute déjà les tâches planifiées de ce dossier de réglages (« courier jobs serve »). Un seul à la fois : arrêtez d’abord celui-là.',
  'error.jobs.folder-missing':
    'Le dossier surveillé « {folder} » n’existe pas (ou plus). Vérifiez le dossier source de la tâche.',
  'error.jobs.folder-unreadable':
    'Courier n’a pas le droit de lire le dossier surveillé « {folder} ». Vérifiez ses autorisations.',
  'error.jobs.invalid':
    'Cette tâche n’est pas complète. Vérifiez chaque champ, puis enregistrez-la à nouveau.',
  'error.jobs.invalid-mapping':
    'Le fichier de correspondance de cette tâche n’est pas valide. Enregistrez à nouveau la correspondance depuis l’application.',
  'error.jobs.invalid-pattern':
    'Le modèle de nom de fichier « {pattern} » contient une « { » non fermée. Fermez-la avec « } ».',
  'error.jobs.name-taken': 'Une tâche nommée « {name} » existe déjà. Choisissez un autre nom.',
  'error.jobs.not-found': 'Il n’y a pas de tâche nommée « {name} ».',
  'error.jobs.not-found.general': 'Cette tâche n’existe plus.',
  'error.jobs.nothing-new-for-days':
    'Rien de nouveau n’est arrivé pour la tâche « {job} » en {days} jours (depuis le {day}). Vérifiez que l’export qu’elle attend est toujours produit.',
  'error.jobs.source-missing':
    'Le fichier que cette tâche envoie n’est pas là. Vérifiez la source de la tâche.',
  'error.jobs.unreadable':
    'Les tâches enregistrées dans « {file} » ne peuvent pas être lues. Demandez à votre collègue informaticien de vérifier le fichier.',
  'error.keys.exists':
    '« {name} » a déjà une clé privée dans le trousseau. Choisissez un autre nom, ou remplacez-la volontairement.',
  'error.keys.generate-failed': 'Courier n’a pas pu créer de paire de clés. Réessayez.',
  'error.keys.no-file':
    'Il n’y a pas de fichier de clé à l’emplacement « {file} ». Choisissez à nouveau le fichier de clé privée.',
  'error.keys.no-file.general': 'Choisissez un fichier de clé privée ou collez le texte de la clé.',
  'error.keys.none':
    'Il n’y a pas de clé privée nommée « {name} » dans le trousseau. Créez-en une ou importez-en une.',
  'error.keys.not-private':
    'Ceci est une clé publique. Courier a besoin de la clé privée (en général le même nom de fichier sans « .pub »).',
  'error.keys.passphrase-needed':
    'Cette clé privée est protégée par une phrase secrète. Indiquez aussi sa phrase secrète.',
  'error.keys.unreadable':
    'Ce n’est pas une clé privée que Courier sait lire. Utilisez un fichier de clé privée OpenSSH ou PEM (celui sans « .pub »).',
  'error.keys.wrong-passphrase':
    'Cette phrase secrète n’ouvre pas la clé privée. Vérifiez-la et réessayez.',
  'error.mapping.invalid':
    'Le fichier de correspondance « {file} » n’est pas valide. Enregistrez à nouveau la correspondance depuis l’application.',
  'error.mapping.not-found':
    'Il n’y a pas de fichier de correspondance à l’emplacement « {file} ».',
  'error.mapping.unknown-column':
    'La correspondance enregistrée utilise une colonne que ce fichier n’a pas. Vérifiez les colonnes, puis réessayez.',
  'error.mapping.unknown-target':
    'La correspondance enregistrée cite une colonne que cette destination n’a pas. Vérifiez les colonnes, puis réessayez.',
  'error.output.file-too-large':
    'Le fichier « {file} » est plus grand que ce que {destination} accepte par fichier. Réduisez le nombre de lignes par fichier pour que chaque fichier soit plus petit.',
  'error.read.bad-window': 'Les lignes {start} à {end} ne forment pas une plage valide.',
  'error.read.changed':
    '« {file} » a été modifié pendant que Courier le lisait. Ouvrez-le à nouveau.',
  'error.read.disk-full':
    'Il n’y a pas assez d’espace disque pour lire « {file} » (le dossier temporaire « {folder} » est plein). Libérez de la place et réessayez.',
  'error.read.empty-file': '« {file} » est vide.',
  'error.read.header-row-out-of-range':
    'La ligne d’en-tête {row} n’existe pas dans « {file} ». Choisissez une ligne qui contient les noms des colonnes.',
  'error.read.line-too-long':
    '« {file} » contient une ligne bien trop longue pour une ligne de contacts. Ce n’est peut-être pas un vrai export, ou un guillemet n’est jamais fermé.',
  'error.read.no-data': '« {file} » a un en-tête mais aucune ligne.',
  'error.read.not-a-file':
    '« {file} » est un dossier, pas un fichier. Choisissez le fichier d’export qu’il contient.',
  'error.read.not-found':
    'Courier ne trouve pas « {file} ». Il a peut-être été déplacé ou supprimé.',
  'error.read.not-open': 'Ce fichier n’est plus ouvert. Ouvrez-le à nouveau.',
  'error.read.not-text':
    '« {file} » n’est pas un tableau que Courier sait lire. Exportez-le à nouveau en CSV ou en Excel.',
  'error.read.permission-denied':
    'Courier n’a pas le droit de lire « {file} ». Demandez l’accès à votre collègue informaticien, ou copiez d’abord le fichier ailleurs.',
  'error.read.sheet-empty':
    'Toutes les feuilles de « {file} » sont vides : il n’y a aucune donnée à lire.',
  'error.read.sheet-not-found': '« {file} » n’a pas de feuille nommée « {sheet} ».',
  'error.read.sheet-not-found.general':
    '« {file} » n’a pas la feuille choisie. Choisissez une autre feuille.',
  'error.read.too-large': '« {file} » est trop volumineux pour Courier.',
  'error.read.too-many-columns':
    '« {file} » a {columns} colonnes ; Courier en lit au plus {max}. Vérifiez le séparateur, ou supprimez les colonnes inutiles.',
  'error.read.too-many-columns.general':
    '« {file} » a trop de colonnes ; Courier en lit au plus {max}. Vérifiez le séparateur, ou supprimez les colonnes inutiles.',
  'error.read.too-slow':
    'La lecture de « {file} » a pris trop de temps et a été arrêtée. Le fichier est peut-être endommagé, ou bien plus grand qu’un export de contacts.',
  'error.read.unclosed-quote':
    'Dans « {file} », un guillemet (") de la ligne {line} n’est jamais fermé : tout ce qui le suit serait lu comme une seule valeur. Fermez ou supprimez ce guillemet, ou exportez à nouveau le fichier.',
  'error.read.workbook-corrupt':
    '« {file} » ressemble à un classeur Excel, mais il est endommagé. Ouvrez-le dans Excel et enregistrez-le à nouveau, ou exportez-le en CSV.',
  'error.read.workbook-encrypted':
    '« {file} » est protégé par un mot de passe. Enregistrez une copie sans mot de passe et réessayez.',
  'error.read.zip-bomb':
    'Le fichier zip « {file} » se décompresse en une taille déraisonnable et n’a pas été ouvert.',
  'error.read.zip-corrupt': 'Le fichier zip « {file} » est endommagé et ne peut pas être ouvert.',
  'error.read.zip-empty': 'Le fichier zip « {file} » ne contient aucun fichier à lire.',
  'error.read.zip-encrypted':
    'Le fichier zip « {file} » est protégé par un mot de passe. Décompressez-le vous-même et choisissez le fichier qu’il contient.',
  'error.read.zip-several-files':
    'Le zip « {file} » contient plusieurs fichiers. N’y mettez qu’un seul export.',
  'error.read.zip-unsupported':
    'Le fichier zip « {file} » contient un fichier qui n’est ni CSV, ni TSV, ni TXT, ni XLS, ni XLSX. Décompressez-le et choisissez l’export.',
  'error.reports.damaged':
    'Le rapport « {file} » est arrivé abîmé (ce n’est pas un zip complet). Il n’a pas été gardé ; réessayez plus tard.',
  'error.reports.ledger-damaged':
    'La liste des rapports téléchargés ({file}) est illisible. Déplacez-la pour en commencer une nouvelle.',
  'error.reports.none': 'Digitaleo ne garde aucun rapport pour {name} sur son serveur.',
  'error.reports.not-digitaleo':
    '{name} n’est pas une destination Digitaleo : seul Digitaleo garde des rapports à télécharger.',
  'error.refused.not-refused':
    'La plateforme n’a pas refusé le fichier de cet envoi : il n’y a pas de fichier refusé à télécharger.',
  'error.refused.gone':
    'Digitaleo ne garde plus le fichier refusé de cet envoi dans son dossier ko ({folder}) pour {name}.',
  'error.refused.damaged':
    'Le fichier refusé « {file} » est arrivé incomplet. Rien n’a été gardé ; réessayez.',
  'error.history.run-not-found':
    'Il n’y a pas d’exécution « {id} » dans l’historique (elle est peut-être plus ancienne que ce que l’historique garde).',
  'error.receipt.bad-day': 'Une date s’écrit AAAA-MM-JJ (reçu : « {day} »).',
  'error.receipt.no-reports':
    'Digitaleo n’a pas de rapports pour le {day} (ils sont conservés sept jours).',
  'error.schedule.invalid-time': 'Cette heure n’est pas valide. Écrivez-la comme 07:30.',
  'error.schedule.missing-time':
    'Indiquez à quelle heure la tâche doit s’exécuter, par exemple « chaque jour ouvrable à 07:30 ».',
  'error.schedule.not-understood':
    'Courier ne comprend pas cette planification. Écrivez-la comme « chaque jour ouvrable à 07:30 ».',
  'error.schedule.out-of-range':
    'Un nombre de cette planification est hors limites. Vérifiez les jours et les heures.',
  'error.schedule.unknown-time-zone':
    'Courier ne connaît pas ce fuseau horaire. Choisissez-en un dans la liste.',
  'error.secrets.agent-missing':
    'Aucun agent SSH n’est joignable (SSH_AUTH_SOCK n’est pas défini ou ne mène nulle part). Démarrez ssh-agent et ajoutez la clé avec ssh-add.',
  'error.secrets.command-failed':
    'La commande de mot de passe {program} n’a pas donné de mot de passe. Lancez-la vous-même pour voir pourquoi, puis réessayez.',
  'error.secrets.command-timed-out':
    'La commande de mot de passe {program} n’a pas fini en {seconds} secondes. Vérifiez qu’elle n’attend pas de réponse.',
  'error.secrets.credential-missing':
    'L’identifiant systemd « {name} » ne peut pas être lu. Vérifiez la ligne LoadCredential= ou LoadCredentialEncrypted= du service.',
  'error.secrets.key-file-open':
    'Le fichier de clé privée {file} peut être lu par d’autres personnes sur cet ordinateur : Courier refuse de l’utiliser (comme OpenSSH). Rendez-le lisible par vous seul (chmod 600).',
  'error.secrets.variable-missing':
    'La variable d’environnement {variable} qui contient le secret de cette destination n’est pas définie.',
  'error.secrets.keep-not-confirmed':
    'Le mot de passe enregistré de « {name} » n’a pas été confié à {server}. Saisissez le mot de passe du nouveau serveur.',
  'error.secrets.locked':
    'Le trousseau de votre ordinateur est verrouillé. Déverrouillez-le (il vous demande peut-être votre mot de passe), puis réessayez.',
  'error.secrets.name-taken':
    'Le trousseau contient déjà des secrets pour « {name} ». Supprimez d’abord cette destination, ou choisissez un autre nom.',
  'error.secrets.no-name':
    'Un mot de passe ou une clé a besoin du nom de la destination à laquelle il appartient. Nommez d’abord la destination.',
  'error.secrets.other-server':
    'Le mot de passe enregistré de « {name} » a été saisi pour un autre serveur. Courier ne l’envoie pas à {server} : saisissez le mot de passe de ce serveur.',
  'error.secrets.refused':
    'Le trousseau de votre ordinateur a refusé la demande. Vérifiez que Courier a le droit de l’utiliser, puis réessayez.',
  'error.secrets.timeout':
    'Le trousseau de votre ordinateur n’a pas répondu. S’il vous demande votre mot de passe, répondez-y, puis réessayez.',
  'error.secrets.unavailable':
    'Courier ne parvient pas à joindre le trousseau de votre ordinateur, il ne peut donc ni enregistrer ni lire de mots de passe. Demandez à votre collègue informaticien de le vérifier. Courier ne garde jamais de mots de passe dans un fichier.',
  // Fichiers liés envoyés avec le fichier principal, tous ou aucun (profils, commandes, produits BlueConic).
  'error.related.file-needed':
    '{destination} reçoit son fichier « {set} » avec le fichier principal : indiquez-le (--related {set}=FICHIER). Rien n’a été envoyé.',
  'error.related.not-set-up':
    '{destination} n’a pas de fichier lié nommé « {set} ». Configurez-le d’abord dans les réglages de la destination.',
  'error.related.option-invalid':
    '« {value} » n’est pas de la forme NOM=FICHIER (par exemple orders=orders.csv).',
  'error.related.held':
    'Le fichier {set} « {file} » ne peut pas être envoyé tel quel ; aucun des fichiers n’a donc été envoyé. Vérifiez-le, corrigez-le, puis renvoyez.',
  // Enregistrements d’appels envoyés avec les fiches (EvaluAgent).
  'error.recordings.folder-needed':
    '{destination} reçoit les enregistrements d’appels avec les fiches : choisissez le dossier où se trouvent les enregistrements.',
  'error.recordings.not-set-up':
    '{destination} n’est pas configurée pour recevoir des enregistrements : choisissez d’abord dans ses réglages la colonne qui les nomme.',
  'error.recordings.folder-unreadable':
    'Courier ne peut pas ouvrir le dossier d’enregistrements « {folder} ». Vérifiez qu’il existe et que vous pouvez le lire.',
  'error.recordings.not-all-there': {
    one: '{count} ligne nomme un enregistrement qui n’est pas encore dans le dossier. Le fichier partira avec ses enregistrements quand ils seront tous là.',
    other:
      '{count} lignes nomment des enregistrements qui ne sont pas encore dans le dossier. Le fichier partira avec ses enregistrements quand ils seront tous là.',
  },
  'error.recordings.still-arriving': {
    one: '{count} enregistrement est encore en cours d’écriture. Le fichier partira avec ses enregistrements quand ils seront complets.',
    other:
      '{count} enregistrements sont encore en cours d’écriture. Le fichier partira avec ses enregistrements quand ils seront complets.',
  },
  'error.recordings.same-name':
    'Deux enregistrements s’appellent « {file} » et arriveraient dans le même dossier distant. Renommez l’un des deux.',
  'error.recordings.column-missing':
    '{destination} nomme l’enregistrement de chaque ligne dans « {column} », une colonne que ce fichier n’envoie pas. Choisissez la colonne correspondante, ou changez le réglage des enregistrements.',
  'error.send.busy': 'Un fichier est déjà en cours d’envoi. Attendez la fin, ou annulez-le.',
  'error.send.header-changed':
    'Les colonnes de cet export ont changé depuis l’enregistrement de la correspondance ({columns}). Vérifiez la correspondance, puis envoyez à nouveau.',
  'error.send.header-changed.general':
    'Les colonnes de cet export ont changé depuis l’enregistrement de la correspondance. Vérifiez la correspondance, puis envoyez à nouveau.',
  'error.send.nothing-to-send': 'Il ne reste aucune ligne à envoyer.',
  'error.send.rows-have-errors': {
    one: '{count} ligne a un problème que la destination refuserait. Corrigez-la, ou choisissez de laisser de côté les lignes non valides.',
    other:
      '{count} lignes ont des problèmes que la destination refuserait. Corrigez-les, ou choisissez de laisser de côté les lignes non valides.',
  },
  'error.send.rows-have-errors.general':
    'Des lignes ont des problèmes que la destination refuserait. Corrigez-les, ou choisissez de laisser de côté les lignes non valides.',
  // Fichiers de réglages illisibles ou impossibles à écrire (gardés, jamais écrasés).
  'error.settings.read-only':
    'Courier ne peut pas écrire dans son dossier de réglages « {folder} » (il est en lecture seule ou verrouillé). Rien n’a été enregistré. Rendez le dossier modifiable, ou choisissez-en un autre.',
  'error.settings.disk-full':
    'Le disque du dossier de réglages de Courier « {folder} » est plein. Rien n’a été enregistré. Libérez de la place, puis réessayez.',
  'error.settings.not-a-folder':
    'Le dossier de réglages de Courier « {folder} » n’est pas un dossier (un fichier est à sa place). Rien n’a été enregistré. Déplacez ce fichier, ou choisissez un autre dossier.',
  'error.settings.unreadable':
    'Courier ne peut pas lire son fichier de réglages « {file} » : autre chose est à sa place, ou Courier n’a pas le droit de l’ouvrir. Demandez à votre collègue informaticien de vérifier le fichier.',
  'error.settings.damaged':
    'Courier n’a pas pu lire son fichier de réglages « {file} ». Il l’a gardé tel quel sous le nom « {kept} » et en a enregistré un nouveau ; vérifiez vos réglages.',
  'error.transfer.ledger-unreadable':
    'Courier ne peut pas lire la ligne {line} de son registre des fichiers déjà envoyés (« {file} ») : il ne peut donc pas savoir si ce fichier a déjà été envoyé à {destination}. Rien n’a été envoyé. Demandez à votre collègue informaticien de réparer ou de supprimer cette ligne.',
  'error.transfer.ledger-unreadable.general':
    'Courier ne peut pas lire son registre des fichiers déjà envoyés (« {file} ») : il ne peut donc pas savoir si ce fichier a déjà été envoyé à {destination}. Rien n’a été envoyé. Demandez à votre collègue informaticien de vérifier le fichier.',
  'error.queue.damaged':
    'La file d’envoi de Courier n’a pas pu être lue. Courier l’a gardée telle quelle sous le nom « {kept} » et a commencé une nouvelle file : les envois qu’elle contenait ne sont pas repris. Renvoyez ces fichiers, ou demandez à votre collègue informaticien d’examiner le fichier gardé.',
  'error.queue.unreadable':
    'La file d’envoi de Courier (« {file} ») ne peut pas être lue : les envois qu’elle contient ne sont ni affichés ni repris. Demandez à votre collègue informaticien de l’examiner.',
  'error.queue.items-unreadable': {
    one: '{count} envoi de la file d’envoi de Courier ne peut pas être lu. Courier le laisse tel quel dans le fichier et envoie les autres.',
    other:
      '{count} envois de la file d’envoi de Courier ne peuvent pas être lus. Courier les laisse tels quels dans le fichier et envoie les autres.',
  },
  'error.jobs.state-unreadable':
    'Courier ne peut pas lire ce qu’il a retenu des tâches planifiées (« {file} »). Par prudence, toutes les tâches planifiées sont en pause jusqu’à ce que vous les repreniez. Le fichier est gardé tel quel.',
  'error.history.lines-kept': {
    one: '{count} ligne de l’historique n’a pas pu être lue (écrite par une version plus récente de Courier, ou abîmée). Courier l’a gardée telle quelle en supprimant les anciens envois.',
    other:
      '{count} lignes de l’historique n’ont pas pu être lues (écrites par une version plus récente de Courier, ou abîmées). Courier les a gardées telles quelles en supprimant les anciens envois.',
  },
  'error.mapping.damaged':
    'Les correspondances retenues pour {destination} n’ont pas pu être lues. Courier a gardé le fichier sous le nom « {kept} » et en commence un nouveau avec cette correspondance.',
  'error.settings.busy':
    'Une autre fenêtre ou commande de Courier utilise les réglages depuis trop longtemps. Réessayez dans un instant ; si cela se reproduit, fermez les autres fenêtres et commandes de Courier.',
  'error.sftp.subsystem-missing':
    'Le serveur a accepté la connexion au compte mais n’offre pas le SFTP pour ce compte. Demandez au fournisseur d’activer le SFTP.',
  'error.transfer.already-queued':
    'Ce fichier est en cours d’envoi vers cette destination. Courier n’envoie pas deux fois le même fichier : attendez la fin de cet envoi.',
  'error.transfer.already-sent':
    'Ce fichier a déjà été envoyé à {destination} le {day} sous le nom « {file} ». Renvoyez-le uniquement si c’est voulu (il recevra un nouveau nom).',
  'error.transfer.already-sent.general':
    'Ce fichier a déjà été envoyé à cette destination. Renvoyez-le uniquement si c’est voulu (il recevra un nouveau nom).',
  'error.transfer.failed':
    'Le transfert a échoué. Réessayez ; s’il échoue encore, testez la connexion de la destination.',
  'error.transfer.folder-missing':
    'Le dossier « {path} » n’existe pas sur le serveur. Vérifiez le dossier de la destination.',
  'error.transfer.folder-not-writable':
    'Le serveur ne permet pas à ce compte d’écrire dans le dossier « {path} ». Vérifiez le dossier, ou demandez au fournisseur un accès en écriture.',
  'error.transfer.resume-refused':
    'Le serveur ne permet pas de reprendre un envoi là où il s’est arrêté ; il doit recommencer depuis le début.',
  'error.transfer.local-file-changed':
    'Le fichier a changé pendant son envoi. Préparez-le à nouveau et renvoyez-le.',
  'error.transfer.local-file-missing':
    'Le fichier à envoyer, « {file} », ne peut pas être lu. Préparez-le à nouveau et renvoyez-le.',
  'error.transfer.name-taken':
    'Un fichier nommé « {file} » se trouve déjà dans le dossier. Courier ne l’écrase pas ; envoyez sous un nouveau nom.',
  'error.transfer.not-found':
    '« {path} » n’est pas sur le serveur ou ne peut pas être lu. Vérifiez le dossier de la destination.',
  'error.transfer.not-readable':
    'Ce compte n’a pas le droit de lire « {path} ». Demandez au fournisseur l’accès au dossier.',
  'error.transfer.plain-ftp-refused':
    'Cette destination utilise le FTP simple, qui envoie le mot de passe et le fichier sans chiffrement. Courier le refuse, sauf si la destination est réglée pour autoriser le FTP simple.',
  'error.transfer.rename-refused':
    'Le serveur a refusé de renommer le fichier envoyé en « {path} ». Un fichier de ce nom s’y trouve peut-être déjà.',
  'error.transfer.verify-failed':
    'La copie de « {file} » sur le serveur n’est pas identique au fichier envoyé. Envoyez-le à nouveau.',
  'error.trust.certificate-changed':
    'Le certificat du serveur n’est pas celui que vous avez confirmé (c’est maintenant {fingerprint}). N’envoyez rien avant que le fournisseur confirme l’avoir changé.',
  'error.trust.host-key-changed':
    'La clé d’hôte du serveur a changé (c’est maintenant {fingerprint}). Quelqu’un intercepte peut-être la connexion : n’envoyez rien avant que le fournisseur confirme la nouvelle clé.',
  'error.trust.unknown-certificate':
    'Le certificat du serveur n’est pas signé par une autorité reconnue par cet ordinateur. Si le fournisseur confirme que son empreinte est {fingerprint}, confirmez-la dans Courier pour faire confiance à ce serveur.',
  'error.trust.unknown-host-key':
    'Ce serveur n’est pas encore connu. L’empreinte de sa clé d’hôte est {fingerprint}. Si le fournisseur la confirme, confirmez-la dans Courier pour faire confiance à ce serveur.',
  'error.upload.nothing-queued': 'Rien de cet envoi n’attend d’être envoyé.',
  'error.worker.failed':
    'Une tâche en arrière-plan a échoué. Réessayez ; si cela se reproduit, redémarrez Courier.',
  'error.worker.out-of-memory':
    'Ce fichier demande plus de mémoire que Courier n’en accorde à sa lecture. Enregistrez-le en CSV et réessayez.',
  'error.worker.timeout': 'Cela a pris trop de temps et a été arrêté. Réessayez.',
  'error.xml-sample.encoding':
    'L’exemple est écrit en {encoding}, un encodage que Courier n’écrit pas. Demandez l’exemple en UTF-8 à la plateforme.',
  'error.xml-sample.mixed-content':
    'L’exemple mélange du texte et des éléments dans « {element} ». Courier suit un exemple dont les enregistrements ne contiennent que des champs.',
  'error.xml-sample.nested-group':
    'L’exemple contient un groupe dans ses enregistrements (« {element} »). Courier suit des enregistrements dont chaque champ apparaît une fois et ne contient que du texte.',
  'error.xml-sample.no-records':
    'L’exemple n’a pas d’enregistrement répété dans « {element} ». Demandez un exemple avec au moins un enregistrement.',
  'error.xml-sample.unreadable':
    'L’exemple n’est pas un XML que Courier sait lire. Vérifiez que c’est bien le fichier d’exemple de la plateforme.',
};
