import { EventEmitter } from 'node:events';
import type { IpcMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerDrops } from '../../../src-main/electron/ipc/electron-ipc';
import { DROPPED_FILES_CHANNEL } from '../../../src-core/ipc/dropped-files';
import { calls } from '../../../src-core/ipc/contract';
import { OpenedFiles } from '../../../src-main/files/opened-files';

// The preload's report of a real drop is how main learns of dropped files. Electron objects are faked.
describe('dropped files reach main only from our own window', () => {
  const page = 'file:///opt/courier/out/renderer/index.html';
  const setUp = () => {
    const ipcMain = new EventEmitter() as unknown as IpcMain;
    const opened = new OpenedFiles();
    registerDrops(ipcMain, paths => paths.forEach(p => opened.add(p, 'drop')), {
      webContentsIds: () => new Set([7]),
      allowedOrigins: ['file://'],
    });
    const send = (senderId: number, url: string, paths: unknown) => {
      const mainFrame = { url };
      (ipcMain as unknown as EventEmitter).emit(
        DROPPED_FILES_CHANNEL,
        { sender: { id: senderId, mainFrame }, senderFrame: mainFrame },
        paths
      );
    };
    return { opened, send };
  };

  it('records the paths our window reports, and nothing from elsewhere', () => {
    const { opened, send } = setUp();
    send(7, page, ['/home/anna/export.csv', 42, '']);
    expect(opened.has('/home/anna/export.csv')).toBe(true);
    send(8, page, ['/etc/shadow']); // another web contents
    send(7, 'https://evil.example/', ['/etc/passwd']); // our window, navigated away
    send(7, page, '/etc/group'); // not a list
    expect(['/etc/shadow', '/etc/passwd', '/etc/group'].map(p => opened.has(p))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('is not a channel the page has a method for', () => {
    expect(Object.keys(calls)).not.toContain(DROPPED_FILES_CHANNEL);
  });
});
