/**
 * The keychain side of the test harness.
 *
 * `npm test` runs vitest inside a private D-Bus session with an unlocked gnome-keyring
 * (scripts/test.mjs). Tests that need the keychain call `requireKeychain()` first, which fails
 * with the command to use instead of skipping. For the broken cases (no Secret Service, a locked
 * keyring) `runInKeychainSession` starts a child process in a D-Bus session of its own, so the
 * shared keyring is never locked under the other tests.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../..');

/** Fails (never skips) when the tests are not running inside the private keyring session. */
export function requireKeychain(): void {
  for (const [program, pkg] of [
    ['/usr/bin/gnome-keyring-daemon', 'gnome-keyring'],
    ['/usr/bin/dbus-run-session', 'dbus-daemon'],
    ['/usr/bin/dbus-send', 'dbus-bin'],
  ] as const) {
    if (!existsSync(program))
      throw new Error(`${program} is missing: install it with “apt-get install ${pkg}”.`);
  }
  if (!process.env.DBUS_SESSION_BUS_ADDRESS || process.env.COURIER_TEST_KEYRING !== '1') {
    throw new Error(
      'The keychain tests need a private Secret Service: run them with “npm test -- <paths>”, which starts D-Bus and gnome-keyring.'
    );
  }
}

/** How the child's keychain looks. */
export type KeychainSetup =
  /** D-Bus address pointing at nothing: no session bus at all. */
  | 'no-bus'
  /** A D-Bus session where nobody provides org.freedesktop.secrets. */
  | 'no-secret-service'
  /** A private unlocked gnome-keyring whose login collection is locked before `afterLock` runs. */
  | 'locked';

/** What the child process printed and how it exited. */
export type ChildResult = Readonly<{ code: number | null; stdout: string; stderr: string }>;

/** A D-Bus session bus config with no service activation, so no Secret Service can start. */
const bareBusConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

const LOCK_LOGIN =
  'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets ' +
  'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null';

const WAIT_FOR_SECRETS = `i=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \\
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; do
  i=$((i+1)); if [ $i -gt 200 ]; then echo 'gnome-keyring did not start' >&2; exit 1; fi; sleep 0.05
done`;

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs TypeScript scripts (with tsx) in a child whose keychain is set up as asked.
 *
 * For `locked`, the `beforeLock` commands run while the keyring is unlocked (to store something),
 * then the login collection is locked over D-Bus, then `afterLock` runs. Other setups run `afterLock` only.
 * Arguments are passed to each script. The child has no display, so gnome-keyring's unlock prompt
 * is dismissed at once instead of waiting for a person.
 */
export async function runInKeychainSession(
  setup: KeychainSetup,
  scripts: Readonly<{
    beforeLock?: ReadonlyArray<readonly string[]>;
    afterLock: readonly string[];
    env?: NodeJS.ProcessEnv;
  }>
): Promise<ChildResult> {
  const dir = await mkdtemp(join(tmpdir(), 'courier-keychain-child-'));
  try {
    const node = (args: readonly string[]) => `node --import tsx ${args.map(quote).join(' ')}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...scripts.env,
      XDG_DATA_HOME: join(dir, 'data'),
      // Its own control socket: never the test run's gnome-keyring (see scripts/test.mjs).
      XDG_RUNTIME_DIR: dir,
      HOME: dir,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    };
    delete env.COURIER_TEST_KEYRING;
    let command: string;
    let args: string[];
    if (setup === 'no-bus') {
      env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(dir, 'no-bus-here')}`;
      command = 'sh';
      args = ['-c', node(scripts.afterLock)];
    } else if (setup === 'no-secret-service') {
      const config = join(dir, 'bus.conf');
      await writeFile(config, bareBusConfig);
      command = 'dbus-run-session';
      args = [`--config-file=${config}`, '--', 'sh', '-c', node(scripts.afterLock)];
    } else {
      const script = [
        'set -e',
        'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
        WAIT_FOR_SECRETS,
        ...(scripts.beforeLock ?? []).map(node),
        LOCK_LOGIN,
        node(scripts.afterLock),
      ].join('\n');
      command = 'dbus-run-session';
      args = ['--', 'sh', '-c', script];
    }
    return await new Promise<ChildResult>((resolvePromise, reject) => {
      const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', code => resolvePromise({ code, stdout, stderr }));
    });
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 10 });
  }
}
