import type { Message } from './en';
import type { enErrorMessages } from './error-messages-en';

/** French error messages: exactly the English keys. */
export const frErrorMessages: Readonly<Record<keyof typeof enErrorMessages, Message>> = {};
