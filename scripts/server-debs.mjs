#!/usr/bin/env node
// Fetches the FTP servers the interoperability tests run besides sshd and vsftpd: ProFTPD (with
// mod_tls and mod_sftp) and Pure-FTPd. Their Debian packages conflict with vsftpd's, so they are
// not installed: `apt-get download` fetches the .debs into a cache folder, `dpkg -x` unpacks them
// there, and only the shared libraries their binaries miss are installed with apt-get. The test
// harness (test/harness/servers/proftpd.ts, pureftpd.ts) runs the daemons from that folder.
//
// Idempotent: a cache holding the unpacked servers whose libraries all resolve returns at once.
// Run as root on Debian (scripts/test.mjs and .ci/run call it). `--print` prints the folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the unpacked servers live (the harness reads the same variable or default). */
export const serverCache = process.env.COURIER_TEST_SERVERS ?? '/var/cache/courier-test-servers';

/** The Debian packages holding the servers and their modules. */
export const serverDebs = ['proftpd-core', 'proftpd-mod-crypto', 'pure-ftpd', 'pure-ftpd-common'];

/** The binaries (and DSO modules) whose shared libraries must resolve. */
const binaries = [
  'usr/sbin/proftpd',
  'usr/lib/proftpd/mod_tls.so',
  'usr/lib/proftpd/mod_sftp.so',
  'usr/sbin/pure-ftpd',
];

const root = join(serverCache, 'root');
const stamp = join(serverCache, `ready-${serverDebs.join('+')}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) throw r.error;
  return r;
}

/** Library names (libfoo.so.N) that `ldd` cannot find for the unpacked binaries. */
function missingLibraries() {
  const missing = new Set();
  for (const rel of binaries) {
    const path = join(root, rel);
    if (!existsSync(path)) return null;
    const out =
      run('ldd', [path], {
        env: { ...process.env, LD_LIBRARY_PATH: join(root, 'usr/lib/x86_64-linux-gnu') },
      }).stdout ?? '';
    for (const m of out.matchAll(/^\s*(\S+) => not found/gm)) missing.add(m[1]);
  }
  return [...missing];
}

function ready() {
  if (!existsSync(stamp)) return false;
  const missing = missingLibraries();
  return missing !== null && missing.length === 0;
}

function fetchAndUnpack() {
  const debs = join(serverCache, 'debs');
  rmSync(debs, { recursive: true, force: true });
  mkdirSync(debs, { recursive: true });
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let dl = run('apt-get', ['download', '-qq', ...serverDebs], { cwd: debs, env });
  if (dl.status !== 0) {
    run('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
    dl = run('apt-get', ['download', '-qq', ...serverDebs], { cwd: debs, env });
  }
  if (dl.status !== 0)
    throw new Error(`apt-get download ${serverDebs.join(' ')} failed: ${dl.stderr}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const deb of readdirSync(debs).filter(f => f.endsWith('.deb'))) {
    const x = run('dpkg', ['-x', join(debs, deb), root]);
    if (x.status !== 0) throw new Error(`dpkg -x ${deb} failed: ${x.stderr}`);
  }
}

/** The library packages (lib*) the unpacked .debs depend on that are not installed. */
function uninstalledLibraryDepends() {
  const debs = join(serverCache, 'debs');
  const wanted = new Set();
  for (const deb of readdirSync(debs).filter(f => f.endsWith('.deb'))) {
    const depends = run('dpkg-deb', ['-f', join(debs, deb), 'Depends']).stdout ?? '';
    for (const alternative of depends.split(',')) {
      const name = alternative.split('|')[0].trim().split(/\s/)[0];
      if (/^lib/.test(name) && !/^libpam-(runtime|modules)$/.test(name)) wanted.add(name);
    }
  }
  return [...wanted].filter(name => {
    const q = run('dpkg-query', ['-W', '-f=${Status}', name]);
    return !(q.status === 0 && /install ok installed/.test(q.stdout));
  });
}

function installLibraries() {
  const pkgs = uninstalledLibraryDepends();
  if (pkgs.length === 0) return;
  console.log(`Installing the libraries the test servers need: ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let inst = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
    env,
    stdio: 'inherit',
  });
  if (inst.status !== 0) {
    run('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
    inst = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
      env,
      stdio: 'inherit',
    });
  }
  if (inst.status !== 0) throw new Error(`apt-get install ${pkgs.join(' ')} failed.`);
}

/** Makes sure the servers are unpacked and runnable; returns the cache folder's root. */
export function ensureServerDebs() {
  if (ready()) return root;
  mkdirSync(serverCache, { recursive: true });
  if (missingLibraries() === null) fetchAndUnpack();
  const missing = missingLibraries();
  if (missing === null)
    throw new Error(`The unpacked packages lack one of ${binaries.join(', ')}.`);
  if (missing.length) installLibraries();
  const still = missingLibraries();
  if (still.length) throw new Error(`Still missing after install: ${still.join(' ')}`);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return root;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const where = ensureServerDebs();
    if (process.argv.includes('--print')) console.log(where);
  } catch (error) {
    console.error(String(error?.message ?? error));
    process.exit(1);
  }
}
