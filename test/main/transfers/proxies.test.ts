import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxySetting } from '../../../src-core/destinations/proxy-setting';
import { testConnection } from '../../../src-main/transfers/connection-test';
import { openSession, proxyFor } from '../../../src-main/transfers/open-session';
import { TransferError } from '../../../src-main/transfers/transfer-errors';
import { Transfer } from '../../../src-main/transfers/transfer';
import type { SecretReader } from '../../../src-main/transfers/secret-reader';
import { startDante, type SocksProxyServer } from '../../harness/servers/dante';
import { startFaultProxy } from '../../harness/servers/fault-proxy';
import { freePort } from '../../harness/servers/ports';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startTinyproxy, type HttpProxyServer } from '../../harness/servers/tinyproxy';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import {
  fileHash,
  ftpsTransport,
  localFolder,
  randomFile,
  sftpTransport,
  sha256,
} from './transfer-helpers';

type AnyProxy = HttpProxyServer | SocksProxyServer;

/** The destination's proxy setting for a running test proxy. */
const settingOf = (kind: 'http' | 'socks5', proxy: AnyProxy): ProxySetting => ({
  kind,
  host: proxy.host,
  port: proxy.port,
  ...(proxy.auth ? { user: proxy.auth.user } : {}),
});

/** The server's password, and the proxy's password as the `proxy-password` secret. */
const secretsFor = (password: string, proxyPassword?: string): SecretReader => ({
  get: async (_name, kind) =>
    kind === 'password' ? password : kind === 'proxy-password' ? (proxyPassword ?? null) : null,
});

