import { describe, expect, it } from 'vitest';
import { Destination } from '../../../src-core/destinations/destination';
import {
  formatSecretSource,
  parseSecretSourceOption,
  splitCommandLine,
} from '../../../src-core/destinations/secret-source';

describe('where a destination’s secret comes from', () => {
  it('reads each CLI spelling and writes it back the same way', () => {
    const cases: Array<[string, unknown]> = [
      ['keychain', { kind: 'keychain' }],
      ['systemd:vendor-password', { kind: 'systemd-credential', name: 'vendor-password' }],
      ['env:VENDOR_PASSWORD', { kind: 'environment', variable: 'VENDOR_PASSWORD' }],
      ['ssh-agent', { kind: 'ssh-agent' }],
      ['key-file:/etc/courier/id_ed25519', { kind: 'key-file', path: '/etc/courier/id_ed25519' }],
      ['command:pass show vendor/sftp', { kind: 'command', argv: ['pass', 'show', 'vendor/sftp'] }],
    ];
    for (const [text, source] of cases) {
      expect(parseSecretSourceOption(text), text).toEqual(source);
      expect(formatSecretSource(source as never)).toBe(text);
    }
  });

  it('splits a password command into words like a shell quotes them, without a shell', () => {
    expect(splitCommandLine(`op read "op://Vault/SFTP login/password"`)).toEqual([
      'op',
      'read',
      'op://Vault/SFTP login/password',
    ]);
    expect(splitCommandLine(`vault kv get -field=password 'secret/courier'`)).toEqual([
      'vault',
      'kv',
      'get',
      '-field=password',
      'secret/courier',
    ]);
    // Shell syntax is just text: no variables, pipes or globs.
    expect(splitCommandLine('cat $HOME/x | sh *')).toEqual(['cat', '$HOME/x', '|', 'sh', '*']);
    expect(splitCommandLine(`pwsh -Command "Get-Secret -Name \\"sftp\\" -AsPlainText"`)).toEqual([
      'pwsh',
      '-Command',
      'Get-Secret -Name "sftp" -AsPlainText',
    ]);
    expect(splitCommandLine("a '' b")).toEqual(['a', '', 'b']);
    expect(() => splitCommandLine('pass "show')).toThrow(/quote is not closed/);
    expect(
      formatSecretSource({
        kind: 'command',
        argv: ['op', 'read', 'op://Vault/SFTP login/password'],
      })
    ).toBe("command:op read 'op://Vault/SFTP login/password'");
  });

  it('refuses what is not a source, in a sentence', () => {
    expect(parseSecretSourceOption('vault')).toMatch(/choose keychain, systemd:NAME/);
    expect(parseSecretSourceOption('env:1BAD-NAME')).toMatch(/environment variable name/);
    expect(parseSecretSourceOption('systemd:../etc/shadow')).toMatch(/cannot contain \//);
    expect(parseSecretSourceOption('command:')).toMatch(/needs a program/);
    expect(parseSecretSourceOption('ssh-agent:/tmp/x')).toMatch(/takes nothing after it/);
  });

  it('is kept in the destination’s connection; an older destination without it uses the keychain', () => {
    const base = { version: 1, name: 'Vendor', columns: [{ name: 'Email' }] };
    expect(Destination.parse(base).transport.secretSource).toBeUndefined();
    const withSource = Destination.parse({
      ...base,
      transport: { secretSource: { kind: 'environment', variable: 'X' } },
    });
    expect(withSource.transport.secretSource).toEqual({ kind: 'environment', variable: 'X' });
    expect(
      Destination.safeParse({ ...base, transport: { secretSource: { kind: 'command', argv: [] } } })
        .success
    ).toBe(false);
  });
});
