/**
 * The preload API as the browser tests give it to the page: `window.courier`, built by the very
 * `buildApi` the preload uses, over a Playwright binding instead of `ipcRenderer`.
 *
 * Bundled into a classic script by `browser.ts` and installed with `addInitScript`, so it runs
 * before the renderer's own code, like a preload does.
 */
import { buildApi } from '../../src-core/ipc/api';

type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; message: string; params?: Record<string, string | number> } };
type Listener = (payload: unknown) => void;

type BridgeWindow = Window & {
  __courierInvoke: (channel: string, request: unknown) => Promise<Outcome>;
  __courierDispatch?: (channel: string, payload: unknown) => void;
  __courierRegisterFile?: (file: File, path: string) => void;
};

const bridgeWindow = window as unknown as BridgeWindow;
const listeners = new Map<string, Set<Listener>>();
// Stands in for Electron's webUtils.getPathForFile: the test registers which host path a File is.
const filePaths = new WeakMap<File, string>();

const api = buildApi({
  invoke: async (channel, request) => {
    const outcome = await bridgeWindow.__courierInvoke(channel, request);
    if (outcome.ok) return outcome.value;
    const { code, params } = outcome.error;
    throw Object.assign(new Error(outcome.error.message), params ? { code, params } : { code });
  },
  subscribe: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>();
    listeners.set(channel, set);
    const wrapped: Listener = payload => listener(payload);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  },
});

Object.defineProperty(bridgeWindow, '__courierDispatch', {
  value: (channel: string, payload: unknown) => {
    for (const listener of [...(listeners.get(channel) ?? [])]) listener(payload);
  },
});
Object.defineProperty(bridgeWindow, '__courierRegisterFile', {
  value: (file: File, path: string) => filePaths.set(file, path),
});
Object.defineProperty(bridgeWindow, 'courier', {
  value: Object.freeze({
    ...api,
    host: Object.freeze({ pathForFile: (file: File) => filePaths.get(file) ?? '' }),
  }),
});
