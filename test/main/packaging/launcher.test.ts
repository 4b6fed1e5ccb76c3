import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLI_HANDOFF_ARGUMENT,
  cliHandoff,
  commandInstallPlan,
  installCommand,
  shellQuote,
} from '../../../src-main/electron/command/install-command';
import { tempHome } from '../../harness/temp-home';

const root = join(import.meta.dirname, '..', '..', '..');
const launcher = join(root, 'packaging', 'bin', 'courier');
const csv = join(root, 'test', 'fixtures', 'reading', 'leading-zeros.csv');
const dir = tempHome('courier launcher ');

/**
 * A fake installed Courier for Linux under `base` (a path with spaces): /opt/Courier's layout with
 * the launcher in resources/bin, the built CLI in resources/app.asar (a folder here), and as "the
 * Electron binary" a script that insists on Node mode and runs node (Electron cannot be fetched).
 */
async function fakeInstall(base: string): Promise<string> {
  const app = join(base, 'Courier App');
  const resources = join(app, 'resources');
  await mkdir(join(resources, 'bin'), { recursive: true });
  await writeFile(join(resources, 'bin', 'courier'), await readFile(launcher));
  await chmod(join(resources, 'bin', 'courier'), 0o755);
  await mkdir(join(resources, 'app.asar'));
  for (const name of ['out', 'node_modules', 'package.json']) {
    await symlink(join(root, name), join(resources, 'app.asar', name));
  }
  const electron = [
    '#!/bin/sh',
    '[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo "not in Node mode" >&2; exit 99; }',
    `exec ${shellQuote(process.execPath)} "$@"`,
    '',
  ].join('\n');
  await writeFile(join(app, 'courier'), electron, { mode: 0o755 });
  return join(resources, 'bin', 'courier');
}

function run(command: string, args: string[], home: string) {
  return spawnSync(command, [...args, '--home', home], {
    encoding: 'utf8',
    cwd: dir.path,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  });
}

