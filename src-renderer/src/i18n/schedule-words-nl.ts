import type { Message } from './en';
import type { enScheduleWords } from './schedule-words-en';

/** Dutch schedule words: exactly the English keys. */
export const nlScheduleWords: Readonly<Record<keyof typeof enScheduleWords, Message>> = {};
