import type { Message } from './message';
import type { enSetupCheck } from './setup-check-en';

/** Dutch "Check setup" texts: exactly the English keys. */
export const nlSetupCheck: Readonly<Record<keyof typeof enSetupCheck, Message>> = {
  'setup.title': 'Instellingen op deze computer',
  'setup.check': 'Instellingen controleren',
  'setup.checking': 'Bezig met controleren…',
  'setup.secret.ok': 'Geheim: {source}. Het kan nu gelezen worden.',
  'setup.secret.failed': 'Geheim: {source}. Het kan nu niet gelezen worden:',
  'setup.keychain.ok': 'Sleutelhanger van het systeem: bereikbaar ({backend}).',
  'setup.keychain.failed':
    'Sleutelhanger van het systeem: niet bereikbaar, en deze bestemming heeft hem nodig:',
  'setup.keychain.unneeded':
    'Sleutelhanger van het systeem: niet bereikbaar; deze bestemming heeft hem niet nodig.',
  'setup.proxy.direct': 'Proxy: geen, verbindingen gaan rechtstreeks naar de server.',
  'setup.proxy.via': 'Proxy: verbindingen gaan via {proxy}.',
  'setup.proxy.failed': 'Proxy {proxy}:',
  'setup.ok': 'Alles wat deze bestemming op deze computer nodig heeft, is in orde.',
  'setup.problem': 'Iets vraagt aandacht voordat deze bestemming kan verzenden.',
};
