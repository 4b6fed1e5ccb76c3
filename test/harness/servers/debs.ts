import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where scripts/server-debs.mjs unpacks ProFTPD and Pure-FTPd (their packages conflict with vsftpd). */
export const serverDebsRoot = join(
  process.env.COURIER_TEST_SERVERS ?? '/var/cache/courier-test-servers',
  'root'
);

/** A program from the unpacked server packages; fails saying how to fetch them when missing. */
export function requireUnpacked(relativePath: string): string {
  const path = join(serverDebsRoot, relativePath);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing; fetch the test servers with: sudo node scripts/server-debs.mjs`
    );
  }
  return path;
}
