import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { CourierError } from '../../src-core/errors';
import type { Destination } from '../../src-core/destinations/destination';
import { destinationTransport } from '../transfers/destination-transport';
import { withSession } from '../transfers/receipts';
import { remoteJoin } from '../transfers/remote-session';
import type { SecretReader } from '../transfers/secret-reader';
import { TransferError } from '../transfers/transfer-errors';
import { ensureSettingsFolder, settingsWrite } from '../settings/settings-file';

/**
 * Digitaleo's daily report zips (`reporting/<YYYY-MM-DD>/<day>_Daily.zip` and
 * `<day>_<campaignId>_<campaignName>.zip`: openers, clickers, unsubscribers), kept seven days on
 * the server: each downloaded once (remembered per destination), verified, and never written over
 * a local file.
 */

/** One file inside a report zip: its name and its data rows (no cell is read out). */
export type ReportEntry = Readonly<{ name: string; rows: number }>;

/** A report zip saved this time. */
export type DownloadedReport = Readonly<{
  day: string;
  /** The name on the server. */
  name: string;
  /** Where it was saved (a new name when the folder already held one of that name). */
  savedAs: string;
  bytes: number;
  sha256: string;
  entries: readonly ReportEntry[];
}>;

/** What one download pass did. */
export type ReportDownloads = Readonly<{
  downloaded: readonly DownloadedReport[];
  /** Zips downloaded on an earlier pass (remembered), left alone. */
  alreadyDownloaded: readonly Readonly<{ day: string; name: string }>[];
}>;

