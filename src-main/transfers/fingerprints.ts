import { createHash } from 'node:crypto';

/** An SSH public key blob's fingerprint exactly as `ssh-keygen -lf` prints it: `SHA256:` + base64 without padding. */
export function sshKeyFingerprint(keyBlob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** Normalises a certificate fingerprint (`SHA256:`-prefixed or bare, colons or not) to `AA:BB:…`. */
export function normaliseTlsFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/^SHA256:/i, '').replace(/:/g, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? hex;
}

/** Whether two certificate fingerprints are the same, whatever their spelling. */
export function sameTlsFingerprint(a: string, b: string): boolean {
  return normaliseTlsFingerprint(a) === normaliseTlsFingerprint(b);
}
