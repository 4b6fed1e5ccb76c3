import { describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempHome } from '../../harness/temp-home';
import { createUiHandlers } from '../../../src-main/ui/ui-handlers';
import { saveWhole } from '../../../src-main/files/save-copy';
import type { UiContext } from '../../../src-main/ui/ui-handlers';

const temp = tempHome('courier-ui-');

const context = (extra: UiContext): UiContext => extra;

describe('files:pick and files:reveal', () => {
  it('asks the system file chooser, and says plainly when there is none', async () => {
    expect(await createUiHandlers(context({ pickFile: async () => '/x/export.csv' }))['files:pick'](undefined)).toEqual({ path: '/x/export.csv' });
    expect(await createUiHandlers(context({ pickFile: async () => null }))['files:pick'](undefined)).toEqual({ path: null });
    await expect(createUiHandlers(context({}))['files:pick'](undefined)).rejects.toMatchObject({ code: 'files.pick-unavailable' });
  });

  it('shows only an existing file in the file manager', async () => {
    const shown: string[] = [];
    const handlers = createUiHandlers(context({ revealFile: path => void shown.push(path) }));
    const file = join(temp.path, 'rows.csv');
    await saveWhole(file, new TextEncoder().encode('x'));
    expect(await handlers['files:reveal']({ path: file })).toEqual({ shown: true });
    expect(shown).toEqual([file]);
    // Any other path, even an existing file, is not Courier's to show (nor to probe).
    const other = join(temp.path, 'other.csv');
    await writeFile(other, 'x');
    await expect(handlers['files:reveal']({ path: other })).rejects.toMatchObject({ code: 'files.not-found' });
    await expect(handlers['files:reveal']({ path: '\\\\server\\share\\x.csv' })).rejects.toMatchObject({ code: 'files.not-found' });
    // A folder, or a file that is gone, is never handed to the file manager.
    await expect(handlers['files:reveal']({ path: temp.path })).rejects.toMatchObject({ code: 'files.not-found' });
    const gone = join(temp.path, 'gone.csv');
    await saveWhole(gone, new TextEncoder().encode('x'));
    await rm(gone);
    await expect(handlers['files:reveal']({ path: gone })).rejects.toMatchObject({ code: 'files.not-found', message: expect.stringContaining('gone.csv') });
    expect(shown).toEqual([file]);
    // Without a file manager (no Electron shell), the screen says so instead of pretending.
    expect(await createUiHandlers(context({}))['files:reveal']({ path: file })).toEqual({ shown: false });
  });
});
