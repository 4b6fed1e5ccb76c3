import type { CourierApi } from '../../src-core/ipc/api';

declare global {
  interface Window {
    /** The API the preload exposes; the only way the renderer reaches the main process. */
    readonly courier: CourierApi;
  }
}

/** The main-process API. Components import this, never `window.courier` directly. */
export const api = (): CourierApi => window.courier;
