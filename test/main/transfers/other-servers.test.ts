import { spawn } from 'node:child_process';
import { chown, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transport } from '../../../src-core/destinations/transport';
import { getDestination, saveDestination } from '../../../src-main/settings/destination-store';
import { testConnection } from '../../../src-main/transfers/connection-test';
import { testDestination } from '../../../src-main/transfers/destination-test';
import {
  Transfer,
  temporaryName,
  type TransferFile,
  type TransferPhase,
} from '../../../src-main/transfers/transfer';
import { queuePath, type QueueItem } from '../../../src-main/transfers/transfer-queue';
import { resumeQueue, uploadFiles } from '../../../src-main/transfers/upload-files';
import { startFaultProxy } from '../../harness/servers/fault-proxy';
import { freePort } from '../../harness/servers/ports';
import { startProftpd, type ProftpdServer } from '../../harness/servers/proftpd';
import { startPureftpd, type PureftpdServer } from '../../harness/servers/pureftpd';
import { startSshd, type SshdServer } from '../../harness/servers/sshd';
import { startVsftpd, type VsftpdServer } from '../../harness/servers/vsftpd';
import {
  fileHash,
  localFolder,
  namesIn,
  randomFile,
  sha256,
  testSecrets,
} from './transfer-helpers';

// Interoperability: the same deliveries against ProFTPD 1.3.8 (mod_tls, mod_sftp) and Pure-FTPd
// 1.0.50 in their stock configurations, beside vsftpd and OpenSSH. Every server runs on 127.0.0.1.

type Server = Readonly<{
  name: string;
  /** ProFTPD's stock `AllowStoreRestart off` refuses to continue a partial file. */
  refusesResume: boolean;
  transport: (overrides?: Partial<Transport>) => Transport;
  password: () => string;
  uploadDir: () => string;
  owner: () => { uid: number; gid: number };
  sessionPids: () => Promise<number[]>;
}>;

let proftpdFtps: ProftpdServer;
let proftpdSftp: ProftpdServer;
let pureftpd: PureftpdServer;
let pureftpdNoDots: PureftpdServer;
let vsftpd: VsftpdServer;
let sshd: SshdServer;
let local: Awaited<ReturnType<typeof localFolder>>;

beforeAll(async () => {
  // Started together; if one fails to start, the ones that did are still stopped in afterAll.
  const started = await Promise.allSettled([
    startProftpd({ mode: 'ftps' }).then(s => (proftpdFtps = s)),
    startProftpd({ mode: 'sftp' }).then(s => (proftpdSftp = s)),
    startPureftpd().then(s => (pureftpd = s)),
    startPureftpd({ extraFlags: ['-x'] }).then(s => (pureftpdNoDots = s)),
    startVsftpd({ mode: 'explicit' }).then(s => (vsftpd = s)),
    startSshd({ users: [{ auth: 'password' }] }).then(s => (sshd = s)),
    localFolder().then(l => (local = l)),
  ]);
  for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
});
afterAll(async () => {
  await Promise.all([
    proftpdFtps?.stop(),
    proftpdSftp?.stop(),
    pureftpd?.stop(),
    pureftpdNoDots?.stop(),
    vsftpd?.stop(),
    sshd?.stop(),
    local?.cleanup(),
  ]);
});

type FtpServer = ProftpdServer | PureftpdServer | VsftpdServer;
const ftps = (name: string, get: () => FtpServer, refusesResume = false): Server => ({
  name,
  refusesResume,
  transport: o =>
    Transport.parse({
      protocol: 'ftps',
      host: get().host,
      port: get().port,
      user: get().user.name,
      folder: '/upload',
      tlsFingerprint: get().certFingerprint,
      ...o,
    }),
  password: () => get().user.password,
  uploadDir: () => get().uploadDir,
  owner: () => get().user,
  sessionPids: () => get().sessionPids(),
});

