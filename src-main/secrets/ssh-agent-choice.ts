/** The OpenSSH agent's named pipe on Windows (the "OpenSSH Authentication Agent" service). */
export const windowsOpenSshPipe = '\\\\.\\pipe\\openssh-ssh-agent';

/** Which agent a key login asks: a socket or pipe path, `pageant` (ssh2's name for it), or none. */
export type SshAgentChoice = string | null;

/**
 * Chooses the SSH agent for a destination whose secret source is the agent:
 * - `SSH_AUTH_SOCK` when it is set (OpenSSH's agent, Windows' too, a forwarded agent);
 * - on Windows without it, the OpenSSH agent's named pipe when that service runs, else Pageant
 *   (PuTTY's agent, which ssh2 reaches as `pageant`);
 * - elsewhere without it, none.
 *
 * Pure: the platform, the environment and whether the pipe exists are given.
 */
export function chooseSshAgent(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  openSshPipeExists: () => boolean
): SshAgentChoice {
  if (env.SSH_AUTH_SOCK) return env.SSH_AUTH_SOCK;
  if (platform !== 'win32') return null;
  return openSshPipeExists() ? windowsOpenSshPipe : 'pageant';
}
