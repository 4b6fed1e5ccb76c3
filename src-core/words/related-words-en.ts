import type { Message } from './message';

/** English words of the related files sent with the main one (BlueConic; part of en.ts). */
export const enRelatedWords = {
  'related.title': 'Related files',
  'related.intro':
    'Files sent with the main file in the same run, linked to it by id columns (for example orders and products with the profiles). Each has its own columns and file name; all are checked before any is sent, then they go after the main file in this order.',
  'related.set': 'Related file “{name}”',
  'related.columns': 'Columns of “{name}”',
  'related.columns.hint':
    'In file order, separated by commas; order_id:reference* is checked as a reference and required.',
  'related.fileName': 'File name of “{name}”',
  'related.fileName.hint': 'For example orders_{date:YYYYMMDD}.csv.',
  'related.remove': 'Remove “{name}”',
  'related.new.name': 'Name of a new related file',
  'related.new.columns': 'Its columns',
  'related.add': 'Add the related file',
  'related.send.title': 'Related files',
  'related.send.intro':
    'This destination receives these files with the main one: choose each. All are checked before any is sent; they go after the main file, in this order.',
  'related.send.none': '“{name}”: not chosen yet.',
  'related.send.chosen': '“{name}”: {file}',
  'related.send.choose': 'Choose the “{name}” file…',
  'related.sent.main': 'main file',
  'related.sent.delivered': '{set} ({source}): {name} sent.',
  'related.sent.delivered-before': '{set} ({source}): {name} was already there (not sent again).',
  'related.sent.not-delivered': '{set} ({source}): {name} not sent.',
  'related.job.hint': 'Each run sends these files with the main one, all or none.',
} as const satisfies Record<string, Message>;
