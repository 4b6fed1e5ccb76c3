import { join } from 'node:path';
import { z } from 'zod';
import type { BackgroundSettings } from '../../src-core/jobs/job-ipc';
import type { HistoryStore } from '../history/history-store';
import { withFileLock, writeFileAtomic } from '../settings/file-lock';
import { keepDamagedAndTell, readSettingsJson } from '../settings/settings-file';

const Stored = z.object({
  notifyOnSuccess: z.boolean().default(false),
  startAtLogin: z.boolean().default(false),
});

/** The background settings of a settings folder (`<home>/background.json` and the history's retention). */
export type BackgroundSettingsStore = Readonly<{
  get: () => Promise<BackgroundSettings>;
  set: (change: Partial<BackgroundSettings>) => Promise<BackgroundSettings>;
  /** Told after every change (the Electron entry applies start-at-login). */
  onChange: (listener: (settings: BackgroundSettings) => void) => () => void;
}>;

/** Opens the background settings; the history retention lives with the history itself. */
export function createBackgroundSettings(
  home: string,
  history: HistoryStore
): BackgroundSettingsStore {
  const file = join(home, 'background.json');
  // Built once per settings folder by the composition root (services → jobs): its listeners are
  // everyone in this process who cares (the tray's start-at-login, the window).
  const shared = new Set<(settings: BackgroundSettings) => void>();
  const read = () => readSettingsJson(file, value => Stored.safeParse(value).data ?? null);
  async function stored(): Promise<z.infer<typeof Stored>> {
    const found = await read();
    return found.kind === 'ok' ? found.value : Stored.parse({});
  }
  async function get(): Promise<BackgroundSettings> {
    return { ...(await stored()), historyRetention: await history.getRetention() };
  }
  return {
    get,
    set: async change => {
      const { historyRetention, ...rest } = change;
      if (Object.keys(rest).length > 0) {
        // Read, change and replace under the file's lock: the app and `courier jobs settings`
        // may change it at the same time, and neither change is lost.
        await withFileLock(
          `${file}.lock`,
          async held => {
            const found = await read();
            const next = Stored.parse({ ...(found.kind === 'ok' ? found.value : {}), ...rest });
            // A damaged file is kept aside (and said), never written over.
            if (found.kind === 'damaged') await keepDamagedAndTell(file, 'the background settings');
            await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`, held);
          },
          { what: 'the background settings' }
        );
      }
      if (historyRetention) await history.setRetention(historyRetention);
      const settings = await get();
      for (const listener of [...shared]) listener(settings);
      return settings;
    },
    onChange: listener => {
      shared.add(listener);
      return () => {
        shared.delete(listener);
      };
    },
  };
}
