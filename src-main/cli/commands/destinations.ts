import {
  parseDestination,
  PresetId,
  type Destination,
} from '../../../src-core/destinations/destination';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { defaultPort, type Protocol } from '../../../src-core/destinations/transport';
import { CourierError, toPlainError } from '../../../src-core/errors';
import { ExitCode, UsageError, printJson, type CliIo, parseCommandArgs } from '../cli-io';
import type { CliCommand } from '../cli-io';
import type { Logger } from '../../logging/logger';
import type { Services } from '../../services/services';
import { redact } from '../../logging/redact';
import {
  resolveDestination,
  getDestination,
  listDestinations,
  removeDestination,
  requireDestination,
  renameDestination,
  saveDestination,
} from '../../settings/destination-store';
import { readKeyFile } from '../../secrets/secret-handlers';
import { readSecretLines } from '../../secrets/secret-input';
import type { SecretKind, SecretStore } from '../../secrets/secret-store';
import { serverIdentity } from '../../../src-core/destinations/server-identity';
import { formatConnectionStep, testDestination } from '../../transfers/destination-test';
import { openPrivateKey, SshIdentities } from '../../secrets/ssh-identity';
import {
  formatSecretSource,
  parseSecretSourceOption,
  type SecretSource,
} from '../../../src-core/destinations/secret-source';
import { checkSecretSource, describeSecretSource } from '../../secrets/secret-sources';

const usage = `Usage:
  courier destinations list [--json]
  courier destinations add NAME --protocol ftps|ftps-implicit|sftp --host HOST --user USER
        [--preset ID] [--port N] [--folder PATH] [--password-stdin] [--key FILE]
        [--passphrase-stdin] [--auth password|key|key-and-password]
        [--host-key SHA256:…] [--tls-fingerprint SHA256:…] [--secret-source SOURCE] [--json]
  courier destinations remove NAME [--json]
  courier destinations rename OLD NEW [--json]
  courier destinations test NAME [--json]
  courier destinations set-password NAME --password-stdin [--json]
  courier destinations set NAME [--protocol P] [--host HOST] [--port N] [--user USER]
        [--folder PATH] [--password-stdin | --keep-secret] [--secret-source SOURCE] [--json]

Destinations are kept in the settings folder; their passwords, key passphrases and private keys
only in the system keychain, or where --secret-source says (never in Courier's files, never on
the command line).

  add      make a destination from a preset (hello-customer, customergauge, digitaleo,
           blueconic, evaluagent, generic; default generic) with its connection
  list     the configured destinations and which secrets each has in the keychain
  remove   delete a destination and its secrets
  rename   rename a destination; its secrets move with it
  set-password
           replace the password of a destination (to change its key, use
           "courier keys import NAME --key FILE")
  set      change a destination's connection. A saved password or key belongs to the server it
           was entered for: when the protocol, host, port or user changes, give the password
           for the new server (--password-stdin) or say that the saved secrets go to the new
           server too (--keep-secret); without either nothing is changed.
  test     connect, check trust, log in, and write and delete a probe file in the folder,
           step by step, with advice when a step fails (NAME may also be a destination file)

Options of add:
  --password-stdin     read the password from standard input (first line)
  --passphrase-stdin   read the private key's passphrase from standard input (the line after
                       the password when both are given)
  --key FILE           import this private key (OpenSSH or PEM) into the keychain; the file
                       itself is not used afterwards. Without it, an identity made with
                       "courier keys generate NAME" is used when there is one.
  --host-key           the SFTP server's host key fingerprint, as ssh-keygen -lf prints it
  --tls-fingerprint    the FTPS server certificate's SHA-256 fingerprint

Where the secret comes from (--secret-source, add and set; the secret itself is never saved):
  keychain             the system keychain (the default)
  systemd:NAME         the file NAME in $CREDENTIALS_DIRECTORY (systemd LoadCredential= or
                       LoadCredentialEncrypted=)
  command:'PROGRAM ARGS'
                       what the program prints on standard output (pass, op read, vault kv
                       get…); run without a shell, stopped after 10 seconds
  env:VARIABLE         an environment variable (containers, CI: anyone who can see the
                       process's environment can see it)
  ssh-agent            SFTP key login through the SSH agent at $SSH_AUTH_SOCK
  key-file:PATH        SFTP key login with this private key file (refused when others can read it)
With systemd, command or env the value is the password, or the private key when --auth is key.
"test" says which source a destination uses and whether it can be read now.

Exit codes: 0 done; 1 a key file that cannot be used; 2 usage error or an invalid or unknown
destination; 3 the system keychain is missing, locked or refused, or (test) a step failed.`;

