import type { QueueItem } from '../../../src-main/transfers/transfer-queue';

/** A queue item as uploadFiles makes them (its server is never contacted where it is used so). */
export function queueItem(id: string): QueueItem {
  return {
    id,
    destination: 'CG',
    transport: {
      protocol: 'sftp',
      host: '127.0.0.1',
      port: 22,
      user: 'u',
      folder: '/',
    } as QueueItem['transport'],
    localPath: `/nowhere/${id}.csv`,
    remoteName: `${id}.csv`,
    size: 1,
    sha256: id,
    createdAt: new Date().toISOString(),
  };
}