const servers: Server[] = [
  ftps('ProFTPD 1.3.8 FTPS (mod_tls)', () => proftpdFtps, true),
  {
    name: 'ProFTPD 1.3.8 SFTP (mod_sftp)',
    refusesResume: true,
    transport: o =>
      Transport.parse({
        protocol: 'sftp',
        host: proftpdSftp.host,
        port: proftpdSftp.port,
        user: proftpdSftp.user.name,
        folder: '/upload',
        hostKey: proftpdSftp.hostKeyFingerprint,
        ...o,
      }),
    password: () => proftpdSftp.user.password,
    uploadDir: () => proftpdSftp.uploadDir,
    owner: () => proftpdSftp.user,
    sessionPids: () => proftpdSftp.sessionPids(),
  },
  ftps('Pure-FTPd 1.0.50 FTPS', () => pureftpd),
  ftps('vsftpd FTPS', () => vsftpd),
  {
    name: 'OpenSSH SFTP',
    refusesResume: false,
    transport: o => {
      const user = sshd.users[0]!;
      return Transport.parse({
        protocol: 'sftp',
        host: sshd.host,
        port: sshd.port,
        user: user.name,
        folder: user.uploadDir,
        hostKey: sshd.hostKeyFingerprint,
        ...o,
      });
    },
    password: () => sshd.users[0]!.password,
    uploadDir: () => sshd.users[0]!.uploadDir,
    owner: () => sshd.users[0]!,
    sessionPids: () => sshd.sessionPids(),
  },
];

/** A transfer to `server` that records the phases it went through (retries show as `retrying`). */
function transferTo(
  server: Server,
  files: TransferFile[],
  overrides: Partial<Transport> = {},
  onBytes?: (bytes: number) => void,
  onCheckpoint?: () => Promise<void>
) {
  const phases: TransferPhase[] = [];
  const transfer = new Transfer({
    destinationName: 'interop',
    transport: server.transport(overrides),
    secrets: testSecrets({ password: server.password() }),
    files,
    retry: { baseDelayMs: 5, maxDelayMs: 10 },
    progressIntervalMs: 0,
    onCheckpoint,
    onProgress: p => {
      phases.push(p.phase);
      if (p.phase === 'uploading') onBytes?.(p.fileBytes);
    },
  });
  return { transfer, phases };
}

const leftovers = async (server: Server) =>
  (await namesIn(server.uploadDir())).filter(n => n.endsWith('.part'));

