import { CourierError } from '../errors';
import type { Destination } from './destination';

/** The `recordings.*` settings of `courier destinations set` and the editor (EvaluAgent's call recordings). */

const COLUMN_VALUES = 'the column naming each row’s recording, or “none” (no recordings)';
const FOLDER_VALUES = 'the remote folder the recordings go to, such as /recordings';

const refused = (setting: string, values: string, value: string) =>
  new CourierError(
    'destination.setting-invalid',
    `${setting} must be ${values} (got “${value}”).`,
    {
      params: { setting, value, values },
    }
  );

/** Where recordings go when no folder was chosen yet: a `recordings` folder beside the records. */
export function defaultRecordingsFolder(d: Destination): string {
  return `${d.folder.replace(/\/+$/, '')}/recordings`;
}

/** Sets (or, with “none”, removes) the column naming each row's recording. */
function setColumn(d: Destination, value: string, key: string): Destination {
  const name = value.trim();
  if (name === '') throw refused(key, COLUMN_VALUES, value);
  if (name.toLowerCase() === 'none') {
    const { recordings: _gone, ...rest } = d;
    return rest;
  }
  // A template column keeps its own spelling; with extra columns on, any source column may do.
  const column =
    d.columns.find(c => c.name === name) ??
    d.columns.find(c => c.name.toLowerCase() === name.toLowerCase());
  if (!column && !d.extraColumns)
    throw refused(
      key,
      `one of the columns (${d.columns.map(c => `“${c.name}”`).join(', ')}), or “none”`,
      value
    );
  return {
    ...d,
    recordings: {
      column: column?.name ?? name,
      remoteFolder: d.recordings?.remoteFolder ?? defaultRecordingsFolder(d),
    },
  };
}

/** Sets the remote folder of the recordings (the column is chosen first). */
function setFolder(d: Destination, value: string, key: string): Destination {
  const folder = value.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (folder === '' || /[\u0000-\u001f\u007f]/.test(folder))
    throw refused(key, FOLDER_VALUES, value);
  if (!d.recordings) throw refused(key, 'set after recordings.column', value);
  return { ...d, recordings: { ...d.recordings, remoteFolder: folder } };
}

/** `recordings.column=` and `recordings.folder=`, in the shape of the other settings. */
export const recordingsSettings = {
  'recordings.column': { values: COLUMN_VALUES, apply: setColumn },
  'recordings.folder': { values: FOLDER_VALUES, apply: setFolder },
} as const;
