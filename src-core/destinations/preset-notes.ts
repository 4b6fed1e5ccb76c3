import type { PresetId } from './destination';

/**
 * The notes each preset starts a destination with (English; the app translates them as
 * `preset.<id>.notes` while a destination still has its preset's notes).
 */
export const presetNotes = {
  'hello-customer':
    'FTPS only (explicit on 21 or implicit on 990; passive ports 50000-50003). Connect by host name (import.hellocustomer.com), never by IP. One folder per touchpoint, given by Hello Customer. Send a file with dummy data first.',
  customergauge:
    'Load the sample file from CustomerGauge (Import Data): the columns must be exactly its columns, in its order.',
  digitaleo: 'Files go to contacts/<action>/in; Digitaleo moves them to on, then ok or ko.',
  blueconic:
    'BlueConic reads this folder on a schedule; set its file pattern to profiles_*.csv and turn on “Add .done suffix” to get a receipt.',
  evaluagent:
    'SSH key login. Load the sample file agreed with EvaluAgent: every upload must use the same columns in the same order.',
} as const satisfies Partial<Record<PresetId, string>>;
