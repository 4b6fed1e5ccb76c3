import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transport } from '../../../src-core/destinations/transport';
import type { SecretReader } from '../../../src-main/transfers/secret-reader';
import type { SshdServer, SshdUser } from '../../harness/servers/sshd';
import type { VsftpdServer } from '../../harness/servers/vsftpd';

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A temp folder for local files, removed by the returned function. */
export async function localFolder(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'courier-transfer-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 10 }) };
}

/** Writes `size` random bytes to a new local file. */
export async function randomFile(dir: string, name: string, size: number): Promise<{ path: string; data: Buffer }> {
  const data = randomBytes(size);
  const path = join(dir, name);
  await writeFile(path, data);
  return { path, data };
}

/** A destination pointing at the test SSH server's account. */
export function sftpTransport(server: SshdServer, user: SshdUser, overrides: Partial<Transport> = {}): Transport {
  return Transport.parse({
    protocol: 'sftp',
    host: server.host,
    port: server.port,
    user: user.name,
    auth: user.auth,
    folder: user.uploadDir,
    hostKey: server.hostKeyFingerprint,
    ...overrides,
  });
}

/** A destination pointing at the test FTPS server's account. */
export function ftpsTransport(server: VsftpdServer, overrides: Partial<Transport> = {}): Transport {
  return Transport.parse({
    protocol: server.mode === 'implicit' ? 'ftps-implicit' : 'ftps',
    host: server.host,
    port: server.port,
    user: server.user.name,
    folder: '/upload',
    tlsFingerprint: server.certFingerprint,
    ...overrides,
  });
}

/** An in-memory SecretReader for the servers' test accounts (the keychain has its own tests). */
export function testSecrets(values: { password?: string; passphrase?: string; privateKey?: string }): SecretReader {
  return {
    get: async (_name, kind) => (kind === 'password' ? values.password : kind === 'passphrase' ? values.passphrase : values.privateKey) ?? null,
  };
}

/** The names in a local folder (the server's side, read directly). */
export async function namesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

export async function fileHash(path: string): Promise<string> {
  return sha256(await readFile(path));
}
