import type { Message } from './en';
import type { enErrorMessages } from './error-messages-en';

/** Dutch error messages: exactly the English keys. */
export const nlErrorMessages: Readonly<Record<keyof typeof enErrorMessages, Message>> = {};
