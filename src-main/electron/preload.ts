import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '../../src-core/ipc/api';
import { DROPPED_FILES_CHANNEL } from '../../src-core/ipc/dropped-files';

/**
 * The preload: exposes one named object, `window.courier`, with a method per contract channel.
 *
 * Calls resolve with the handler's value or reject with an Error carrying the plain-language
 * message and stable code. Listeners get the payload only (never the Electron event) and
 * return an unsubscribe function.
 */
const api = buildApi({
  invoke: async (channel, request) => {
    const outcome = (await ipcRenderer.invoke(channel, request)) as
      | { ok: true; value: unknown }
      | { ok: false; error: { code: string; message: string; params?: Readonly<Record<string, string | number>> } };
    if (outcome.ok) return outcome.value;
    const { code, params } = outcome.error;
    throw Object.assign(new Error(outcome.error.message), params ? { code, params } : { code });
  },
  subscribe: (channel, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

// Main lets the page open only files the person chose. A drop is one such choice, told to main
// here, before the page's own drop handler runs (capture phase; same IPC pipe, so in order):
// only a real drop (`isTrusted`: a script cannot make one), only Files with a place on disk
// (a File the page builds has none), on a channel the page has no method for.
type DropEventLike = Readonly<{ isTrusted: boolean; dataTransfer: Readonly<{ files: ArrayLike<File> }> | null }>;
const page = globalThis as unknown as {
  addEventListener: (type: 'drop', listener: (event: DropEventLike) => void, options: { capture: boolean }) => void;
};
page.addEventListener(
  'drop',
  event => {
    if (!event.isTrusted) return;
    const paths = Array.from(event.dataTransfer?.files ?? []).map(file => webUtils.getPathForFile(file)).filter(path => path !== '');
    if (paths.length > 0) ipcRenderer.send(DROPPED_FILES_CHANNEL, paths);
  },
  { capture: true }
);

// `host.pathForFile`: where a dropped File is on disk; a sandboxed page cannot know it otherwise.
contextBridge.exposeInMainWorld('courier', {
  ...api,
  host: { pathForFile: (file: File) => webUtils.getPathForFile(file) },
});
