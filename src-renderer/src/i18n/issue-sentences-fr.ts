import type { Message } from './en';
import type { enIssueSentences } from './issue-sentences-en';

/** French issue sentences: exactly the English keys. */
export const frIssueSentences: Readonly<Record<keyof typeof enIssueSentences, Message>> = {};
