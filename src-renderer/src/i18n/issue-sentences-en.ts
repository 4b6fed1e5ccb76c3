import type { Message } from './en';

/** English issue sentences (part of the English catalogue, see en.ts). */
export const enIssueSentences = {} satisfies Record<string, Message>;
