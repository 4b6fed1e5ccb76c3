import type { Message } from './en';

/** English connection-test step texts and advice (part of the English catalogue, see en.ts). */
export const enConnectionSteps = {} satisfies Record<string, Message>;