const protocols: readonly Protocol[] = ['ftps', 'ftps-implicit', 'sftp'];
const authModes = ['password', 'key', 'key-and-password'] as const;

/** Exit code for a failure of this command (see the usage text). */
function exitFor(error: unknown): number {
  const code = toPlainError(error).code;
  if (code.startsWith('secrets.')) return ExitCode.transfer;
  if (code.startsWith('destination.') || code.startsWith('input.')) return ExitCode.usage;
  return ExitCode.blocked;
}

function fail(io: CliIo, error: unknown, json: boolean, log: Logger): number {
  const plain = toPlainError(error);
  const safe = { code: plain.code, message: redact(plain.message) };
  log.warn('destinations command failed', { error: safe });
  if (json) printJson(io, { error: safe });
  else io.stderr.write(`courier: ${safe.message}\n`);
  return exitFor(error);
}

/** What a destination looks like in `list` and `--json` output: never a secret. */
export type DestinationSummary = Readonly<{
  name: string;
  presetId: string;
  protocol: string | null;
  host: string | null;
  port: number | null;
  user: string | null;
  auth: string | null;
  folder: string;
  hostKey: string | null;
  tlsFingerprint: string | null;
  /** Where the login secret comes from, as --secret-source spells it. */
  secretSource: string;
  /** Which secrets the keychain holds; null when the keychain could not be asked. */
  secrets: Readonly<{ password: boolean; passphrase: boolean; privateKey: boolean }> | null;
}>;

function summary(d: Destination, secrets: DestinationSummary['secrets']): DestinationSummary {
  const t = d.transport;
  return {
    name: d.name,
    presetId: d.presetId,
    protocol: t.protocol ?? null,
    host: t.host ?? null,
    port: t.port ?? (t.protocol ? defaultPort[t.protocol] : null),
    user: t.user ?? null,
    auth: t.auth ?? null,
    folder: d.folder,
    hostKey: t.hostKey ?? null,
    tlsFingerprint: t.tlsFingerprint ?? null,
    secretSource: formatSecretSource(t.secretSource ?? { kind: 'keychain' }),
    secrets,
  };
}

const secretWords = (s: DestinationSummary['secrets']): string => {
  if (!s) return '(keychain unavailable)';
  const words = [
    s.password && 'password',
    s.privateKey && 'private key',
    s.passphrase && 'passphrase',
  ].filter(Boolean);
  return words.length > 0 ? words.join(', ') : 'none';
};

