import type { Message } from './en';

/** English notes of the destination presets, by preset id (part of the English catalogue). */
export const enPresetNotes = {} satisfies Record<string, Message>;