describe.each(servers)('$name', server => {
  const tag = server.name.replace(/\W+/g, '-');
  const folderOf = (overrides: Partial<Transport> = {}) => server.transport(overrides).folder;

  it('delivers a byte-identical file', async () => {
    const { path, data } = await randomFile(local.dir, `${tag}-a.csv`, 3_000_000);
    const { transfer } = transferTo(server, [{ id: 'a1', localPath: path, remoteName: 'a.csv' }]);
    const result = await transfer.run();
    expect(result.files[0]!.verifiedBy).toBe('sha256');
    expect(await fileHash(join(server.uploadDir(), 'a.csv'))).toBe(sha256(data));
    expect(await leftovers(server)).toEqual([]);
  });

  it('resumes a partial upload, or starts it over (once, and remembered) when the server refuses to continue it', async () => {
    const { path, data } = await randomFile(local.dir, `${tag}-r.csv`, 2_000_000);
    const temp = join(server.uploadDir(), temporaryName('r.csv', 'r1'));
    await writeFile(temp, data.subarray(0, 700_001));
    await chown(temp, server.owner().uid, server.owner().gid);
    const { transfer, phases } = transferTo(server, [
      { id: 'r1', localPath: path, remoteName: 'r.csv', writtenOffset: 700_001 },
    ]);
    const result = await transfer.run();
    expect(await fileHash(join(server.uploadDir(), 'r.csv'))).toBe(sha256(data));
    expect(await leftovers(server)).toEqual([]);
    expect(phases).not.toContain('retrying');
    if (server.refusesResume) {
      expect(result.files[0]!.resumedFrom).toBe(0);
      expect(result.learned).toEqual({ resumeRefused: true });
      // Remembered: the next partial upload to this destination starts from zero at once.
      const again = join(server.uploadDir(), temporaryName('r2.csv', 'r2'));
      await writeFile(again, data.subarray(0, 5));
      await chown(again, server.owner().uid, server.owner().gid);
      const next = transferTo(
        server,
        [{ id: 'r2', localPath: path, remoteName: 'r2.csv', writtenOffset: 5 }],
        { resumeRefused: true }
      );
      const nextResult = await next.transfer.run();
      expect(nextResult.files[0]!.attempts).toBe(1);
      expect(await fileHash(join(server.uploadDir(), 'r2.csv'))).toBe(sha256(data));
    } else {
      expect(result.files[0]!.resumedFrom).toBe(700_001);
      expect(result.learned).toBeUndefined();
    }
  });

  it('says at once that a missing folder is missing (no retries, no temporary name)', async () => {
    const { path } = await randomFile(local.dir, `${tag}-m.csv`, 100_000);
    const missing = `${folderOf()}/no-such-folder`;
    const { transfer, phases } = transferTo(
      server,
      [{ id: 'm1', localPath: path, remoteName: 'm.csv' }],
      { folder: missing }
    );
    const error = await transfer.run().catch(e => e);
    expect(error).toMatchObject({ code: 'transfer.folder-missing', params: { path: missing } });
    expect(error.message).not.toContain('.part');
    expect(phases).not.toContain('retrying');
  });

  it('says at once that a folder it may not write to is refused (no retries)', async () => {
    const { path } = await randomFile(local.dir, `${tag}-ro.csv`, 100_000);
    const readonly = folderOf().replace(/upload$/, 'readonly');
    const { transfer, phases } = transferTo(
      server,
      [{ id: 'ro1', localPath: path, remoteName: 'ro.csv' }],
      { folder: readonly }
    );
    const error = await transfer.run().catch(e => e);
    expect(error).toMatchObject({
      code: 'transfer.folder-not-writable',
      params: { path: readonly },
    });
    expect(phases).not.toContain('retrying');
  });

  it('refuses a taken final name before sending a byte, and leaves no temporary file', async () => {
    const { path } = await randomFile(local.dir, `${tag}-t.csv`, 500_000);
    await writeFile(join(server.uploadDir(), 'taken.csv'), 'someone else’s file\n');
    const { transfer, phases } = transferTo(server, [
      { id: 't1', localPath: path, remoteName: 'taken.csv' },
    ]);
    await expect(transfer.run()).rejects.toMatchObject({ code: 'transfer.name-taken' });
    expect(phases).not.toContain('uploading');
    expect(await leftovers(server)).toEqual([]);
  });

  it('survives the server killing its session mid-upload: delivered whole, nothing partial left', async () => {
    const size = 16 * 1024 * 1024;
    const { path, data } = await randomFile(local.dir, `${tag}-cut.csv`, size);
    let killedAt: number | undefined;
    let killed = 0;
    // The server's session processes are looked up once logged in (Courier records a checkpoint
    // just before the first byte), then killed (SIGKILL) as soon as the server has written the
    // first bytes of the temporary file: a cut on the server's side in the middle of the upload.
    const temp = join(server.uploadDir(), temporaryName('cut.csv', 'cut1'));
    const killWhenWriting = async (sessions: number[]) => {
      for (let tries = 0; tries < 20_000 && killedAt === undefined; tries++) {
        const landed = await stat(temp).then(
          s => s.size,
          () => 0
        );
        if (landed > 0) {
          killedAt = landed;
          for (const pid of sessions) {
            try {
              process.kill(pid, 'SIGKILL');
              killed++;
            } catch {
              // Gone already.
            }
          }
        }
      }
    };
    let watching: Promise<void> | undefined;
    const { transfer, phases } = transferTo(
      server,
      [{ id: 'cut1', localPath: path, remoteName: 'cut.csv' }],
      {},
      undefined,
      async () => {
        if (!watching) watching = killWhenWriting(await server.sessionPids());
      }
    );
    const result = await transfer.run();
    await watching;
    expect(killed).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(size);
    expect(phases).toContain('retrying');
    expect(result.files[0]!.attempts).toBeGreaterThanOrEqual(2);
    expect((await stat(join(server.uploadDir(), 'cut.csv'))).size).toBe(size);
    expect(await fileHash(join(server.uploadDir(), 'cut.csv'))).toBe(sha256(data));
    expect(await leftovers(server)).toEqual([]);
  });
});

