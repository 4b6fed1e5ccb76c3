import { basename, dirname, extname, join } from 'node:path';
import { CourierError } from '../../src-core/errors';
import { appendJsonLine } from '../history/json-lines';
import { ensureSettingsFolder, readSettingsText, settingsWrite } from '../settings/settings-file';

/** One delivered file, as remembered in `<home>/ledger.jsonl`. */
export type LedgerEntry = Readonly<{
  /** ISO time of delivery. */
  at: string;
  destination: string;
  remoteFolder: string;
  remoteName: string;
  size: number;
  sha256: string;
}>;

/** The ledger file of a settings folder. */
export const ledgerPath = (home: string): string => join(home, 'ledger.jsonl');

/**
 * The record of what was sent where: one JSON line per delivered file, appended.
 *
 * It stops the same prepared file from being sent twice to a destination unless the user insists,
 * and makes sure a name is never reused on a destination (CustomerGauge ignores reused names).
 *
 * A ledger that cannot be read is never taken for "nothing was sent": a folder in its place, or a
 * line that is not a delivery (`null`, text from elsewhere), stops every send it may concern with
 * `transfer.ledger-unreadable` (`entriesFor`); the file is left untouched for a person to repair.
 * Only a record torn by a crash mid-append (it starts as Courier writes one but does not parse) is
 * skipped: its file stayed queued, and the resume records it again.
 */
export type Ledger = Readonly<{
  /** Every readable delivery (for listing); damaged lines are left out. */
  entries: () => Promise<LedgerEntry[]>;
  /** The deliveries to `destination`; rejects when the ledger may hide one (see above). */
  entriesFor: (destination: string) => Promise<LedgerEntry[]>;
  record: (entry: LedgerEntry) => Promise<void>;
}>;

type LedgerRead = Readonly<{
  entries: LedgerEntry[];
  /** Lines that cannot be read: their number, and their destination when it can be told. */
  damaged: ReadonlyArray<Readonly<{ line: number; destination: string | null }>>;
}>;

const isEntry = (value: unknown): value is LedgerEntry => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.at === 'string' &&
    typeof e.destination === 'string' &&
    typeof e.remoteName === 'string' &&
    typeof e.sha256 === 'string'
  );
};

// How every record Courier appends starts (JSON.stringify keeps the key order of LedgerEntry).
const RECORD_START = '{"at":"';

function parseLedger(text: string): LedgerRead {
  const entries: LedgerEntry[] = [];
  const damaged: Array<{ line: number; destination: string | null }> = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // A record torn by a crash mid-append: the file it describes stayed in the queue.
      if (line.startsWith(RECORD_START)) continue;
      value = undefined;
    }
    if (isEntry(value)) {
      entries.push(value);
      continue;
    }
    const named =
      value && typeof value === 'object'
        ? (value as { destination?: unknown }).destination
        : undefined;
    damaged.push({ line: index + 1, destination: typeof named === 'string' ? named : null });
  }
  return { entries, damaged };
}

function ledgerUnreadable(path: string, destination: string, line: number | null): CourierError {
  const where = line === null ? `“${basename(path)}”` : `line ${line} of “${basename(path)}”`;
  return new CourierError(
    'transfer.ledger-unreadable',
    `Courier cannot read its record of the files already sent (${where}, in ${dirname(path)}), so it cannot tell whether this file was already sent to ${destination}. Nothing was sent. Ask your IT colleague to repair or remove ${line === null ? 'it' : 'that line'}; Courier sends again once the record can be read.`,
    {
      params: {
        destination,
        file: basename(path),
        folder: dirname(path),
        ...(line === null ? {} : { line }),
      },
    }
  );
}

/** Opens the ledger of a settings folder. */
export function openLedger(home: string): Ledger {
  const path = ledgerPath(home);
  const read = async (destination: string | null): Promise<LedgerRead> => {
    const found = await readSettingsText(path);
    if (found.kind === 'missing') return { entries: [], damaged: [] };
    if (found.kind === 'unreadable') {
      if (destination === null) return { entries: [], damaged: [{ line: 0, destination: null }] };
      throw ledgerUnreadable(path, destination, null);
    }
    return parseLedger(found.text);
  };
  return {
    async entries() {
      return (await read(null)).entries;
    },
    async entriesFor(destination) {
      const { entries, damaged } = await read(destination);
      // A line that cannot be read may be a delivery to this destination, unless it names another.
      const blocking = damaged.find(d => d.destination === null || d.destination === destination);
      // The refusal itself tells the person (and the run's history entry keeps it).
      if (blocking) throw ledgerUnreadable(path, destination, blocking.line);
      return entries.filter(e => e.destination === destination);
    },
    async record(entry) {
      await ensureSettingsFolder(dirname(path));
      // On a fresh line after a torn one; a read-only or full settings folder is said in words.
      await settingsWrite(path, () => appendJsonLine(path, entry));
    },
  };
}

/** A name not used before on the destination: `name.csv`, else `name-2.csv`, `name-3.csv`… */
export function unusedName(name: string, used: ReadonlySet<string>): string {
  if (!used.has(name)) return name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A file about to be sent: its intended name and content hash. */
export type PlannedFile = Readonly<{ remoteName: string; sha256: string }>;

/**
 * Checks files against the ledger before sending.
 *
 * A file whose content was already delivered to this destination is refused with
 * `transfer.already-sent` unless `force`; a name already used on the destination (by this send or
 * an earlier one) is replaced by a new one, unless the destination's policy is to use the same
 * name every run (`sameNameEveryRun`: Digitaleo's list modes). Returns the names to send under.
 */
export async function planAgainstLedger(
  ledger: Ledger,
  destination: string,
  files: readonly PlannedFile[],
  force: boolean,
  sameNameEveryRun = false
): Promise<string[]> {
  // Even with `force`: a ledger that cannot be read cannot say which names are used there either.
  const entries = await ledger.entriesFor(destination);
  if (!force) {
    for (const file of files) {
      const earlier = entries.find(e => e.sha256 === file.sha256);
      if (earlier) {
        throw new CourierError(
          'transfer.already-sent',
          `This file was already sent to ${destination} on ${earlier.at.slice(0, 10)} as "${earlier.remoteName}". Send it again only if you mean to (it will get a new name).`,
          { params: { destination, day: earlier.at.slice(0, 10), file: earlier.remoteName } }
        );
      }
    }
  }
  if (sameNameEveryRun) return files.map(file => file.remoteName);
  const used = new Set(entries.map(e => e.remoteName));
  return files.map(file => {
    const name = unusedName(file.remoteName, used);
    used.add(name);
    return name;
  });
}
