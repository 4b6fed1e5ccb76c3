import { join } from 'node:path';
import tls, { type ConnectionOptions } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testConnection } from '../../../src-main/transfers/connection-test';
import { Transfer } from '../../../src-main/transfers/transfer';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import { fileHash, ftpsTransport, localFolder, randomFile, sha256, testSecrets } from './transfer-helpers';

// basic-ftp#60: with TLS 1.3 the client may have no session to offer when the data connection
// opens, and a server with require_ssl_reuse=YES refuses it. This reproduces that client failure
// (no TLS 1.3 session is offered) against the real vsftpd, whose real refusal must make Courier
// retry capped at TLS 1.2 and say so.
describe('TLS 1.2 fallback when TLS 1.3 session reuse fails (real vsftpd)', () => {
  let server: VsftpdServer;
  let local: Awaited<ReturnType<typeof localFolder>>;
  beforeAll(async () => {
    server = await startVsftpd({ mode: 'explicit' });
    local = await localFolder();
  });
  afterAll(async () => {
    await server?.stop();
    await local?.cleanup();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  // Data connections (TLS over an existing socket) offer no session unless capped at TLS 1.2.
  const breakTls13Reuse = () => {
    const original = tls.connect;
    vi.spyOn(tls, 'connect').mockImplementation(((options: ConnectionOptions, ...rest: unknown[]) => {
      const broken = options && typeof options === 'object' && options.socket && options.maxVersion !== 'TLSv1.2' ? { ...options, session: undefined } : options;
      return (original as (...args: unknown[]) => tls.TLSSocket)(broken, ...rest);
    }) as typeof tls.connect);
  };

  it('an upload retries at TLS 1.2, succeeds, and returns the version to remember', async () => {
    const { path, data } = await randomFile(local.dir, 'f.csv', 300_000);
    const transport = ftpsTransport(server);
    breakTls13Reuse();
    const result = await new Transfer({ destinationName: 'D', transport, secrets: testSecrets({ password: server.user.password }), files: [{ id: 'f', localPath: path, remoteName: 'f.csv' }] }).run();
    expect(result.tlsMaxVersion).toBe('TLSv1.2');
    expect(result.warnings.join(' ')).toMatch(/session reuse.*TLS 1\.2/);
    expect(await fileHash(join(server.uploadDir, 'f.csv'))).toBe(sha256(data));
  });

  it('the connection test explains the fallback', async () => {
    breakTls13Reuse();
    const result = await testConnection('D', ftpsTransport(server), testSecrets({ password: server.user.password }));
    expect(result.ok).toBe(true);
    expect(result.tlsMaxVersion).toBe('TLSv1.2');
    expect(result.steps.find(s => s.id === 'data-connection')).toMatchObject({
      status: 'warning',
      message: 'The server asks for session reuse on data connections; Courier retried with TLS 1.2 and it worked. This destination will use TLS 1.2.',
    });
  });
});
