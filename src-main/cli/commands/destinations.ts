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
import { readKeyFile } from '../../secrets/key-file';
import type { KeepSecretDecision } from '../../destinations/destination-service';
import {
  applySetting,
  settingPairs,
  settingsUsage,
  XML_SAMPLE_SETTING,
} from '../../../src-core/destinations/destination-settings';
import { settleDestination } from '../../../src-core/destinations/settle';
import { basename, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { learnXmlSample, withXmlSample } from '../../../src-core/output/xml-sample';
import { readSecretLines } from '../../secrets/secret-input';
import { formatConnectionStep, testDestination } from '../../transfers/destination-test';
import { openPrivateKey } from '../../secrets/ssh-identity';
import { proxyOption, proxyOptionsUsage } from './proxy-option';
import {
  formatSecretSource,
  parseSecretSourceOption,
  type SecretSource,
} from '../../../src-core/destinations/secret-source';
import { describeSecretSource } from '../../secrets/secret-sources';
import { checkDestinationSecret } from '../../destinations/setup-check';

const usage = `Usage:
  courier destinations list [--json]
  courier destinations add NAME [KEY=VALUE …] --protocol ftps|ftps-implicit|sftp --host HOST
        --user USER [--preset ID] [--from-sample FILE] [--port N] [--folder PATH]
        [--password-stdin] [--key FILE]
        [--passphrase-stdin] [--auth password|key|key-and-password]
        [--host-key SHA256:…] [--tls-fingerprint SHA256:…] [--secret-source SOURCE]
        [--proxy URL|env|none [--proxy-password-stdin]] [--json]
  courier destinations remove NAME [--json]
  courier destinations rename OLD NEW [--json]
  courier destinations test NAME [--json]
  courier destinations set-password NAME --password-stdin [--json]
  courier destinations set NAME [KEY=VALUE …] [--columns-from-sample FILE] [--protocol P]
        [--host HOST] [--port N]
        [--user USER] [--folder PATH] [--password-stdin | --keep-secret] [--secret-source SOURCE]
        [--proxy URL|env|none [--proxy-password-stdin]] [--json]
  courier destinations show NAME [--json]
  courier destinations preview NAME [KEY=VALUE …] [--sample FILE [--sheet SHEET]] [--json]
  courier destinations export NAME [--out FILE] [--json]
  courier destinations import FILE [--name NAME] [--password-stdin] [--key FILE]
        [--passphrase-stdin] [--json]

Destinations are kept in the settings folder; their passwords, key passphrases and private keys
only in the system keychain, or where --secret-source says (never in Courier's files, never on
the command line).

  add      make a destination from a preset (hello-customer, customergauge, digitaleo,
           blueconic, evaluagent, generic; default generic) with its connection;
           --from-sample FILE takes the columns (in order, rules guessed from the values) and
           the text format of the vendor's sample file (CSV, TSV, XLS, XLSX); KEY=VALUE
           settings as for set (Hello Customer needs touchpoint=…)
  list     the configured destinations and which secrets each has in the keychain
  remove   delete a destination, its secrets and its remembered mappings
  rename   rename a destination; its secrets and remembered mappings move with it
  set-password
           replace the password of a destination (to change its key, use
           "courier keys import NAME --key FILE")
  set      change a destination's connection. A saved password or key belongs to the server it
           was entered for: when the protocol, host, port or user changes, give the password
           for the new server (--password-stdin) or say that the saved secrets go to the new
           server too (--keep-secret); without either nothing is changed.
           KEY=VALUE changes how the file is written (see "Settings of set" below);
           --columns-from-sample FILE replaces the columns by the sample file's header.
  preview  the next file's name and its first lines, prepared exactly as a send would: from the
           vendor's sample or your export (--sample FILE), else from made-up rows. KEY=VALUE
           settings are tried without being saved; a setting that cannot be saved is told at
           its field (exit code 2).
  show     the whole destination: connection, folder, file name, format, limits, columns
           (--json: exactly as stored; secrets are never shown)
  export   write the destination file (JSON, "format": "courier-destination", "version": 1;
           schema in docs/destination.schema.json) to FILE, or to standard output. Secrets are
           never in it: keep it in version control and import it on other desktops.
  import   add the destination of a destination file, under its own name or --name NAME; its
           password from standard input (--password-stdin) and/or its private key (--key FILE)
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
${proxyOptionsUsage}

Settings of set (KEY=VALUE):
${settingsUsage}

Where the secret comes from (--secret-source, add and set; the secret itself is never saved):
  keychain             the system keychain (the default)
  systemd:NAME         the file NAME in $CREDENTIALS_DIRECTORY (systemd LoadCredential= or
                       LoadCredentialEncrypted=)
  command:'PROGRAM ARGS'
                       what the program prints on standard output (pass, op read, vault kv
                       get…); run without a shell, stopped after 10 seconds
  env:VARIABLE         an environment variable (containers, CI: anyone who can see the
                       process's environment can see it)
  ssh-agent            SFTP key login through the SSH agent at $SSH_AUTH_SOCK (on Windows
                       without it: the OpenSSH agent service, else Pageant)
  key-file:PATH        SFTP key login with this private key file (refused when others can read it)
With systemd, command or env the value is the password, or the private key when --auth is key.
"test" (and "courier doctor") says which source a destination uses and whether it can be
read now.

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

async function list(
  { destinations: service, secrets: store }: Services,
  io: CliIo,
  json: boolean
): Promise<number> {
  const { destinations, problems } = await service.list();
  // Ask the keychain once, when a destination uses it; when it cannot answer the list is still
  // shown, marked as such (a server with no keychain at all gets no warning about it).
  const keychain = destinations.some(
    d => (d.transport.secretSource?.kind ?? 'keychain') === 'keychain'
  )
    ? await store.status()
    : null;
  const rows: DestinationSummary[] = [];
  for (const d of destinations)
    rows.push(summary(d, keychain?.usable ? await service.secretsOf(d.name) : null));
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
  proxy?: string;
  'proxy-password-stdin'?: boolean;
  'secret-source'?: string;
  'from-sample'?: string;
}>;

/**
 * The columns and format of a vendor's sample file (when given), then KEY=VALUE settings, applied
 * to a destination; a refused setting is `destination.setting-invalid` (exit code 2).
 */
/** The keychain cannot be asked (locked, absent on a server): the summary says “unknown”. */
const secretsUnknown = () => null;

async function tailor(
  service: Services['destinations'],
  d: Destination,
  sample: string | undefined,
  settings: readonly string[]
): Promise<Destination> {
  let next = sample ? await service.proposeFromSample(d, resolve(process.cwd(), sample)) : d;
  for (const [key, value] of settingPairs(settings)) {
    if (key.trim().toLowerCase() === XML_SAMPLE_SETTING)
      next = await withXmlSampleFile(next, value);
    else next = applySetting(next, key, value);
  }
  return next;
}

/** `output.xml-sample=FILE`: the vendor's sample XML, whose structure the files follow (format xml). */
async function withXmlSampleFile(d: Destination, file: string): Promise<Destination> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(process.cwd(), file));
  } catch {
    throw new UsageError(`${XML_SAMPLE_SETTING}: there is no readable file at “${file}”.`);
  }
  return withXmlSample(
    d,
    learnXmlSample(
      bytes,
      d.columns.map(c => c.name),
      basename(file)
    )
  );
}

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
  { destinations: service, secrets: store }: Services,
  io: CliIo,
  name: string,
  values: AddValues,
  settings: readonly string[],
  json: boolean,
  log: Logger
): Promise<number> {
  const proxy = proxyOption(values);
  const presetId = values.preset ?? 'generic';
  if (!PresetId.safeParse(presetId).success)
    throw new UsageError(
      `there is no preset “${presetId}”; choose one of ${PresetId.options.join(', ')}.`
    );
  const preset = await tailor(
    service,
    destinationFromPreset(presetId as PresetId),
    values['from-sample'],
    settings
  );
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

  if (await service.get(name)) {
    throw new CourierError(
      'destination.exists',
      `A destination called “${name}” already exists. Remove it first or choose another name.`
    );
  }
  // Validate the destination before touching the keychain, so a typo leaves nothing behind.
  const draft = (auth: (typeof authModes)[number]) =>
    settleDestination({
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
        ...(proxy ? { proxy } : {}),
        ...(elsewhere ? { secretSource: source } : {}),
      },
    });
  draft('password');
  const destinationName = parseDestination({ ...preset, name }).name;

  const labels = [
    ...(values['password-stdin'] ? ['password'] : []),
    ...(values['passphrase-stdin'] ? ['passphrase'] : []),
    ...(values['proxy-password-stdin'] ? ['proxy password'] : []),
  ];
  const read = labels.length > 0 ? await readSecretLines(io.stdin, labels) : [];
  const password = values['password-stdin'] ? read[0] : undefined;
  const passphrase = values['passphrase-stdin'] ? read[labels.indexOf('passphrase')] : undefined;
  const proxyPassword = values['proxy-password-stdin']
    ? read[labels.indexOf('proxy password')]
    : undefined;
  const keyText = values.key ? await readKeyFile(values.key) : undefined;
  if (keyText !== undefined) openPrivateKey(keyText, passphrase);

  // Find out whether the keychain works before anything is written.
  const hasIdentity =
    sftp && !keyText && !elsewhere ? await store.has(destinationName, 'private-key') : false;
  if (
    password !== undefined ||
    keyText !== undefined ||
    passphrase !== undefined ||
    proxyPassword !== undefined
  )
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

  // The service writes the secrets, then the destination, and removes the secrets if it fails.
  await service.create(destination, {
    ...(password !== undefined ? { password } : {}),
    ...(keyText !== undefined ? { privateKey: keyText } : {}),
    ...(passphrase !== undefined ? { passphrase } : {}),
  });
  // The proxy password is bound to the proxy (and its user), not to the server.
  if (proxy && proxyPassword !== undefined)
    await service.setSecret(destinationName, 'proxy-password', proxyPassword);
  const secrets = elsewhere ? null : await service.secretsOf(destinationName).catch(secretsUnknown);
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
  { destinations: service }: Services,
  io: CliIo,
  name: string,
  json: boolean,
  log: Logger
): Promise<number> {
  const removed = await service.remove(name);
  if (!removed)
    throw new CourierError('destination.not-found', `There is no destination called “${name}”.`, {
      params: { name },
    });
  const deleted = removed.secretsDeleted;
  log.info('destination removed', { destination: removed.name, secretsDeleted: deleted });
  if (json) printJson(io, { removed: removed.name, secretsDeleted: deleted });
  else
    io.stdout.write(
      `Removed “${removed.name}” and ${deleted === 1 ? 'its secret' : `its ${deleted} secrets`} from the keychain.\n`
    );
  return ExitCode.ok;
}

async function rename(
  { destinations: service }: Services,
  io: CliIo,
  from: string,
  to: string,
  json: boolean,
  log: Logger
): Promise<number> {
  const current = await service.require(from);
  const { destination, secretsMoved: moved } = await service.rename(current.name, to);
  const newName = destination.name;
  log.info('destination renamed', { from: current.name, to: newName, secretsMoved: moved });
  if (json) printJson(io, { renamed: { from: current.name, to: newName }, secretsMoved: moved });
  else
    io.stdout.write(
      `Renamed “${current.name}” to “${newName}”${moved > 0 ? `; its secrets moved with it` : ''}.\n`
    );
  return ExitCode.ok;
}

async function setPassword(
  { destinations: service, secrets: store }: Services,
  io: CliIo,
  name: string,
  json: boolean,
  log: Logger
): Promise<number> {
  await service.require(name);
  await store.checkUsable();
  const [password] = await readSecretLines(io.stdin, ['password']);
  const current = await service.setPassword(name, password!);
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
  proxy?: string;
  'proxy-password-stdin'?: boolean;
  'secret-source'?: string;
  'columns-from-sample'?: string;
}>;

/**
 * `destinations set`: a new connection and output settings (`KEY=VALUE`); the saved secrets follow
 * a new server only when the person says so.
 */
async function setConnection(
  { destinations: service }: Services,
  io: CliIo,
  name: string,
  values: SetValues,
  settings: readonly string[],
  json: boolean,
  log: Logger
): Promise<number> {
  const current = await service.require(name);
  const proxy = proxyOption(values);
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
  const changed = await tailor(service, current, values['columns-from-sample'], settings);
  const source = secretSourceOption(
    values['secret-source'],
    values.protocol ?? current.transport.protocol
  );
  const next = parseDestination({
    ...changed,
    ...(values.folder !== undefined ? { folder: values.folder } : {}),
    transport: {
      ...changed.transport,
      ...(source
        ? {
            secretSource: source.kind === 'keychain' ? undefined : source,
            auth: authFor(source, changed.transport.auth),
          }
        : {}),
      ...(values.protocol !== undefined ? { protocol: values.protocol } : {}),
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(values.port !== undefined ? { port: Number(values.port) } : {}),
      ...(values.user !== undefined ? { user: values.user } : {}),
      ...(proxy ? { proxy } : {}),
    },
  });
  let keep = false;
  const decide: KeepSecretDecision = ({ kinds, from, to }) => {
    if (values['keep-secret']) return (keep = true);
    if (values['password-stdin']) return false;
    throw new UsageError(
      `“${current.name}” has a saved ${kinds.includes('password') ? 'password' : 'key'} for ${from}; Courier does not send it to ${to} unless you say so. Give the new server's password with --password-stdin, or add --keep-secret to use the saved one there too.`
    );
  };
  const labels = [
    ...(values['password-stdin'] ? ['password'] : []),
    ...(values['proxy-password-stdin'] ? ['proxy password'] : []),
  ];
  const read = labels.length > 0 ? await readSecretLines(io.stdin, labels) : [];
  const password = values['password-stdin'] ? read[0] : undefined;
  const saved = await service.save(next, {
    previousName: current.name,
    keepSecret: decide,
    ...(password !== undefined ? { password } : {}),
  });
  if (proxy && values['proxy-password-stdin'])
    await service.setSecret(next.name, 'proxy-password', read[labels.indexOf('proxy password')]!);
  const keychainUsed = (next.transport.secretSource?.kind ?? 'keychain') === 'keychain';
  const secrets = keychainUsed ? await service.secretsOf(next.name).catch(secretsUnknown) : null;
  const result = summary(saved, secrets);
  log.info('destination changed', { destination: result, secretsKept: keep });
  if (json) printJson(io, { destination: result, secretsKept: keep });
  else
    io.stdout.write(
      `Changed “${result.name}”: ${result.protocol} to ${result.host}:${result.port} as ${result.user}, folder ${result.folder}; the secret comes from ${describeSecretSource(next.transport.secretSource ?? { kind: 'keychain' })}.\n`
    );
  return ExitCode.ok;
}

