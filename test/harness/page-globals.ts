import type { CourierApi } from '../../src-core/ipc/api';

/** `window.courier` as the tests' page code sees it (the preload's API plus the host helpers). */
export type PageCourier = CourierApi & { readonly host: { pathForFile: (file: File) => string } };

declare global {
  interface Window {
    readonly courier: PageCourier;
  }
}
