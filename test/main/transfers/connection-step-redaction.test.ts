import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../src-main/transfers/connection-test';

// A listener on 127.0.0.1 so the test gets past the TCP step; it never speaks SSH.
let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer(socket => socket.destroy());
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

describe('connection test steps', () => {
  it('never carry a secret to the screen, even one pasted where a file name belongs', async () => {
    const pasted = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----';
    const seen: unknown[] = [];
    const result = await testConnection(
      'Partner',
      { protocol: 'sftp', host: '127.0.0.1', port, user: 'u', folder: '/', auth: 'key', keyFile: pasted } as Parameters<typeof testConnection>[1],
      { password: undefined },
      step => void seen.push(step),
      { timeoutMs: 5000 }
    );
    const failed = result.steps.find(step => step.status === 'failed');
    expect(failed).toMatchObject({ code: 'auth.key-missing' });
    const shown = JSON.stringify([result, seen]);
    expect(shown).not.toContain('b3BlbnNzaC1rZXktdjEAAAAABG5vbmU');
    expect(shown).not.toContain('BEGIN OPENSSH PRIVATE KEY');
  });
});
