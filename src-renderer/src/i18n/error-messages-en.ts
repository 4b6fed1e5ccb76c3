import type { Message } from './en';

/** English error messages (part of the English catalogue, see en.ts). */
export const enErrorMessages = {} satisfies Record<string, Message>;
