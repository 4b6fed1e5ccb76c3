import type { Destination } from '../../src-core/destinations/destination';
import type { RunReceipt } from '../../src-core/history/run';
import { createHistoryStore } from '../history/history-store';
import { runReceiptOf } from '../history/receipt';
import { destinationTransport } from '../transfers/destination-transport';
import { waitForReceipt, withSession, type Receipt } from '../transfers/receipts';
import type { SecretReader } from '../transfers/secret-reader';

export type FollowReceiptRequest = Readonly<{
  home: string;
  runId: string;
  destination: Destination;
  /** The delivered files' names on the server. */
  remoteNames: readonly string[];
  secrets: SecretReader;
  /** How long to watch before leaving the receipt "pending". */
  timeoutMs: number;
  pollMs?: number;
  signal?: AbortSignal;
}>;

/**
 * Watches for the platform's receipt of a run's files (Digitaleo `ok/` or `ko/`, BlueConic's
 * `.done` suffix) and records it in the run history, where the tray and notifications see it.
 *
 * One rejected file makes the run's receipt rejected; it is accepted when every file is.
 */
export async function followReceipt(request: FollowReceiptRequest): Promise<RunReceipt> {
  const rule = request.destination.receipt;
  if (rule === 'none' || request.remoteNames.length === 0) return { status: 'none' };
  const transport = destinationTransport(request.destination);
  const receipts: Receipt[] = await withSession(request.destination.name, transport, request.secrets, async session => {
    const seen: Receipt[] = [];
    for (const name of request.remoteNames) {
      seen.push(await waitForReceipt(session, rule, transport.folder, name, { timeoutMs: request.timeoutMs, pollMs: request.pollMs, signal: request.signal }));
    }
    return seen;
  });
  const each = receipts.map(runReceiptOf);
  const receipt: RunReceipt = each.find(r => r.status === 'rejected') ??
    (each.every(r => r.status === 'accepted') ? { status: 'accepted', summary: each.map(r => r.summary).join(' ') } : { status: 'pending', summary: each.map(r => r.summary).join(' ') });
  await createHistoryStore(request.home).recordReceipt(request.runId, receipt);
  return receipt;
}
