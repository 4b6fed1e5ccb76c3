import { CourierError } from '../../src-core/errors';
import { sameServer, serverIdentity } from '../../src-core/destinations/server-identity';
import type { Handlers } from '../ipc/ipc-router';
import type { OpenedFiles } from '../files/opened-files';
import type { SecretStore } from '../secrets/secret-store';
import { getDestination } from '../settings/destination-store';

/** The server of a password whose destination is unknown: it matches no real server. */
const NO_KNOWN_SERVER = 'unknown://';

/** Asks the person, in a dialog main shows, whether a destination's saved secrets may go to its new server. */
export type ConfirmKeepSecret = (
  change: Readonly<{ name: string; from: string; to: string }>
) => Promise<boolean>;

/**
 * Main has the say over the file system: every call that names a path must name one the person
 * chose (see `OpenedFiles`); the file dialog's answer is recorded as chosen.
 *
 * Wraps the handlers instead of changing each of them, so no handler can forget the check.
 */
export function guardFiles(handlers: Handlers, opened: OpenedFiles): Handlers {
  const savedJobPaths = async (): Promise<Set<string>> => {
    const { jobs } = await handlers['jobs:list'](undefined);
    return new Set(
      jobs.map(job => (job.source.kind === 'file' ? job.source.path : job.source.folder))
    );
  };
  return {
    ...handlers,
    'files:pick': async request => {
      const picked = await handlers['files:pick'](request);
      if (picked.path) opened.add(picked.path, 'dialog');
      return picked;
    },
    'history:rejected-rows': async request => {
      // The rows a send left out: a file Courier made for the person, which they may open.
      const kept = await handlers['history:rejected-rows'](request);
      if (kept.path) opened.add(kept.path, 'made-by-courier');
      return kept;
    },
    'files:open': request => {
      opened.check(request.path);
      return handlers['files:open'](request);
    },
    'send:start': request => {
      opened.check(request.path);
      return handlers['send:start'](request);
    },
    'review:check': request => {
      opened.check(request.path);
      return handlers['review:check'](request);
    },
    'review:save-rejected': request => {
      opened.check(request.path);
      return handlers['review:save-rejected'](request);
    },
    'destinations:columns-from-sample': request => {
      opened.check(request.path);
      return handlers['destinations:columns-from-sample'](request);
    },
    'keys:import': request => {
      if (request.path !== undefined) opened.check(request.path);
      return handlers['keys:import'](request);
    },
    'jobs:save': async request => {
      // A saved job keeps the file or folder it was made with; a new one needs a chosen path.
      const path = request.source.kind === 'file' ? request.source.path : request.source.folder;
      if (!(await savedJobPaths()).has(path)) opened.check(path);
      return handlers['jobs:save'](request);
    },
  };
}

/**
 * Main has the say over secrets: a destination's saved password or key belongs to the server it
 * was entered for. Saving the destination with another protocol, host, port or user leaves its
 * secrets bound to the old server (so they are never sent to the new one) unless the request
 * asks to keep them (`keepSecret`) and the person confirms it in a dialog main shows.
 */
export function guardSecrets(
  handlers: Handlers,
  options: Readonly<{ home: string; store: SecretStore; confirmKeepSecret?: ConfirmKeepSecret }>
): Handlers {
  return {
    ...handlers,
    'destinations:save': async request => {
      const oldName = request.previousName ?? request.destination.name;
      const old = await getDestination(options.home, oldName);
      if (!old) {
        // A password left in the keychain without its destination (saved before secrets were
        // bound) must not go to whatever server a new destination of that name names.
        await options.store
          .bind(request.destination.name, NO_KNOWN_SERVER, { kinds: ['password'] })
          .catch(() => 0);
        return handlers['destinations:save'](request);
      }
      if (sameServer(old.transport, request.destination.transport))
        return handlers['destinations:save'](request);
      const from = serverIdentity(old.transport);
      const to = serverIdentity(request.destination.transport);
      // Secrets saved before binding existed belong to the server they were entered for: the old one.
      await options.store.bind(oldName, from);
      const stored = await options.store.boundServers(oldName);
      const hasSecrets = Object.keys(stored).length > 0;
      let keep = false;
      if (request.keepSecret && hasSecrets) {
        keep =
          (await options.confirmKeepSecret?.({ name: request.destination.name, from, to })) ===
          true;
        if (!keep) {
          throw new CourierError(
            'secrets.keep-not-confirmed',
            `The saved password of “${request.destination.name}” was not given to ${to}. Enter the password for the new server.`,
            { params: { name: request.destination.name, server: to } }
          );
        }
      }
      const saved = await handlers['destinations:save'](request);
      if (keep) await options.store.bind(saved.destination.name, to, { rebind: true });
      return saved;
    },
  };
}
