import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensureSettingsFolder } from './settings-file';

/**
 * The settings folder: destinations, mappings, jobs, history, ledger.
 *
 * `--home DIR` wins, then `COURIER_HOME`, then the app's own user-data folder (the same path
 * Electron's `app.getPath('userData')` gives for the product name "Courier"), so the CLI and the
 * app share one configuration.
 */
export function resolveHome(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.COURIER_HOME) return env.COURIER_HOME;
  return defaultUserDataFolder(env);
}

/** Electron's default userData folder for an app named "Courier" on this platform. */
export function defaultUserDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Courier');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Courier');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Courier');
}

/** Creates the settings folder (private to the user) if needed and returns it. */
export async function ensureHome(home: string): Promise<string> {
  // A file in its place, or a read-only disk where it would be made: said in plain words.
  await ensureSettingsFolder(home);
  return home;
}
