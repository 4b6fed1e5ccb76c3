import type { Destination } from '../../src-core/destinations/destination';
import {
  proxyFromEnvironment,
  proxyIdentity,
  type ProxyUrl,
} from '../../src-core/destinations/proxy-setting';
import { defaultSecretSource } from '../../src-core/destinations/secret-source';
import type { DestinationSetup, SetupReport } from '../../src-core/destinations/setup-check-ipc';
import { serverIdentity } from '../../src-core/destinations/server-identity';
import { defaultPort } from '../../src-core/destinations/transport';
import { toPlainError, type PlainError } from '../../src-core/errors';
import type { ConnectionStep } from '../transfers/connection-test';
import { redact } from '../logging/redact';
import { checkSecretSource, type SourceCheck } from '../secrets/secret-sources';
import type { KeychainStatus } from '../secrets/secret-store';
import { listDestinations, resolveDestination } from '../settings/destination-store';
import { testDestination } from '../transfers/destination-test';
import { describeProxy } from '../transfers/proxy';
import type { SecretReader } from '../transfers/secret-reader';
import { resolveSystemProxy } from '../transfers/system-proxy';

/** What the check reads: the keychain's state and its secrets (never shown, only looked for). */
export type SetupSecrets = SecretReader & Readonly<{ status: () => Promise<KeychainStatus> }>;

export type SetupCheckOptions = Readonly<{
  /** Also run the connection test (network, login, folder) for each destination. */
  connect?: boolean;
  /** Each connection-test step as it completes. */
  onStep?: (destination: string, step: ConnectionStep) => void;
  /** Where environment variables come from (the process's by default). */
  env?: NodeJS.ProcessEnv;
}>;

const plain = (error: unknown): PlainError => {
  const { code, message, params } = toPlainError(error);
  return { code, message: redact(message), ...(params ? { params } : {}) };
};

/**
 * Whether a destination's secret can be read now, from its source (never the secret): the
 * source's own check, and for the keychain that the secret the login needs is saved there.
 * Shared by `courier destinations test`, `courier doctor` and the app's "Check setup".
 */
export async function checkDestinationSecret(
  destination: Destination,
  secrets: SetupSecrets,
  env: NodeJS.ProcessEnv = process.env
): Promise<SourceCheck> {
  const source = destination.transport.secretSource ?? defaultSecretSource;
  let keychain: KeychainStatus | null = null;
  const check = await checkSecretSource(source, {
    env,
    keychainUsable: async () => {
      keychain = await secrets.status();
      return keychain.usable ? null : { code: keychain.code, message: keychain.message };
    },
  });
  if (source.kind !== 'keychain' || !check.readable) return check;
  // The keychain answers: is the secret this login needs in it?
  const auth = destination.transport.auth ?? 'password';
  const server = serverIdentity(destination.transport);
  try {
    if (auth !== 'key') {
      const password = await secrets.get(destination.name, 'password', server);
      if (password === null)
        return {
          ...check,
          readable: false,
          error: {
            code: 'auth.password-missing',
            message: 'This destination logs in with a password, and none is set.',
          },
        };
    }
    if (auth !== 'password' && !destination.transport.keyFile) {
      const key = await secrets.get(destination.name, 'private-key', server);
      if (key === null)
        return {
          ...check,
          readable: false,
          error: {
            code: 'auth.key-missing',
            message: 'This destination logs in with a key, and no private key is saved for it.',
          },
        };
    }
    return check;
  } catch (error) {
    return { ...check, readable: false, error: plain(error) };
  }
}

