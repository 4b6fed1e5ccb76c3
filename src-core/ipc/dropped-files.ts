/**
 * The private channel on which the preload tells main which files the person dropped on the
 * window. It is not part of the contract (`contract.ts`), so the page has no method for it: only
 * the preload's own listener for real (trusted) drop events sends on it.
 */
export const DROPPED_FILES_CHANNEL = 'files:dropped';
