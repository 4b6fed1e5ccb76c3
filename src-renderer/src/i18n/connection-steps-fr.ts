import type { Message } from './en';
import type { enConnectionSteps } from './connection-steps-en';

/** French connection-test step texts and advice: exactly the English keys. */
export const frConnectionSteps: Readonly<Record<keyof typeof enConnectionSteps, Message>> = {};
