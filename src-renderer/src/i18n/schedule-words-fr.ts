import type { Message } from './en';
import type { enScheduleWords } from './schedule-words-en';

/** French schedule words: exactly the English keys. */
export const frScheduleWords: Readonly<Record<keyof typeof enScheduleWords, Message>> = {};
