/**
 * Upload throughput on loopback: Courier's resumable path (temporary name, pipelined writes,
 * size check, rename) against OpenSSH `sftp -b` and `curl --ssl-reqd -T`, in the same run, on the
 * same real sshd (aes128-gcm@openssh.com only) and vsftpd (explicit FTPS, require_ssl_reuse).
 *
 * Size: COURIER_BENCH_TRANSFER_MB (default 1024). Each client runs in its own process; its peak
 * RSS (VmHWM) is sampled from /proc while it runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { startSshd } from '../test/harness/servers/sshd';
import { startVsftpd } from '../test/harness/servers/vsftpd';
import { makeServerRoot, removeServerRoot } from '../test/harness/servers/server-root';

const megabytes = Number(process.env.COURIER_BENCH_TRANSFER_MB ?? 1024);
const size = megabytes * 1024 * 1024;

type Measured = { seconds: number; rssMb: number; output: string };

/** Our child reports the upload's own time (without Node and tsx starting up, about 1 s). */
function ownTime(m: Measured): Measured {
  const line = m.output.split('\n').find(l => l.startsWith('{'));
  return line ? { ...m, seconds: (JSON.parse(line) as { seconds: number }).seconds } : m;
}

/** Flushes dirty pages first, so no run pays for writing back the previous run's file. */
function settle(): void {
  spawnSync('sync');
}

