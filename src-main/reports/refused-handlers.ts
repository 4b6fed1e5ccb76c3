import { homedir } from 'node:os';
import { join } from 'node:path';
import { markSavedForUser } from '../files/save-copy';
import type { Handler } from '../ipc/ipc-router';
import type { HistoryStore } from '../history/history-store';
import type { RefusedFiles } from './refused-file';

type RefusedHandlers = { 'history:download-refused': Handler<'history:download-refused'> };

/** The folder a destination's refused files go to: `<Documents>/Courier refused files/<destination>`. */
export const refusedFolder = (documents: string, destination: string): string =>
  join(documents, 'Courier refused files', destination);

/**
 * History's “Download the refused file” button: the same service as
 * `courier history download-refused`, into a folder of the person's documents (the window names
 * no path); the saved files may then be shown in the file manager.
 */
export function createRefusedHandlers(
  context: Readonly<{ documentsFolder?: string }>,
  history: Pick<HistoryStore, 'getRun'>,
  refused: RefusedFiles
): RefusedHandlers {
  return {
    'history:download-refused': async ({ id }) => {
      const run = await history.getRun(id);
      const folder = refusedFolder(
        context.documentsFolder ?? homedir(),
        run?.destination ?? 'unknown'
      );
      const { files } = await refused.download(id, folder);
      for (const file of files) markSavedForUser(file.savedAs);
      return {
        folder,
        files: files.map(f => ({
          name: f.name,
          savedAs: f.savedAs,
          bytes: f.bytes,
          sameAsSent: f.sameAsSent,
        })),
      };
    },
  };
}
