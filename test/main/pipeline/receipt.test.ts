import { readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { runPipeline } from '../../../src-main/pipeline/run-pipeline';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { tempHome } from '../../harness/temp-home';

// After a send, the platform's receipt is watched for and recorded: here BlueConic's `.done`
// suffix, added by a stand-in for BlueConic that renames the file on the real SFTP server.

describe('receipts after a send', () => {
  let sshd: SshdServer;
  const home = tempHome('courier-receipt-', { shared: true });
  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('waits for BlueConic’s .done suffix and records the receipt as accepted', async () => {
    const user = sshd.users[0]!;
    await saveDestination(home.path, {
      ...destinationFromPreset('blueconic', 'BlueConic profiles'),
      folder: 'upload',
      transport: { protocol: 'sftp', host: '127.0.0.1', port: sshd.port, user: user.name, hostKey: sshd.hostKeyFingerprint },
    });
    const source = join(home.path, 'profiles.csv');
    await writeFile(source, 'customer_id,email,language\nC-1,wendy@example.be,nl\n');

    // The stand-in for BlueConic: as soon as a finished .csv appears, mark it imported.
    let stop = false;
    const blueConic = (async () => {
      while (!stop) {
        for (const name of await readdir(user.uploadDir)) {
          if (name.endsWith('.csv') && !name.startsWith('.')) await rename(join(user.uploadDir, name), join(user.uploadDir, `${name}.done`));
        }
        await new Promise(r => setTimeout(r, 50));
      }
    })();
    try {
      const result = await runPipeline(
        { path: source, destination: 'BlueConic profiles', trigger: 'user' },
        { home: home.path, secrets: fixedSecrets({ password: user.password }), receipt: { mode: 'wait', timeoutMs: 20_000, pollMs: 100 } }
      );
      expect(result.run.outcome).toBe('sent');
      expect(result.run.receipt.status).toBe('accepted');
    } finally {
      stop = true;
      await blueConic;
    }
    const [recorded] = await createHistoryStore(home.path).listRuns({ limit: 1 });
    expect(recorded!.receipt.status).toBe('accepted');
  });

  it('leaves the receipt pending when the platform has not picked the file up in time', async () => {
    const user = sshd.users[0]!;
    const source = join(home.path, 'profiles-2.csv');
    await writeFile(source, 'customer_id,email,language\nC-2,jan@example.be,nl\n');
    const result = await runPipeline(
      { path: source, destination: 'BlueConic profiles', trigger: 'user' },
      { home: home.path, secrets: fixedSecrets({ password: user.password }), receipt: { mode: 'wait', timeoutMs: 300, pollMs: 100 } }
    );
    expect(result.run.outcome).toBe('sent');
    expect(result.run.receipt.status).toBe('pending');
  });
});
