import type { Emit, Handler } from '../ipc/ipc-router';
import { testDestination } from './destination-test';
import type { SecretReader } from './secret-reader';

type TransferHandlers = {
  'destinations:test': Handler<'destinations:test'>;
};

/** What the connection test handler needs: the settings folder and a way to send step events. */
export type TransferContext = Readonly<{ home: string; emit: Emit }>;

/**
 * The IPC handler of the step-by-step connection test; each step is also sent as a
 * `destinations:test-step` event as it completes. Uploads go through the send pipeline
 * (src-main/pipeline/send-handlers.ts), which runs them in the transfer worker.
 */
export function createTransferHandlers(
  context: TransferContext,
  secrets: SecretReader
): TransferHandlers {
  return {
    'destinations:test': async ({ name }) => {
      const result = await testDestination(context.home, name, secrets, step =>
        context.emit('destinations:test-step', { name, step })
      );
      return {
        ok: result.ok,
        steps: [...result.steps],
        ...(result.tlsMaxVersion ? { tlsMaxVersion: result.tlsMaxVersion } : {}),
      };
    },
  };
}
