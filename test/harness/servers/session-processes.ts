import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { chmod, readFile as readText } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireProgram } from './programs';

const run = promisify(execFile);

async function parentOf(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (in parentheses) may hold spaces: the fields after its last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return null;
  }
}

/** Every process descending from `root` (a server's per-session processes), deepest last. */
export async function descendants(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const parent = await parentOf(Number(name));
    if (parent !== null) parents.set(Number(name), parent);
  }
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length) {
    const next = [...parents].filter(([, parent]) => frontier.includes(parent)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/**
 * Kills a server's session processes with SIGKILL (a server-side cut mid-upload): every
 * descendant of the listening daemon, which itself keeps running. Resolves with how many died.
 */
export async function killSessions(daemonPid: number): Promise<number> {
  const pids = await descendants(daemonPid);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return pids.length;
}

/** A self-signed EC certificate for 127.0.0.1 in `dir`: paths, PEM and SHA-256 fingerprint. */
export async function selfSignedCertificate(
  dir: string
): Promise<{ certPath: string; keyPath: string; certPem: string; fingerprint: string }> {
  const openssl = requireProgram('/usr/bin/openssl', 'openssl');
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  await run(openssl, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ]);
  await chmod(keyPath, 0o600);
  const certPem = await readText(certPath, 'utf8');
  return { certPath, keyPath, certPem, fingerprint: new X509Certificate(certPem).fingerprint256 };
}