describe('the `courier` launcher of the installed app (packaging/bin/courier)', () => {
  it('runs the bundled CLI with the app’s binary in Node mode from a path with spaces', async () => {
    const courier = await fakeInstall(join(dir.path, 'Program Files'));
    const help = run(courier, ['--help'], join(dir.path, 'home'));
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: courier <command>');

    const inspect = run(courier, ['inspect', csv, '--json'], join(dir.path, 'home'));
    expect(inspect.status).toBe(0);
    expect(JSON.parse(inspect.stdout)).toMatchObject({ format: 'csv' });
  });

  it('finds the app through a symlink on the PATH (as /usr/bin/courier is) and passes exit codes on', async () => {
    await fakeInstall(join(dir.path, 'opt dir'));
    const bin = join(dir.path, 'usr bin');
    await mkdir(bin);
    // A relative link, as update-alternatives and ln -s can make.
    await symlink(
      join('..', 'opt dir', 'Courier App', 'resources', 'bin', 'courier'),
      join(bin, 'courier')
    );
    const help = run(join(bin, 'courier'), ['--help'], join(dir.path, 'home'));
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('inspect');
    const wrong = run(join(bin, 'courier'), ['no-such-command'], join(dir.path, 'home'));
    expect(wrong.status).toBe(2);
  });

  it('says so, with exit code 2, when the app beside it is missing', async () => {
    const lonely = join(dir.path, 'lonely', 'resources', 'bin');
    await mkdir(lonely, { recursive: true });
    await writeFile(join(lonely, 'courier'), await readFile(launcher), { mode: 0o755 });
    const result = run(join(lonely, 'courier'), ['--help'], join(dir.path, 'home'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Reinstall Courier');
  });
});

describe('the Windows launcher (packaging/bin/courier.cmd)', () => {
  it('runs Courier.exe in Node mode with the bundled CLI, quoting its own folder, and keeps CRLF', async () => {
    const text = await readFile(join(root, 'packaging', 'bin', 'courier.cmd'), 'utf8');
    const lines = text.split('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines).toContain('set "ELECTRON_RUN_AS_NODE=1"');
    // %~dp0 is the launcher's own folder (resources\bin\), quoted: install paths have spaces.
    expect(lines).toContain('"%~dp0..\\..\\Courier.exe" "%~dp0..\\app.asar\\out\\main\\cli.js" %*');
    expect(lines).toContain('endlocal & exit /b %ERRORLEVEL%');
  });
});

describe('"Install the courier command" (AppImage and macOS)', () => {
  it('is offered on macOS and for an AppImage only; the installers do it elsewhere', () => {
    const base = {
      isPackaged: true,
      resourcesPath: '/Applications/Courier.app/Contents/Resources',
      env: {},
    };
    expect(commandInstallPlan({ ...base, platform: 'darwin' })).toEqual({
      kind: 'symlink',
      link: '/usr/local/bin/courier',
      target: '/Applications/Courier.app/Contents/Resources/bin/courier',
    });
    expect(commandInstallPlan({ ...base, platform: 'linux' })).toBeNull();
    expect(commandInstallPlan({ ...base, platform: 'win32' })).toBeNull();
    expect(commandInstallPlan({ ...base, platform: 'darwin', isPackaged: false })).toBeNull();
    expect(
      commandInstallPlan({ ...base, platform: 'linux', env: { APPIMAGE: '/a/C.AppImage' } })
    ).toMatchObject({
      kind: 'script',
      link: '/usr/local/bin/courier',
    });
  });

  it('the AppImage’s script runs the AppImage with the hand-off argument, whatever its path holds', async () => {
    const appImage = join(dir.path, "Joe's Apps", 'Courier 1.0.AppImage');
    await mkdir(join(dir.path, "Joe's Apps"));
    // The fake AppImage checks the hand-off argument and prints the rest, one per line.
    await writeFile(
      appImage,
      `#!/bin/sh\n[ "$1" = ${CLI_HANDOFF_ARGUMENT} ] || exit 98\nshift\nprintf '%s\\n' "$@"\n`,
      { mode: 0o755 }
    );
    const plan = commandInstallPlan({
      platform: 'linux',
      isPackaged: true,
      resourcesPath: '/x',
      env: { APPIMAGE: appImage },
    })!;
    const link = join(dir.path, 'local bin', 'courier');
    await installCommand(
      { ...plan, link },
      { platform: 'linux', runAsAdministrator: () => Promise.reject(new Error('not needed')) }
    );
    const result = spawnSync(link, ['inspect', 'my file.csv', '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('inspect\nmy file.csv\n--json\n');
  });

  it('on macOS links the launcher, which finds the app through the link', async () => {
    const courier = await fakeInstall(join(dir.path, 'Applications'));
    const link = join(dir.path, 'local bin', 'courier');
    await installCommand(
      { kind: 'symlink', link, target: courier },
      { platform: 'darwin', runAsAdministrator: () => Promise.reject(new Error('not needed')) }
    );
    const help = run(link, ['--help'], join(dir.path, 'home'));
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: courier <command>');
  });
});

describe('the app binary’s hand-off to the CLI (AppImage)', () => {
  it('runs the bundled CLI in Node mode with the arguments after the hand-off argument', () => {
    const options = { execPath: '/tmp/.mount_x/courier', resourcesPath: '/tmp/.mount_x/resources' };
    expect(
      cliHandoff(
        ['/tmp/.mount_x/courier', '--no-sandbox', CLI_HANDOFF_ARGUMENT, 'inspect', 'a b.csv'],
        options
      )
    ).toEqual({
      command: '/tmp/.mount_x/courier',
      args: ['/tmp/.mount_x/resources/app.asar/out/main/cli.js', 'inspect', 'a b.csv'],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    expect(cliHandoff(['/tmp/.mount_x/courier', '/home/a/export.csv'], options)).toBeNull();
  });
});
