import { describe, expect, it } from 'vitest';
import { sameServer, serverIdentity } from '../../../src-core/destinations/server-identity';

describe('serverIdentity', () => {
  it('names protocol, user, host and port, with the default port written out', () => {
    expect(serverIdentity({ protocol: 'sftp', host: 'Files.Example.com ', user: 'anna' })).toBe(
      'sftp://anna@files.example.com:22'
    );
    expect(serverIdentity({ protocol: 'ftps-implicit', host: 'h', user: 'a@b', port: 990 })).toBe(
      'ftps-implicit://a%40b@h:990'
    );
  });

  it('tells servers apart by any of the four parts, and not by letter case of the host', () => {
    const base = { protocol: 'ftps' as const, host: 'ftp.example.com', user: 'acme' };
    expect(sameServer(base, { ...base, host: 'FTP.example.com', port: 21 })).toBe(true);
    expect(sameServer(base, { ...base, host: 'ftp.example.net' })).toBe(false);
    expect(sameServer(base, { ...base, port: 2121 })).toBe(false);
    expect(sameServer(base, { ...base, protocol: 'ftp' })).toBe(false);
    expect(sameServer(base, { ...base, user: 'acme2' })).toBe(false);
    // A user name cannot pose as part of the host.
    expect(sameServer({ ...base, user: 'a@evil' }, { ...base, user: 'a' })).toBe(false);
  });
});
