import { presetNotes } from '../destinations/preset-notes';
import type { Message } from './message';

/** The catalogue key of a preset's notes. */
export type PresetNotesKey = `preset.${keyof typeof presetNotes}.notes`;

/**
 * English notes of the destination presets, by preset id (part of the English catalogue): the
 * very notes the preset writes into a new destination.
 */
export const enPresetNotes = Object.fromEntries(
  Object.entries(presetNotes).map(([id, notes]) => [`preset.${id}.notes`, notes])
) as { readonly [K in PresetNotesKey]: string } satisfies Record<string, Message>;
