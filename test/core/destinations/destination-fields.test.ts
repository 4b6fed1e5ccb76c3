import { describe, expect, it } from 'vitest';
import { parseDestination } from '../../../src-core/destinations/destination';
import { Transport } from '../../../src-core/destinations/transport';

// Issue 13, item 10: control characters in the host, user or folder are refused by the schema.
const base = { version: 1, name: 'Drop', columns: [{ name: 'Email' }] };
const withFields = (host: string, user: string, folder: string) => ({
  ...base,
  folder,
  transport: { protocol: 'sftp', host, user },
});

describe('destination connection fields', () => {
  it('refuses a control character in the host, user or folder, with a code naming the field', () => {
    const refused: Array<[string, string, string, string]> = [
      ['a.example.com\r\nQUIT', 'u', '/', 'destination.host-invalid'],
      ['a.exa mple.com', 'u', '/', 'destination.host-invalid'],
      ['a.example.com\u0085', 'u', '/', 'destination.host-invalid'],
      ['a.example.com', 'u\nPASS x', '/', 'destination.user-invalid'],
      ['a.example.com', 'u\u0000', '/', 'destination.user-invalid'],
      ['a.example.com', 'u', '/in\r\nDELE x', 'destination.folder-invalid'],
      ['a.example.com', 'u', '/in\u001b[31m', 'destination.folder-invalid'],
      ['a.example.com', 'u', '/in\u2029', 'destination.folder-invalid'],
    ];
    for (const [host, user, folder, code] of refused) {
      expect(() => parseDestination(withFields(host, user, folder)), code).toThrow(
        expect.objectContaining({ code })
      );
    }
    expect(() => parseDestination(withFields('a.example.com\t', 'u', '/'))).not.toThrow(); // a trailing tab is trimmed like a space
    const ok = parseDestination(withFields(' a.example.com ', 'Jean Dupont', '/dépôt/in box'));
    expect(ok.transport.host).toBe('a.example.com');
    expect(ok.transport.user).toBe('Jean Dupont');
    expect(ok.folder).toBe('/dépôt/in box');
  });

  it('the complete connection settings use the same rules (a destination saved before is refused before it connects)', () => {
    expect(
      Transport.safeParse({ protocol: 'sftp', host: 'a.example.com', user: 'u', folder: '/in\n' })
        .success
    ).toBe(false);
    expect(Transport.safeParse({ protocol: 'sftp', host: 'a\u0000b', user: 'u' }).success).toBe(
      false
    );
    expect(
      Transport.safeParse({ protocol: 'sftp', host: '', user: 'u' }).error?.issues[0]?.message
    ).toBe('The server name is missing.');
    expect(
      Transport.safeParse({ protocol: 'sftp', host: 'a.example.com', user: 'u' }).success
    ).toBe(true);
  });
});
