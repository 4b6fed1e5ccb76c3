import type { RunReceipt } from '../../src-core/history/run';
import type { Receipt } from '../transfers/receipts';

/**
 * A platform's receipt (see `transfers/receipts.ts`) as the run history keeps it: still waiting or
 * processing is `pending`, imported is `accepted`. Record it with `history.recordReceipt(runId, …)`.
 */
export function runReceiptOf(receipt: Receipt): RunReceipt {
  const status =
    receipt.status === 'rejected'
      ? 'rejected'
      : receipt.status === 'accepted' || receipt.status === 'imported'
        ? 'accepted'
        : 'pending';
  return { status, summary: receipt.message };
}
