import { describe, expect, it } from 'vitest';
import { keychainError } from '../../../src-main/secrets/secret-store';

// The texts below are what @napi-rs/keyring reported on this machine (gnome-keyring, D-Bus) and
// what macOS's Security framework says for a locked keychain; each must become a plain sentence.
const cases: ReadonlyArray<[text: string, code: string]> = [
  [
    "Couldn't access platform storage: Secret Service: unlock prompt was dismissed",
    'secrets.locked',
  ],
  [
    'zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object',
    'secrets.locked',
  ],
  ['Platform failure: User interaction is not allowed.', 'secrets.locked'],
  ["Couldn't access platform storage: Secret Service: no result found", 'secrets.unavailable'],
  [
    'Platform failure: DBus error: Failed to connect to socket /nonexistent: No such file or directory',
    'secrets.unavailable',
  ],
  [
    'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
    'secrets.unavailable',
  ],
  [
    'org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
    'secrets.unavailable',
  ],
  ['The operation was aborted due to timeout', 'secrets.timeout'],
  ['Entry is ambiguous: 2 credentials match', 'secrets.refused'],
];

describe('keychainError', () => {
  it.each(cases)('turns “%s” into %s', (text, code) => {
    const error = keychainError(
      Object.assign(new Error(text), { code: 'GenericFailure' }),
      'linux'
    );
    expect(error.code).toBe(code);
    expect(error.message).not.toMatch(/zbus|DBus error|GenericFailure/);
  });

  it('says the same sentence for every locked keychain', () => {
    expect(keychainError(new Error('unlock prompt was dismissed'), 'linux').message).toBe(
      'Your system keychain is locked. Unlock it and try again.'
    );
  });

  it('names the Secret Service only on Linux', () => {
    expect(keychainError(new Error('Platform failure: no storage'), 'linux').message).toMatch(
      /Secret Service/
    );
    expect(keychainError(new Error('Platform failure: no storage'), 'win32').message).not.toMatch(
      /Secret Service/
    );
  });
});
