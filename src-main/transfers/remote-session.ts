/** One entry of a remote folder listing. */
export type RemoteEntry = Readonly<{ name: string; size: number; isDirectory: boolean }>;

/** How `write` reports progress: the byte offset up to which everything is known to be written. */
export type WriteOptions = Readonly<{
  signal: AbortSignal;
  /** Called with the contiguous offset the server has acknowledged (resume may start there). */
  onWritten: (offset: number) => void;
}>;

/**
 * A logged-in connection to a destination's server, the same for FTPS and SFTP.
 *
 * Paths are absolute remote paths. Every method rejects with a TransferError.
 */
export type RemoteSession = Readonly<{
  protocol: 'ftps' | 'ftp' | 'sftp';
  /** The size of a remote file, or null when there is none. */
  size: (path: string) => Promise<number | null>;
  /**
   * Writes `localPath` from byte `from` to the end into `remotePath` at the same offset.
   *
   * `from` 0 creates or truncates the remote file; a larger `from` continues it (FTPS `APPE`,
   * SFTP writes at the offset) without truncating what is there.
   */
  write: (localPath: string, remotePath: string, from: number, options: WriteOptions) => Promise<void>;
  /**
   * How far, from `from` up to `to`, the remote file holds the same bytes as the local one: the
   * SFTP resume point when the server has more than was acknowledged (a write in flight when the
   * connection broke may have landed, or left a hole; comparing tells them apart).
   */
  matchingPrefix?: (remotePath: string, localPath: string, from: number, to: number) => Promise<number>;
  rename: (from: string, to: string) => Promise<void>;
  remove: (path: string) => Promise<void>;
  list: (folder: string) => Promise<RemoteEntry[]>;
  /**
   * The SHA-256 (hex) of a remote file: by a server hash command when offered, else by reading
   * it back when it is at most `readBackLimit` bytes; null when neither is possible.
   */
  sha256: (path: string, readBackLimit: number) => Promise<string | null>;
  /** Downloads a remote file into a local path. */
  download: (remotePath: string, localPath: string) => Promise<void>;
  /**
   * Writes a small remote file from memory (probe files, empty markers such as Digitaleo's
   * `.createNewList`). An empty one over TLS 1.3 can break on a reused session (the server sees
   * the data connection close before the handshake settles); the caller retries on a new session.
   */
  put: (path: string, data: Uint8Array) => Promise<void>;
  /** The negotiated TLS version (FTPS), for the connection test. */
  tlsVersion: () => string | null;
  close: () => Promise<void>;
}>;

/** Joins a remote folder and a file name with exactly one slash. */
export function remoteJoin(folder: string, name: string): string {
  if (folder === '' || folder === '.') return name;
  return `${folder.replace(/\/+$/, '')}/${name}`;
}
