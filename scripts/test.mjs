#!/usr/bin/env node
// `npm test`: makes sure the system programs the tests use are present (installing them with
// apt-get when run as root on Debian/Ubuntu, otherwise printing the exact command), builds the
// app (the browser tests load the built renderer), then runs every test inside a private D-Bus
// session with an unlocked gnome-keyring, so the keychain tests talk to a real Secret Service.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServerDebs } from './server-debs.mjs';
import { systemPackages } from './system-packages.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  // The transfer tests run real sshd, vsftpd, ProFTPD and Pure-FTPd logins, which need real local accounts: the
  // harness creates temporary ones (useradd) and removes them afterwards.
  console.error('The tests start real OpenSSH and vsftpd servers with temporary local accounts, which needs root.');
  console.error('Run them with:\n  sudo npm test\n');
  process.exit(1);
}

const missing = systemPackages.filter(p => !existsSync(p.program));
if (missing.length > 0) {
  const pkgs = [...new Set(missing.map(p => p.pkg))];
  const hasApt = existsSync('/usr/bin/apt-get');
  if (hasApt) {
    console.log(`Installing what the tests need: ${pkgs.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
    if (!install || install.status !== 0) {
      console.error(`Could not install ${pkgs.join(' ')} with apt-get.`);
      process.exit(1);
    }
  } else {
    console.error('The tests need programs that are not installed:');
    for (const p of missing) console.error(`  ${p.program}  (${p.pkg}: ${p.why})`);
    console.error(`\nInstall them with:\n  sudo apt-get install -y ${pkgs.join(' ')}\n`);
    process.exit(1);
  }
}

// ProFTPD and Pure-FTPd (interoperability tests) conflict with vsftpd as packages: they are
// unpacked into a cache folder instead (fast when already there).
try {
  ensureServerDebs();
} catch (error) {
  console.error(`Could not fetch the ProFTPD and Pure-FTPd packages the tests run: ${error.message}`);
  process.exit(1);
}

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
};

if (run('npx', ['electron-vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);

const vitestArgs = process.argv.slice(2).map(a => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
const xdgData = mkdtempSync(join(tmpdir(), 'courier-keyring-'));
// gnome-keyring keeps its control socket in $XDG_RUNTIME_DIR/keyring (else in ~/.cache, shared by
// every run as the same user): each run has its own, so two test runs on one machine share nothing
// of their keychains (a precaution; no harm from sharing was reproduced).
const runtimeDir = mkdtempSync(join(tmpdir(), 'courier-runtime-'));
// If the Secret Service goes away mid-run (seen a few times on a loaded machine; cause unknown),
// D-Bus starts it again from this run's own service file — unlocked with the run's password, as
// at the start, instead of the system's locked default — and says so after the tests.
const restarts = join(xdgData, 'keyring-restarts.log');
mkdirSync(join(xdgData, 'dbus-1', 'services'), { recursive: true });
writeFileSync(
  join(xdgData, 'dbus-1', 'services', 'org.freedesktop.secrets.service'),
  `[D-BUS Service]
Name=org.freedesktop.secrets
Exec=/bin/sh -c "date >> '${restarts}'; printf test | exec /usr/bin/gnome-keyring-daemon --foreground --unlock --components=secrets"
`
);
const script = `
  echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  i=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \\
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; do
    i=$((i+1)); if [ $i -gt 200 ]; then echo 'gnome-keyring did not start' >&2; exit 1; fi; sleep 0.05
  done
  exec npx vitest run ${vitestArgs}`;
const status = run('dbus-run-session', ['--', 'sh', '-c', script], { env: { ...process.env, XDG_DATA_HOME: xdgData, XDG_RUNTIME_DIR: runtimeDir, COURIER_TEST_KEYRING: '1' } });
if (existsSync(restarts)) {
  const times = readFileSync(restarts, 'utf8').trim().split('\n');
  console.error(`Note: the test keychain (gnome-keyring) went away and was started again ${times.length} time(s): ${times.join('; ')}.`);
}
process.exit(status);
