import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CourierError } from '../../src-core/errors';
import { parseDestination, type Destination } from '../../src-core/destinations/destination';
import {
  destinationFileText,
  parseDestinationFile,
} from '../../src-core/destinations/destination-file';
import { sameServer, serverIdentity } from '../../src-core/destinations/server-identity';
import { settleDestination } from '../../src-core/destinations/settle';
import { proxyIdentity } from '../../src-core/destinations/proxy-setting';
import { destinationFromSample } from '../../src-core/destinations/destination-settings';
import { readSampleFile } from './sample-file';
import { writeDummyData, type DummyDataResult } from './dummy-data-file';
import { saveWhole } from '../files/save-copy';
import type { SecretKind, SecretStore } from '../secrets/secret-store';
import {
  destinationFile,
  getDestination,
  listDestinations,
  removeDestination,
  requireDestination,
  resolveDestination,
  saveDestination,
} from '../settings/destination-store';
import { forgetMappings, renameMappings } from '../settings/mapping-store';
import { parseSavable } from '../../src-core/destinations/destination-problems';
import {
  previewOutput,
  readSample,
  type DestinationSample,
  type OutputPreview,
} from './destination-editing';

/** The server of a password whose destination is unknown: it matches no real server. */
const NO_KNOWN_SERVER = 'unknown://';

/** The largest destination file Courier imports (real ones are a few kilobytes). */
const MAX_DESTINATION_FILE_BYTES = 1024 * 1024;

/** A saved destination's new server, while it has secrets entered for the old one. */
export type ServerChange = Readonly<{
  name: string;
  from: string;
  to: string;
  kinds: readonly SecretKind[];
}>;

/**
 * Whether the saved secrets go to the new server too: true moves them, false leaves them bound to
 * the old server (so they are never sent to the new one); throwing refuses the whole save.
 */
export type KeepSecretDecision = (change: ServerChange) => Promise<boolean> | boolean;

/** How a save treats names and secrets. */
export type SaveOptions = Readonly<{
  /** The destination's current name: saving under another name renames it. */
  previousName?: string;
  /** Replace a destination that already has the new name. */
  overwrite?: boolean;
  /** Asked when the server changes and secrets are stored; absent: they stay with the old server. */
  keepSecret?: KeepSecretDecision;
  /** The password for the destination's (new) server, saved with it. */
  password?: string;
  /** Only the name changes: the settings are kept as they are (no platform rule re-applied). */
  renameOnly?: boolean;
}>;

/** Secrets given with a new destination (never written to a file). */
export type NewSecrets = Readonly<{ password?: string; privateKey?: string; passphrase?: string }>;

/** Which secrets the keychain holds for a destination. */
export type SecretsPresent = Readonly<{
  password: boolean;
  passphrase: boolean;
  privateKey: boolean;
}>;

/**
 * Destinations with their secrets and remembered mappings: the one place that creates, edits,
 * renames, removes, imports and exports them, for the app (IPC) and the CLI alike.
 *
 * Every change is validated by the core schema before anything is written, and done in one order:
 * secrets, then mappings, then the destination file, undoing the first steps when a later one
 * fails, so nothing is half-saved.
 */
export type DestinationService = Readonly<{
  list: () => ReturnType<typeof listDestinations>;
  /** A configured destination by name (any letter case), or null. */
  get: (name: string) => Promise<Destination | null>;
  /** A configured destination, or `destination.not-found`. */
  require: (name: string) => Promise<Destination>;
  /** A configured destination, a preset (fresh copy) or a destination file, as jobs and the CLI name them. */
  resolve: (reference: string) => Promise<Destination>;
  /**
   * A destination with the columns of a vendor's sample file (header order, rules guessed from
   * its values) and its text format proposed; not saved (the editor shows it first).
   */
  proposeFromSample: (destination: Destination, samplePath: string) => Promise<Destination>;
  /**
   * Writes a dummy-data file for a destination (configured, preset or destination file) in its
   * exact output format: invented people, example.com addresses, valid phone numbers.
   */
  writeDummyData: (
    reference: string,
    options: Readonly<{ rows: number; path?: string; folder?: string; seed?: number; now?: Date }>
  ) => Promise<DummyDataResult>;
  /** Saves (creates, edits or renames) a destination. */
  save: (value: unknown, options?: SaveOptions) => Promise<Destination>;
  /** Adds a new destination with its secrets; nothing stays behind when a step fails. */
  create: (value: unknown, secrets?: NewSecrets) => Promise<Destination>;
  /** Renames a destination; its secrets and remembered mappings follow. */
  rename: (from: string, to: string) => Promise<{ destination: Destination; secretsMoved: number }>;
  /** Removes a destination, its secrets and its remembered mappings; null when there was none. */
  remove: (name: string) => Promise<{ name: string; secretsDeleted: number } | null>;
  /** Replaces the password of a destination (bound to its server). */
  setPassword: (name: string, password: string) => Promise<Destination>;
  /**
   * Saves (or, with an empty value, deletes) one secret of a destination, bound to the server it
   * is for: a password, passphrase or key to the destination's server, a proxy password to its
   * proxy (and proxy user). A destination not saved yet binds nothing (bound when it is saved).
   */
  setSecret: (name: string, kind: SecretKind, value: string) => Promise<void>;
  /** Which secrets the keychain holds for a destination. */
  secretsOf: (name: string) => Promise<SecretsPresent>;
  /** The destination file text of a configured destination (never a secret). */
  exportText: (name: string) => Promise<string>;
  /** Writes a destination file; returns the destination written. */
  exportTo: (name: string, path: string) => Promise<Destination>;
  /** Imports a destination file (optionally under another name), with the secrets given. */
  importFrom: (
    path: string,
    options?: Readonly<{ name?: string; secrets?: NewSecrets }>
  ) => Promise<Destination>;
  /** A vendor's sample file read as columns (rules guessed), first rows and output format. */
  readSample: (path: string, sheet?: string) => Promise<DestinationSample>;
  /**
   * The output file of a destination being edited, as the send would write it (from a sample
   * file, or made-up rows); an unfinished destination gets its problems, at their fields.
   */
  previewOutput: (
    value: unknown,
    sample?: Readonly<{ path: string; sheet?: string }>
  ) => Promise<OutputPreview>;
}>;