type Remembered = {
  day: string;
  name: string;
  bytes: number;
  sha256: string;
  savedAs: string;
  at: string;
};
type Ledger = { version: 1; reports: Remembered[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The file remembering a destination's downloaded reports. */
function ledgerFile(home: string, destination: string): string {
  const slug = encodeURIComponent(destination.trim().toLowerCase())
    .replace(/\*/g, '%2A')
    .replace(/^\./, '%2E');
  return join(home, 'reports', `${slug}.json`);
}

async function readLedger(file: string): Promise<Ledger> {
  try {
    const json = JSON.parse(await readFile(file, 'utf8')) as Partial<Ledger>;
    if (json && json.version === 1 && Array.isArray(json.reports))
      return { version: 1, reports: json.reports };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, reports: [] };
  }
  // A damaged ledger is kept aside, never trusted nor silently emptied into re-downloads of old names.
  throw new CourierError(
    'reports.ledger-damaged',
    `The list of downloaded reports (${file}) cannot be read. Move it away to start a new one.`,
    { params: { file } }
  );
}

async function writeLedger(file: string, ledger: Ledger): Promise<void> {
  await ensureSettingsFolder(join(file, '..'));
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await settingsWrite(file, async () => {
    await writeFile(tmp, `${JSON.stringify(ledger, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, file);
  });
}

/** CRC-32 (the zip one), to check every file inside a downloaded zip. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The CRC of each file the zip's central directory lists, by name. */
function centralCrcs(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const crcs = new Map<string, number>();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('damaged central directory');
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    crcs.set(name, view.getUint32(at + 16, true));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return crcs;
}

/** Checks a zip whole (every file's CRC) and counts each file's data rows (lines after the header). */
function checkedEntries(zip: Uint8Array, name: string): ReportEntry[] {
  try {
    const crcs = centralCrcs(zip);
    const files = unzipSync(zip);
    const entries: ReportEntry[] = [];
    for (const [entry, data] of Object.entries(files)) {
      if (entry.endsWith('/')) continue;
      if (crcs.get(entry) !== crc32(data)) throw new Error(`${entry}: CRC mismatch`);
      let lines = 0;
      for (let i = 0; i < data.length; i++) if (data[i] === 10) lines++;
      if (data.length > 0 && data[data.length - 1] !== 10) lines++;
      entries.push({ name: entry, rows: Math.max(0, lines - 1) });
    }
    return entries;
  } catch {
    throw new CourierError(
      'reports.damaged',
      `The report “${name}” arrived damaged (it is not a complete zip). It was not kept; try again later.`,
      { params: { file: name } }
    );
  }
}

/**
 * Saves `bytes` in `folder` under `name`, or under `name (2)`, `name (3)`… when a file of that
 * name is there: a hard link never replaces an existing file, so nothing local is written over.
 */
export async function saveNew(folder: string, name: string, bytes: Uint8Array): Promise<string> {
  const tmp = join(folder, `.${name}.${randomBytes(4).toString('hex')}.part`);
  await writeFile(tmp, bytes, { flag: 'wx' });
  try {
    const ext = extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let n = 1; ; n++) {
      const target = join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
      try {
        await link(tmp, target);
        return target;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } finally {
    await rm(tmp, { force: true });
  }
}

/** What `downloadReports` needs. */
export type DownloadReportsRequest = Readonly<{
  home: string;
  destination: Destination;
  secrets: SecretReader;
  /** The local folder the zips go to. */
  out: string;
  /** Only days from this one on (YYYY-MM-DD); every day kept on the server when missing. */
  since?: string;
  now?: Date;
}>;

/** Downloads the Digitaleo report zips not downloaded before (see the module comment). */
export async function downloadReports(request: DownloadReportsRequest): Promise<ReportDownloads> {
  const { destination } = request;
  if (destination.presetId !== 'digitaleo')
    throw new CourierError(
      'reports.not-digitaleo',
      `${destination.name} is not a Digitaleo destination: only Digitaleo keeps reports to download.`,
      { params: { name: destination.name } }
    );
  if (request.since !== undefined && !DAY.test(request.since))
    throw new TransferError(
      'receipt.bad-day',
      `A day is written YYYY-MM-DD (got "${request.since}").`,
      { params: { day: request.since } }
    );
  const file = ledgerFile(request.home, destination.name);
  const ledger = await readLedger(file);
  const known = new Set(ledger.reports.map(r => `${r.day}/${r.name}`));
  const base = destination.folder;
  const transport = destinationTransport(destination);
  await mkdir(request.out, { recursive: true });
  const downloaded: DownloadedReport[] = [];
  const alreadyDownloaded: Array<{ day: string; name: string }> = [];
  await withSession(destination.name, transport, request.secrets, async session => {
    const reporting = remoteJoin(base, 'reporting');
    let days;
    try {
      days = await session.list(reporting);
    } catch {
      throw new TransferError(
        'reports.none',
        `Digitaleo keeps no reports in “${reporting}” for ${destination.name}.`,
        { params: { name: destination.name } }
      );
    }
    const wanted = days
      .filter(
        d =>
          d.isDirectory &&
          DAY.test(d.name) &&
          (request.since === undefined || d.name >= request.since)
      )
      .map(d => d.name)
      .sort();
    for (const day of wanted) {
      const folder = remoteJoin(reporting, day);
      const zips = (await session.list(folder))
        .filter(
          e =>
            !e.isDirectory &&
            e.name.toLowerCase().endsWith('.zip') &&
            !/[/\\]/.test(e.name) &&
            !e.name.startsWith('.')
        )
        .sort((a, b) => a.name.localeCompare(b.name));
      for (const zip of zips) {
        if (known.has(`${day}/${zip.name}`)) {
          alreadyDownloaded.push({ day, name: zip.name });
          continue;
        }
        const tmp = join(request.out, `.${zip.name}.${randomBytes(4).toString('hex')}.download`);
        let bytes: Uint8Array;
        try {
          await session.download(remoteJoin(folder, zip.name), tmp);
          bytes = new Uint8Array(await readFile(tmp));
        } finally {
          await rm(tmp, { force: true });
        }
        if (bytes.length !== zip.size)
          throw new CourierError(
            'reports.damaged',
            `The report “${zip.name}” arrived damaged (${bytes.length} of ${zip.size} bytes). It was not kept; try again later.`,
            { params: { file: zip.name } }
          );
        const entries = checkedEntries(bytes, zip.name);
        const savedAs = await saveNew(request.out, zip.name, bytes);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        downloaded.push({ day, name: zip.name, savedAs, bytes: bytes.length, sha256, entries });
        // Remembered as soon as it is safely saved: a later failure does not fetch it again.
        ledger.reports.push({
          day,
          name: zip.name,
          bytes: bytes.length,
          sha256,
          savedAs: basename(savedAs),
          at: (request.now ?? new Date()).toISOString(),
        });
        known.add(`${day}/${zip.name}`);
        await writeLedger(file, ledger);
      }
    }
  });
  // The folder exists and holds what was saved; `stat` says so plainly if it vanished meanwhile.
  await stat(request.out);
  return { downloaded, alreadyDownloaded };
}