function table(rows: readonly DestinationSummary[]): string {
  const header = ['NAME', 'PRESET', 'PROTOCOL', 'SERVER', 'USER', 'IN KEYCHAIN'];
  const cells = rows.map(r => [
    r.name,
    r.presetId,
    r.protocol ?? '-',
    r.host ? `${r.host}:${r.port}` : '-',
    r.user ?? '-',
    r.secretSource === 'keychain' ? secretWords(r.secrets) : `(from ${r.secretSource})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map(c => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]!))).join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}

async function secretsOf(store: SecretStore, name: string): Promise<DestinationSummary['secrets']> {
  const has = await store.hasAll(name);
  return { password: has.password, passphrase: has.passphrase, privateKey: has['private-key'] };
}

async function list({ home, secrets: store }: Services, io: CliIo, json: boolean): Promise<number> {
  const { destinations, problems } = await listDestinations(home);
  // Ask the keychain once, when a destination uses it; when it cannot answer the list is still
  // shown, marked as such (a server with no keychain at all gets no warning about it).
  const keychain = destinations.some(
    d => (d.transport.secretSource?.kind ?? 'keychain') === 'keychain'
  )
    ? await store.status()
    : null;
  const rows: DestinationSummary[] = [];
  for (const d of destinations)
    rows.push(summary(d, keychain?.usable ? await secretsOf(store, d.name) : null));
  if (json) {
    printJson(io, {
      destinations: rows,
      problems,
      ...(keychain && !keychain.usable
        ? { keychain: { code: keychain.code, message: keychain.message } }
        : {}),
    });
    return ExitCode.ok;
  }
  if (rows.length === 0)
    io.stdout.write('No destinations yet. Add one with “courier destinations add NAME …”.\n');
  else io.stdout.write(`${table(rows)}\n`);
  if (keychain && !keychain.usable) io.stderr.write(`courier: ${keychain.message}\n`);
  for (const p of problems) io.stderr.write(`courier: skipped ${p.file}: ${redact(p.message)}\n`);
  return ExitCode.ok;
}

type AddValues = Readonly<{
  preset?: string;
  protocol?: string;
  host?: string;
  port?: string;
  user?: string;
  folder?: string;
  auth?: string;
  key?: string;
  'host-key'?: string;
  'tls-fingerprint'?: string;
  'password-stdin'?: boolean;
  'passphrase-stdin'?: boolean;
  'secret-source'?: string;
}>;

/** Reads --secret-source; an agent or key file is for SFTP key logins only. */
function secretSourceOption(
  text: string | undefined,
  protocol: string | undefined
): SecretSource | undefined {
  if (text === undefined) return undefined;
  const source = parseSecretSourceOption(text);
  if (typeof source === 'string') throw new UsageError(`--secret-source: ${source}`);
  if ((source.kind === 'ssh-agent' || source.kind === 'key-file') && protocol !== 'sftp')
    throw new UsageError(
      `--secret-source ${source.kind} is for SFTP key logins; FTPS logs in with a password.`
    );
  return source;
}

/** The login kind a source implies: an agent or a key file logs in with a key. */
const authFor = (source: SecretSource | undefined, auth: string | undefined) =>
  (source?.kind === 'ssh-agent' || source?.kind === 'key-file') &&
  (auth === undefined || auth === 'password')
    ? 'key'
    : auth;

async function add(
  { home, secrets: store }: Services,
  io: CliIo,
  name: string,
  values: AddValues,
  json: boolean,
  log: Logger
): Promise<number> {
  const presetId = values.preset ?? 'generic';
  if (!PresetId.safeParse(presetId).success)
    throw new UsageError(
      `there is no preset “${presetId}”; choose one of ${PresetId.options.join(', ')}.`
    );
  const preset = destinationFromPreset(presetId as PresetId);
  const protocol = (values.protocol ?? preset.transport.protocol) as Protocol | undefined;
  if (!protocol || !protocols.includes(protocol))
    throw new UsageError(`--protocol must be one of ${protocols.join(', ')}.`);
  if (!values.host)
    throw new UsageError('--host is missing (the server name the vendor gave you).');
  if (!values.user) throw new UsageError('--user is missing.');
  let port: number | undefined;
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) < 1 || Number(values.port) > 65535)
      throw new UsageError(`--port must be a number from 1 to 65535 (got “${values.port}”).`);
    port = Number(values.port);
  } else if (values.protocol === undefined || values.protocol === preset.transport.protocol) {
    port = preset.transport.port;
  }
  if (values.auth !== undefined && !(authModes as readonly string[]).includes(values.auth))
    throw new UsageError(`--auth must be one of ${authModes.join(', ')}.`);
  const sftp = protocol === 'sftp';
  if (
    !sftp &&
    (values.key ||
      values['passphrase-stdin'] ||
      values['host-key'] ||
      (values.auth && values.auth !== 'password'))
  ) {
    throw new UsageError(
      'keys, passphrases and host keys belong to SFTP; FTPS logs in with a password.'
    );
  }
  if (sftp && values['tls-fingerprint'])
    throw new UsageError(
      '--tls-fingerprint belongs to FTPS; SFTP servers are pinned with --host-key.'
    );
  const source = secretSourceOption(values['secret-source'], protocol);
  // Another source means the keychain is not used (it may not even exist, as on a server).
  const elsewhere = source !== undefined && source.kind !== 'keychain';
  if (elsewhere && (values['password-stdin'] || values['passphrase-stdin'] || values.key))
    throw new UsageError(
      `--password-stdin, --passphrase-stdin and --key save secrets in the keychain; with --secret-source ${values['secret-source']} the secret comes from there.`
    );

  if (await getDestination(home, name)) {
    throw new CourierError(
      'destination.exists',
      `A destination called “${name}” already exists. Remove it first or choose another name.`
    );
  }
  // Validate the destination before touching the keychain, so a typo leaves nothing behind.
  const draft = (auth: (typeof authModes)[number]) =>
    parseDestination({
      ...preset,
      name,
      folder: values.folder ?? preset.folder,
      transport: {
        ...preset.transport,
        protocol,
        host: values.host,
        port,
        user: values.user,
        auth,
        ...(values['host-key'] ? { hostKey: values['host-key'] } : {}),
        ...(values['tls-fingerprint'] ? { tlsFingerprint: values['tls-fingerprint'] } : {}),
        ...(elsewhere ? { secretSource: source } : {}),
      },
    });
  draft('password');
  const destinationName = parseDestination({ ...preset, name }).name;

  const labels = [
    ...(values['password-stdin'] ? ['password'] : []),
    ...(values['passphrase-stdin'] ? ['passphrase'] : []),
  ];
  const read = labels.length > 0 ? await readSecretLines(io.stdin, labels) : [];
  const password = values['password-stdin'] ? read[0] : undefined;
  const passphrase = values['passphrase-stdin'] ? read[labels.indexOf('passphrase')] : undefined;
  const keyText = values.key ? await readKeyFile(values.key) : undefined;
  if (keyText !== undefined) openPrivateKey(keyText, passphrase);

  const identities = new SshIdentities(store);
  // Find out whether the keychain works before anything is written.
  const hasIdentity =
    sftp && !keyText && !elsewhere ? await store.has(destinationName, 'private-key') : false;
  if (password !== undefined || keyText !== undefined || passphrase !== undefined)
    await store.checkUsable();
  if (passphrase !== undefined && !keyText && !hasIdentity) {
    throw new UsageError(
      '--passphrase-stdin is for a private key: give --key FILE, or make an identity first with “courier keys generate NAME”.'
    );
  }
  const hasKey = keyText !== undefined || hasIdentity || elsewhere;
  const auth =
    (authFor(source, values.auth) as (typeof authModes)[number] | undefined) ??
    (hasKey && !elsewhere ? (password !== undefined ? 'key-and-password' : 'key') : 'password');
  if (auth !== 'password' && !hasKey)
    throw new UsageError(
      `--auth ${auth} needs a private key: give --key FILE, or make one first with “courier keys generate ${destinationName}”.`
    );
  const destination = draft(auth);

  const written: SecretKind[] = [];
  try {
    if (password !== undefined) {
      await store.set(destinationName, 'password', password, serverIdentity(destination.transport));
      written.push('password');
    }
    if (keyText !== undefined) {
      await identities.importKey(destinationName, keyText, passphrase);
      written.push('private-key', 'passphrase');
    } else if (passphrase !== undefined) {
      await store.set(
        destinationName,
        'passphrase',
        passphrase,
        serverIdentity(destination.transport)
      );
      written.push('passphrase');
    }
    await saveDestination(home, destination);
  } catch (error) {
    // Leave no orphaned secret behind when the destination could not be saved.
    for (const kind of written) await store.delete(destinationName, kind).catch(() => false);
    throw error;
  }
  const secrets = elsewhere ? null : await secretsOf(store, destinationName).catch(() => null);
  const result = summary(destination, secrets);
  log.info('destination added', { destination: result });
  if (json) printJson(io, { destination: result });
  else {
    io.stdout.write(
      `Added “${result.name}”: ${result.protocol} to ${result.host}:${result.port} as ${result.user}, folder ${result.folder}.\n`
    );
    if (elsewhere) io.stdout.write(`The secret comes from ${describeSecretSource(source)}.\n`);
    else io.stdout.write(`In the system keychain: ${secretWords(secrets)}.\n`);
    if (
      !elsewhere &&
      (auth === 'password' || auth === 'key-and-password') &&
      secrets &&
      !secrets.password
    ) {
      io.stderr.write(
        `courier: no password is saved yet; add it with “courier destinations set-password ${result.name} --password-stdin” or in the app.\n`
      );
    }
  }
  return ExitCode.ok;
}

async function remove(
  { home, secrets: store }: Services,
  io: CliIo,
  name: string,
  json: boolean,
  log: Logger
): Promise<number> {
  const current = await requireDestination(home, name);
  // Secrets first: if the keychain is locked the destination stays, rather than orphaning them.
  const deleted = await store.deleteAll(current.name);
  await removeDestination(home, current.name);
  log.info('destination removed', { destination: current.name, secretsDeleted: deleted });
  if (json) printJson(io, { removed: current.name, secretsDeleted: deleted });
  else
    io.stdout.write(
      `Removed “${current.name}” and ${deleted === 1 ? 'its secret' : `its ${deleted} secrets`} from the keychain.\n`
    );
  return ExitCode.ok;
}

async function rename(
  { home, secrets: store }: Services,
  io: CliIo,
  from: string,
  to: string,
  json: boolean,
  log: Logger
): Promise<number> {
  const current = await requireDestination(home, from);
  const newName = parseDestination({ ...current, name: to }).name;
  const other = await getDestination(home, newName);
  if (other && other.name.toLowerCase() !== current.name.toLowerCase()) {
    throw new CourierError(
      'destination.exists',
      `A destination called “${other.name}” already exists. Choose another name.`
    );
  }
  // Move the secrets first (copy, then delete), then the file; undo the move if the file fails.
  // Done here rather than in the store's hook so that a change of case only moves them too.
  const moved = await store.rename(current.name, newName);
  try {
    await renameDestination(home, current.name, newName);
  } catch (error) {
    if (moved > 0) await store.rename(newName, current.name).catch(() => 0);
    throw error;
  }
  log.info('destination renamed', { from: current.name, to: newName, secretsMoved: moved });
  if (json) printJson(io, { renamed: { from: current.name, to: newName }, secretsMoved: moved });
  else
    io.stdout.write(
      `Renamed “${current.name}” to “${newName}”${moved > 0 ? `; its secrets moved with it` : ''}.\n`
    );
  return ExitCode.ok;
}

async function setPassword(
  { home, secrets: store }: Services,
  io: CliIo,
  name: string,
  json: boolean,
  log: Logger
): Promise<number> {
  const current = await requireDestination(home, name);
  await store.checkUsable();
  const [password] = await readSecretLines(io.stdin, ['password']);
  await store.set(current.name, 'password', password!, serverIdentity(current.transport));
  log.info('destination password replaced', { destination: current.name });
  if (json) printJson(io, { destination: current.name, password: true });
  else io.stdout.write(`The password of “${current.name}” is saved in your system keychain.\n`);
  return ExitCode.ok;
}

type SetValues = Readonly<{
  protocol?: string;
  host?: string;
  port?: string;
  user?: string;
  folder?: string;
  'password-stdin'?: boolean;
  'keep-secret'?: boolean;
  'secret-source'?: string;
}>;

/** `destinations set`: a new connection; the saved secrets follow only when the person says so. */
async function setConnection(
  { home, secrets: store }: Services,
  io: CliIo,
  name: string,
  values: SetValues,
  json: boolean,
  log: Logger
): Promise<number> {
  const current = await requireDestination(home, name);
  if (values.protocol !== undefined && !protocols.includes(values.protocol as Protocol))
    throw new UsageError(`--protocol must be one of ${protocols.join(', ')}.`);
  if (
    values.port !== undefined &&
    (!/^\d+$/.test(values.port) || Number(values.port) < 1 || Number(values.port) > 65535)
  )
    throw new UsageError(`--port must be a number from 1 to 65535 (got “${values.port}”).`);
  if (values['password-stdin'] && values['keep-secret'])
    throw new UsageError(
      'choose --password-stdin (a new password) or --keep-secret (the saved one), not both.'
    );
  const source = secretSourceOption(
    values['secret-source'],
    values.protocol ?? current.transport.protocol
  );
  const next = parseDestination({
    ...current,
    ...(values.folder !== undefined ? { folder: values.folder } : {}),
    transport: {
      ...current.transport,
      ...(source
        ? {
            secretSource: source.kind === 'keychain' ? undefined : source,
            auth: authFor(source, current.transport.auth),
          }
        : {}),
      ...(values.protocol !== undefined ? { protocol: values.protocol } : {}),
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(values.port !== undefined ? { port: Number(values.port) } : {}),
      ...(values.user !== undefined ? { user: values.user } : {}),
    },
  });
  const from = serverIdentity(current.transport);
  const to = serverIdentity(next.transport);
  let keep = false;
  if (from !== to) {
    // Secrets saved before binding existed belong to the server they were entered for.
    await store.bind(current.name, from);
    const stored = Object.keys(await store.boundServers(current.name));
    if (stored.length > 0 && !values['password-stdin'] && !values['keep-secret']) {
      throw new UsageError(
        `“${current.name}” has a saved ${stored.includes('password') ? 'password' : 'key'} for ${from}; Courier does not send it to ${to} unless you say so. Give the new server's password with --password-stdin, or add --keep-secret to use the saved one there too.`
      );
    }
    keep = values['keep-secret'] === true;
  }
  const [password] = values['password-stdin'] ? await readSecretLines(io.stdin, ['password']) : [];
  await saveDestination(home, next, { previousName: current.name });
  if (password !== undefined) await store.set(next.name, 'password', password, to);
  if (keep) await store.bind(next.name, to, { rebind: true });
  const keychainUsed = (next.transport.secretSource?.kind ?? 'keychain') === 'keychain';
  const secrets = keychainUsed ? await secretsOf(store, next.name).catch(() => null) : null;
  const result = summary(next, secrets);
  log.info('destination changed', { destination: result, secretsKept: keep });
  if (json) printJson(io, { destination: result, secretsKept: keep });
  else
    io.stdout.write(
      `Changed “${result.name}”: ${result.protocol} to ${result.host}:${result.port} as ${result.user}, folder ${result.folder}; the secret comes from ${describeSecretSource(next.transport.secretSource ?? { kind: 'keychain' })}.\n`
    );
  return ExitCode.ok;
}

