import { appendFile, open } from 'node:fs/promises';
import { readSettingsText, settingsWrite, unreadableSettings } from '../settings/settings-file';

async function endsWithNewline(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return true;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const byte = new Uint8Array(1);
    await handle.read(byte, 0, 1, size - 1);
    return byte[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

/**
 * Appends one JSON record as one line, in a single write.
 *
 * If a crash left a torn last line, the record starts on a fresh line so it is not lost with it.
 */
export async function appendJsonLine(file: string, record: unknown): Promise<void> {
  await settingsWrite(file, async () => {
    const prefix = (await endsWithNewline(file)) ? '' : '\n';
    await appendFile(file, `${prefix}${JSON.stringify(record)}\n`, { mode: 0o600 });
  });
}

/**
 * The non-empty lines of a file (none if it does not exist), unparsed; a file that exists but
 * cannot be read (a folder in its place) is `settings.unreadable`, never "no lines".
 */
export async function readLines(file: string): Promise<string[]> {
  const found = await readSettingsText(file);
  if (found.kind === 'missing') return [];
  if (found.kind === 'unreadable')
    throw unreadableSettings(file, 'a settings file', 'Nothing was changed.');
  return found.text.split('\n').filter(line => line.trim() !== '');
}

/** Reads every whole JSON line of a file (none if it does not exist); torn or foreign lines are skipped. */
export async function readJsonLines(file: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const line of await readLines(file)) {
    try {
      out.push(JSON.parse(line));
    } catch {
      // A torn line (the app stopped mid-write): every other line is whole.
    }
  }
  return out;
}
