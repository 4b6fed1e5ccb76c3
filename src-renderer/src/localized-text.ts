import type { EventPayload } from '../../src-core/ipc/contract';
import { presetNotes } from '../../src-core/destinations/preset-notes';
import { errorText } from './error-text';
import { isMessageKey } from '../../src-core/words/en';
import type { I18n } from './i18n/i18n';

/** One step of a destination's connection test, as main sends it. */
type ConnectionStep = EventPayload<'destinations:test-step'>['step'];

/**
 * What a step says, in the user's language: English shows main's own sentence; French and Dutch
 * the step's catalogue key with its params (a failed step through errorText, like any error).
 */
export function stepText(step: ConnectionStep, i18n: Pick<I18n, 't' | 'language'>): string {
  if (step.status === 'failed') {
    return errorText({ code: step.code, message: step.message, params: step.says.params }, i18n);
  }
  const key = step.says.key;
  if (i18n.language === 'en' || !isMessageKey(key)) return step.message;
  return i18n.t(key, step.says.params);
}

/** The advice of a failed step in the user's language (main's English when none is known). */
export function adviceText(
  step: ConnectionStep,
  i18n: Pick<I18n, 't' | 'language'>
): string | null {
  if (!step.advice) return null;
  const key = `connection.advice.${step.code ?? ''}`;
  return i18n.language !== 'en' && isMessageKey(key) ? i18n.t(key) : step.advice;
}

/**
 * A destination's notes in the user's language: the translation of its preset's notes while it
 * still has them as the preset wrote them; notes the user wrote or changed stay as they are.
 */
export function notesText(
  destination: Readonly<{ presetId: string; notes: string }>,
  t: I18n['t']
): string {
  const id = destination.presetId as keyof typeof presetNotes;
  const key = `preset.${id}.notes`;
  return Object.hasOwn(presetNotes, id) &&
    destination.notes === presetNotes[id] &&
    isMessageKey(key)
    ? t(key)
    : destination.notes;
}
