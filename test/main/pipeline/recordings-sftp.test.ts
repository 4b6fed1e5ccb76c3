import { randomBytes } from 'node:crypto';
import { chown, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { runPipeline, type SendProgress } from '../../../src-main/pipeline/run-pipeline';
import { prepareInThisThread } from '../../../src-main/preparation/send-preparation';
import { saveDestination } from '../../../src-main/settings/destination-store';
import { openLedger } from '../../../src-main/transfers/ledger';
import { openTransferQueue } from '../../../src-main/transfers/transfer-queue';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startFaultProxy, type FaultProxy } from '../../harness/servers/fault-proxy';
import { freePort } from '../../harness/servers/ports';
import { uploadFiles, type UploadFilesRequest } from '../../../src-main/transfers/upload-files';
import type { TransferResult } from '../../../src-main/transfers/transfer';
import { sha256 } from '../transfers/transfer-helpers';
import { tempHome } from '../../harness/temp-home';
import { englishIssueText } from '../../../src-core/words/issue-text';

/**
 * EvaluAgent's call recordings, sent to the real sshd with the records: a few hundred small
 * recordings and one large one, the connection cut in the middle of the large one; every
 * recording arrives whole in the agreed folder before the records file, none is sent twice, and
 * a recording missing from the folder holds the file with a sentence naming its row.
 */
const SMALL = 300;
const LARGE = 24 * 1024 * 1024;
const NAMES_HEADER = 'Contact ID,Agent Email,Date,Recording';

