// One upload through Courier's resumable path, in its own process (so its RSS is its own).
// Prints one JSON line: { seconds, verifiedBy }.
import { Transport } from '../src-core/destinations/transport';
import { Transfer } from '../src-main/transfers/transfer';

const args = JSON.parse(process.argv[2]!) as { transport: unknown; localPath: string; remoteName: string; sha256: string; secrets: Record<string, string> };
const started = performance.now();
const result = await new Transfer({
  destinationName: 'bench',
  transport: Transport.parse(args.transport),
  secrets: args.secrets,
  files: [{ id: 'bench', localPath: args.localPath, remoteName: args.remoteName, sha256: args.sha256 }],
}).run();
process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - started) / 1000, verifiedBy: result.files[0]!.verifiedBy })}\n`);
