import { z } from 'zod';

/**
 * The desktop's own calls and events: About, diagnostic information, recent files and the
 * commands of the app menu (see `src-main/support/`, `src-main/files/recent-files.ts`).
 */

/** The versions the About window shows (Electron and Chrome are null outside Electron). */
export const AboutInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  electron: z.string().nullable(),
  chrome: z.string().nullable(),
  node: z.string(),
  v8: z.string().nullable(),
  os: z.string(),
  copyright: z.string(),
});

/** One recent file: where it is, and whether it is still there. */
export const RecentFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  folder: z.string(),
  openedAt: z.string(),
  missing: z.boolean(),
});
export type RecentFile = z.infer<typeof RecentFileSchema>;

export const desktopCalls = {
  /** The program's versions for the About window. */
  'support:about': { request: z.undefined(), response: AboutInfoSchema },
  /**
   * The diagnostic text (versions, OS, settings folder, destination kinds; nothing personal),
   * put on the clipboard by main when asked; `copied` is false where there is no clipboard.
   */
  'support:diagnostics': {
    request: z.object({ copy: z.boolean() }),
    response: z.object({ text: z.string(), copied: z.boolean() }),
  },
  /** The last files opened (newest first, at most 10), each marked missing when it is gone. */
  'recent:list': {
    request: z.undefined(),
    response: z.object({ files: z.array(RecentFileSchema) }),
  },
  /** Opens a recent file: main checks it is one, and lets the window open it. */
  'recent:open': {
    request: z.object({ path: z.string().min(1) }),
    response: z.object({ path: z.string() }),
  },
  /** Takes a file off the recent list (a missing one, or any). */
  'recent:remove': {
    request: z.object({ path: z.string().min(1) }),
    response: z.object({ files: z.array(RecentFileSchema) }),
  },
} as const;

/** What the app menu asks the window to do (its shortcuts are the window's own, see `shortcuts.ts`). */
export const AppCommand = z.enum(['open-file', 'destinations', 'history', 'shortcuts', 'about']);
export type AppCommand = z.infer<typeof AppCommand>;

export const desktopEvents = {
  /** A command of the app menu (File → Open…, Help → Keyboard shortcuts, About…). */
  'app:command': z.object({ command: AppCommand }),
  /** The recent files changed (a file was opened, or one was removed). */
  'recent:changed': z.object({}),
} as const;
