import { z } from 'zod';
import { ProxySetting } from './proxy-setting';
import { SecretSource } from './secret-source';

/**
 * How Courier reaches a destination's drop: protocol, address, identity and trust.
 *
 * Secrets (password, key passphrase, imported private key) are never part of this: they live in
 * the OS keychain under the destination's name (see `src-main/secrets`).
 */
export const Protocol = z.enum(['ftps', 'ftps-implicit', 'sftp', 'ftp']);
export type Protocol = z.infer<typeof Protocol>;

/** The default port of each protocol. */
export const defaultPort: Readonly<Record<Protocol, number>> = {
  ftps: 21,
  'ftps-implicit': 990,
  sftp: 22,
  ftp: 21,
};

/** A `SHA256:…` fingerprint as `ssh-keygen -lf` prints it (base64 without padding). */
export const SshFingerprint = z
  .string()
  .regex(
    /^SHA256:[A-Za-z0-9+/]{43}$/,
    'A host key fingerprint looks like SHA256: followed by 43 characters.'
  );
/** A certificate's SHA-256 fingerprint as `SHA256:` + colon-separated hex, or bare hex. */
export const TlsFingerprint = z
  .string()
  .regex(
    /^(SHA256:)?([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/,
    'A certificate fingerprint is 32 bytes of hexadecimal (SHA-256).'
  );

// Control characters (C0, DEL, C1) and the Unicode line separators: invisible when typed or
// pasted, and a line break in a host, user or folder ends an FTP command early. Refused when a
// destination is saved, not discovered after six failed connections.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A server name: no spaces or invisible characters (error `destination.host-invalid`). */
export const HostName = z
  .string()
  .trim()
  .refine(v => !CONTROL.test(v) && !/\s/.test(v), {
    message:
      'The server name (host) cannot contain spaces or invisible characters such as a line break or a tab. Type it again.',
    params: { code: 'destination.host-invalid' },
  });
/** A user name: no invisible characters (error `destination.user-invalid`). */
export const UserName = z.string().refine(v => !CONTROL.test(v), {
  message:
    'The user name cannot contain invisible characters such as a line break or a tab. Type it again.',
  params: { code: 'destination.user-invalid' },
});
/** A remote folder: no invisible characters (error `destination.folder-invalid`). */
export const RemoteFolder = z.string().refine(v => !CONTROL.test(v), {
  message:
    'The remote folder cannot contain invisible characters such as a line break or a tab. Type it again.',
  params: { code: 'destination.folder-invalid' },
});

export const Transport = z.object({
  protocol: Protocol,
  host: HostName.pipe(z.string().min(1, 'The server name is missing.')),
  /** Missing means the protocol's default port. */
  port: z.number().int().min(1).max(65535).optional(),
  user: UserName.pipe(z.string().min(1, 'The user name is missing.')),
  /** Which secrets the login uses; they are looked up in the keychain. */
  auth: z.enum(['password', 'key', 'key-and-password']).default('password'),
  /** A private key file on disk; without it a key imported into the keychain is used. */
  keyFile: z.string().optional(),
  /**
   * Where the login secret comes from (missing: the OS keychain). Kept with the connection so
   * every login path, which already receives the transport, reads the secret the same way.
   */
  secretSource: SecretSource.optional(),
  /** The remote folder files are uploaded to. */
  folder: RemoteFolder.default('/'),
  /** The pinned SSH host key fingerprint (SFTP). */
  hostKey: SshFingerprint.optional(),
  /** The pinned certificate fingerprint (FTPS with a self-signed or private-CA certificate). */
  tlsFingerprint: TlsFingerprint.optional(),
  /** Plain, unencrypted FTP is refused unless this is set (and the user is warned). */
  allowPlainFtp: z.boolean().default(false),
  /** Upload under a temporary name and rename when complete; some drops forbid rename. */
  uploadThenRename: z.boolean().default(true),
  /** Remembered after a TLS 1.3 session-reuse failure: cap FTPS at TLS 1.2 for this server. */
  tlsMaxVersion: z.enum(['TLSv1.2', 'TLSv1.3']).optional(),
  /**
   * Remembered after the server refused to continue a partial upload (ProFTPD's default
   * `AllowStoreRestart off`): a cut upload starts again from zero instead of resuming.
   */
  resumeRefused: z.boolean().optional(),
  /**
   * Remembered after the server refused a file name starting with a dot (Pure-FTPd `-x`):
   * temporary names are `NAME.ID.part` instead of `.NAME.ID.part`.
   */
  dotNamesRefused: z.boolean().optional(),
  /** The proxy connections go through; missing means a direct connection (see `ProxySetting`). */
  proxy: ProxySetting.optional(),
});

/** What Courier learns about a server while using it, to be saved in the destination. */
export type LearnedTransport = Partial<
  Pick<Transport, 'tlsMaxVersion' | 'resumeRefused' | 'dotNamesRefused'>
>;
export type Transport = z.infer<typeof Transport>;
