import { describe, expect, it } from 'vitest';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';
import { createServices } from '../../../src-main/services/services';

/**
 * `courier jobs settings`: the background settings (notify on success, start at login, History
 * kept) through the same job service as the Jobs screen's “In the background” card.
 */
const home = tempHome('courier-jobs-settings-');

describe('courier jobs settings', () => {
  it('shows the settings, changes them, refuses a bad value and changes nothing then', async () => {
    const shown = await courier(['jobs', 'settings', '--json'], { home: home.path });
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      notifyOnSuccess: false,
      startAtLogin: false,
    });

    const changed = await courier(
      [
        'jobs',
        'settings',
        '--notify-on-success',
        'yes',
        '--start-at-login',
        'yes',
        '--keep-days',
        '30',
      ],
      { home: home.path }
    );
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('notify on success: yes');
    expect(changed.stdout).toContain('start at login:    yes');
    expect(changed.stdout).toContain('30 days');

    const bad = await courier(['jobs', 'settings', '--keep-runs', '0'], { home: home.path });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--keep-runs takes a whole number above 0, or none');
    const badFlag = await courier(['jobs', 'settings', '--start-at-login', 'maybe'], {
      home: home.path,
    });
    expect(badFlag.code).toBe(2);

    // The app's job service reads what the CLI wrote.
    const settings = await createServices(home.path).jobs.settings.get();
    expect(settings).toMatchObject({
      notifyOnSuccess: true,
      startAtLogin: true,
      historyRetention: { days: 30 },
    });

    const cleared = await courier(['jobs', 'settings', '--keep-days', 'none', '--json'], {
      home: home.path,
    });
    expect(JSON.parse(cleared.stdout).historyRetention.days).toBeNull();
  });
});
