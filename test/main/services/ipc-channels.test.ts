import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calls, events } from '../../../src-core/ipc/contract';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { createServices } from '../../../src-main/services/services';
import { tempHome } from '../../harness/temp-home';

const root = resolve(import.meta.dirname, '../../..');
const home = tempHome('courier-channels-');

/**
 * Calls of the contract that no screen makes yet, each with the reason it stays. A channel the
 * window starts using must leave this list (the test says so); a channel nobody needs is removed
 * from the contract instead of being added here.
 */
const notFromTheWindow: Readonly<Record<string, string>> = {};

/**
 * Handler modules that still reach files or stores themselves instead of calling a service (a
 * ratchet: the list may only shrink; a module that becomes thin must leave it).
 */
const notThinYet: Readonly<Record<string, string>> = {};

/** What a thin handler module does not import: files, settings stores and the history file. */
const reachesPastServices =
  /^(node:fs|node:fs\/promises|fs|\.\.\/settings\/[\w-]+-store|\.\.\/history\/history-store)$/;

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Every `api().<domain>.<method>` the renderer calls (a chain may span lines). */
async function rendererUses(): Promise<Set<string>> {
  const used = new Set<string>();
  const folder = join(root, 'src-renderer');
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/\bapi\(\)\s*\.\s*(\w+)\s*\.\s*(\w+)/g))
      used.add(`${m[1]}.${m[2]}`);
  }
  return used;
}

const methodOfCall = (channel: string) => {
  const [domain, verb] = channel.split(':') as [string, string];
  return `${domain}.${camel(verb)}`;
};
const methodOfEvent = (channel: string) => `on.${camel(channel.replace(':', '-'))}`;

/** The modules whose `create…Handlers` createMainHandlers spreads into its handlers. */
async function handlerModules(): Promise<string[]> {
  const file = join(root, 'src-main/services/main-handlers.ts');
  const text = await readFile(file, 'utf8');
  return [...text.matchAll(/import \{[^}]*\bcreate\w+Handlers\b[^}]*\} from '([^']+)'/g)].map(m =>
    resolve(dirname(file), `${m[1]}.ts`).slice(root.length + 1)
  );
}

describe('the IPC contract: every channel is handled, used and thin', () => {
  it('createMainHandlers handles exactly the calls of the contract', () => {
    const handlers = createMainHandlers({
      services: createServices(home.path),
      emit: () => undefined,
      appVersion: '1',
      locale: 'en',
    });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(calls).sort());
    for (const [channel, handler] of Object.entries(handlers))
      expect(typeof handler, channel).toBe('function');
  });

  it('the window makes every call, or the call is listed with its reason', async () => {
    const used = await rendererUses();
    expect(used.size).toBeGreaterThan(30); // the scan itself works
    const unexplained = Object.keys(calls).filter(
      c => !used.has(methodOfCall(c)) && !(c in notFromTheWindow)
    );
    expect(unexplained).toEqual([]);
    // A listed call the window now makes leaves the list; a listed name must be a real channel.
    expect(Object.keys(notFromTheWindow).filter(c => used.has(methodOfCall(c)))).toEqual([]);
    expect(Object.keys(notFromTheWindow).filter(c => !(c in calls))).toEqual([]);
    // The renderer calls nothing the contract does not have (the types say so too).
    const methods = new Set(Object.keys(calls).map(methodOfCall));
    const events_ = new Set(Object.keys(events).map(methodOfEvent));
    expect([...used].filter(m => !methods.has(m) && !events_.has(m))).toEqual([]);
  });

  it('the window listens to every event main sends', async () => {
    const used = await rendererUses();
    expect(Object.keys(events).filter(e => !used.has(methodOfEvent(e)))).toEqual([]);
  });

  it('handler modules call services rather than files and stores (listed exceptions shrink)', async () => {
    const modules = await handlerModules();
    expect(modules).toEqual(
      expect.arrayContaining([
        'src-main/jobs/job-handlers.ts',
        'src-main/destinations/destination-handlers.ts',
        'src-main/pipeline/send-handlers.ts',
      ])
    );
    const reaching: Record<string, string> = {};
    for (const module of modules) {
      const text = await readFile(join(root, module), 'utf8');
      const reached = [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)]
        .map(m => m[1]!)
        .find(from => reachesPastServices.test(from));
      if (reached) reaching[module] = reached;
    }
    expect(reaching).toEqual(notThinYet);
  });
});
