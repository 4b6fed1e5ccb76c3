import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the test servers keep their files: a root-owned, non-world-writable base.
 *
 * Not under /tmp: sshd's StrictModes refuses an authorized_keys file below a world-writable
 * directory (every component of the path must be owned by root or the user and not writable by
 * group or others), and the servers' test accounts must be able to traverse the path.
 */
export const serverBase = '/var/lib/courier-test';

/** A fresh folder for one server instance (mode 755, so its accounts can reach their homes). */
export async function makeServerRoot(prefix: string): Promise<string> {
  await mkdir(serverBase, { recursive: true, mode: 0o755 });
  await chmod(serverBase, 0o755);
  const root = await mkdtemp(join(serverBase, `${prefix}-`));
  await chmod(root, 0o755);
  return root;
}

/** Removes a server instance's folder. */
export async function removeServerRoot(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true, maxRetries: 10 });
}
