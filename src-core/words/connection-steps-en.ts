import {
  connectionAdviceTexts,
  connectionStepTexts,
} from '../transfers/connection-steps';
import type { Message } from './message';

/**
 * English connection-test step texts (`connection.*`) and advice (`connection.advice.<code>`):
 * the very sentences main writes for the CLI, so the app and the CLI never say different things.
 */
export const enConnectionSteps = {
  ...connectionStepTexts,
  ...connectionAdviceTexts,
} satisfies Record<string, Message>;