/** The proxy the destination's connections go through now (without connecting to it). */
async function checkProxy(
  destination: Destination,
  secrets: SetupSecrets,
  env: NodeJS.ProcessEnv
): Promise<DestinationSetup['proxy']> {
  const setting = destination.transport.proxy ?? { kind: 'none' as const };
  const host = destination.transport.host ?? '';
  const port = destination.transport.port ?? defaultPort[destination.transport.protocol ?? 'sftp'];
  const via = (proxy: ProxyUrl | null) => (proxy ? describeProxy(proxy) : null);
  try {
    switch (setting.kind) {
      case 'none':
        return { setting: 'none', via: null };
      case 'environment':
        return { setting: 'environment', via: via(proxyFromEnvironment(env, host, port)) };
      case 'system':
        return { setting: 'system', via: via(await resolveSystemProxy(host, port, env)) };
      default: {
        const shown = describeProxy(setting);
        if (setting.user === undefined) return { setting: setting.kind, via: shown };
        const password = await secrets.get(
          destination.name,
          'proxy-password',
          proxyIdentity(setting)
        );
        return password !== null
          ? { setting: setting.kind, via: shown }
          : {
              setting: setting.kind,
              via: shown,
              error: {
                code: 'proxy.password-missing',
                message: `This destination's proxy logs in as ${setting.user}, and no proxy password is set.`,
                params: { user: setting.user },
              },
            };
      }
    }
  } catch (error) {
    return { setting: setting.kind, via: null, error: plain(error) };
  }
}

/** Whether anything of this destination lives in the system keychain. */
function needsKeychain(destination: Destination): boolean {
  const source = destination.transport.secretSource ?? defaultSecretSource;
  const proxy = destination.transport.proxy;
  return (
    source.kind === 'keychain' ||
    (proxy !== undefined && 'user' in proxy && proxy.user !== undefined) ||
    ((source.kind === 'ssh-agent' || source.kind === 'key-file') &&
      destination.transport.auth === 'key-and-password')
  );
}

/**
 * Checks how ready destinations are to send, without printing a secret: where each one's secret
 * comes from and whether it can be read now, whether the system keychain is reachable, which
 * proxy is in use and, with `connect`, the connection test. One destination, or all of them.
 */
export async function checkSetup(
  home: string,
  secrets: SetupSecrets,
  reference: string | null,
  options: SetupCheckOptions = {}
): Promise<SetupReport> {
  const env = options.env ?? process.env;
  const status = await secrets.status();
  const keychain = status.usable
    ? { reachable: true, backend: status.backend }
    : {
        reachable: false,
        backend: status.backend,
        error: { code: status.code, message: redact(status.message) },
      };
  let destinations: Destination[];
  let problems: SetupReport['problems'] = [];
  if (reference !== null) destinations = [await resolveDestination(home, reference)];
  else {
    const listed = await listDestinations(home);
    destinations = listed.destinations;
    problems = listed.problems.map(p => ({ ...p, message: redact(p.message) }));
  }
  const checked: DestinationSetup[] = [];
  for (const destination of destinations) {
    const secret = await checkDestinationSecret(destination, secrets, env);
    const proxy = await checkProxy(destination, secrets, env);
    const needs = needsKeychain(destination);
    let connection: DestinationSetup['connection'];
    if (options.connect) {
      // A destination with no complete connection settings yet fails here, as one failed step.
      const result: { ok: boolean; steps: readonly ConnectionStep[] } = await testDestination(
        home,
        destination.name,
        secrets,
        step => options.onStep?.(destination.name, step)
      ).catch(error => {
        const { code, message, params } = plain(error);
        const step: ConnectionStep = {
          id: 'protocol',
          status: 'failed',
          message,
          says: { key: `error.${code}`, ...(params ? { params } : {}) },
          code,
        };
        options.onStep?.(destination.name, step);
        return { ok: false, steps: [step] };
      });
      connection = {
        ok: result.ok,
        steps: result.steps.map(step => ({
          ...step,
          message: redact(step.message),
          ...(step.advice ? { advice: redact(step.advice) } : {}),
        })),
      };
    }
    const ok =
      secret.readable && !proxy.error && (!needs || keychain.reachable) && (connection?.ok ?? true);
    checked.push({
      name: destination.name,
      ok,
      secret: {
        source: secret.source,
        kind: secret.kind,
        readable: secret.readable,
        ...(secret.error ? { error: plain(secret.error) } : {}),
      },
      proxy,
      needsKeychain: needs,
      ...(connection ? { connection } : {}),
    });
  }
  return {
    ok: problems.length === 0 && checked.every(d => d.ok),
    keychain,
    destinations: checked,
    problems,
  };
}
