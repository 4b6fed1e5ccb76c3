// Run by queue-and-ledger.test.ts in its own process (then killed with SIGKILL mid-upload):
// node --import tsx upload-child.ts <request JSON>; the password comes in COURIER_TEST_PASSWORD.
import { Transport } from '../../../src-core/destinations/transport';
import { uploadFiles } from '../../../src-main/transfers/upload-files';

const request = JSON.parse(process.argv[2]!) as { home: string; transport: unknown; localPath: string; remoteName: string };
await uploadFiles({
  home: request.home,
  destinationName: 'crash-test',
  transport: Transport.parse(request.transport),
  secrets: { password: process.env.COURIER_TEST_PASSWORD },
  files: [{ localPath: request.localPath, remoteName: request.remoteName }],
});
process.stdout.write('done\n');
