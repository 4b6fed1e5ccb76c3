import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** Where "Install the courier command" puts the command (on the PATH of macOS and most Linux). */
export const COMMAND_LINK = '/usr/local/bin/courier';

/** The argument with which the app binary hands its other arguments to the CLI (AppImage). */
export const CLI_HANDOFF_ARGUMENT = '--courier-cli';

/** How this build gets the `courier` command onto the PATH from the app menu. */
export type CommandInstall =
  /** macOS: a symlink to the launcher inside Courier.app (it follows links to find the app). */
  | Readonly<{ kind: 'symlink'; link: string; target: string }>
  /** AppImage: its files vanish when it exits, so a small script runs the AppImage itself. */
  | Readonly<{ kind: 'script'; link: string; script: string }>;

/** Quotes a value for /bin/sh (single quotes; a quote inside becomes '\''). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * What "Install the courier command" does in this build, or null where the installer already put
 * `courier` on the PATH (deb: /usr/bin/courier; Windows: the NSIS installer) or in development.
 */
export function commandInstallPlan(
  options: Readonly<{
    platform: NodeJS.Platform;
    isPackaged: boolean;
    resourcesPath: string;
    env: NodeJS.ProcessEnv;
  }>
): CommandInstall | null {
  if (!options.isPackaged) return null;
  if (options.platform === 'darwin') {
    return {
      kind: 'symlink',
      link: COMMAND_LINK,
      target: join(options.resourcesPath, 'bin', 'courier'),
    };
  }
  const appImage = options.env.APPIMAGE;
  if (options.platform === 'linux' && appImage) {
    const script = [
      '#!/bin/sh',
      '# The `courier` command, written by Courier (AppImage) from "Install the courier command".',
      `exec ${shellQuote(appImage)} ${CLI_HANDOFF_ARGUMENT} "$@"`,
      '',
    ].join('\n');
    return { kind: 'script', link: COMMAND_LINK, script };
  }
  return null;
}

/** What installing touches: the file system and, when that is refused, an administrator's consent. */
export type InstallDeps = Readonly<{
  platform: NodeJS.Platform;
  /** Runs a /bin/sh command as administrator, after the system asked the person for permission. */
  runAsAdministrator: (shellCommand: string) => Promise<void>;
  /** A folder for the AppImage's script before it is moved into place (default: a new temp folder). */
  scratchFolder?: () => Promise<string>;
}>;

/**
 * Installs the command as planned: directly when the person may write to /usr/local/bin, else
 * through the system's administrator prompt (macOS: the password dialog; Linux: polkit).
 */
export async function installCommand(plan: CommandInstall, deps: InstallDeps): Promise<void> {
  const scratch = deps.scratchFolder ?? (() => mkdtemp(join(tmpdir(), 'courier-command-')));
  try {
    await mkdir(dirname(plan.link), { recursive: true });
    await rm(plan.link, { force: true });
    if (plan.kind === 'symlink') await symlink(plan.target, plan.link);
    else await writeFile(plan.link, plan.script, { mode: 0o755 });
    return;
  } catch (error) {
    if (!isPermissionError(error)) throw error;
  }
  const folder = shellQuote(dirname(plan.link));
  const link = shellQuote(plan.link);
  if (plan.kind === 'symlink') {
    await deps.runAsAdministrator(
      `mkdir -p ${folder} && ln -sfn ${shellQuote(plan.target)} ${link}`
    );
    return;
  }
  const dir = await scratch();
  const staged = join(dir, 'courier');
  try {
    await writeFile(staged, plan.script, { mode: 0o755 });
    await deps.runAsAdministrator(
      `mkdir -p ${folder} && install -m 755 ${shellQuote(staged)} ${link}`
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EACCES' || code === 'EPERM';
}

/** Quotes a value inside an AppleScript string literal. */
function appleScriptString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The system's own administrator prompt: osascript on macOS, pkexec (polkit) on Linux. */
export function systemAdministratorRunner(
  platform: NodeJS.Platform
): (shellCommand: string) => Promise<void> {
  const run = promisify(execFile);
  return async shellCommand => {
    if (platform === 'darwin') {
      await run('/usr/bin/osascript', [
        '-e',
        `do shell script ${appleScriptString(shellCommand)} with administrator privileges`,
      ]);
    } else {
      await run('pkexec', ['/bin/sh', '-c', shellCommand]);
    }
  };
}

/**
 * When the app binary was started as `… --courier-cli ARGS` (the AppImage's `courier` script),
 * the command to run instead of the app: the bundled CLI with this same binary in Node mode.
 */
export function cliHandoff(
  argv: readonly string[],
  options: Readonly<{ execPath: string; resourcesPath: string }>
): Readonly<{ command: string; args: string[]; env: Readonly<Record<string, string>> }> | null {
  const at = argv.indexOf(CLI_HANDOFF_ARGUMENT);
  if (at < 0) return null;
  return {
    command: options.execPath,
    args: [join(options.resourcesPath, 'app.asar', 'out', 'main', 'cli.js'), ...argv.slice(at + 1)],
    env: { ELECTRON_RUN_AS_NODE: '1' },
  };
}
