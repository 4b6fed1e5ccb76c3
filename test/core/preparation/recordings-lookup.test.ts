import { describe, expect, it } from 'vitest';
import { recordingsLookup } from '../../../src-core/preparation/recordings-check';

describe('recordingsLookup', () => {
  it('tells found, unreadable and missing recordings apart, subfolders Courier may not open included', () => {
    const lookup = recordingsLookup({
      readable: ['calls/a.wav'],
      unreadable: ['calls/b.wav', 'private/'],
    });
    expect(lookup('calls\\a.wav')).toEqual({ kind: 'found', path: 'calls/a.wav' });
    expect(lookup('calls/b.wav')).toEqual({ kind: 'unreadable' });
    // In a folder that could not be opened: said as unreadable, not as missing.
    expect(lookup('./private/c.wav')).toEqual({ kind: 'unreadable' });
    expect(lookup('privateer/c.wav')).toEqual({ kind: 'missing' });
    expect(lookup('calls/z.wav')).toEqual({ kind: 'missing' });
  });
});
