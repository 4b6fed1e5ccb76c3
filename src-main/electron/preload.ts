import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '../../src-core/ipc/api';

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

// `host.pathForFile`: where a dropped File is on disk; a sandboxed page cannot know it otherwise.
contextBridge.exposeInMainWorld('courier', {
  ...api,
  host: { pathForFile: (file: File) => webUtils.getPathForFile(file) },
});
