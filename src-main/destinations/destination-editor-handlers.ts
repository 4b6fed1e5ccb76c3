import { join } from 'node:path';
import type { Handler } from '../ipc/ipc-router';
import { chooseSaveTarget } from '../files/save-copy';
import type { DestinationService } from './destination-service';
import type { DestinationHandlerContext } from './destination-handlers';

type EditorChannels = 'destinations:dummy-data';

/** A suggested name for a dummy-data file: the destination's, so nobody takes it for real data. */
const dummyName = (name: string) => `${name.replace(/\s+/g, '-')}-dummy-data.csv`;

/** The destination editor's channels: every one goes through the destination service. */
export function createDestinationEditorHandlers(
  service: DestinationService,
  context: DestinationHandlerContext = {}
): { [C in EditorChannels]: Handler<C> } {
  return {
    'destinations:dummy-data': async ({ name, rows, dialogTitle }) => {
      const destination = await service.require(name);
      const suggested = context.documentsFolder
        ? join(context.documentsFolder, dummyName(destination.name))
        : dummyName(destination.name);
      const target = await chooseSaveTarget(context.pickSaveTarget, suggested, dialogTitle);
      if (target === null) return { files: [] };
      const written = await service.writeDummyData(destination.name, { rows, path: target });
      return { files: [...written.files] };
    },
  };
}
