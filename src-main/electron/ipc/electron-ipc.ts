import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { calls, type EventChannel, type EventPayload } from '../../../src-core/ipc/contract';
import { checkEvent, routeCall, type Handlers } from '../../ipc/ipc-router';
import { isTrustedSender } from '../../ipc/trusted-sender';

/**
 * The only place `ipcMain` and `webContents.send` are used (lint forbids them elsewhere).
 *
 * Registers one `handle` per contract channel; each call goes through `routeCall`, which checks
 * the sender and validates the payload. Events are validated before they are sent.
 */
export function registerIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  trust: Readonly<{ webContentsIds: () => ReadonlySet<number>; allowedOrigins: readonly string[] }>
): () => void {
  const channels = Object.keys(calls);
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) =>
      routeCall(
        handlers,
        channel,
        request,
        isTrustedSender(
          {
            webContentsId: event.sender.id,
            frameUrl: event.senderFrame?.url ?? '',
            isMainFrame: event.senderFrame != null && event.senderFrame === event.sender.mainFrame,
          },
          trust.webContentsIds(),
          trust.allowedOrigins
        )
      )
    );
  }
  return () => channels.forEach(channel => ipcMain.removeHandler(channel));
}

/** Sends a validated event to the given windows' contents. */
export function sendEvent<E extends EventChannel>(targets: readonly WebContents[], channel: E, payload: EventPayload<E>): void {
  const checked = checkEvent(channel, payload);
  for (const contents of targets) if (!contents.isDestroyed()) contents.send(channel, checked);
}
