import type { Message } from './en';
import type { enConnectionSteps } from './connection-steps-en';

/** Dutch connection-test step texts and advice: exactly the English keys. */
export const nlConnectionSteps: Readonly<Record<keyof typeof enConnectionSteps, Message>> = {};