describe('Pure-FTPd with -x (no names starting with a dot may be written)', () => {
  const server = () => ftps('Pure-FTPd -x', () => pureftpdNoDots);

  it('delivers under a temporary name without the dot, and remembers it', async () => {
    const { path, data } = await randomFile(local.dir, 'nodots.csv', 1_000_000);
    const { transfer, phases } = transferTo(server(), [
      { id: 'd1', localPath: path, remoteName: 'contacts.csv' },
    ]);
    const result = await transfer.run();
    expect(result.learned).toEqual({ dotNamesRefused: true });
    expect(phases).not.toContain('retrying');
    expect(await fileHash(join(pureftpdNoDots.uploadDir, 'contacts.csv'))).toBe(sha256(data));
    expect(await namesIn(pureftpdNoDots.uploadDir)).toEqual(['contacts.csv']);
    // Remembered: the next upload goes straight to the name without a dot.
    const next = transferTo(
      server(),
      [{ id: 'd2', localPath: path, remoteName: 'contacts-2.csv' }],
      { dotNamesRefused: true }
    );
    expect((await next.transfer.run()).files[0]!.attempts).toBe(1);
  });

  it('passes the connection test and saves the fallback in the destination', async () => {
    const direct = await testConnection('nodots', server().transport(), {
      password: pureftpdNoDots.user.password,
    });
    expect(direct.ok).toBe(true);
    expect(direct.dotNamesRefused).toBe(true);
    expect(direct.steps.find(s => s.id === 'write')?.says.key).toBe(
      'connection.write.ok-no-dot-names'
    );

    const home = join(local.dir, 'home-nodots');
    await saveDestination(home, {
      version: 1,
      name: 'NoDots',
      columns: [{ name: 'Email' }],
      folder: '/upload',
      transport: {
        protocol: 'ftps',
        host: pureftpdNoDots.host,
        port: pureftpdNoDots.port,
        user: pureftpdNoDots.user.name,
        tlsFingerprint: pureftpdNoDots.certFingerprint,
      },
    });
    const saved = await testDestination(
      home,
      'NoDots',
      testSecrets({ password: pureftpdNoDots.user.password })
    );
    expect(saved.ok).toBe(true);
    expect((await getDestination(home, 'NoDots'))?.transport.dotNamesRefused).toBe(true);
  });
});

