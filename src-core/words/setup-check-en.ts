import type { Message } from './message';

/** The destination's "Check setup" (the app's `courier doctor`). */
export const enSetupCheck = {
  'setup.title': 'Setup on this computer',
  'setup.check': 'Check setup',
  'setup.checking': 'Checking…',
  'setup.secret.ok': 'Secret: {source}. It can be read now.',
  'setup.secret.failed': 'Secret: {source}. It cannot be read now:',
  'setup.keychain.ok': 'System keychain: reachable ({backend}).',
  'setup.keychain.failed': 'System keychain: cannot be reached, and this destination needs it:',
  'setup.keychain.unneeded':
    'System keychain: cannot be reached; this destination does not need it.',
  'setup.proxy.direct': 'Proxy: none, connections go directly to the server.',
  'setup.proxy.via': 'Proxy: connections go through {proxy}.',
  'setup.proxy.failed': 'Proxy {proxy}:',
  'setup.ok': 'Everything this destination needs on this computer is in place.',
  'setup.problem': 'Something needs attention before this destination can send.',
} satisfies Record<string, Message>;
