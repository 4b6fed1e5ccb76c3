import { describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setLinuxAutostart } from '../../../src-main/electron/tray/autostart';
import { tempHome } from '../../harness/temp-home';

const config = tempHome('courier-autostart-');

describe('start at login on Linux', () => {
  it('writes an XDG autostart entry that starts Courier hidden, and removes it', async () => {
    const env = { XDG_CONFIG_HOME: config.path };
    const file = await setLinuxAutostart(true, '/opt/My Apps/Courier.AppImage', env);
    expect(file).toBe(join(config.path, 'autostart', 'courier.desktop'));
    const entry = await readFile(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=Courier\n');
    expect(entry).toContain('Exec="/opt/My Apps/Courier.AppImage" --hidden\n');
    await setLinuxAutostart(false, '/opt/My Apps/Courier.AppImage', env);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    // Turning it off twice is fine.
    await setLinuxAutostart(false, '/opt/courier', env);
  });
});
