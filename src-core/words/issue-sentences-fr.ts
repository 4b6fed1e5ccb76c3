import type { Message } from './message';
import type { enIssueSentences } from './issue-sentences-en';

/** French issue sentences: exactly the English keys. */
export const frIssueSentences: Readonly<Record<keyof typeof enIssueSentences, Message>> = {
  'sentence.required.missing':
    'Ligne {line} : {column} est vide, alors que {destination} en a besoin dans chaque ligne.',
  'sentence.mapping.required-unmapped':
    'Aucune colonne du fichier n’est choisie pour « {column} », que {destination} exige : choisissez-en une, sinon aucune ligne ne peut être envoyée.',
  'sentence.email.invalid':
    'Ligne {line} : « {value} » n’est pas une adresse e-mail valide ({problem}).',
  'sentence.email.problem.empty': 'elle est vide',
  'sentence.email.problem.space': 'elle contient une espace',
  'sentence.email.problem.no-at': 'il manque l’@',
  'sentence.email.problem.many-at': 'elle contient plus d’un @',
  'sentence.email.problem.local-empty': 'rien ne précède l’@',
  'sentence.email.problem.domain-empty': 'rien ne suit l’@',
  'sentence.email.problem.local-too-long': 'la partie avant l’@ dépasse 64 caractères',
  'sentence.email.problem.too-long': 'elle dépasse 254 caractères',
  'sentence.email.problem.local-dot': 'la partie avant l’@ contient un point mal placé',
  'sentence.email.problem.formula-start':
    'elle commence par « {character} », ce qu’aucun fournisseur de messagerie n’attribue et qu’un tableur lit comme une formule',
  'sentence.email.problem.local-character':
    'le caractère « {character} » n’est pas permis avant l’@',
  'sentence.email.problem.domain-no-dot':
    'le domaine après l’@ n’a pas de point, comme dans example.com',
  'sentence.email.problem.domain-dot': 'le domaine après l’@ contient un point mal placé',
  'sentence.email.problem.label-too-long': 'une partie du domaine dépasse 63 caractères',
  'sentence.email.problem.label-hyphen':
    'une partie du domaine commence ou se termine par un trait d’union',
  'sentence.email.problem.domain-character':
    'le caractère « {character} » n’est pas permis dans un domaine',
  'sentence.email.problem.tld-number': 'le domaine se termine par un nombre',
  'sentence.email.problem.tld-short': 'la fin du domaine est trop courte',
  'sentence.language.invalid':
    'Ligne {line} : « {value} » n’est pas une langue que Courier reconnaît ; écrivez un code à deux lettres comme EN, FR, NL ou DE.',
  'sentence.language.normalised':
    'Ligne {line} : la langue « {value} » est envoyée sous la forme « {code} ».',
  'sentence.phone.invalid':
    'Ligne {line} : « {value} » n’est pas un numéro de téléphone valide (pays par défaut : {country}).',
  'sentence.phone.elsewhere':
    'Si c’est un numéro de l’étranger ({otherCountry}), son format international est {international}.',
  'sentence.phone.leading-zero':
    'Ligne {line} : « {value} » a perdu son 0 initial (Excel le supprime des nombres) ; il est lu comme {restored} et envoyé sous la forme « {sent} ».',
  'sentence.phone.extension-dropped':
    'Ligne {line} : « {value} » est envoyé sous la forme « {sent} », sans son extension {extension} : les numéros sont envoyés au format international, qui ne prévoit pas d’extension.',
  'sentence.date.invalid': 'Ligne {line} : « {value} » n’est pas une date au format {format}.',
  'sentence.date.reads-as': 'Sous cette forme, c’est {reading}.',
  'sentence.date.time-skipped':
    'Ligne {line} : « {value} » n’a jamais existé à {zone} : l’horloge a sauté cette heure (passage à l’heure d’été). Vérifiez l’heure.',
  'sentence.date.time-twice':
    'Ligne {line} : « {value} » a eu lieu deux fois à {zone} (l’horloge a reculé) ; elle est lue comme la première, à UTC{offset}.',
  'sentence.number.invalid': 'Ligne {line} : « {value} » dans {column} n’est pas un nombre.',
  'sentence.value.not-allowed':
    'Ligne {line} : « {value} » n’est pas une valeur acceptée dans {column} ; les valeurs acceptées sont {allowed}.',
  'sentence.list.separator-in-item':
    'Ligne {line} : l’élément « {value} » de {column} contient « {separator} », qui sépare les éléments de cette liste. Supprimez-le ou remplacez-le.',
  'sentence.recording.missing':
    'Ligne {line} : l’enregistrement « {value} » n’est pas dans le dossier.',
  'sentence.recording.unreadable':
    'Ligne {line} : l’enregistrement « {value} » est dans le dossier, mais Courier ne peut pas le lire. Demandez l’accès en lecture.',
  'sentence.contact.missing': {
    one: 'Ligne {line} : {columns} ne contient aucune valeur valide, donc {destination} refuserait ce contact.',
    other:
      'Ligne {line} : aucune des colonnes {columns} ne contient de valeur valide, donc {destination} refuserait ce contact.',
  },
  'sentence.duplicate.key': {
    one: 'La ligne {line} a la même valeur dans {key} que la ligne {firstLine}.',
    other: 'La ligne {line} a les mêmes valeurs dans {key} que la ligne {firstLine}.',
  },
  'sentence.duplicate.left-out': 'Elle est écartée : seule la première est envoyée.',
  'sentence.duplicate.kept': 'Les deux sont envoyées.',

  'sentence.text.invalid-bytes':
    'Ligne {line} : « {value} » dans {column} contient des octets qui ne sont pas de l’UTF-8 valide ({bytes}) ; lu en Windows-1252, c’est « {reading} ».',
  'sentence.text.control-characters':
    'Ligne {line} : « {value} » dans {column} contient un caractère de contrôle invisible (montré par un symbole comme ␀), qui n’est jamais écrit dans un fichier.',
  'sentence.output.delimiter.tab':
    'Ligne {line} : la valeur « {value} » de {column} contient une tabulation, que ce format de fichier ne peut pas contenir sans guillemets. Supprimez-la ou remplacez-la.',
  'sentence.output.delimiter.separator':
    'Ligne {line} : la valeur « {value} » de {column} contient {delimiter}, le caractère qui sépare les valeurs de ce fichier, et ce format ne permet pas de mettre des guillemets. Supprimez ou remplacez ce caractère.',
  'sentence.delimiter.comma': 'une virgule (,)',
  'sentence.delimiter.semicolon': 'un point-virgule (;)',
  'sentence.delimiter.tab': 'une tabulation',
  'sentence.delimiter.pipe': 'une barre verticale (|)',
  'sentence.output.line-break':
    'Ligne {line} : la valeur de {column} contient un saut de ligne, que ce format de fichier ne peut pas contenir. Supprimez-le.',
  'sentence.output.quote':
    'Ligne {line} : la valeur « {value} » de {column} contient un guillemet droit (") ; dans un fichier sans guillemets, certaines plateformes le lisent mal. Mieux vaut le retirer.',
  'sentence.output.unencodable':
    'Ligne {line} : « {value} » contient « {character} », qui ne peut pas être écrit dans {encoding}. Remplacez ce caractère, ou choisissez UTF-8 pour cette destination.',
  'sentence.encoding.western': 'l’encodage d’Europe occidentale ({name})',
  'sentence.encoding.utf-8': 'l’encodage UTF-8',
  'sentence.output.formula-neutralised':
    'Ligne {line} : « {value} » commence comme une formule de tableur ; la valeur est donc envoyée sous la forme « {sent} » pour qu’aucun tableur ne l’exécute.',
  'sentence.limit.row-too-large':
    'La ligne {line} dépasse à elle seule la limite de {size} par fichier de {destination}.',
};
