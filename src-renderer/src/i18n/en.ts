/** A message: plain text, or one text per plural form (chosen with the `count` parameter). */
export type Message = string | Readonly<{ one: string; other: string }>;

/** English, the reference catalogue: every other language must have exactly these keys. */
export const en = {
  'app.name': 'Courier',
  'app.loading': 'Starting…',
  'app.version': 'Version {version}',
  'app.skipToContent': 'Skip to content',
  'nav.label': 'Main',
  'nav.send': 'Send a file',
  'nav.destinations': 'Destinations',
  'nav.jobs': 'Scheduled jobs',
  'nav.history': 'History',
  'nav.language': 'Language',
  'language.en': 'English',
  'language.fr': 'Français',
  'language.nl': 'Nederlands',
  'steps.label': 'Steps',
  'steps.file': 'File',
  'steps.preview': 'Preview',
  'steps.map': 'Columns',
  'steps.review': 'Review',
  'steps.send': 'Send',
  'steps.current': '(current step)',
  'common.back': 'Back',
  'common.continue': 'Continue',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.save': 'Save',
  'common.remove': 'Remove',
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'common.none': 'None yet',
  'common.yes': 'Yes',
  'common.no': 'No',
  'error.title': 'Something went wrong',
  'error.unavailable': 'This part of Courier is not available in this version yet.',
  'start.title': 'Send a file',
  'start.drop': 'Drop your export here',
  'start.dropHint':
    'CSV, TSV, TXT, XLS, XLSX, or a zip holding one of them. You can drop it anywhere in the window.',
  'start.choose': 'Choose a file',
  'start.or': 'or',
  'start.dropNow': 'Release to open this file',
  'start.recentFiles': 'Recent files',
  'start.recentJobs': 'Scheduled jobs',
  'start.destinations': 'Destinations',
  'start.noDestinations': 'No destination yet. Add one to say where files go.',
  'start.addDestination': 'Add a destination',
  'start.noPath':
    'Courier could not tell where this file is on your computer. Choose it with the button instead.',
  'start.oneFile': 'Drop one file at a time.',
} satisfies Record<string, Message>;

/** A key of the catalogue. */
export type MessageKey = keyof typeof en;
/** A complete catalogue. */
export type Messages = Readonly<Record<MessageKey, Message>>;
