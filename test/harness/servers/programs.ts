import { existsSync } from 'node:fs';

/**
 * Fails with a message naming the apt package when a system program the tests run is missing.
 *
 * Tests never skip silently: a missing server is a failure that says how to fix it.
 */
export function requireProgram(path: string, aptPackage: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is not installed; install it with: sudo apt-get install -y ${aptPackage}`
    );
  }
  return path;
}
