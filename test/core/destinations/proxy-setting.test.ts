import { describe, expect, it } from 'vitest';
import {
  bypassesProxy,
  parseProxyUrl,
  proxyFromEnvironment,
  proxyIdentity,
  proxySettingFromText,
} from '../../../src-core/destinations/proxy-setting';
import { Transport } from '../../../src-core/destinations/transport';

describe('proxy URLs', () => {
  it('reads HTTP and SOCKS5 proxies with their default ports, users and passwords', () => {
    expect(parseProxyUrl('http://proxy.corp:3128')).toEqual({
      kind: 'http',
      host: 'proxy.corp',
      port: 3128,
    });
    expect(parseProxyUrl('proxy.corp')).toEqual({ kind: 'http', host: 'proxy.corp', port: 80 });
    expect(parseProxyUrl('socks5h://alice:s%40cret@10.0.0.1')).toEqual({
      kind: 'socks5',
      host: '10.0.0.1',
      port: 1080,
      user: 'alice',
      password: 's@cret',
    });
    expect(parseProxyUrl('socks5://[::1]:1081/')).toEqual({
      kind: 'socks5',
      host: '::1',
      port: 1081,
    });
    expect(parseProxyUrl('ftp://proxy:21')).toBeNull();
    expect(parseProxyUrl('http://proxy:99999')).toBeNull();
    expect(parseProxyUrl('')).toBeNull();
  });

  it('turns --proxy values into a setting, refusing a password in the address', () => {
    expect(proxySettingFromText('env')).toEqual({ kind: 'environment' });
    expect(proxySettingFromText('none')).toEqual({ kind: 'none' });
    expect(proxySettingFromText('socks5://bob@127.0.0.1:1080')).toEqual({
      kind: 'socks5',
      host: '127.0.0.1',
      port: 1080,
      user: 'bob',
    });
    expect(proxySettingFromText('http://bob:pw@proxy:8080')).toEqual({
      error: expect.stringMatching(/--proxy-password-stdin/),
    });
    expect(proxySettingFromText('nonsense://x')).toEqual({
      error: expect.stringMatching(/is not a proxy/),
    });
  });

  it('binds a proxy password to the proxy and its user', () => {
    expect(proxyIdentity({ kind: 'http', host: 'Proxy.Corp', port: 3128, user: 'alice' })).toBe(
      'http://alice@proxy.corp:3128'
    );
  });

  it('is part of a destination transport, and optional', () => {
    const base = { protocol: 'sftp', host: 'h', user: 'u' };
    expect(Transport.parse(base).proxy).toBeUndefined();
    expect(
      Transport.parse({ ...base, proxy: { kind: 'socks5', host: 'p', port: 1080, user: 'a' } })
        .proxy
    ).toEqual({
      kind: 'socks5',
      host: 'p',
      port: 1080,
      user: 'a',
    });
    expect(
      Transport.safeParse({ ...base, proxy: { kind: 'http', host: 'p', port: 0 } }).success
    ).toBe(false);
  });
});

describe('the environment’s proxy', () => {
  it('prefers ALL_PROXY to HTTPS_PROXY, and lower-case names to upper-case ones', () => {
    expect(proxyFromEnvironment({ HTTPS_PROXY: 'http://a:1' }, 'h', 22)).toMatchObject({
      host: 'a',
    });
    expect(
      proxyFromEnvironment({ HTTPS_PROXY: 'http://a:1', ALL_PROXY: 'socks5://b:2' }, 'h', 22)
    ).toMatchObject({ kind: 'socks5', host: 'b' });
    expect(
      proxyFromEnvironment({ https_proxy: 'http://low:1', HTTPS_PROXY: 'http://up:1' }, 'h', 22)
    ).toMatchObject({ host: 'low' });
    expect(proxyFromEnvironment({}, 'h', 22)).toBeNull();
  });

  it('leaves out the hosts NO_PROXY names', () => {
    const env = {
      HTTPS_PROXY: 'http://proxy:3128',
      no_proxy: 'localhost,.internal.example, sftp.vendor.com:2222',
    };
    expect(proxyFromEnvironment(env, 'localhost', 22)).toBeNull();
    expect(proxyFromEnvironment(env, 'files.internal.example', 21)).toBeNull();
    expect(proxyFromEnvironment(env, 'sftp.vendor.com', 2222)).toBeNull();
    expect(proxyFromEnvironment(env, 'sftp.vendor.com', 22)).toMatchObject({ host: 'proxy' });
    expect(bypassesProxy('*', 'anything', 1)).toBe(true);
    expect(bypassesProxy('example.com', 'sub.example.com', 1)).toBe(true);
    expect(bypassesProxy('example.com', 'badexample.com', 1)).toBe(false);
    expect(bypassesProxy('10.1.2.3', '10.1.2.3', 21)).toBe(true);
  });
});
