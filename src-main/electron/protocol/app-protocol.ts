import type { Protocol } from 'electron';
import { appFilesHandler } from '../../protocol/app-files';
import { APP_SCHEME } from '../../protocol/app-scheme';

/**
 * The `app://` scheme's privileges: a standard, secure origin (like https) that can fetch its own
 * files; no CORS bypass, no service workers, not allowed to be framed by anything else.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
} as const;

/** Registers `app://` as privileged; Electron requires this before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** Serves the renderer's build folder on `app://courier/` (after ready), with the strict CSP. */
export function serveAppScheme(
  protocol: Pick<Protocol, 'handle'>,
  rendererFolder: string,
  contentSecurityPolicy: string
): void {
  protocol.handle(APP_SCHEME, appFilesHandler(rendererFolder, contentSecurityPolicy));
}
