// The system programs Courier's tests run for real, and the Debian package of each.
// Shared by `npm test` (scripts/test.mjs) and CI (.ci/run).
export const systemPackages = [
  {
    program: '/usr/sbin/sshd',
    pkg: 'openssh-server',
    why: 'SFTP transfer tests (real OpenSSH server)',
  },
  {
    program: '/usr/bin/ssh-keygen',
    pkg: 'openssh-client',
    why: 'host keys and key fingerprints; the sftp benchmark',
  },
  {
    program: '/usr/bin/ssh-agent',
    pkg: 'openssh-client',
    why: 'SFTP key login through an SSH agent (ssh-agent and ssh-add)',
  },
  {
    program: '/usr/sbin/vsftpd',
    pkg: 'vsftpd',
    why: 'FTPS transfer tests (real vsftpd, explicit and implicit)',
  },
  {
    program: '/usr/bin/openssl',
    pkg: 'openssl',
    why: 'self-signed certificates for the FTPS server',
  },
  {
    program: '/usr/bin/gnome-keyring-daemon',
    pkg: 'gnome-keyring',
    why: 'keychain tests (real Secret Service)',
  },
  {
    program: '/usr/bin/dbus-run-session',
    pkg: 'dbus-daemon',
    why: 'a private D-Bus session for the keychain',
  },
  {
    program: '/usr/bin/dbus-send',
    pkg: 'dbus-bin',
    why: 'waiting for the Secret Service to appear',
  },
  {
    program: '/usr/bin/chromium',
    pkg: 'chromium',
    why: 'renderer and end-to-end tests in a real browser',
  },
  {
    program: '/usr/bin/tinyproxy',
    pkg: 'tinyproxy',
    why: 'HTTP CONNECT proxy tests (real tinyproxy, with and without basic authentication)',
  },
  {
    program: '/usr/sbin/danted',
    pkg: 'dante-server',
    why: 'SOCKS5 proxy tests (real Dante, with and without user/password)',
  },
  { program: '/usr/bin/curl', pkg: 'curl', why: 'the FTPS reference in the benchmark' },
  {
    program: '/usr/bin/zip',
    pkg: 'zip',
    why: 'real ZIP64 archives (zip -fz) in the reading tests',
  },
];
