import { describe, expect, it } from 'vitest';
import { parsePacResult } from '../../../src-core/destinations/pac-result';
import { proxySettingFromText } from '../../../src-core/destinations/proxy-setting';

// What Electron's session.resolveProxy answers (the OS settings, a PAC file), read into the
// proxy Courier goes through: the first entry it can use, in order.
describe('parsePacResult', () => {
  it('takes the first usable entry: PROXY is an HTTP CONNECT proxy', () => {
    expect(parsePacResult('PROXY proxy.corp.example:3128; SOCKS5 socks.corp:1080; DIRECT')).toEqual(
      {
        proxy: { kind: 'http', host: 'proxy.corp.example', port: 3128 },
        skipped: [],
      }
    );
  });
  it('reads SOCKS5, HTTP, IPv6 and a missing port', () => {
    expect(parsePacResult('SOCKS5 10.0.0.5:1081').proxy).toEqual({
      kind: 'socks5',
      host: '10.0.0.5',
      port: 1081,
    });
    expect(parsePacResult('HTTP [2001:db8::1]:8080').proxy).toEqual({
      kind: 'http',
      host: '2001:db8::1',
      port: 8080,
    });
    expect(parsePacResult('PROXY proxy').proxy).toEqual({ kind: 'http', host: 'proxy', port: 80 });
    expect(parsePacResult('socks5 s').proxy).toEqual({ kind: 'socks5', host: 's', port: 1080 });
  });
  it('DIRECT (or nothing at all) is a direct connection', () => {
    expect(parsePacResult('DIRECT')).toEqual({ proxy: null, skipped: [] });
    expect(parsePacResult('')).toEqual({ proxy: null, skipped: [] });
    expect(parsePacResult('  ;  ')).toEqual({ proxy: null, skipped: [] });
  });
  it('skips what cannot carry SFTP or FTPS (SOCKS4, HTTPS and QUIC proxies, garbage), in order', () => {
    expect(
      parsePacResult('SOCKS old:1080; HTTPS secure:443; QUIC q:443; PROXY a:b; PROXY ok:8080')
    ).toEqual({
      proxy: { kind: 'http', host: 'ok', port: 8080 },
      skipped: ['SOCKS old:1080', 'HTTPS secure:443', 'QUIC q:443', 'PROXY a:b'],
    });
    expect(parsePacResult('SOCKS old:1080; DIRECT')).toEqual({
      proxy: null,
      skipped: ['SOCKS old:1080'],
    });
    expect(parsePacResult('PROXY p:70000').proxy).toBeNull();
  });
  it('“system” is a proxy setting of its own (--proxy system)', () => {
    expect(proxySettingFromText('system')).toEqual({ kind: 'system' });
    expect(proxySettingFromText(' SYSTEM ')).toEqual({ kind: 'system' });
  });
});
