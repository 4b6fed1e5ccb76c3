/**
 * What reserving a run's file names costs (issue 17's same-second names): `reserveNames` then
 * `releaseNames` for one run, under the upload queue's lock, with a ledger of 10,000 deliveries to
 * the destination (years of hourly runs) and 10 queued files. Prints ms per run (best of three
 * rounds of 200), beside reading the ledger alone (what a send already did before).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ledgerPath, openLedger } from '../src-main/transfers/ledger';
import { releaseNames, reserveNames } from '../src-main/transfers/name-reservations';
import { openTransferQueue } from '../src-main/transfers/transfer-queue';
import { queueItem } from '../test/main/settings/queue-item';

const RUNS = 200;
const home = await mkdtemp(join(tmpdir(), 'courier-names-bench-'));
try {
  const lines = Array.from({ length: 10_000 }, (_, i) =>
    JSON.stringify({
      at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      destination: 'Partner',
      remoteFolder: '/in',
      remoteName: `profiles_${i}.csv`,
      size: 1000,
      sha256: i.toString(16).padStart(64, '0'),
    })
  );
  await writeFile(ledgerPath(home), `${lines.join('\n')}\n`);
  await openTransferQueue(home).add(Array.from({ length: 10 }, (_, i) => queueItem(`q-${i}`)));
  const timed = async (work: (i: number) => Promise<unknown>) => {
    const began = performance.now();
    for (let i = 0; i < RUNS; i++) await work(i);
    return (performance.now() - began) / RUNS;
  };
  const reserveAndRelease = async (i: number) => {
    await reserveNames(home, 'Partner', `run-${i}`, ['profiles_20261203_010203.csv']);
    await releaseNames(home, `run-${i}`);
  };
  const ledgerOnly = () => openLedger(home).entriesFor('Partner');
  await timed(reserveAndRelease);
  let reserve = Infinity;
  let ledger = Infinity;
  for (let round = 0; round < 3; round++) {
    reserve = Math.min(reserve, await timed(reserveAndRelease));
    ledger = Math.min(ledger, await timed(ledgerOnly));
  }
  console.log(`reading the ledger (10,000 deliveries): ${ledger.toFixed(2)} ms`);
  console.log(`reserving and releasing a run's name:   ${reserve.toFixed(2)} ms per run`);
} finally {
  await rm(home, { recursive: true, force: true });
}
