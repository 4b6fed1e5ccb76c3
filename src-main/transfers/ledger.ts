import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { CourierError } from '../../src-core/errors';

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
 * A torn last line (a crash while appending) is skipped when reading.
 */
export type Ledger = Readonly<{
  entries: () => Promise<LedgerEntry[]>;
  record: (entry: LedgerEntry) => Promise<void>;
}>;

/** Opens the ledger of a settings folder. */
export function openLedger(home: string): Ledger {
  const path = ledgerPath(home);
  return {
    async entries() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return [];
      }
      const entries: LedgerEntry[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          entries.push(JSON.parse(line) as LedgerEntry);
        } catch {
          // A line torn by a crash mid-append: the file it describes is still in the queue.
        }
      }
      return entries;
    },
    async record(entry) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
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
 * an earlier one) is replaced by a new one. Returns the names to send under.
 */
export async function planAgainstLedger(ledger: Ledger, destination: string, files: readonly PlannedFile[], force: boolean): Promise<string[]> {
  const entries = (await ledger.entries()).filter(e => e.destination === destination);
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
  const used = new Set(entries.map(e => e.remoteName));
  return files.map(file => {
    const name = unusedName(file.remoteName, used);
    used.add(name);
    return name;
  });
}
