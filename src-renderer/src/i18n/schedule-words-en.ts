import type { Message } from './en';

/** English schedule words (part of the English catalogue, see en.ts). */
export const enScheduleWords = {} satisfies Record<string, Message>;
