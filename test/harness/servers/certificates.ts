import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireProgram } from './programs';

const run = promisify(execFile);

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
  const certPem = await readFile(certPath, 'utf8');
  return { certPath, keyPath, certPem, fingerprint: new X509Certificate(certPem).fingerprint256 };
}
