import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../harness/temp-home';
import { createServices } from '../../../src-main/services/services';
import { createBackgroundSettings } from '../../../src-main/jobs/background-settings';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';

/**
 * Settings files are replaced only under their lock (one helper, `writeFileAtomic`, that needs
 * the lock held): two Courier processes changing the same file at once lose neither change, and
 * two creating the same destination cannot both win.
 */
const home = tempHome('courier-locked-writes-');

const survey = (host: string) => ({
  ...destinationFromPreset('hello-customer'),
  name: 'Survey',
  variables: { touchpoint: 'NPS' },
  transport: { ...destinationFromPreset('hello-customer').transport, host, user: 'u' },
});

describe('settings written under their lock', () => {
  it('two services creating the same destination at once: one is saved, the other is refused', async () => {
    // Two services as two Courier processes would have (their own stores, the same folder).
    const [a, b] = [createServices(home.path), createServices(home.path)];
    const outcomes = await Promise.allSettled([
      a.destinations.create(survey('one.example.com')),
      b.destinations.create(survey('two.example.com')),
    ]);
    expect(outcomes.map(o => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find(o => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'destination.exists' });
    const saved = outcomes.find(o => o.status === 'fulfilled') as PromiseFulfilledResult<{
      transport: { host: string };
    }>;
    // What is on disk is the one that was told it was saved.
    expect((await a.destinations.require('Survey')).transport.host).toBe(
      saved.value.transport.host
    );
    // No temporary file is left in the folder.
    expect(
      (await readdir(join(home.path, 'destinations'))).filter(f => f.endsWith('.tmp'))
    ).toEqual([]);
  });

  it('two background-settings changes at once both stay', async () => {
    const history = createHistoryStore(home.path);
    const first = createBackgroundSettings(home.path, history);
    const second = createBackgroundSettings(home.path, history);
    await Promise.all([first.set({ notifyOnSuccess: true }), second.set({ startAtLogin: true })]);
    expect(await createBackgroundSettings(home.path, history).get()).toMatchObject({
      notifyOnSuccess: true,
      startAtLogin: true,
    });
  });
});
