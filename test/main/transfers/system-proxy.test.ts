import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installSystemProxy } from '../../../src-main/electron/system-proxy';
import { testConnection } from '../../../src-main/transfers/connection-test';
import { setSystemProxyResolver } from '../../../src-main/transfers/system-proxy';
import { Transfer } from '../../../src-main/transfers/transfer';
import { readLoginSecrets } from '../../../src-main/transfers/secret-reader';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startTinyproxy, type HttpProxyServer } from '../../harness/servers/tinyproxy';
import {
  fileHash,
  localFolder,
  randomFile,
  sftpTransport,
  sha256,
  testSecrets,
} from './transfer-helpers';

// A destination set to the `system` proxy, in the app: Electron's session.resolveProxy (a fake
// Electron object answering as a PAC file would) chooses the proxy, and the connection goes
// through the real tinyproxy to the real sshd; in the command line, the environment decides.
describe('the system proxy (Electron’s resolveProxy) through the same proxy code as --proxy', () => {
  let local: Awaited<ReturnType<typeof localFolder>>;
  let sshd: SshdServer;
  let tinyproxy: HttpProxyServer;
  beforeAll(async () => {
    local = await localFolder();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    tinyproxy = await startTinyproxy();
  });
  afterEach(() => setSystemProxyResolver(null));
  afterAll(async () => {
    await tinyproxy?.stop();
    await sshd?.stop();
    await local?.cleanup();
  });

  /** A stand-in for `session.defaultSession`: answers like a PAC file and records what it was asked. */
  const fakeSession = (answer: string) => {
    const asked: string[] = [];
    return {
      asked,
      session: {
        resolveProxy: async (url: string) => {
          asked.push(url);
          return answer;
        },
      },
    };
  };

  it('sends through the proxy the system names (PROXY …; DIRECT), byte-identical', async () => {
    const user = sshd.users[0]!;
    const { asked, session } = fakeSession(
      `SOCKS old:1080; PROXY ${tinyproxy.host}:${tinyproxy.port}; DIRECT`
    );
    installSystemProxy(session);
    const transport = sftpTransport(sshd, user, { proxy: { kind: 'system' } });
    // Resolved in the main thread with the login's secrets (a transfer worker gets the answer).
    const login = await readLoginSecrets(testSecrets({ password: user.password! }), 't', transport);
    expect(login.systemProxy).toEqual({ kind: 'http', host: tinyproxy.host, port: tinyproxy.port });
    expect(asked).toEqual([`https://127.0.0.1:${sshd.port}`]);

    const { path, data } = await randomFile(local.dir, 'system-proxy.csv', 300_000);
    const result = await new Transfer({
      destinationName: 't',
      transport,
      secrets: testSecrets({ password: user.password! }),
      files: [{ id: 'sys', localPath: path, remoteName: 'system-proxy.csv' }],
    }).run();
    expect(result.files[0]!.verifiedBy).toBe('sha256');
    expect(await fileHash(join(user.uploadDir, 'system-proxy.csv'))).toBe(sha256(data));
    expect(tinyproxy.output()).toMatch(new RegExp(`CONNECT 127\\.0\\.0\\.1:${sshd.port}\\b`));

    // The connection test shows the proxy as its own step.
    const test = await testConnection('t', transport, testSecrets({ password: user.password! }));
    expect(test.ok).toBe(true);
    expect(test.steps.find(s => s.id === 'proxy')?.message).toContain(
      `http://${tinyproxy.host}:${tinyproxy.port}`
    );
  });

  it('DIRECT from the system connects directly (no proxy step)', async () => {
    const user = sshd.users[0]!;
    installSystemProxy(fakeSession('DIRECT').session);
    const transport = sftpTransport(sshd, user, { proxy: { kind: 'system' } });
    const test = await testConnection('t', transport, testSecrets({ password: user.password! }));
    expect(test.ok).toBe(true);
    expect(test.steps.map(s => s.id)).not.toContain('proxy');
    expect(test.steps.find(s => s.id === 'lookup')?.status).toBe('ok');
  });

  it('outside the app (no Electron), `system` is the environment’s proxy', async () => {
    const user = sshd.users[0]!;
    const transport = sftpTransport(sshd, user, { proxy: { kind: 'system' } });
    const login = await readLoginSecrets(
      testSecrets({ password: user.password! }),
      't',
      transport,
      {
        env: { HTTPS_PROXY: `http://${tinyproxy.host}:${tinyproxy.port}` },
      }
    );
    expect(login.systemProxy).toEqual({ kind: 'http', host: tinyproxy.host, port: tinyproxy.port });
  });
});
