import { describe, expect, it } from 'vitest';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  getDestination,
  listDestinations,
  removeDestination,
  renameDestination,
  resolveDestination,
  saveDestination,
} from '../../../src-main/settings/destination-store';
import { forgetMappings, recallMapping, rememberMapping } from '../../../src-main/settings/mapping-store';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { tempHome } from '../../harness/temp-home';

const home = tempHome('courier-dest-');

describe('destination store', () => {
  it('saves, lists, gets (case-insensitively) and removes destinations as JSON files', async () => {
    const d = destinationFromPreset('hello-customer', 'NPS Brussels');
    await saveDestination(home.path, d);
    const file = join(home.path, 'destinations', 'nps%20brussels.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, name: 'NPS Brussels', presetId: 'hello-customer' });
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe('600');
    expect((await listDestinations(home.path)).destinations.map(x => x.name)).toEqual(['NPS Brussels']);
    expect((await getDestination(home.path, 'nps brussels'))?.name).toBe('NPS Brussels');
    const removed: string[] = [];
    expect(await removeDestination(home.path, 'NPS Brussels', { onRemove: name => void removed.push(name) })).toBe(true);
    expect(removed).toEqual(['NPS Brussels']);
    expect(await removeDestination(home.path, 'NPS Brussels')).toBe(false);
    expect(await readdir(join(home.path, 'destinations'))).toEqual([]);
  });

  it('refuses a second destination with the same name, and invalid ones', async () => {
    await saveDestination(home.path, destinationFromPreset('generic', 'Drop'));
    await expect(saveDestination(home.path, destinationFromPreset('blueconic', 'drop'))).rejects.toMatchObject({ code: 'destination.exists' });
    await expect(saveDestination(home.path, { version: 1, name: 'X', columns: [] })).rejects.toMatchObject({ code: 'destination.invalid' });
  });

  it('renames, calling the hook so secrets can follow', async () => {
    await saveDestination(home.path, destinationFromPreset('generic', 'Old'));
    const moves: string[] = [];
    await renameDestination(home.path, 'Old', 'New', { onRename: (a, b) => void moves.push(`${a}→${b}`) });
    expect(moves).toEqual(['Old→New']);
    expect(await getDestination(home.path, 'Old')).toBeNull();
    expect((await getDestination(home.path, 'New'))?.name).toBe('New');
    await renameDestination(home.path, 'New', 'NEW', { onRename: (a, b) => void moves.push(`${a}→${b}`) });
    expect(moves).toEqual(['Old→New', 'New→NEW']);
    expect((await listDestinations(home.path)).destinations.map(d => d.name)).toEqual(['NEW']);
  });

  it('lists unreadable files as problems instead of failing', async () => {
    await saveDestination(home.path, destinationFromPreset('generic', 'Good'));
    await writeFile(join(home.path, 'destinations', 'broken.json'), '{not json');
    const { destinations, problems } = await listDestinations(home.path);
    expect(destinations.map(d => d.name)).toEqual(['Good']);
    expect(problems).toEqual([
      {
        file: 'broken.json',
        code: 'destination.invalid',
        message: expect.stringContaining('not valid JSON'),
        params: { file: join(home.path, 'destinations', 'broken.json') },
      },
    ]);
  });

  it('resolves D as a configured name, a preset id or a JSON file', async () => {
    await saveDestination(home.path, destinationFromPreset('digitaleo', 'Digitaleo Rennes'));
    expect((await resolveDestination(home.path, 'Digitaleo Rennes')).presetId).toBe('digitaleo');
    expect((await resolveDestination(home.path, 'customergauge')).name).toBe('CustomerGauge');
    const path = join(home.path, 'mine.json');
    await writeFile(path, JSON.stringify({ version: 1, name: 'From file', columns: [{ name: 'Email', rule: 'email' }] }));
    expect((await resolveDestination(home.path, path)).name).toBe('From file');
    await expect(resolveDestination(home.path, 'nowhere')).rejects.toMatchObject({ code: 'destination.not-found', message: expect.stringContaining('hello-customer') });
    await expect(resolveDestination(home.path, join(home.path, 'missing.json'))).rejects.toMatchObject({ code: 'destination.not-found' });
  });
});

describe('remembered mappings', () => {
  const headers = ['E-mail', 'Langue', 'Prénom', 'Ville'];
  const mapping = { Email: 'E-mail', Language: 'Langue', FirstName: 'Prénom', Department: 'Ville' };

  it('applies a remembered mapping to the same header set (in any order)', async () => {
    await rememberMapping(home.path, 'Hello Customer', headers, mapping);
    const again = await recallMapping(home.path, 'Hello Customer', ['Ville', 'Prénom', 'Langue', 'E-mail']);
    expect(again).toMatchObject({ exact: true, mapping, changes: { added: [], gone: [], renamed: [] } });
    expect(await recallMapping(home.path, 'Other destination', headers)).toBeNull();
  });

  it('reports a changed header set: renamed, added, gone', async () => {
    await rememberMapping(home.path, 'Hello Customer', headers, mapping);
    const changed = await recallMapping(home.path, 'Hello Customer', ['Courriel', 'Langue', 'Prénom', 'Ville', 'Extra']);
    expect(changed).toMatchObject({ exact: false, changes: { renamed: [{ from: 'E-mail', to: 'Courriel' }], added: ['Extra'], gone: [] } });
    expect(changed?.mapping).toEqual({ ...mapping, Email: 'Courriel' });
    const gone = await recallMapping(home.path, 'Hello Customer', ['E-mail', 'Langue', 'Prénom']);
    expect(gone).toMatchObject({ exact: false, changes: { renamed: [], added: [], gone: ['Ville'] } });
    expect(gone?.mapping.Department).toBeNull();
    expect(await recallMapping(home.path, 'Hello Customer', ['A', 'B', 'C', 'D'])).toBeNull();
  });

  it('forgets a destination’s mappings', async () => {
    await rememberMapping(home.path, 'X', headers, mapping);
    await forgetMappings(home.path, 'X');
    expect(await recallMapping(home.path, 'X', headers)).toBeNull();
  });
});
