import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DigitaleoOptions } from '../../src-core/destinations/destination';
import type { Transport } from '../../src-core/destinations/transport';
import { openSession } from './open-session';
import { remoteJoin, type RemoteSession } from './remote-session';
import { readLoginSecrets, type LoginSecrets, type SecretReader } from './secret-reader';
import { systemClock, type TransferClock } from './transfer';
import { TransferError } from './transfer-errors';

/** Opens a session to a destination, runs `action`, and always closes it. */
export async function withSession<T>(
  destinationName: string,
  transport: Transport,
  secrets: SecretReader | LoginSecrets,
  action: (session: RemoteSession) => Promise<T>
): Promise<T> {
  const login = typeof (secrets as SecretReader).get === 'function' ? await readLoginSecrets(secrets as SecretReader, destinationName, transport) : (secrets as LoginSecrets);
  const session = await openSession(transport, login);
  try {
    return await action(session);
  } finally {
    await session.close();
  }
}

/** What the platform did with a delivered file, in plain words. */
export type Receipt = Readonly<{
  /**
   * `waiting`: not picked up yet; `processing`: Digitaleo moved it to `on/`; `accepted` (Digitaleo
   * `ok/`), `rejected` (Digitaleo `ko/`, usually a CSV syntax problem), `imported` (BlueConic added
   * `.done`).
   */
  status: 'waiting' | 'processing' | 'accepted' | 'rejected' | 'imported';
  /** The name the platform gave the file (e.g. with Digitaleo's timestamp prefix). */
  seenAs: string | null;
  message: string;
}>;

/** Digitaleo's action folder (`…/contacts/<action>`) from the `in/` folder files are uploaded to. */
function digitaleoActionFolder(inFolder: string): string {
  return inFolder.replace(/\/+$/, '').replace(/\/in$/, '');
}

/** Whether `name` is our file as Digitaleo renames it: a POSIX-timestamp prefix, then our name. */
export function isDigitaleoRename(name: string, remoteName: string): boolean {
  if (name === remoteName) return true;
  if (!name.endsWith(remoteName)) return false;
  return /^\d{9,13}[_\-.]?$/.test(name.slice(0, name.length - remoteName.length));
}

/**
 * Looks once for the receipt of a delivered file.
 *
 * Digitaleo (`rule` 'digitaleo', `folder` = the `…/contacts/<action>/in` folder): `ok/` means
 * accepted, `ko/` rejected, `on/` processing, else waiting. BlueConic ('done-suffix'): a
 * `<name>.done` beside it means imported.
 */
export async function checkReceipt(session: RemoteSession, rule: 'digitaleo' | 'done-suffix', folder: string, remoteName: string): Promise<Receipt> {
  // A folder the platform has not made yet (no `ok/` before the first import) holds no receipt.
  const names = async (path: string) => (await session.list(path).catch(() => [])).map(e => e.name);
  if (rule === 'done-suffix') {
    const here = await names(folder);
    if (here.includes(`${remoteName}.done`)) return { status: 'imported', seenAs: `${remoteName}.done`, message: `BlueConic imported ${remoteName} (it is now ${remoteName}.done).` };
    return { status: 'waiting', seenAs: here.includes(remoteName) ? remoteName : null, message: `BlueConic has not imported ${remoteName} yet.` };
  }
  const action = digitaleoActionFolder(folder);
  for (const [sub, status, message] of [
    ['ok', 'accepted', `Digitaleo imported ${remoteName}.`],
    ['ko', 'rejected', `Digitaleo rejected ${remoteName}: usually a CSV syntax problem. Check the file (it is in the ko folder on the server).`],
    ['on', 'processing', `Digitaleo is processing ${remoteName}.`],
  ] as const) {
    const match = (await names(remoteJoin(action, sub))).find(n => isDigitaleoRename(n, remoteName));
    if (match) return { status, seenAs: match, message };
  }
  return { status: 'waiting', seenAs: null, message: `Digitaleo has not picked up ${remoteName} yet.` };
}