/** Builds the destination service over a settings folder and the keychain. */
export function createDestinationService(
  deps: Readonly<{ home: string; secrets: SecretStore; now?: () => Date }>
): DestinationService {
  const { home, secrets: store } = deps;
  const now = deps.now ?? (() => new Date());
  // ssh2 is loaded only when a key is imported: `courier inspect` and the app's start need none of it.
  const identities = async () => new (await import('../secrets/ssh-identity')).SshIdentities(store);

  const exists = (name: string) =>
    new CourierError(
      'destination.exists',
      `A destination called “${name}” already exists. Choose another name.`,
      { params: { name } }
    );

  async function save(value: unknown, options: SaveOptions = {}): Promise<Destination> {
    // An edit gets its platform rules, then is refused at the field it concerns (a column twice, an
    // empty variable the file name needs); a rename alone changes nothing else, so a destination
    // saved before a rule existed stays renameable.
    const destination = options.renameOnly
      ? parseDestination(value)
      : settleDestination(parseSavable(value));
    const previous = options.previousName;
    const old = await getDestination(home, previous ?? destination.name);
    if (previous !== undefined && !old) {
      throw new CourierError(
        'destination.not-found',
        `There is no destination called “${previous}”.`,
        { params: { name: previous } }
      );
    }
    const renaming =
      old !== null && destinationFile(home, old.name) !== destinationFile(home, destination.name);
    const existing = renaming || !old ? await getDestination(home, destination.name) : old;
    const sameOne = old !== null && !renaming && previous !== undefined;
    if (existing && !sameOne && options.overwrite !== true) throw exists(existing.name);
    if (options.password !== undefined) await store.checkUsable();

    let keep = false;
    if (!old) {
      // A password left in the keychain without its destination (saved before secrets were
      // bound) must not go to whatever server a new destination of that name names.
      await store.bind(destination.name, NO_KNOWN_SERVER, { kinds: ['password'] }).catch(() => 0);
    } else if (!sameServer(old.transport, destination.transport)) {
      const from = serverIdentity(old.transport);
      const to = serverIdentity(destination.transport);
      // Secrets saved before binding existed belong to the server they were entered for: the old one.
      await store.bind(old.name, from);
      const kinds = Object.keys(await store.boundServers(old.name)) as SecretKind[];
      if (kinds.length > 0 && options.keepSecret)
        keep = await options.keepSecret({ name: destination.name, from, to, kinds });
    }

    // Secrets, then mappings, then the file; a failure undoes the steps already taken.
    const newName = old !== null && old.name !== destination.name;
    const moved = newName ? await store.rename(old.name, destination.name) : 0;
    try {
      if (newName) await renameMappings(home, old.name, destination.name);
      try {
        await saveDestination(home, destination, {
          previousName: old ? old.name : undefined,
          overwrite: true,
        });
      } catch (error) {
        // Undo under the save's error (thrown next, the one the person sees).
        if (newName) await renameMappings(home, destination.name, old.name).catch(() => undefined);
        throw error;
      }
    } catch (error) {
      // Undo under the error thrown next.
      if (moved > 0) await store.rename(destination.name, old!.name).catch(() => 0);
      throw error;
    }
    if (keep)
      await store.bind(destination.name, serverIdentity(destination.transport), { rebind: true });
    if (options.password !== undefined)
      await store.set(
        destination.name,
        'password',
        options.password,
        serverIdentity(destination.transport)
      );
    return destination;
  }

  async function create(value: unknown, secrets: NewSecrets = {}): Promise<Destination> {
    const destination = settleDestination(value);
    const existing = await getDestination(home, destination.name);
    if (existing) throw exists(existing.name);
    const { password, privateKey, passphrase } = secrets;
    const any = password !== undefined || privateKey !== undefined || passphrase !== undefined;
    if (any) await store.checkUsable();
    // No keychain (a server using another secret source): there is no stray password to unbind.
    await store.bind(destination.name, NO_KNOWN_SERVER, { kinds: ['password'] }).catch(() => 0);
    const server = serverIdentity(destination.transport);
    const written: SecretKind[] = [];
    try {
      if (password !== undefined) {
        await store.set(destination.name, 'password', password, server);
        written.push('password');
      }
      if (privateKey !== undefined) {
        await (await identities()).importKey(destination.name, privateKey, passphrase);
        written.push('private-key', 'passphrase');
      } else if (passphrase !== undefined) {
        await store.set(destination.name, 'passphrase', passphrase, server);
        written.push('passphrase');
      }
      await saveDestination(home, destination);
    } catch (error) {
      // Leave no orphaned secret behind when the destination could not be saved.
      for (const kind of written) await store.delete(destination.name, kind).catch(() => false);
      throw error;
    }
    return destination;
  }

  async function importFrom(
    path: string,
    options: Readonly<{ name?: string; secrets?: NewSecrets }> = {}
  ): Promise<Destination> {
    const info = await stat(path).catch(() => null);
    if (!info || !info.isFile()) {
      throw new CourierError(
        'destination.not-found',
        `There is no destination file at “${path}”.`,
        { params: { file: path } }
      );
    }
    if (info.size > MAX_DESTINATION_FILE_BYTES) {
      throw new CourierError(
        'destination.invalid',
        `“${basename(path)}” is too large to be a destination file.`,
        { params: { file: basename(path) } }
      );
    }
    const read = parseDestinationFile(await readFile(path, 'utf8'), basename(path));
    const destination =
      options.name === undefined ? read : parseDestination({ ...read, name: options.name });
    return create(destination, options.secrets);
  }

  return {
    list: () => listDestinations(home),
    get: name => getDestination(home, name),
    require: name => requireDestination(home, name),
    resolve: reference => resolveDestination(home, reference),
    save,
    create,
    writeDummyData: async (reference, options) =>
      writeDummyData(await resolveDestination(home, reference), options),
    proposeFromSample: async (destination, samplePath) =>
      destinationFromSample(destination, await readSampleFile(samplePath)),
    rename: async (from, to) => {
      const current = await requireDestination(home, from);
      // Only counts the secrets moved, for the sentence; the rename itself moves them or fails.
      const before = (await store.hasAll(current.name).catch(() => null)) ?? {};
      const destination = await save(
        { ...current, name: to },
        { previousName: current.name, renameOnly: true }
      );
      const secretsMoved =
        current.name === destination.name ? 0 : Object.values(before).filter(Boolean).length;
      return { destination, secretsMoved };
    },
    remove: async name => {
      const current = await getDestination(home, name);
      if (!current) return null;
      // Secrets first: if the keychain is locked the destination stays, rather than orphaning them.
      const secretsDeleted = await store.deleteAll(current.name);
      await removeDestination(home, current.name);
      await forgetMappings(home, current.name);
      return { name: current.name, secretsDeleted };
    },
    setPassword: async (name, password) => {
      const current = await requireDestination(home, name);
      await store.checkUsable();
      await store.set(current.name, 'password', password, serverIdentity(current.transport));
      return current;
    },
    setSecret: async (name, kind, value) => {
      const saved = await getDestination(home, name);
      const proxy = saved?.transport.proxy;
      const boundTo =
        kind === 'proxy-password'
          ? proxy && (proxy.kind === 'http' || proxy.kind === 'socks5')
            ? proxyIdentity(proxy)
            : null
          : saved
            ? serverIdentity(saved.transport)
            : null;
      await store.set(name, kind, value, boundTo);
    },
    secretsOf: async name => {
      const has = await store.hasAll(name);
      return { password: has.password, passphrase: has.passphrase, privateKey: has['private-key'] };
    },
    exportText: async name => destinationFileText(await requireDestination(home, name)),
    exportTo: async (name, path) => {
      const destination = await requireDestination(home, name);
      await saveWhole(path, Buffer.from(destinationFileText(destination), 'utf8'));
      return destination;
    },
    importFrom,
    readSample: (path, sheet) => readSample(path, sheet),
    previewOutput: async (value, sample) => {
      const read = sample ? await readSample(sample.path, sample.sheet) : null;
      return previewOutput(value, read, now());
    },
  };
}
