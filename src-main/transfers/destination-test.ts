import { resolveDestination, saveDestination } from '../settings/destination-store';
import { testConnection, type ConnectionStep, type ConnectionTestResult } from './connection-test';
import { destinationTransport } from './destination-transport';
import type { SecretReader } from './secret-reader';

/**
 * `courier destinations test D` and the app's "Test connection": resolves the destination, tests
 * it step by step (see `testConnection`), and when FTPS only worked capped at TLS 1.2, or the
 * server refuses names starting with a dot, saves that in the destination so uploads use it too.
 *
 * The CLI prints each step with `formatConnectionStep` as it arrives and exits 3 when `ok` is
 * false. Throws a CourierError only when the destination itself is missing or incomplete.
 */
export async function testDestination(
  home: string,
  reference: string,
  secrets: SecretReader,
  onStep: (step: ConnectionStep) => void = () => undefined
): Promise<ConnectionTestResult> {
  const destination = await resolveDestination(home, reference);
  const result = await testConnection(destination.name, destinationTransport(destination), secrets, onStep);
  if (result.tlsMaxVersion || result.dotNamesRefused) {
    const learned = { ...(result.tlsMaxVersion ? { tlsMaxVersion: result.tlsMaxVersion } : {}), ...(result.dotNamesRefused ? { dotNamesRefused: true } : {}) };
    // What the server taught is a shortcut for the next connection: if it cannot be saved now
    // (a read-only settings folder, a destination file), the next connection learns it again.
    await saveDestination(home, { ...destination, transport: { ...destination.transport, ...learned } }, { previousName: destination.name, overwrite: true }).catch(
      () => undefined
    );
  }
  return result;
}

const marks: Record<ConnectionStep['status'], string> = { ok: 'ok', warning: 'warning', failed: 'FAILED', skipped: 'skipped' };
const titles: Record<ConnectionStep['id'], string> = {
  protocol: 'Protocol',
  proxy: 'Proxy',
  lookup: 'Name lookup',
  tcp: 'Connection',
  handshake: 'Handshake',
  trust: 'Trust',
  login: 'Login',
  folder: 'Folder',
  'data-connection': 'Data connection',
  write: 'Write test',
};

/** One step as a line (or two, with advice) for a terminal: `Login ......... ok  Logged in as x.` */
export function formatConnectionStep(step: ConnectionStep): string {
  const head = `${titles[step.id].padEnd(16, '.')} ${marks[step.status].padEnd(7)} ${step.message}`;
  return step.advice && step.status === 'failed' ? `${head}\n${' '.repeat(25)}${step.advice}` : head;
}
