import { join } from 'node:path';
import { CourierError } from '../../src-core/errors';
import type { Handler } from '../ipc/ipc-router';
import { chooseSaveTarget, type PickSaveTarget } from '../files/save-copy';
import type { DestinationService, KeepSecretDecision } from './destination-service';

type DestinationChannels =
  | 'destinations:list'
  | 'destinations:get'
  | 'destinations:save'
  | 'destinations:remove'
  | 'destinations:export'
  | 'destinations:import'
  | 'destinations:preview-output'
  | 'destinations:read-sample';

/** Asks the person, in a dialog main shows, whether a destination's saved secrets may go to its new server. */
export type ConfirmKeepSecret = (
  change: Readonly<{ name: string; from: string; to: string }>
) => Promise<boolean>;

/** What the destination handlers need besides the service. */
export type DestinationHandlerContext = Readonly<{
  /** Asks where to save a file (Electron's save dialog in the app); without it, a free name in `documentsFolder`. */
  pickSaveTarget?: PickSaveTarget;
  /** Where an exported file is suggested (the user's Documents folder in the app). */
  documentsFolder?: string;
  /** Main's own dialog confirming that saved secrets may go to a destination's new server. */
  confirmKeepSecret?: ConfirmKeepSecret;
}>;

/** A file name for a destination's exported file. */
const exportName = (name: string) => `${name.replace(/\s+/g, '-')}.courier-destination.json`;

/**
 * The destination channels: parse (done by the router) → the destination service → the answer.
 *
 * A saved secret belongs to the server it was entered for: saving with another protocol, host,
 * port or user leaves it with the old server unless the request asks to keep it (`keepSecret`)
 * and the person confirms in main's dialog.
 */
export function createDestinationHandlers(
  service: DestinationService,
  context: DestinationHandlerContext = {}
): { [C in DestinationChannels]: Handler<C> } {
  const confirmed =
    (request: Readonly<{ destination: { name: string } }>): KeepSecretDecision =>
    async change => {
      if (
        (await context.confirmKeepSecret?.({
          name: change.name,
          from: change.from,
          to: change.to,
        })) === true
      )
        return true;
      throw new CourierError(
        'secrets.keep-not-confirmed',
        `The saved password of “${request.destination.name}” was not given to ${change.to}. Enter the password for the new server.`,
        { params: { name: request.destination.name, server: change.to } }
      );
    };
  return {
    'destinations:list': () => service.list(),
    'destinations:get': async ({ name }) => {
      const configured = await service.get(name);
      if (configured) return { destination: configured };
      try {
        return { destination: await service.resolve(name) };
      } catch {
        return { destination: null };
      }
    },
    'destinations:save': async request => ({
      destination: await service.save(request.destination, {
        previousName: request.previousName,
        overwrite: request.overwrite,
        ...(request.keepSecret ? { keepSecret: confirmed(request) } : {}),
      }),
    }),
    'destinations:remove': async ({ name }) => ({ removed: (await service.remove(name)) !== null }),
    'destinations:export': async ({ name, dialogTitle }) => {
      const destination = await service.require(name);
      const suggested = context.documentsFolder
        ? join(context.documentsFolder, exportName(destination.name))
        : exportName(destination.name);
      const target = await chooseSaveTarget(context.pickSaveTarget, suggested, dialogTitle);
      if (target === null) return { path: null };
      await service.exportTo(destination.name, target);
      return { path: target };
    },
    'destinations:preview-output': ({ destination, samplePath, sheet }) =>
      service.previewOutput(destination, samplePath ? { path: samplePath, sheet } : undefined),
    'destinations:read-sample': ({ path, sheet }) => service.readSample(path, sheet),
    'destinations:import': async ({ path, name }) => ({
      destination: await service.importFrom(path, name === undefined ? {} : { name }),
    }),
  };
}
