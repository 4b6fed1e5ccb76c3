import type { Message } from './en';
import type { enPresetNotes } from './preset-notes-en';

/** French notes of the destination presets: exactly the English keys. */
export const frPresetNotes: Readonly<Record<keyof typeof enPresetNotes, Message>> = {};
