import type { Message } from './message';

/** English words of the call recordings sent with the records (EvaluAgent; part of en.ts). */
export const enRecordingsWords = {
  'recordings.title': 'Call recordings',
  'recordings.intro':
    'Send the call recordings with the records: a column names each row’s recording (a file name, or a path in the folder you choose when sending). Courier checks that each one is there, uploads the recordings first, each only once, then the records.',
  'recordings.on': 'Send call recordings with the records',
  'recordings.column': 'Column naming each recording',
  'recordings.column.hint': 'For example a column holding call-8812.wav.',
  'recordings.folder': 'Folder for the recordings on the server',
  'recordings.folder.hint': 'The folder agreed with the platform, for example /recordings.',
  'recordings.send.folder': 'Recordings folder',
  'recordings.send.none': 'Not chosen yet: the recordings named in {column} must be in it.',
  'recordings.send.chosen': '{folder} — the recordings named in {column} go to {remote} first.',
  'recordings.send.choose': 'Choose the recordings folder…',
  'recordings.job.hint':
    'Each run sends a file once every recording it names is in this folder and finished being written.',
  'recordings.send.progress': 'Recording {file} of {files}',
  'recordings.send.sent': {
    one: '{uploaded} of {count} recording sent ({bytes}) to {folder}.',
    other: '{uploaded} of {count} recordings sent ({bytes}) to {folder}.',
  },
} as const satisfies Record<string, Message>;