async function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  settle();
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', d => (output += String(d)));
  child.stderr.on('data', d => (output += String(d)));
  let hwmKb = 0;
  const sample = setInterval(() => {
    readFile(`/proc/${child.pid}/status`, 'utf8')
      .then(text => {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(text)?.[1] ?? 0);
        if (kb > hwmKb) hwmKb = kb;
      })
      .catch(() => undefined);
  }, 20);
  const code = await new Promise<number | null>(resolve => child.once('exit', resolve));
  clearInterval(sample);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${command} failed (${code}): ${output}`);
  return { seconds, rssMb: hwmKb / 1024, output };
}

const mbps = (seconds: number) => megabytes / seconds;
const fmt = (m: Measured) => `${mbps(m.seconds).toFixed(1).padStart(7)} MB/s  ${m.seconds.toFixed(2).padStart(6)} s  RSS ${m.rssMb.toFixed(0).padStart(4)} MB`;

async function main() {
  const work = await makeServerRoot('bench');
  const source = join(work, 'source.bin');
  // Random data (incompressible), written in 16 MiB blocks to keep this process small.
  const hash = createHash('sha256');
  const handle = await open(source, 'w');
  for (let written = 0; written < size; ) {
    const block = randomBytes(Math.min(16 * 1024 * 1024, size - written));
    hash.update(block);
    await handle.write(block);
    written += block.length;
  }
  await handle.close();
  const sha256 = hash.digest('hex');
  console.log(`file: ${megabytes} MiB of random data (COURIER_BENCH_TRANSFER_MB to change)`);

  const sshd = await startSshd({ users: [{ auth: 'key' }], extraConfig: ['Ciphers aes128-gcm@openssh.com'] });
  const vsftpd = await startVsftpd({ mode: 'explicit' });
  const tsx = ['--import', 'tsx', join(import.meta.dirname, 'transfer-child.ts')];
  try {
    const user = sshd.users[0]!;
    const sftpTransport = { protocol: 'sftp', host: sshd.host, port: sshd.port, user: user.name, auth: 'key', folder: user.uploadDir, hostKey: sshd.hostKeyFingerprint };
    const ours = ownTime(await measure(process.execPath, [...tsx, JSON.stringify({ transport: sftpTransport, localPath: source, remoteName: 'ours.bin', sha256, secrets: { privateKey: user.privateKey } })]));
    if ((await stat(join(user.uploadDir, 'ours.bin'))).size !== size) throw new Error('Courier SFTP upload incomplete');
    const batch = join(work, 'batch');
    await writeFile(batch, `put ${source} ${user.uploadDir}/openssh.bin\n`);
    const openssh = await measure('/usr/bin/sftp', [
      '-b', batch, '-i', user.privateKeyPath!, '-P', String(sshd.port),
      '-o', 'Ciphers=aes128-gcm@openssh.com', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR',
      `${user.name}@127.0.0.1`,
    ]);
    // The issue's reference point: ssh2's fastPut with 255 KiB chunks (no resume, no rename).
    settle();
    const fastPutStarted = performance.now();
    await new Promise<void>((resolve, reject) => {
      const client = new ssh2.Client();
      client.once('error', reject);
      client.once('ready', () =>
        client.sftp((error, sftp) => {
          if (error) return reject(error);
          sftp.fastPut(source, `${user.uploadDir}/fastput.bin`, { chunkSize: 255 * 1024, concurrency: 64 }, putError => {
            client.end();
            if (putError) reject(putError);
            else resolve();
          });
        })
      );
      client.connect({ host: sshd.host, port: sshd.port, username: user.name, privateKey: user.privateKey });
    });
    const fastPut = (performance.now() - fastPutStarted) / 1000;
    console.log('\nSFTP (aes128-gcm@openssh.com)');
    console.log(`  Courier (resumable path)  ${fmt(ours)}`);
    console.log(`  OpenSSH sftp -b           ${fmt(openssh)}`);
    console.log(`  ssh2 fastPut (reference)  ${mbps(fastPut).toFixed(1).padStart(7)} MB/s  ${fastPut.toFixed(2).padStart(6)} s  (in the bench process)`);
    console.log(`  ratio Courier / OpenSSH   ${(openssh.seconds / ours.seconds).toFixed(2)}  (target ≥ 0.90)`);
    console.log(`  ratio fastPut / OpenSSH   ${(openssh.seconds / fastPut).toFixed(2)}`);

    const ftpsTransport = { protocol: 'ftps', host: vsftpd.host, port: vsftpd.port, user: vsftpd.user.name, folder: '/upload', tlsFingerprint: vsftpd.certFingerprint };
    const oursFtps = ownTime(await measure(process.execPath, [...tsx, JSON.stringify({ transport: ftpsTransport, localPath: source, remoteName: 'ours.bin', sha256, secrets: { password: vsftpd.user.password } })]));
    const certPath = join(work, 'cert.pem');
    await writeFile(certPath, vsftpd.certPem);
    const netrc = join(work, 'netrc');
    await writeFile(netrc, `machine 127.0.0.1 login ${vsftpd.user.name} password ${vsftpd.user.password}\n`, { mode: 0o600 });
    const curl = await measure('/usr/bin/curl', ['--silent', '--show-error', '--ssl-reqd', '--cacert', certPath, '--netrc-file', netrc, '-T', source, `ftp://127.0.0.1:${vsftpd.port}/upload/curl.bin`]);
    console.log('\nFTPS explicit (vsftpd, require_ssl_reuse=YES)');
    console.log(`  Courier (resumable path)  ${fmt(oursFtps)}`);
    console.log(`  curl --ssl-reqd -T        ${fmt(curl)}`);
    console.log(`  ratio Courier / curl      ${(curl.seconds / oursFtps.seconds).toFixed(2)}  (target ≥ 0.95)`);
    console.log(`\nCourier client RSS: SFTP ${ours.rssMb.toFixed(0)} MB, FTPS ${oursFtps.rssMb.toFixed(0)} MB (target < 200 MB; includes Node + tsx)`);
    console.log('Courier times are measured inside its process (Node start-up excluded; the tools\' times include their start-up, a few ms) and include connecting, the upload under a temporary name, the size check and the rename; the SHA-256 of the source is given (the ledger computes it once when preparing).');
  } finally {
    await sshd.stop();
    await vsftpd.stop();
    await rm(source, { force: true });
    await removeServerRoot(work);
  }
}

await main();
