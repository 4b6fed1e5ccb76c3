import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { calls, type EventChannel, type EventPayload } from '../../../src-core/ipc/contract';
import { DROPPED_FILES_CHANNEL } from '../../../src-core/ipc/dropped-files';
import { checkEvent, routeCall, type Handlers } from '../../ipc/ipc-router';
import { isTrustedSender } from '../../ipc/trusted-sender';

/**
 * The only place `ipcMain` and `webContents.send` are used (lint forbids them elsewhere).
 *
 * Registers one `handle` per contract channel; each call goes through `routeCall`, which checks
 * the sender and validates the payload. Events are validated before they are sent.
 */
type Trust = Readonly<{ webContentsIds: () => ReadonlySet<number>; allowedOrigins: readonly string[] }>;

const trusted = (event: IpcMainInvokeEvent | IpcMainEvent, trust: Trust): boolean =>
  isTrustedSender(
    {
      webContentsId: event.sender.id,
      frameUrl: event.senderFrame?.url ?? '',
      isMainFrame: event.senderFrame != null && event.senderFrame === event.sender.mainFrame,
    },
    trust.webContentsIds(),
    trust.allowedOrigins
  );

export function registerIpc(ipcMain: IpcMain, handlers: Handlers, trust: Trust): () => void {
  const channels = Object.keys(calls);
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) =>
      routeCall(handlers, channel, request, trusted(event, trust))
    );
  }
  return () => channels.forEach(channel => ipcMain.removeHandler(channel));
}

/**
 * Listens for the preload's report of files the person dropped on a window (see `preload.ts`):
 * the paths main then lets the window open. From our windows only; anything but a list of
 * paths is ignored.
 */
export function registerDrops(ipcMain: IpcMain, onDropped: (paths: readonly string[]) => void, trust: Trust): () => void {
  const listener = (event: IpcMainEvent, paths: unknown) => {
    if (!trusted(event, trust) || !Array.isArray(paths)) return;
    onDropped(paths.filter((p): p is string => typeof p === 'string' && p.length > 0).slice(0, 100));
  };
  ipcMain.on(DROPPED_FILES_CHANNEL, listener);
  return () => ipcMain.removeListener(DROPPED_FILES_CHANNEL, listener);
}

/** Sends a validated event to the given windows' contents. */
export function sendEvent<E extends EventChannel>(targets: readonly WebContents[], channel: E, payload: EventPayload<E>): void {
  const checked = checkEvent(channel, payload);
  for (const contents of targets) if (!contents.isDestroyed()) contents.send(channel, checked);
}
