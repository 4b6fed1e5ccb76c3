import type { Message } from './en';
import type { enIssueSentences } from './issue-sentences-en';

/** Dutch issue sentences: exactly the English keys. */
export const nlIssueSentences: Readonly<Record<keyof typeof enIssueSentences, Message>> = {};
