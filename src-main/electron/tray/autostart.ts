import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Linux desktops look for programs to start at login (XDG autostart). */
export function autostartFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart', 'courier.desktop');
}

/** Quotes one argument for a desktop entry's Exec line (the spec's rules for reserved characters). */
function quoteExec(arg: string): string {
  if (!/[\s"'\\$`<>|&;()*?#~]/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/**
 * Starts Courier at login on Linux, or stops doing so: writes or removes an XDG autostart entry
 * (Electron's `setLoginItemSettings` covers only Windows and macOS). Courier starts hidden, in
 * the tray.
 */
export async function setLinuxAutostart(
  enabled: boolean,
  executable: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<string> {
  const file = autostartFile(env);
  if (!enabled) {
    await rm(file, { force: true });
    return file;
  }
  await mkdir(join(file, '..'), { recursive: true });
  const entry = [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Courier',
    'Comment=Sends contact exports on schedule',
    `Exec=${quoteExec(executable)} --hidden`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
  await writeFile(file, entry, { mode: 0o644 });
  return file;
}