async function test(
  { home, secrets: store }: Services,
  io: CliIo,
  name: string,
  json: boolean,
  log: Logger
): Promise<number> {
  // Which source the secret comes from and whether it can be read now (never the secret).
  const destination = await resolveDestination(home, name);
  const sourceCheck = await checkSecretSource(
    destination.transport.secretSource ?? { kind: 'keychain' },
    {
      keychainUsable: async () => {
        const status = await store.status();
        return status.usable ? null : { code: status.code, message: status.message };
      },
    }
  );
  if (!json)
    io.stdout.write(
      `Secret source... ${describeSecretSource(destination.transport.secretSource ?? { kind: 'keychain' })}: ${sourceCheck.readable ? 'can be read now' : `cannot be read now. ${redact(sourceCheck.error?.message ?? '')}`}\n`
    );
  const result = await testDestination(home, name, store, step => {
    if (!json) io.stdout.write(`${redact(formatConnectionStep(step))}\n`);
  });
  // `says` is for the app's translations; the CLI's JSON keeps its English sentences only.
  const steps = result.steps.map(({ says: _says, ...step }) => ({
    ...step,
    message: redact(step.message),
    ...(step.advice ? { advice: redact(step.advice) } : {}),
  }));
  log.info('destination tested', {
    destination: name,
    ok: result.ok,
    failed: steps.filter(s => s.status === 'failed').map(s => s.code ?? s.id),
  });
  if (json)
    printJson(io, {
      destination: name,
      ok: result.ok,
      secretSource: sourceCheck,
      steps,
      ...(result.tlsMaxVersion ? { tlsMaxVersion: result.tlsMaxVersion } : {}),
      ...(result.dotNamesRefused ? { dotNamesRefused: true } : {}),
    });
  else io.stdout.write(result.ok ? 'The connection works.\n' : '');
  return result.ok ? ExitCode.ok : ExitCode.transfer;
}

