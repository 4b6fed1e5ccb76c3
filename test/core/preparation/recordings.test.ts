import { describe, expect, it } from 'vitest';
import { applySettings } from '../../../src-core/destinations/destination-settings';
import { destinationFromPreset } from '../../../src-core/destinations/presets';
import { prepareRows } from '../../../src-core/preparation/prepare';
import { recordingPath } from '../../../src-core/preparation/recordings-check';
import type { CourierError } from '../../../src-core/errors';
import { englishIssueText } from '../../../src-core/words/issue-text';

/**
 * EvaluAgent's call recordings: a column of the records names each row's recording, and every
 * one named must be in the folder the send was given (a row issue otherwise); the written rows'
 * recordings are what the send uploads.
 */
const calls = (settings: ReadonlyArray<readonly [string, string]> = []) =>
  applySettings(destinationFromPreset('evaluagent', 'Calls'), [
    ['recordings.column', 'Recording'],
    ...settings,
  ]);
const header = ['Contact ID', 'Agent Email', 'Date', 'Recording'];
const mapping = { 'Contact ID': 'Contact ID', 'Agent Email': 'Agent Email', Date: 'Date' };
// Lines 2 to 13 of the export; line 12 names a recording that is not in the folder.
const data = Array.from({ length: 12 }, (_, i) => [
  `C-${i + 1}`,
  `agent${i + 1}@example.com`,
  '2026-12-01',
  i === 10 ? 'call-8812.wav' : i === 11 ? '' : `sub\\call-${i + 1}.wav`,
]);
const folder = {
  readable: Array.from({ length: 10 }, (_, i) => `sub/call-${i + 1}.wav`),
  unreadable: ['locked.wav'],
};
const prepare = (
  rows: string[][],
  extra: { excludeInvalid?: boolean; withFolder?: boolean } = {}
) =>
  prepareRows(
    {
      destination: calls(),
      sourceColumns: header,
      mapping,
      now: new Date('2026-12-02T10:00:00'),
      excludeInvalid: extra.excludeInvalid,
      ...(extra.withFolder === false ? {} : { recordings: folder }),
    },
    rows.map((cells, index) => ({ index, line: index + 2, cells }))
  );

describe('recordings named by the records', () => {
  it('a recording that is not in the folder is a row issue, in words, and holds the file', () => {
    const result = prepare(data);
    const issues = result.issues.filter(i => i.code.startsWith('recording.'));
    expect(issues).toEqual([
      {
        row: 10,
        sourceLine: 12,
        column: 'Recording',
        code: 'recording.missing',
        variant: null,
        params: { line: 12, value: 'call-8812.wav', column: 'Recording' },
        severity: 'error',
      },
    ]);
    expect(englishIssueText(issues[0]!)).toBe('Line 12: the recording “call-8812.wav” is not in the folder.');
    expect(result.blocked).toBe(true);
  });

  it('the written rows’ recordings are listed once each, as paths in the folder; a row may name none', () => {
    const twice = [...data, ['C-13', 'agent13@example.com', '2026-12-01', './sub/call-1.wav']];
    const result = prepare(twice, { excludeInvalid: true });
    expect(result.writtenRowCount).toBe(12);
    expect(result.recordings).toEqual(folder.readable);
    // The records keep the name as the export wrote it (the platform links by it).
    const lines = Buffer.from(result.files[0]!.bytes).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Contact ID,Agent Email,Date,Direction,Customer Phone,Duration,Recording'
    );
    expect(lines[1]!.endsWith(',sub\\call-1.wav')).toBe(true);
  });

  it('a recording Courier may not read is its own row issue', () => {
    const result = prepare([['C-1', 'a@example.com', '2026-12-01', 'locked.wav']]);
    expect(result.issues.map(i => [i.code, englishIssueText(i)])).toEqual([
      [
        'recording.unreadable',
        'Line 2: the recording “locked.wav” is in the folder, but Courier may not read it. Ask for read access to it.',
      ],
    ]);
  });

  it('without a folder (a check, the review before choosing one) nothing is looked up', () => {
    const result = prepare(data, { withFolder: false });
    expect(result.issues.some(i => i.code.startsWith('recording.'))).toBe(false);
    expect(result.recordings).toBeUndefined();
  });

  it('a file without the recordings column is refused as a whole, not row by row', () => {
    // Extra columns off, a column outside the template cannot name them (the setting says so).
    expect(() => calls([['extra-columns', 'no']])).toThrow(
      expect.objectContaining({ code: 'destination.invalid' })
    );
    const kept = applySettings(destinationFromPreset('evaluagent', 'Calls'), [
      ['recordings.column', 'Recording'],
    ]);
    expect(() =>
      prepareRows(
        {
          destination: kept,
          sourceColumns: ['Contact ID'],
          mapping: { 'Contact ID': 'Contact ID' },
          now: new Date(),
          recordings: folder,
        },
        []
      )
    ).toThrow(expect.objectContaining({ code: 'recordings.column-missing' }));
  });

  it('reads names typed on Windows and with ./ as paths in the folder', () => {
    expect(recordingPath(' .\\2026\\call 1.wav ')).toBe('2026/call 1.wav');
    expect(recordingPath('./call.wav')).toBe('call.wav');
  });
});

describe('recordings.column and recordings.folder', () => {
  it('set the column and the remote folder (a recordings folder beside the records by default)', () => {
    const d = calls();
    expect(d.recordings).toEqual({ column: 'Recording', remoteFolder: '/recordings' });
    const moved = applySettings(d, [['recordings.folder', 'in/recordings']]);
    expect(moved.recordings).toEqual({ column: 'Recording', remoteFolder: 'in/recordings' });
    expect(applySettings(moved, [['recordings.column', 'none']]).recordings).toBeUndefined();
  });

  it('a template column keeps its spelling and follows a rename', () => {
    const d = applySettings(destinationFromPreset('evaluagent', 'Calls'), [
      ['extra-columns', 'no'],
      ['recordings.column', 'contact id'],
      ['column.Contact ID.name', 'Call'],
    ]);
    expect(d.recordings?.column).toBe('Call');
  });

  it('refuses a column the records do not have, and a folder before the column', () => {
    const strict = applySettings(destinationFromPreset('evaluagent', 'Calls'), [
      ['extra-columns', 'no'],
    ]);
    const refused = (settings: Array<[string, string]>) => {
      try {
        applySettings(strict, settings);
      } catch (error) {
        return error as CourierError;
      }
      throw new Error('not refused');
    };
    expect(refused([['recordings.column', 'Recording']])).toMatchObject({
      code: 'destination.setting-invalid',
      params: { setting: 'recordings.column', value: 'Recording' },
    });
    expect(refused([['recordings.folder', '/rec']])).toMatchObject({
      code: 'destination.setting-invalid',
      params: { setting: 'recordings.folder' },
    });
  });
});