/** `destinations show`: the whole destination (the keychain holds its secrets; never shown). */
async function show(
  { destinations: service }: Services,
  io: CliIo,
  name: string,
  json: boolean
): Promise<number> {
  const destination = await service.require(name);
  const secrets = await service.secretsOf(destination.name).catch(secretsUnknown);
  if (json) {
    printJson(io, { destination, secrets });
    return ExitCode.ok;
  }
  const t = destination.transport;
  const o = destination.output;
  const lines = [
    `${destination.name} (preset ${destination.presetId})`,
    `  server:      ${t.protocol ?? '-'} ${t.host ? `${t.host}:${t.port ?? (t.protocol ? defaultPort[t.protocol] : '')}` : '-'} as ${t.user ?? '-'} (${t.auth ?? 'password'})`,
    `  folder:      ${destination.folder}`,
    `  file name:   ${destination.fileName}${
      Object.keys(destination.variables).length > 0
        ? `  (${Object.entries(destination.variables)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')})`
        : ''
    }`,
    `  format:      delimiter ${o.delimiter === '\t' ? 'tab' : o.delimiter}, ${o.encoding}, ${o.lineEnding}, quoting ${o.quoting} (${o.quoteChar}), ${o.header ? 'header row' : 'no header row'}${o.zip ? ', zipped' : ''}`,
    `  limits:      ${destination.limits.maxRows ?? 'no'} rows, ${destination.limits.maxBytes ?? 'no'} bytes per file`,
    `  columns:     ${destination.columns.map(c => `${c.name}${c.required ? '*' : ''}`).join(', ')}`,
    `  options:     ${[
      destination.extraColumns ? 'extra columns sent after the template' : 'template columns only',
      destination.nameReuse === 'same-every-run'
        ? 'the same file name every run'
        : 'a file name is never reused',
      `receipt ${destination.receipt}`,
      ...(destination.digitaleo
        ? [
            `Digitaleo ${destination.digitaleo.action}${destination.digitaleo.importMode ? ` (${destination.digitaleo.importMode})` : ''}, unique by ${destination.digitaleo.uniqueness}${destination.digitaleo.multiAccount ? ', multi-account' : ''}`,
          ]
        : []),
      ...(destination.recordings
        ? [
            `call recordings named in ${destination.recordings.column}, sent first to ${destination.recordings.remoteFolder}`,
          ]
        : []),
    ].join('; ')}`,
    // Related files, in the order they follow the main file.
    ...(destination.related ?? []).map(
      set =>
        `  related:     ${set.name}: ${set.columns.map(c => `${c.name}${c.required ? '*' : ''}`).join(', ')} → ${set.fileName}`
    ),
    `  in keychain: ${secretWords(secrets)}`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}

/**
 * `destinations preview`: the output file as the next send would write it (the editor's live
 * preview, from the same service), with KEY=VALUE settings tried on a copy that is never saved.
 */
async function preview(
  { destinations: service }: Services,
  io: CliIo,
  name: string,
  settings: readonly string[],
  sample: string | undefined,
  sheet: string | undefined,
  json: boolean
): Promise<number> {
  const draft = await tailor(service, await service.require(name), undefined, settings);
  const result = await service.previewOutput(
    draft,
    sample !== undefined
      ? { path: resolve(process.cwd(), sample), ...(sheet !== undefined ? { sheet } : {}) }
      : undefined
  );
  const blocked = result.problems.length > 0;
  if (json) {
    const { head: _head, ...shown } = result;
    printJson(io, shown);
    return blocked ? ExitCode.usage : ExitCode.ok;
  }
  if (blocked) {
    for (const problem of result.problems)
      io.stderr.write(`courier: ${problem.message} (${problem.field})\n`);
    return ExitCode.usage;
  }
  const from = result.synthetic
    ? `${result.sourceRows} made-up row${result.sourceRows === 1 ? '' : 's'}`
    : `${result.sourceRows} row${result.sourceRows === 1 ? '' : 's'} of ${sample}`;
  io.stdout.write(
    [
      `Next file: ${result.nextName}`,
      ...(result.splitNames.length > 1
        ? [`A send split in files would name them: ${result.splitNames.join(', ')}`]
        : []),
      `From ${from}: ${result.rows} row${result.rows === 1 ? '' : 's'}, ${result.bytes.toLocaleString('en')} bytes. First lines:`,
      ...result.lines.map(line => `  ${line}`),
      '',
    ].join('\n')
  );
  return ExitCode.ok;
}

/** `destinations export`: the destination file (never a secret) to a file or standard output. */
async function exportOne(
  { destinations: service }: Services,
  io: CliIo,
  name: string,
  out: string | undefined,
  json: boolean,
  log: Logger
): Promise<number> {
  if (out === undefined) {
    io.stdout.write(await service.exportText(name));
    return ExitCode.ok;
  }
  const path = resolve(process.cwd(), out);
  const destination = await service.exportTo(name, path);
  log.info('destination exported', { destination: destination.name });
  if (json) printJson(io, { exported: destination.name, path });
  else io.stdout.write(`Exported “${destination.name}” to ${path} (no secret is in it).\n`);
  return ExitCode.ok;
}

/** `destinations import`: a destination file, under its name or another, with its secrets. */
async function importOne(
  { destinations: service, secrets: store }: Services,
  io: CliIo,
  file: string,
  values: Readonly<{
    name?: string;
    key?: string;
    'password-stdin'?: boolean;
    'passphrase-stdin'?: boolean;
  }>,
  json: boolean,
  log: Logger
): Promise<number> {
  const labels = [
    ...(values['password-stdin'] ? ['password'] : []),
    ...(values['passphrase-stdin'] ? ['passphrase'] : []),
  ];
  if (values['passphrase-stdin'] && !values.key)
    throw new UsageError('--passphrase-stdin is for a private key: give --key FILE too.');
  const read = labels.length > 0 ? await readSecretLines(io.stdin, labels) : [];
  const password = values['password-stdin'] ? read[0] : undefined;
  const passphrase = values['passphrase-stdin'] ? read[labels.indexOf('passphrase')] : undefined;
  const privateKey = values.key ? await readKeyFile(values.key) : undefined;
  const destination = await service.importFrom(resolve(process.cwd(), file), {
    ...(values.name !== undefined ? { name: values.name } : {}),
    secrets: {
      ...(password !== undefined ? { password } : {}),
      ...(privateKey !== undefined ? { privateKey } : {}),
      ...(passphrase !== undefined ? { passphrase } : {}),
    },
  });
  const secrets = await service.secretsOf(destination.name).catch(secretsUnknown);
  const result = summary(destination, secrets);
  log.info('destination imported', { destination: result });
  if (json) printJson(io, { destination: result });
  else {
    io.stdout.write(`Imported “${result.name}” (${result.presetId}).\n`);
    io.stdout.write(`In the system keychain: ${secretWords(secrets)}.\n`);
    const needs = destination.transport.auth ?? 'password';
    if (needs !== 'key' && secrets && !secrets.password && store)
      io.stderr.write(
        `courier: no password is saved yet; add it with “courier destinations set-password ${result.name} --password-stdin” or in the app.\n`
      );
  }
  return ExitCode.ok;
}

async function test(
  { home, secrets: store, destinations: service }: Services,
  io: CliIo,
  name: string,
  json: boolean,
  log: Logger
): Promise<number> {
  // Which source the secret comes from and whether it can be read now (never the secret).
  const destination = await service.resolve(name);
  const sourceCheck = await checkDestinationSecret(destination, store);
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
  summary: 'list, show, add, change, remove, rename, test, export and import destinations',
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
      out: { type: 'string' },
      name: { type: 'string' },
      proxy: { type: 'string' },
      'proxy-password-stdin': { type: 'boolean' },
      'secret-source': { type: 'string' },
      'from-sample': { type: 'string' },
      'columns-from-sample': { type: 'string' },
      sample: { type: 'string' },
      sheet: { type: 'string' },
    });
    const [action, ...names] = positionals;
    const json = values.json === true;
    const {
      json: _json,
      out,
      name: newName,
      'columns-from-sample': _sample,
      ...addOptions
    } = values;
    const want = (count: number, what: string) => {
      if (names.length !== count) throw new UsageError(`destinations ${action} needs ${what}.`);
    };
    // Which options each action takes; any other is a usage error that names its action.
    const allowed: Readonly<Record<string, readonly string[]>> = {
      add: Object.keys(addOptions).filter(k => k !== 'columns-from-sample'),
      'set-password': ['password-stdin'],
      set: [
        'protocol',
        'host',
        'port',
        'user',
        'folder',
        'password-stdin',
        'keep-secret',
        'proxy',
        'proxy-password-stdin',
        'secret-source',
        'columns-from-sample',
      ],
      export: ['out'],
      preview: ['sample', 'sheet'],
      import: ['name', 'key', 'password-stdin', 'passphrase-stdin'],
    };
    const given = Object.keys(values).filter(k => k !== 'json');
    const stray = given.filter(k => !(allowed[action ?? ''] ?? []).includes(k));
    if (stray.length > 0) {
      const owner =
        Object.entries(allowed).find(([, keys]) => keys.includes(stray[0]!))?.[0] ?? 'add';
      throw new UsageError(
        `${stray.map(k => `--${k}`).join(', ')} belong${stray.length === 1 ? 's' : ''} to “destinations ${owner === action ? 'add' : owner}”.`
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
          if (names.length < 1) throw new UsageError('destinations add needs one NAME.');
          return await add(services, io, names[0]!, addOptions, names.slice(1), json, log);
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
          if (names.length < 1) throw new UsageError('destinations set needs one NAME.');
          const {
            preset: _p,
            auth: _a,
            key: _k,
            'host-key': _h,
            'tls-fingerprint': _t,
            'passphrase-stdin': _s,
            'from-sample': _f,
            ...setValues
          } = values;
          return await setConnection(services, io, names[0]!, setValues, names.slice(1), json, log);
        }
        case 'preview':
          if (names.length < 1) throw new UsageError('destinations preview needs one NAME.');
          if (values.sheet !== undefined && values.sample === undefined)
            throw new UsageError('--sheet chooses a sheet of the --sample FILE.');
          return await preview(
            services,
            io,
            names[0]!,
            names.slice(1),
            values.sample,
            values.sheet,
            json
          );
        case 'show':
          want(1, 'one NAME');
          return await show(services, io, names[0]!, json);
        case 'export':
          want(1, 'one NAME');
          return await exportOne(services, io, names[0]!, out, json, log);
        case 'import':
          want(1, 'one FILE');
          return await importOne(
            services,
            io,
            names[0]!,
            {
              ...(newName !== undefined ? { name: newName } : {}),
              ...(addOptions.key !== undefined ? { key: addOptions.key } : {}),
              'password-stdin': addOptions['password-stdin'],
              'passphrase-stdin': addOptions['passphrase-stdin'],
            },
            json,
            log
          );
        case 'test':
          want(1, 'one NAME');
          return await test(services, io, names[0]!, json, log);
        default:
          throw new UsageError(
            'choose list, show, preview, add, remove, rename, set, set-password, test, export or import.'
          );
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return fail(io, error, json, log);
    } finally {
      await log.flush();
    }
  },
};
