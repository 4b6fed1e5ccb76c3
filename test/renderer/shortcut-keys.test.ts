import { describe, expect, it } from 'vitest';
import { commandForKey, shortcutLabel } from '../../src-renderer/src/desktop/shortcuts';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the window’s keyboard shortcuts', () => {
  it('Ctrl on Windows and Linux, ⌘ on a Mac', () => {
    expect(commandForKey(key('o', { ctrlKey: true }), false)).toBe('open-file');
    expect(commandForKey(key('O', { ctrlKey: true }), false)).toBe('open-file');
    expect(commandForKey(key('o', { metaKey: true }), true)).toBe('open-file');
    expect(commandForKey(key('o', { metaKey: true }), false)).toBeNull();
    expect(commandForKey(key('o', { ctrlKey: true }), true)).toBeNull();
    expect(commandForKey(key(',', { ctrlKey: true }), false)).toBe('destinations');
    expect(commandForKey(key('H', { ctrlKey: true, shiftKey: true }), false)).toBe('history');
    expect(commandForKey(key('h', { ctrlKey: true }), false)).toBeNull();
    expect(commandForKey(key('F1'), false)).toBe('shortcuts');
    expect(commandForKey(key('F1'), true)).toBe('shortcuts');
  });

  it('leaves typing alone: plain letters, AltGr and Escape are not shortcuts', () => {
    expect(commandForKey(key('o'), false)).toBeNull();
    expect(commandForKey(key('o', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(commandForKey(key('Escape'), false)).toBeNull();
  });

  it('are written the system’s way', () => {
    expect(shortcutLabel('open-file', false)).toBe('Ctrl+O');
    expect(shortcutLabel('open-file', true)).toBe('⌘O');
    expect(shortcutLabel('history', false)).toBe('Ctrl+Shift+H');
    expect(shortcutLabel('history', true)).toBe('⇧⌘H');
    expect(shortcutLabel('shortcuts', false)).toBe('F1');
  });
});
