import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { requireProgram } from './programs';

const run = promisify(execFile);

/** A real local account created for a test server (sshd and vsftpd's PAM need real logins). */
export type SystemUser = Readonly<{ name: string; password: string; uid: number; gid: number }>;

async function retryLocked<T>(action: () => Promise<T>): Promise<T> {
  // useradd/userdel/chpasswd take a lock on /etc/passwd; parallel test files may collide.
  for (let attempt = 0; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      const text = String((error as { stderr?: string }).stderr ?? error);
      if (attempt < 40 && /lock|try again/i.test(text)) {
        await new Promise(r => setTimeout(r, 50 + Math.random() * 200));
        continue;
      }
      throw error;
    }
  }
}

/**
 * Creates a uniquely named local user with a random password (we run the tests as root).
 *
 * The name is unique per call so parallel test files never share an account or a password;
 * `deleteSystemUser` removes it when the server stops. The shell is /bin/sh because vsftpd's PAM
 * stack (pam_shells) refuses accounts whose shell is not in /etc/shells.
 */
export async function createSystemUser(
  prefix: string,
  homeOf: (name: string) => string
): Promise<SystemUser> {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error('The server tests create local accounts and must run as root (as CI does).');
  }
  requireProgram('/usr/sbin/useradd', 'passwd');
  requireProgram('/usr/sbin/chpasswd', 'passwd');
  const name = `${prefix}${randomBytes(4).toString('hex')}`.slice(0, 30);
  const password = randomBytes(12).toString('base64url');
  await retryLocked(() =>
    run('/usr/sbin/useradd', [
      '--no-create-home',
      '--home-dir',
      homeOf(name),
      '--shell',
      '/bin/sh',
      '--user-group',
      name,
    ])
  );
  await retryLocked(async () => {
    const child = execFile('/usr/sbin/chpasswd');
    const done = new Promise<void>((resolve, reject) => {
      let stderr = '';
      child.stderr?.on('data', d => (stderr += String(d)));
      child.on('exit', code =>
        code === 0
          ? resolve()
          : reject(Object.assign(new Error(`chpasswd failed: ${stderr}`), { stderr }))
      );
    });
    child.stdin?.end(`${name}:${password}\n`);
    await done;
  });
  const { stdout: uid } = await run('id', ['-u', name]);
  const { stdout: gid } = await run('id', ['-g', name]);
  return { name, password, uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** Removes an account made by `createSystemUser` (its files live in the test's temp folder). */
export async function deleteSystemUser(user: SystemUser): Promise<void> {
  await retryLocked(() => run('/usr/sbin/userdel', [user.name])).catch(() => undefined);
}