describe('SFTP and FTPS through real HTTP CONNECT (tinyproxy) and SOCKS5 (dante) proxies', () => {
  let local: Awaited<ReturnType<typeof localFolder>>;
  let sshd: SshdServer;
  let vsftpd: VsftpdServer;
  const proxies: Record<string, AnyProxy> = {};
  beforeAll(async () => {
    local = await localFolder();
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    vsftpd = await startVsftpd({ mode: 'explicit' });
    proxies['http'] = await startTinyproxy();
    proxies['http+auth'] = await startTinyproxy({ auth: true });
    proxies['socks5'] = await startDante();
    proxies['socks5+auth'] = await startDante({ auth: true });
  });
  afterAll(async () => {
    for (const proxy of Object.values(proxies)) await proxy.stop();
    await sshd?.stop();
    await vsftpd?.stop();
    await local?.cleanup();
  });

  const dataPorts = () =>
    Array.from({ length: vsftpd.pasvMax - vsftpd.pasvMin + 1 }, (_, i) => vsftpd.pasvMin + i).join(
      '|'
    );
  /** The proxy's own log line for a connection it relayed to 127.0.0.1 on one of `ports`. */
  const through = (kind: 'http' | 'socks5', ports: number | string) =>
    kind === 'http'
      ? new RegExp(`CONNECT 127\\.0\\.0\\.1:(${ports})\\b`)
      : new RegExp(`-> 127\\.0\\.0\\.1\\.\\d+ 127\\.0\\.0\\.1\\.(${ports})\\b`);

  for (const name of ['http', 'http+auth', 'socks5', 'socks5+auth']) {
    const kind = name.startsWith('http') ? 'http' : 'socks5';
    it(`SFTP through ${name}: byte-identical`, async () => {
      const proxy = proxies[name]!;
      const user = sshd.users[0]!;
      const { path, data } = await randomFile(local.dir, `sftp-${name}.csv`, 1_500_000);
      const result = await new Transfer({
        destinationName: 'test',
        transport: sftpTransport(sshd, user, { proxy: settingOf(kind, proxy) }),
        secrets: secretsFor(user.password!, proxy.auth?.password),
        files: [{ id: 'a', localPath: path, remoteName: `sftp-${kind}-${name.length}.csv` }],
      }).run();
      expect(result.files[0]!.verifiedBy).toBe('sha256');
      expect(await fileHash(join(user.uploadDir, `sftp-${kind}-${name.length}.csv`))).toBe(
        sha256(data)
      );
      expect(proxy.output()).toMatch(through(kind, sshd.port));
    });

    it(`FTPS (explicit, passive) through ${name}: byte-identical, data connections through the proxy too`, async () => {
      const proxy = proxies[name]!;
      const { path, data } = await randomFile(local.dir, `ftps-${name}.csv`, 1_500_000);
      const remote = `ftps-${kind}-${name.length}.csv`;
      const result = await new Transfer({
        destinationName: 'test',
        transport: ftpsTransport(vsftpd, { proxy: settingOf(kind, proxy) }),
        secrets: secretsFor(vsftpd.user.password, proxy.auth?.password),
        files: [{ id: 'a', localPath: path, remoteName: remote }],
      }).run();
      expect(result.files[0]!.verifiedBy).toBe('sha256');
      expect(await fileHash(join(vsftpd.uploadDir, remote))).toBe(sha256(data));
      // The control connection and the passive data connections each went through the proxy.
      expect(proxy.output()).toMatch(through(kind, vsftpd.port));
      expect(proxy.output()).toMatch(through(kind, dataPorts()));
    });
  }

  it('implicit FTPS through the HTTP proxy with auth: TLS from the first byte, byte-identical', async () => {
    const implicit = await startVsftpd({ mode: 'implicit' });
    try {
      const proxy = proxies['http+auth']!;
      const { path, data } = await randomFile(local.dir, 'implicit.csv', 700_000);
      const result = await new Transfer({
        destinationName: 'test',
        transport: ftpsTransport(implicit, { proxy: settingOf('http', proxy) }),
        secrets: secretsFor(implicit.user.password, proxy.auth!.password),
        files: [{ id: 'i', localPath: path, remoteName: 'implicit.csv' }],
      }).run();
      expect(result.files[0]!.verifiedBy).toBe('sha256');
      expect(await fileHash(join(implicit.uploadDir, 'implicit.csv'))).toBe(sha256(data));
      expect(proxy.output()).toMatch(through('http', implicit.port));
    } finally {
      await implicit.stop();
    }
  });

  it('a wrong proxy password gives the plain message, without retrying', async () => {
    for (const [name, kind] of [
      ['http+auth', 'http'],
      ['socks5+auth', 'socks5'],
    ] as const) {
      const user = sshd.users[0]!;
      const error = await openSession(
        sftpTransport(sshd, user, { proxy: settingOf(kind, proxies[name]!) }),
        {
          password: user.password!,
          proxyPassword: 'wrong-password',
        }
      ).then(
        () => null,
        e => e as TransferError
      );
      expect(error).toBeInstanceOf(TransferError);
      expect(error!.code, error!.message).toBe('proxy.auth-failed');
      expect(error!.retryable).toBe(false);
      expect(error!.message).toMatch(/refused the user name or password/);
      expect(error!.message).not.toContain('wrong-password');
    }
    // No user at all on a proxy that asks for one: 407 in the proxy's words.
    const user = sshd.users[0]!;
    const bare = proxies['http+auth']!;
    const error = await openSession(
      sftpTransport(sshd, user, { proxy: { kind: 'http', host: bare.host, port: bare.port } }),
      {
        password: user.password!,
      }
    ).catch(e => e as TransferError);
    expect((error as TransferError).code).toBe('proxy.auth-failed');
    expect((error as TransferError).message).toMatch(/407/);
  });

  it('a transfer with a wrong proxy password stops at once (one proxy connection, no retries storm)', async () => {
    const user = sshd.users[0]!;
    const { path } = await randomFile(local.dir, 'never.csv', 10_000);
    const socks = proxies['socks5+auth']!;
    // A counting pass-through in front of dante: how many times Courier knocked on the proxy.
    const port = await freePort();
    const counter = await startFaultProxy({
      routes: [{ listenPort: port, targetHost: socks.host, targetPort: socks.port }],
      cutAfter: () => Infinity,
      maxCuts: 0,
    });
    try {
      const error = await new Transfer({
        destinationName: 'test',
        transport: sftpTransport(sshd, user, {
          proxy: { kind: 'socks5', host: socks.host, port, user: socks.auth!.user },
        }),
        secrets: secretsFor(user.password!, 'wrong-password'),
        files: [{ id: 'a', localPath: path, remoteName: 'never.csv' }],
        retry: { attemptsWithoutProgress: 6, baseDelayMs: 10, maxDelayMs: 50 },
      })
        .run()
        .then(
          () => null,
          e => e as TransferError
        );
      expect(error?.code).toBe('proxy.auth-failed');
      expect(error?.message).not.toContain('wrong-password');
      expect(counter.connections()).toBe(1);
    } finally {
      await counter.stop();
    }
  });

  it('a cut SFTP connection is resumed through the proxy (tinyproxy with auth, in front of a cutting link)', async () => {
    const user = sshd.users[0]!;
    const size = 12 * 1024 * 1024;
    const { path, data } = await randomFile(local.dir, 'cut.csv', size);
    const port = await freePort();
    const cutter = await startFaultProxy({
      routes: [{ listenPort: port, targetHost: sshd.host, targetPort: sshd.port }],
      cutAfter: () => 1024 * 1024 + Math.floor(Math.random() * 1024 * 1024),
      maxCuts: 4,
    });
    try {
      const proxy = proxies['http+auth']!;
      const result = await new Transfer({
        destinationName: 'test',
        transport: sftpTransport(sshd, user, { port, proxy: settingOf('http', proxy) }),
        secrets: secretsFor(user.password!, proxy.auth!.password),
        files: [{ id: 'cut', localPath: path, remoteName: 'cut.csv' }],
        retry: { attemptsWithoutProgress: 6, baseDelayMs: 10, maxDelayMs: 100 },
        readBackLimit: size,
      }).run();
      expect(cutter.cuts()).toBe(4);
      expect(result.files[0]!.attempts).toBeGreaterThan(4);
      expect(result.files[0]!.verifiedBy).toBe('sha256');
    } finally {
      await cutter.stop();
    }
    expect(await fileHash(join(user.uploadDir, 'cut.csv'))).toBe(sha256(data));
  });

  it('a cut FTPS upload (control and passive data connections) is resumed through the SOCKS5 proxy', async () => {
    // vsftpd on 127.0.0.2; a cutting link takes its control and passive ports on 127.0.0.1, and
    // Courier reaches that link only through dante (user and password).
    const far = await startVsftpd({ mode: 'explicit', listenAddress: '127.0.0.2', pasvPorts: 6 });
    const port = await freePort();
    const routes = [{ listenPort: port, targetHost: far.host, targetPort: far.port }];
    for (let p = far.pasvMin; p <= far.pasvMax; p++)
      routes.push({ listenPort: p, targetHost: far.host, targetPort: p });
    const cutter = await startFaultProxy({
      routes,
      cutAfter: () => 512 * 1024 + Math.floor(Math.random() * 1024 * 1024),
      maxCuts: 4,
    });
    const size = 8 * 1024 * 1024;
    const { path, data } = await randomFile(local.dir, 'cut-ftps.csv', size);
    try {
      const proxy = proxies['socks5+auth']!;
      const result = await new Transfer({
        destinationName: 'test',
        transport: ftpsTransport(far, {
          host: '127.0.0.1',
          port,
          proxy: settingOf('socks5', proxy),
        }),
        secrets: secretsFor(far.user.password, proxy.auth!.password),
        files: [{ id: 'cut', localPath: path, remoteName: 'cut.csv' }],
        retry: { attemptsWithoutProgress: 6, baseDelayMs: 10, maxDelayMs: 100 },
        readBackLimit: size,
      }).run();
      expect(cutter.cuts()).toBe(4);
      expect(result.files[0]!.attempts).toBeGreaterThan(1);
      expect(result.files[0]!.verifiedBy).toBe('sha256');
      expect(await fileHash(join(far.uploadDir, 'cut.csv'))).toBe(sha256(data));
    } finally {
      await cutter.stop();
      await far.stop();
    }
  });

  it('a proxy that refuses the destination gives the plain message', async () => {
    const user = sshd.users[0]!;
    // Dante only lets connections to 127.0.0.0/8 through: 10.255.255.1 is refused by its rules.
    const error = await openSession(
      sftpTransport(sshd, user, {
        host: '10.255.255.1',
        proxy: settingOf('socks5', proxies['socks5']!),
      }),
      { password: user.password! },
      { timeoutMs: 10_000 }
    ).catch(e => e as TransferError);
    expect((error as TransferError).code).toBe('proxy.refused');
    expect((error as TransferError).message).toMatch(/refused to connect to 10\.255\.255\.1:\d+/);
  });

  it('the connection test shows the proxy as its own step: reached, or refused in plain words', async () => {
    const proxy = proxies['http+auth']!;
    const transport = ftpsTransport(vsftpd, { proxy: settingOf('http', proxy) });
    const good = await testConnection(
      'test',
      transport,
      secretsFor(vsftpd.user.password, proxy.auth!.password)
    );
    expect(good.ok).toBe(true);
    expect(good.steps.map(s => s.id)).toEqual([
      'protocol',
      'proxy',
      'handshake',
      'trust',
      'login',
      'folder',
      'data-connection',
      'write',
    ]);
    expect(good.steps[1]!.message).toBe(
      `Proxy http://${proxy.auth!.user}@127.0.0.1:${proxy.port} reached; it connects to 127.0.0.1:${vsftpd.port}.`
    );
    expect(good.steps[1]!.says).toEqual({
      key: 'connection.proxy.ok',
      params: expect.objectContaining({ server: `127.0.0.1:${vsftpd.port}` }),
    });

    const bad = await testConnection(
      'test',
      ftpsTransport(vsftpd, { proxy: { kind: 'http', host: proxy.host, port: proxy.port } }),
      secretsFor(vsftpd.user.password)
    );
    expect(bad.ok).toBe(false);
    const step = bad.steps.find(s => s.id === 'proxy')!;
    expect(step.status).toBe('failed');
    expect(step.code).toBe('proxy.auth-failed');
    expect(step.message).toMatch(/407/);
    expect(step.advice).toMatch(/proxy user and password/);
    expect(bad.steps.filter(s => s.status === 'skipped').map(s => s.id)).toEqual([
      'handshake',
      'trust',
      'login',
      'folder',
      'data-connection',
      'write',
    ]);

    const down = await testConnection(
      'test',
      sftpTransport(sshd, sshd.users[0]!, {
        proxy: { kind: 'socks5', host: '127.0.0.1', port: await freePort() },
      }),
      secretsFor(sshd.users[0]!.password!)
    );
    expect(down.steps.find(s => s.id === 'proxy')).toMatchObject({
      status: 'failed',
      code: 'proxy.unreachable',
    });
  });

  it('takes the proxy from the environment (ALL_PROXY over HTTPS_PROXY, NO_PROXY honoured)', async () => {
    const socks = proxies['socks5']!;
    const http = proxies['http']!;
    const user = sshd.users[0]!;
    const transport = sftpTransport(sshd, user, { proxy: { kind: 'environment' } });
    const env = {
      HTTPS_PROXY: `http://${http.host}:${http.port}`,
      ALL_PROXY: `socks5h://${socks.host}:${socks.port}`,
    };
    expect(proxyFor(transport, {}, env)).toEqual({
      kind: 'socks5',
      host: socks.host,
      port: socks.port,
    });
    expect(proxyFor(transport, {}, { ...env, NO_PROXY: '127.0.0.1' })).toBeNull();
    // A real send through the environment's proxy (the process environment, as the CLI reads it).
    const saved = { all: process.env.ALL_PROXY, https: process.env.HTTPS_PROXY };
    process.env.ALL_PROXY = env.ALL_PROXY;
    try {
      const { path, data } = await randomFile(local.dir, 'env.csv', 300_000);
      const result = await new Transfer({
        destinationName: 'test',
        transport,
        secrets: secretsFor(user.password!),
        files: [{ id: 'e', localPath: path, remoteName: 'env.csv' }],
      }).run();
      expect(result.files[0]!.verifiedBy).toBe('sha256');
      expect(await fileHash(join(user.uploadDir, 'env.csv'))).toBe(sha256(data));
    } finally {
      if (saved.all === undefined) delete process.env.ALL_PROXY;
      else process.env.ALL_PROXY = saved.all;
    }
  });
});