/**
 * Polls for a file's receipt until it is final (accepted, rejected, imported) or `timeoutMs`
 * passes; then returns the last state seen (waiting or processing).
 */
export async function waitForReceipt(
  session: RemoteSession,
  rule: 'digitaleo' | 'done-suffix',
  folder: string,
  remoteName: string,
  options: Readonly<{ timeoutMs: number; pollMs?: number; clock?: TransferClock; signal?: AbortSignal }>
): Promise<Receipt> {
  const clock = options.clock ?? systemClock;
  const signal = options.signal ?? new AbortController().signal;
  const deadline = clock.now() + options.timeoutMs;
  for (;;) {
    const receipt = await checkReceipt(session, rule, folder, remoteName);
    if (receipt.status !== 'waiting' && receipt.status !== 'processing') return receipt;
    if (clock.now() >= deadline || signal.aborted) return receipt;
    await clock.sleep(Math.min(options.pollMs ?? 15_000, Math.max(0, deadline - clock.now())), signal);
  }
}

/** The Digitaleo marker files a destination asks for, as paths under its base folder. */
export function digitaleoMarkers(base: string, options: DigitaleoOptions): { create: string[]; remove: string[] } {
  const root = remoteJoin(base, 'contacts');
  const create: string[] = [];
  const remove: string[] = [];
  if (options.importMode) {
    const modes = ['createNewList', 'addToExistingList', 'syncExistingList'] as const;
    for (const mode of modes) (mode === options.importMode ? create : remove).push(remoteJoin(root, `import/.${mode}`));
  }
  if (options.multiAccount && options.action.startsWith('optout')) create.push(remoteJoin(root, `${options.action}/.explodeAndDispatch`));
  return { create, remove };
}

/**
 * Places Digitaleo's empty marker files as the destination says: the import-mode marker in
 * `contacts/import/` (the other two modes' markers are removed, since only one mode can hold) and
 * `.explodeAndDispatch` for multi-account opt-outs. Returns the markers created.
 */
export async function placeDigitaleoMarkers(session: RemoteSession, base: string, options: DigitaleoOptions): Promise<string[]> {
  const { create, remove } = digitaleoMarkers(base, options);
  for (const path of remove) if ((await session.size(path)) !== null) await session.remove(path);
  const created: string[] = [];
  for (const path of create) {
    if ((await session.size(path)) === null) {
      await session.put(path, new Uint8Array());
      created.push(path);
    }
  }
  return created;
}

/**
 * Downloads Digitaleo's reporting zips of one day (`reporting/<YYYY-MM-DD>/*.zip`) into a local
 * folder; returns the local paths. Digitaleo keeps seven days.
 */
export async function downloadDigitaleoReports(session: RemoteSession, base: string, day: string, localFolder: string): Promise<string[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new TransferError('receipt.bad-day', `A day is written YYYY-MM-DD (got "${day}").`, { params: { day } });
  const folder = remoteJoin(base, `reporting/${day}`);
  let entries;
  try {
    entries = await session.list(folder);
  } catch {
    throw new TransferError('receipt.no-reports', `Digitaleo has no reports for ${day} (they are kept for seven days).`, { params: { day } });
  }
  const zips = entries.filter(e => !e.isDirectory && e.name.toLowerCase().endsWith('.zip') && !e.name.includes('/') && !e.name.includes('\\') && !e.name.startsWith('.'));
  if (zips.length === 0) throw new TransferError('receipt.no-reports', `Digitaleo has no reports for ${day} (they are kept for seven days).`, { params: { day } });
  await mkdir(localFolder, { recursive: true });
  const saved: string[] = [];
  for (const entry of zips) {
    const target = join(localFolder, entry.name);
    await session.download(remoteJoin(folder, entry.name), target);
    saved.push(target);
  }
  return saved;
}
