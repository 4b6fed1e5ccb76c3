import {
  createDestinationService,
  type DestinationService,
} from '../destinations/destination-service';
import { createHistoryStore, type HistoryStore } from '../history/history-store';
import { createAppJobs, type AppJobs } from '../jobs/app-jobs';
import { createLogger, type Logger } from '../logging/logger';
import { createWorkerUpload, type Upload } from '../pipeline/worker-upload';
import { SecretStore } from '../secrets/secret-store';
import { createRefusedFiles, type RefusedFiles } from '../reports/refused-file';
import { createMappingMemory, type MappingMemory } from '../mapping/mapping-memory';
import type { Language } from '../../src-core/words/i18n';

/**
 * The main-process services for one settings folder, built once by each entry point (the app in
 * `electron/index.ts`, the CLI in `cli/run-cli.ts`, the browser test harness) and passed down.
 *
 * Destinations (with their secrets and remembered mappings) change only through `destinations`;
 * the upload queue and the ledger are files under `home`, read and written through their stores'
 * functions with this `home`; they hold no state to share.
 */
export type Services = Readonly<{
  /** The settings folder (see `settings/home.ts`). */
  home: string;
  logger: Logger;
  /** The OS keychain. */
  secrets: SecretStore;
  history: HistoryStore;
  /** Creating, editing, renaming, removing, importing and exporting destinations (IPC and CLI). */
  destinations: DestinationService;
  /** How files reach the server: the transfer worker (the main thread stays free). */
  upload: Upload;
  /** Mapping suggestions and the mappings people confirmed, per destination and header set. */
  mappings: MappingMemory;
  /** Jobs and their schedules, with the events the tray, notifications and IPC listen to. */
  jobs: AppJobs;
  /** The files Digitaleo refused (`ko`), downloaded as it kept them (History, `courier history`). */
  refusedFiles: RefusedFiles;
}>;

/** What an entry point or a test may supply instead of the real thing. */
export type ServiceOverrides = Readonly<{
  logger?: Logger;
  secrets?: SecretStore;
  upload?: Upload;
  /** The person's language (the app: the system's), for the files jobs keep (rows left out). */
  language?: Language;
}>;

/** Builds the services once for a settings folder (which must exist: see `ensureHome`). */
export function createServices(home: string, overrides: ServiceOverrides = {}): Services {
  // Each service is made on first use: `courier inspect` needs no keychain, worker or job service,
  // and building them up front would slow every command's start.
  const logger = once(() => overrides.logger ?? createLogger({ home }));
  const secrets = once(() => overrides.secrets ?? new SecretStore());
  const history = once(() => createHistoryStore(home));
  const upload = once(() => overrides.upload ?? createWorkerUpload());
  const destinations = once(() => createDestinationService({ home, secrets: secrets() }));
  const mappings = once(() =>
    createMappingMemory({ home, resolve: name => destinations().resolve(name) })
  );
  const jobs = once(() =>
    createAppJobs({
      home,
      secrets: secrets(),
      history: history(),
      upload: upload(),
      destinations: destinations(),
      ...(overrides.language ? { language: overrides.language } : {}),
    })
  );
  const refusedFiles = once(() =>
    createRefusedFiles({
      history: history(),
      resolveDestination: name => destinations().resolve(name),
      secrets: secrets(),
    })
  );
  return Object.freeze({
    home,
    get logger() {
      return logger();
    },
    get secrets() {
      return secrets();
    },
    get history() {
      return history();
    },
    get destinations() {
      return destinations();
    },
    get upload() {
      return upload();
    },
    get mappings() {
      return mappings();
    },
    get jobs() {
      return jobs();
    },
    get refusedFiles() {
      return refusedFiles();
    },
  });
}

/** A value made by `make` on the first call and kept for the next ones. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
