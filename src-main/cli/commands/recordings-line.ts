import type { RunRecordings } from '../../../src-core/history/run';

const megabytes = (bytes: number): string =>
  bytes < 1e6 ? `${(bytes / 1e3).toFixed(0)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;

/** What a send did with its recordings, in one line. */
export function recordingsLine(r: RunRecordings): string {
  const n = (v: number) => v.toLocaleString('en');
  const before = r.count - r.uploaded;
  return `${n(r.uploaded)} of ${n(r.count)} recordings sent (${megabytes(r.uploadedBytes)} of ${megabytes(r.bytes)}) to ${r.remoteFolder}${before > 0 ? `; ${n(before)} were there already` : ''}.`;
}
