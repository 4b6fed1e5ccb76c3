import { z } from 'zod';

/**
 * Where a destination's login secret comes from. Courier never writes the secret itself into its
 * files: only this description of where to find it.
 *
 * - `keychain`: the OS keychain (the default on desktops).
 * - `systemd-credential`: `$CREDENTIALS_DIRECTORY/<name>` (systemd `LoadCredential=` /
 *   `LoadCredentialEncrypted=`), so systemd keeps it encrypted at rest.
 * - `command`: a program (run without a shell) whose standard output is the secret, e.g. `pass`.
 * - `environment`: an environment variable (containers, CI).
 * - `ssh-agent`: key login through the OpenSSH agent at `SSH_AUTH_SOCK`; the key never leaves it.
 * - `key-file`: a private key file, refused when others can read it (as OpenSSH does).
 *
 * For the first four, the value is the password when the destination logs in with a password
 * (or key and password), and the private key (OpenSSH or PEM text) when it logs in with a key only.
 */
export const SecretSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keychain') }),
  z.object({
    kind: z.literal('systemd-credential'),
    name: z
      .string()
      .min(1, 'A systemd credential needs a name.')
      .refine(
        n => !/[/\\]/.test(n) && n !== '.' && n !== '..',
        'A systemd credential name cannot contain / or \\.'
      ),
  }),
  z.object({
    kind: z.literal('command'),
    argv: z.array(z.string()).min(1, 'A password command needs a program to run.'),
    /** How long the command may take (default 10 seconds). */
    timeoutMs: z.number().int().positive().max(300_000).optional(),
  }),
  z.object({
    kind: z.literal('environment'),
    variable: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'An environment variable name is letters, digits and _.'),
  }),
  z.object({ kind: z.literal('ssh-agent') }),
  z.object({ kind: z.literal('key-file'), path: z.string().min(1, 'A key file needs a path.') }),
]);
export type SecretSource = z.infer<typeof SecretSource>;
export type SecretSourceKind = SecretSource['kind'];

/** The source a destination uses when none is set. */
export const defaultSecretSource: SecretSource = { kind: 'keychain' };

/** How long a password command may run when the destination does not say. */
export const defaultCommandTimeoutMs = 10_000;

/**
 * Splits a command line into words the way a POSIX shell quotes them (single quotes, double
 * quotes, backslash), without running a shell: no variables, globs, pipes or redirections.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new Error('a quote is not closed');
  if (inWord) words.push(word);
  return words;
}

/** Quotes a word for display in a command line (only when it needs it). */
const shellWord = (w: string): string =>
  /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;

/**
 * Reads the CLI spelling of a source: `keychain`, `systemd:NAME`, `env:VAR`, `command:'…'`,
 * `ssh-agent` or `key-file:PATH`. Returns an English sentence instead when it is not one of them.
 */
export function parseSecretSourceOption(text: string): SecretSource | string {
  const colon = text.indexOf(':');
  const head = colon < 0 ? text : text.slice(0, colon);
  const rest = colon < 0 ? '' : text.slice(colon + 1);
  let candidate: unknown;
  switch (head) {
    case 'keychain':
    case 'ssh-agent':
      if (colon >= 0) return `“${head}” takes nothing after it.`;
      candidate = { kind: head };
      break;
    case 'systemd':
      candidate = { kind: 'systemd-credential', name: rest };
      break;
    case 'env':
      candidate = { kind: 'environment', variable: rest };
      break;
    case 'key-file':
      candidate = { kind: 'key-file', path: rest };
      break;
    case 'command':
      try {
        candidate = { kind: 'command', argv: splitCommandLine(rest) };
      } catch (error) {
        return `the password command cannot be read: ${(error as Error).message}.`;
      }
      break;
    default:
      return "choose keychain, systemd:NAME, env:VARIABLE, command:'PROGRAM ARGUMENTS', ssh-agent or key-file:PATH.";
  }
  const parsed = SecretSource.safeParse(candidate);
  return parsed.success ? parsed.data : parsed.error.issues.map(i => i.message).join(' ');
}

/** The source in the CLI's spelling (what `--secret-source` takes), for output and logs. */
export function formatSecretSource(source: SecretSource): string {
  switch (source.kind) {
    case 'keychain':
    case 'ssh-agent':
      return source.kind;
    case 'systemd-credential':
      return `systemd:${source.name}`;
    case 'environment':
      return `env:${source.variable}`;
    case 'key-file':
      return `key-file:${source.path}`;
    case 'command':
      return `command:${source.argv.map(shellWord).join(' ')}`;
  }
}