describe('a client killed mid-upload (ProFTPD SFTP, stock: no resume)', () => {
  const server = () => servers[1]!;

  /** Starts an upload in a child process over a slow line and kills it (SIGKILL) mid-upload. */
  async function killedUpload(home: string, path: string, remoteName: string): Promise<void> {
    const port = await freePort();
    const proxy = await startFaultProxy({
      routes: [{ listenPort: port, targetHost: proftpdSftp.host, targetPort: proftpdSftp.port }],
      cutAfter: () => Infinity,
      maxCuts: 0,
      bytesPerSecond: 4_000_000,
    });
    const transport = server().transport({ port });
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'upload-child.ts'),
        JSON.stringify({ home, transport, localPath: path, remoteName }),
      ],
      {
        env: { ...process.env, COURIER_TEST_PASSWORD: proftpdSftp.user.password },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    let output = '';
    child.stdout.on('data', d => (output += String(d)));
    child.stderr.on('data', d => (output += String(d)));
    const exited = new Promise<NodeJS.Signals | null>(resolve =>
      child.once('exit', (_code, signal) => resolve(signal))
    );
    try {
      for (;;) {
        const items = (
          JSON.parse(await readFile(queuePath(home), 'utf8').catch(() => '{"items":[]}')) as {
            items: QueueItem[];
          }
        ).items;
        const temp = items[0]?.temporaryName;
        const landed = temp
          ? await stat(join(proftpdSftp.uploadDir, temp)).then(
              s => s.size,
              () => 0
            )
          : 0;
        if (landed > 0) {
          child.kill('SIGKILL');
          break;
        }
        if (child.exitCode !== null)
          throw new Error(`The upload process ended before it could be killed: ${output}`);
        await new Promise(r => setTimeout(r, 20));
      }
      expect(await exited).toBe('SIGKILL');
    } finally {
      await proxy.stop();
    }
    expect(await namesIn(proftpdSftp.uploadDir)).not.toContain(remoteName);
    expect(
      (await namesIn(proftpdSftp.uploadDir)).filter(
        n => n.includes(remoteName) && n.endsWith('.part')
      )
    ).toHaveLength(1);
    // A restarted app reaches the server on its real port (the proxy is gone).
    const queued = JSON.parse(await readFile(queuePath(home), 'utf8')) as { items: QueueItem[] };
    queued.items = queued.items.map(item => ({
      ...item,
      transport: { ...item.transport, port: proftpdSftp.port },
    }));
    await writeFile(queuePath(home), JSON.stringify(queued));
  }

  it('the queue resumes it: delivered once, whole, and no temporary file left', async () => {
    const home = join(local.dir, 'home-killed-resume');
    const { path, data } = await randomFile(local.dir, 'killed-resume.csv', 6 * 1024 * 1024);
    await killedUpload(home, path, 'killed-resume.csv');
    await saveDestination(home, {
      version: 1,
      name: 'crash-test',
      columns: [{ name: 'Email' }],
      folder: '/upload',
      transport: {
        protocol: 'sftp',
        host: proftpdSftp.host,
        port: proftpdSftp.port,
        user: proftpdSftp.user.name,
        hostKey: proftpdSftp.hostKeyFingerprint,
      },
    });
    const [outcome] = await resumeQueue({
      home,
      secrets: testSecrets({ password: proftpdSftp.user.password }),
      retry: { baseDelayMs: 5, maxDelayMs: 10 },
    });
    expect(outcome?.error).toBeUndefined();
    expect(outcome?.result?.learned).toEqual({ resumeRefused: true });
    // Remembered for the destination: its next upload starts from zero without asking first.
    expect((await getDestination(home, 'crash-test'))?.transport.resumeRefused).toBe(true);
    expect(await fileHash(join(proftpdSftp.uploadDir, 'killed-resume.csv'))).toBe(sha256(data));
    expect((await namesIn(proftpdSftp.uploadDir)).filter(n => n.includes('killed-resume'))).toEqual(
      ['killed-resume.csv']
    );
  });

  it('sending the same file again removes the temporary file the killed run left', async () => {
    const home = join(local.dir, 'home-killed-again');
    const { path, data } = await randomFile(local.dir, 'killed-again.csv', 6 * 1024 * 1024);
    await killedUpload(home, path, 'killed-again.csv');
    const result = await uploadFiles({
      home,
      destinationName: 'crash-test',
      transport: server().transport(),
      secrets: testSecrets({ password: proftpdSftp.user.password }),
      files: [{ localPath: path, remoteName: 'killed-again.csv' }],
    });
    expect(result.files[0]!.remoteName).toBe('killed-again.csv');
    expect(await fileHash(join(proftpdSftp.uploadDir, 'killed-again.csv'))).toBe(sha256(data));
    expect((await namesIn(proftpdSftp.uploadDir)).filter(n => n.includes('killed-again'))).toEqual([
      'killed-again.csv',
    ]);
    expect(JSON.parse(await readFile(queuePath(home), 'utf8')).items).toEqual([]);
  });
});