describe('recordings alongside the records, against the real sshd', () => {
  let sshd: SshdServer;
  let proxy: FaultProxy;
  // What each upload delivered (the records' and the recordings'), as the pipeline got it back.
  const uploads: TransferResult[] = [];
  const home = tempHome('courier-recordings-', { shared: true });
  let folder: string;
  const local = new Map<string, Buffer>();
  const remote = () => join(sshd.users[0]!.uploadDir, 'recordings');
  const send = (
    sourcePath: string,
    onProgress?: (p: SendProgress) => void,
    recordingsFolder = folder
  ) =>
    runPipeline(
      { path: sourcePath, destination: 'Calls', trigger: 'cli', recordingsFolder },
      {
        home: home.path,
        secrets: fixedSecrets({ password: sshd.users[0]!.password }),
        prepare: prepareInThisThread,
        upload: async request => {
          const result = await uploadFiles(request as UploadFilesRequest);
          uploads.push(result);
          return result;
        },
        maxIssues: 50,
        onProgress,
      }
    );
  const records = async (name: string, recordings: readonly string[]) => {
    const path = join(home.path, name);
    const lines = recordings.map((r, i) => `C-${i + 1},agent${i % 7}@example.com,2026-12-01,${r}`);
    await writeFile(path, [NAMES_HEADER, ...lines, ''].join('\n'));
    return path;
  };

  beforeAll(async () => {
    sshd = await startSshd({ users: [{ auth: 'password' }] });
    const user = sshd.users[0]!;
    // One cut, about 8 MB into the first connection: inside the large recording, which comes
    // after 150 small ones (about 300 kB).
    const port = await freePort();
    proxy = await startFaultProxy({
      routes: [{ listenPort: port, targetHost: sshd.host, targetPort: sshd.port }],
      cutAfter: () => 8 * 1024 * 1024,
      maxCuts: 1,
    });
    // The folder agreed with the platform exists on its server.
    await mkdir(remote());
    await chown(remote(), user.uid, user.gid);
    folder = join(home.path, 'recordings');
    await mkdir(join(folder, 'week-48'), { recursive: true });
    for (let i = 1; i <= SMALL; i++) {
      // Any bytes: Courier never looks inside a recording. Some sit in a subfolder.
      const name = i % 3 === 0 ? `week-48/call-${i}.wav` : `call-${i}.wav`;
      const data = randomBytes(512 + (i % 5) * 700);
      local.set(name, data);
      await writeFile(join(folder, name), data);
    }
    const big = randomBytes(LARGE);
    local.set('long-call.wav', big);
    await writeFile(join(folder, 'long-call.wav'), big);
    await saveDestination(home.path, {
      ...destinationFromPreset('evaluagent', 'Calls'),
      folder: 'upload',
      transport: {
        protocol: 'sftp',
        host: '127.0.0.1',
        port,
        user: user.name,
        hostKey: sshd.hostKeyFingerprint,
      },
      recordings: { column: 'Recording', remoteFolder: 'upload/recordings' },
    });
  });
  afterAll(async () => {
    await proxy?.stop();
    await sshd?.stop();
  });

  it('uploads every recording whole (through a cut connection), then the records file last', async () => {
    // The large one in the middle of the list: small ones before and after it.
    const names = [...local.keys()];
    const ordered = [...names.slice(0, 150), 'long-call.wav', ...names.slice(150, SMALL)];
    const source = await records('calls-1.csv', ordered);
    const seen: SendProgress[] = [];
    let retried = false;
    let resumedAt: number | null = null;
    const result = await send(source, progress => {
      if (progress.phase !== 'uploading') return;
      if (progress.transfer.phase === 'retrying' || seen.length < 5) seen.push(progress);
      const t = progress.transfer;
      // The first write after the retry starts at the offset the upload continues from.
      if (t.remoteName === 'long-call.wav' && t.phase === 'retrying') retried = true;
      else if (retried && resumedAt === null && t.phase === 'uploading') resumedAt = t.fileBytes;
    });
    expect(result.run.error, JSON.stringify(result.run.error)).toBeNull();
    expect(result.run.outcome).toBe('sent');
    // The connection was cut once, in the middle of the large recording, which then continued
    // from what the server had instead of starting again.
    expect(proxy.cuts()).toBe(1);
    const long = uploads.flatMap(u => u.files).find(f => f.remoteName === 'long-call.wav')!;
    expect(long.attempts).toBeGreaterThan(1);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThan(LARGE);
    expect(long.verifiedBy).toBe('sha256');
    // The cut was felt and got over: a retry while the recordings were going.
    expect(seen.some(p => p.phase === 'uploading' && p.transfer.phase === 'retrying')).toBe(true);
    expect(seen.find(p => p.phase === 'uploading')).toMatchObject({ part: 'recordings' });

    const totalBytes = [...local.values()].reduce((n, d) => n + d.length, 0);
    expect(result.run.recordings).toEqual({
      count: SMALL + 1,
      bytes: totalBytes,
      uploaded: SMALL + 1,
      uploadedBytes: totalBytes,
      remoteFolder: 'upload/recordings',
    });
    // Every recording is on the server, byte for byte, under its file name.
    const arrived = new Set(await readdir(remote()));
    expect(arrived.size).toBe(SMALL + 1);
    for (const [name, data] of local) {
      const file = name.split('/').pop()!;
      expect(arrived.has(file), file).toBe(true);
      expect(sha256(await readFile(join(remote(), file))), file).toBe(sha256(data));
    }
    // The records file arrived, and was delivered after every recording (the ledger's order).
    const recordsName = result.run.outputFiles[0]!.name;
    const ledger = await openLedger(home.path).entriesFor('Calls');
    expect(ledger.map(e => e.remoteName).at(-1)).toBe(recordsName);
    expect(ledger.slice(0, -1).every(e => e.remoteFolder === 'upload/recordings')).toBe(true);
    expect(ledger).toHaveLength(SMALL + 2);
    const sentRecords = await readFile(join(sshd.users[0]!.uploadDir, recordsName), 'utf8');
    expect(sentRecords.split('\r\n')[0]).toBe(
      'Contact ID,Agent Email,Date,Direction,Customer Phone,Duration,Recording'
    );
  }, 240_000);

  it('sends a recording only once: the next records file uploads only its new recording', async () => {
    const fresh = randomBytes(2048);
    await writeFile(join(folder, 'call-new.wav'), fresh);
    const source = await records('calls-2.csv', [
      'call-1.wav',
      'week-48/call-3.wav',
      'long-call.wav',
      'call-new.wav',
    ]);
    const before = (await openLedger(home.path).entriesFor('Calls')).length;
    const result = await send(source);
    expect(result.run.outcome).toBe('sent');
    expect(result.run.recordings).toMatchObject({ count: 4, uploaded: 1, uploadedBytes: 2048 });
    const ledger = await openLedger(home.path).entriesFor('Calls');
    expect(ledger.slice(before).map(e => e.remoteName)).toEqual([
      'call-new.wav',
      result.run.outputFiles[0]!.name,
    ]);
    expect(sha256(await readFile(join(remote(), 'call-new.wav')))).toBe(sha256(fresh));
  }, 120_000);

  it('a recording missing from the folder holds the file: nothing is uploaded, row 12 is named', async () => {
    const names = [...local.keys()].slice(0, 12);
    names[10] = 'call-8812.wav';
    const source = await records('calls-3.csv', names);
    const uploaded = await readdir(sshd.users[0]!.uploadDir);
    const before = (await openLedger(home.path).entriesFor('Calls')).length;
    const result = await send(source);
    expect(result.run.outcome).toBe('held');
    expect(result.run.error?.code).toBe('send.rows-have-errors');
    expect(result.preparation?.issues.map(i => englishIssueText(i))).toEqual([
      'Line 12: the recording “call-8812.wav” is not in the folder.',
    ]);
    expect(result.run.rows.issues).toEqual({ 'recording.missing': 1 });
    expect(await readdir(sshd.users[0]!.uploadDir)).toEqual(uploaded);
    expect(await openLedger(home.path).entriesFor('Calls')).toHaveLength(before);
  });

  it('a new server waiting for confirmation leaves no recording queued behind the person’s back', async () => {
    const user = sshd.users[0]!;
    await saveDestination(home.path, {
      ...destinationFromPreset('evaluagent', 'Calls new server'),
      folder: 'upload',
      transport: { protocol: 'sftp', host: '127.0.0.1', port: sshd.port, user: user.name },
      recordings: { column: 'Recording', remoteFolder: 'upload/recordings' },
    });
    await writeFile(join(folder, 'call-other.wav'), randomBytes(4096));
    const source = await records('calls-5.csv', ['call-other.wav', 'call-1.wav']);
    const result = await runPipeline(
      {
        path: source,
        destination: 'Calls new server',
        trigger: 'cli',
        recordingsFolder: folder,
      },
      {
        home: home.path,
        secrets: fixedSecrets({ password: user.password }),
        prepare: prepareInThisThread,
      }
    );
    expect(result.awaitingTrust).toBe(true);
    expect(result.failure?.code).toBe('trust.unknown-host-key');
    expect(await openTransferQueue(home.path).list()).toEqual([]);
    expect(await readdir(remote())).not.toContain('call-other.wav');
  });

  it('a send without the recordings folder is refused before anything is read', async () => {
    const source = await records('calls-4.csv', ['call-1.wav']);
    const result = await send(source, undefined, '');
    expect(result.run.outcome).toBe('failed');
    expect(result.run.error).toMatchObject({
      code: 'recordings.folder-needed',
      message:
        'Calls receives the call recordings with the records: choose the folder the recordings are in.',
    });
  });
});
