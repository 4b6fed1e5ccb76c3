import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  defaultCommandTimeoutMs,
  formatSecretSource,
  type SecretSource,
} from '../../src-core/destinations/secret-source';
import { CourierError, toPlainError, type PlainError } from '../../src-core/errors';
import { registerSecret } from '../logging/redact';
import { chooseSshAgent, windowsOpenSshPipe } from './ssh-agent-choice';

// ssh2 is CommonJS: Node's ESM loader (the CLI under tsx) offers only its default export.

/** The sources read here (the keychain is read by `SecretStore`). */
export type OtherSecretSource = Exclude<SecretSource, { kind: 'keychain' }>;

/** What a source gives a login: a value (password or key text), an agent, or a key file's text. */
export type SourcedSecret =
  | Readonly<{ kind: 'value'; value: string }>
  | Readonly<{ kind: 'agent'; socket: string }>
  | Readonly<{ kind: 'key'; privateKey: string; encrypted: boolean }>;

/** Where to look: the process environment by default (tests and services pass their own). */
export type SourceOptions = Readonly<{ env?: NodeJS.ProcessEnv }>;

/** Drops the one line break that `echo`, `pass` and files written by editors end with. */
const withoutFinalNewline = (text: string): string => text.replace(/\r?\n$/, '');

/** Every value read is registered with the redactor before anything else sees it. */
function secretValue(value: string): SourcedSecret {
  registerSecret(value);
  return { kind: 'value', value };
}

async function readSystemdCredential(name: string, env: NodeJS.ProcessEnv): Promise<SourcedSecret> {
  const dir = env.CREDENTIALS_DIRECTORY;
  if (!dir) {
    throw new CourierError(
      'secrets.credential-missing',
      `Courier was not started with systemd credentials (CREDENTIALS_DIRECTORY is not set), so it cannot read the credential “${name}”. Add LoadCredential=${name}:… or LoadCredentialEncrypted=${name}:… to the service.`,
      { params: { name } }
    );
  }
  let text: string;
  try {
    text = withoutFinalNewline(await readFile(join(dir, name), 'utf8'));
  } catch (error) {
    throw new CourierError(
      'secrets.credential-missing',
      `The systemd credential “${name}” cannot be read. Check the LoadCredential= or LoadCredentialEncrypted= line of the service.`,
      { cause: error, params: { name } }
    );
  }
  if (text === '')
    throw new CourierError(
      'secrets.credential-missing',
      `The systemd credential “${name}” is empty.`,
      {
        params: { name },
      }
    );
  return secretValue(text);
}

function readEnvironment(variable: string, env: NodeJS.ProcessEnv): SourcedSecret {
  const value = env[variable];
  if (value === undefined || value === '') {
    throw new CourierError(
      'secrets.variable-missing',
      `The environment variable ${variable} that holds this destination's secret is not set.`,
      { params: { variable } }
    );
  }
  return secretValue(value);
}

function runCommand(
  argv: readonly string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv
): Promise<SourcedSecret> {
  const [program, ...args] = argv as [string, ...string[]];
  const seconds = Math.ceil(timeoutMs / 1000);
  return new Promise((resolve, reject) => {
    // No shell: the words are the program and its arguments, nothing is expanded or piped.
    execFile(
      program,
      args,
      {
        shell: false,
        timeout: timeoutMs,
        maxBuffer: 1024 * 1024,
        windowsHide: true,
        env,
        encoding: 'utf8',
      },
      (error, stdout) => {
        if (error) {
          const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown };
          // The command's own output and error text are not repeated: they may hold the secret.
          if (e.killed)
            reject(
              new CourierError(
                'secrets.command-timed-out',
                `The password command ${program} did not finish within ${seconds} seconds.`,
                { params: { program, seconds } }
              )
            );
          else if (typeof e.code === 'string')
            reject(
              new CourierError(
                'secrets.command-failed',
                `The password command ${program} could not be started. Check that it is installed and that the path is right.`,
                { params: { program } }
              )
            );
          else
            reject(
              new CourierError(
                'secrets.command-failed',
                `The password command ${program} failed (exit status ${String(e.code ?? 'unknown')}). Run it yourself to see why.`,
                { params: { program } }
              )
            );
          return;
        }
        const value = withoutFinalNewline(stdout);
        if (value === '')
          reject(
            new CourierError(
              'secrets.command-failed',
              `The password command ${program} printed nothing. It must print the secret on its standard output.`,
              { params: { program } }
            )
          );
        else resolve(secretValue(value));
      }
    );
  });
}

