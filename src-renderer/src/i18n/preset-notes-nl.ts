import type { Message } from './en';
import type { enPresetNotes } from './preset-notes-en';

/** Dutch notes of the destination presets: exactly the English keys. */
export const nlPresetNotes: Readonly<Record<keyof typeof enPresetNotes, Message>> = {};
