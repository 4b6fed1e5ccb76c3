import type { AppCommand } from '../../../src-core/desktop/desktop-ipc';

/** The window's keyboard shortcuts: the command and its key, as the app menu shows them too. */
export const shortcuts: ReadonlyArray<
  Readonly<{ command: AppCommand; key: string; mod: boolean; shift?: boolean }>
> = [
  { command: 'open-file', key: 'o', mod: true },
  { command: 'destinations', key: ',', mod: true },
  { command: 'history', key: 'h', mod: true, shift: true },
  { command: 'shortcuts', key: 'F1', mod: false },
];

/** Whether the page runs on a Mac (⌘ instead of Ctrl). */
export const isMac = (platform: string): boolean => platform === 'darwin';

/**
 * The command a key press asks for, or null: Ctrl (⌘ on a Mac) + O, Ctrl/⌘ + comma,
 * Ctrl/⌘ + Shift + H, and F1. Escape is not here: every dialog closes on it by itself.
 */
export function commandForKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  mac: boolean
): AppCommand | null {
  const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (event.altKey) return null;
  for (const s of shortcuts) {
    if (s.mod !== mod || Boolean(s.shift) !== event.shiftKey) continue;
    if (event.key.toLowerCase() === s.key.toLowerCase()) return s.command;
  }
  return null;
}

/** A shortcut as the person reads it on their system: "Ctrl+O", "⌘O", "F1". */
export function shortcutLabel(command: AppCommand, mac: boolean): string {
  const s = shortcuts.find(x => x.command === command);
  if (!s) return '';
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key;
  if (!s.mod) return key;
  return mac ? `${s.shift ? '⇧' : ''}⌘${key}` : `Ctrl+${s.shift ? 'Shift+' : ''}${key}`;
}