async function findAgent(env: NodeJS.ProcessEnv): Promise<SourcedSecret> {
  // Windows without SSH_AUTH_SOCK: its OpenSSH agent's named pipe when the service runs, else Pageant.
  const socket =
    chooseSshAgent(process.platform, env, () => {
      try {
        return existsSync(windowsOpenSshPipe);
      } catch {
        return false;
      }
    }) ?? '';
  const missing = (cause?: unknown) =>
    new CourierError(
      'secrets.agent-missing',
      'No SSH agent is reachable (SSH_AUTH_SOCK is not set or points to nothing). Start ssh-agent and add the key with ssh-add.',
      cause ? { cause } : undefined
    );
  if (!socket) throw missing();
  // On Windows the agent is a named pipe or Pageant, which stat cannot look at.
  if (process.platform !== 'win32') {
    const info = await stat(socket).catch(error => {
      throw missing(error);
    });
    if (!info.isSocket()) throw missing();
  }
  return { kind: 'agent', socket };
}

/**
 * Reads a private key file, refusing one that others can read or write, as OpenSSH does
 * ("UNPROTECTED PRIVATE KEY FILE"): a key others can read is no longer only yours.
 */
export async function readProtectedKeyFile(path: string): Promise<SourcedSecret> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    throw new CourierError('auth.key-missing', `The private key file ${path} cannot be read.`, {
      cause: error,
      params: { file: path },
    });
  }
  // Windows has no such permission bits; its ACLs are not checked here.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new CourierError(
      'secrets.key-file-open',
      `The private key file ${path} can be read by other people on this computer, so Courier refuses to use it (as OpenSSH does). Make it yours only: chmod 600 ${path}`,
      { params: { file: path } }
    );
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CourierError('auth.key-missing', `The private key file ${path} cannot be read.`, {
      cause: error,
      params: { file: path },
    });
  }
  registerSecret(text);
  // ssh2 loads only when a key file is read: commands that never log in do not pay for it.
  const { utils } = (await import('ssh2')).default;
  const parsed = utils.parseKey(text) as unknown;
  const encrypted = parsed instanceof Error && /encrypted|passphrase/i.test(parsed.message);
  return { kind: 'key', privateKey: text, encrypted };
}

/** Reads a destination's secret from a source other than the keychain (never logs it). */
export async function readFromSource(
  source: OtherSecretSource,
  options: SourceOptions = {}
): Promise<SourcedSecret> {
  const env = options.env ?? process.env;
  switch (source.kind) {
    case 'systemd-credential':
      return readSystemdCredential(source.name, env);
    case 'environment':
      return readEnvironment(source.variable, env);
    case 'command':
      return runCommand(source.argv, source.timeoutMs ?? defaultCommandTimeoutMs, env);
    case 'ssh-agent':
      return findAgent(env);
    case 'key-file':
      return readProtectedKeyFile(source.path);
  }
}

/** Whether a source can be read now: what `destinations test` and the app show (never the secret). */
export type SourceCheck = Readonly<{
  source: string;
  kind: SecretSource['kind'];
  readable: boolean;
  error?: PlainError;
}>;

/** Tries a source (runs its command, reads its file or variable) and says whether it worked. */
export async function checkSecretSource(
  source: SecretSource,
  options: SourceOptions & { keychainUsable?: () => Promise<PlainError | null> } = {}
): Promise<SourceCheck> {
  const head = { source: formatSecretSource(source), kind: source.kind };
  try {
    if (source.kind === 'keychain') {
      const problem = options.keychainUsable ? await options.keychainUsable() : null;
      return problem ? { ...head, readable: false, error: problem } : { ...head, readable: true };
    }
    await readFromSource(source, options);
    return { ...head, readable: true };
  } catch (error) {
    return { ...head, readable: false, error: toPlainError(error) };
  }
}

/** A sentence naming the source, for the terminal. */
export function describeSecretSource(source: SecretSource): string {
  switch (source.kind) {
    case 'keychain':
      return 'the system keychain';
    case 'systemd-credential':
      return `the systemd credential “${source.name}”`;
    case 'environment':
      return `the environment variable ${source.variable}`;
    case 'command':
      return `the command ${source.argv[0]}`;
    case 'ssh-agent':
      return 'the SSH agent (SSH_AUTH_SOCK; on Windows, Pageant)';
    case 'key-file':
      return `the private key file ${source.path}`;
  }
}