/** `courier destinations`: list, add, remove and rename destinations and their keychain secrets. */
export const destinationsCommand: CliCommand = {
  name: 'destinations',
  summary: 'list, add, remove, rename and test destinations',
  usage,
  run: async ({ args, io, services }) => {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      preset: { type: 'string' },
      protocol: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      user: { type: 'string' },
      folder: { type: 'string' },
      auth: { type: 'string' },
      key: { type: 'string' },
      'host-key': { type: 'string' },
      'tls-fingerprint': { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'passphrase-stdin': { type: 'boolean' },
      'keep-secret': { type: 'boolean' },
      'secret-source': { type: 'string' },
    });
    const [action, ...names] = positionals;
    const json = values.json === true;
    const { json: _json, ...addOptions } = values;
    const want = (count: number, what: string) => {
      if (names.length !== count) throw new UsageError(`destinations ${action} needs ${what}.`);
    };
    if (
      action !== 'add' &&
      action !== 'set-password' &&
      action !== 'set' &&
      Object.keys(addOptions).length > 0
    ) {
      throw new UsageError(
        `${Object.keys(addOptions)
          .map(k => `--${k}`)
          .join(
            ', '
          )} belong${Object.keys(addOptions).length === 1 ? 's' : ''} to “destinations add”.`
      );
    }
    const log = services.logger.child({
      scope: 'cli',
      command: `destinations ${action ?? ''}`.trim(),
    });
    try {
      switch (action) {
        case 'list':
          want(0, 'no names');
          return await list(services, io, json);
        case 'add':
          want(1, 'one NAME');
          return await add(services, io, names[0]!, addOptions, json, log);
        case 'remove':
          want(1, 'one NAME');
          return await remove(services, io, names[0]!, json, log);
        case 'rename':
          want(2, 'OLD and NEW names');
          return await rename(services, io, names[0]!, names[1]!, json, log);
        case 'set-password':
          want(1, 'one NAME');
          if (!addOptions['password-stdin'] || Object.keys(addOptions).length > 1) {
            throw new UsageError(
              'destinations set-password needs --password-stdin (and nothing else).'
            );
          }
          return await setPassword(services, io, names[0]!, json, log);
        case 'set': {
          want(1, 'one NAME');
          const {
            preset,
            auth,
            key,
            'host-key': hk,
            'tls-fingerprint': tf,
            'passphrase-stdin': ps,
            ...setValues
          } = addOptions;
          if ([preset, auth, key, hk, tf, ps].some(v => v !== undefined))
            throw new UsageError(
              'destinations set changes --protocol, --host, --port, --user, --folder and --secret-source (with --password-stdin or --keep-secret).'
            );
          return await setConnection(services, io, names[0]!, setValues, json, log);
        }
        case 'test':
          want(1, 'one NAME');
          return await test(services, io, names[0]!, json, log);
        default:
          throw new UsageError('choose list, add, remove, rename, set, set-password or test.');
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return fail(io, error, json, log);
    } finally {
      await log.flush();
    }
  },
};
