import type { CourierApi } from '../../src-core/ipc/api';

/** What the preload adds beside the contract's calls: helpers that need Electron in the renderer. */
export type HostApi = Readonly<{
  /** The path on disk of a dropped File (Electron's `webUtils.getPathForFile`); '' if unknown. */
  pathForFile: (file: File) => string;
}>;

declare global {
  interface Window {
    /** The API the preload exposes; the only way the renderer reaches the main process. */
    readonly courier: CourierApi & { readonly host?: HostApi };
  }
}

/** The main-process API. Components import this, never `window.courier` directly. */
export const api = (): CourierApi => window.courier;

/** The host helpers (absent in a page opened without the preload). */
export const host = (): HostApi | undefined => window.courier.host;

/** An error from a call, as the preload rebuilds it: a plain-language message, a stable code and what it is about. */
export type CallError = Error & { code?: string; params?: Readonly<Record<string, string | number>> };
