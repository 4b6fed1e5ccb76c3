import type { Message } from './message';
import type { enSetupCheck } from './setup-check-en';

/** French "Check setup" texts: exactly the English keys. */
export const frSetupCheck: Readonly<Record<keyof typeof enSetupCheck, Message>> = {
  'setup.title': 'Configuration sur cet ordinateur',
  'setup.check': 'Vérifier la configuration',
  'setup.checking': 'Vérification…',
  'setup.secret.ok': 'Secret : {source}. Il peut être lu maintenant.',
  'setup.secret.failed': 'Secret : {source}. Il ne peut pas être lu maintenant :',
  'setup.keychain.ok': 'Trousseau du système : accessible ({backend}).',
  'setup.keychain.failed':
    'Trousseau du système : inaccessible, et cette destination en a besoin :',
  'setup.keychain.unneeded':
    'Trousseau du système : inaccessible ; cette destination n’en a pas besoin.',
  'setup.proxy.direct': 'Proxy : aucun, les connexions vont directement au serveur.',
  'setup.proxy.via': 'Proxy : les connexions passent par {proxy}.',
  'setup.proxy.failed': 'Proxy {proxy} :',
  'setup.ok': 'Tout ce dont cette destination a besoin sur cet ordinateur est en place.',
  'setup.problem': 'Un point demande votre attention avant que cette destination puisse envoyer.',
};
