import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Handler } from '../ipc/ipc-router';
import type { DestinationService } from '../destinations/destination-service';
import type { SecretReader } from '../transfers/secret-reader';
import { downloadReports } from './report-downloads';

type ReportHandlers = { 'reports:download': Handler<'reports:download'> };

/** What the reports handler needs: the settings folder and where the person's documents are. */
export type ReportContext = Readonly<{ home: string; documentsFolder?: string }>;

/** The folder a destination's reports go to: `<Documents>/Courier reports/<destination>`. */
export const reportsFolder = (documents: string, destination: string): string =>
  join(documents, 'Courier reports', destination);

/**
 * The “Download reports” handler: the same download as `courier reports download`, into a folder
 * of the person's documents (the window names no path).
 */
export function createReportHandlers(
  context: ReportContext,
  destinations: DestinationService,
  secrets: SecretReader
): ReportHandlers {
  return {
    'reports:download': async ({ name, since }) => {
      const destination = await destinations.require(name);
      const folder = reportsFolder(context.documentsFolder ?? homedir(), destination.name);
      const result = await downloadReports({
        home: context.home,
        destination,
        secrets,
        out: folder,
        ...(since ? { since } : {}),
      });
      return {
        folder,
        downloaded: result.downloaded.map(r => ({
          day: r.day,
          name: r.name,
          savedAs: r.savedAs,
          bytes: r.bytes,
          entries: r.entries.map(e => ({ ...e })),
        })),
        alreadyDownloaded: result.alreadyDownloaded.length,
      };
    },
  };
}
