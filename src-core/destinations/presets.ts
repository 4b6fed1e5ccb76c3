import {
  parseDestination,
  type Destination,
  type DestinationInput,
  type DigitaleoAction,
  type DigitaleoOptions,
  type PresetId,
  type TargetColumn,
} from './destination';
import { guessRule } from '../mapping/concepts';
import { presetNotes } from './preset-notes';

/** A built-in starting point for a destination (every field stays editable). */
export type Preset = Readonly<{
  id: PresetId;
  /** The platform's name as people know it. */
  label: string;
  /** One sentence on what the platform takes and how. */
  description: string;
  destination: Destination;
}>;

const col = (name: string, extra: Partial<TargetColumn> = {}): DestinationInput['columns'][number] => ({ name, ...extra });

const MB = 1_000_000;

const helloCustomer: DestinationInput = {
  version: 1,
  name: 'Hello Customer',
  presetId: 'hello-customer',
  transport: { protocol: 'ftps', port: 21 },
  folder: '/',
  columns: [
    col('Email', { required: true, rule: 'email' }),
    col('Language', { required: true, rule: 'language', letterCase: 'upper' }),
    col('FirstName'),
    col('LastName'),
    col('Department'),
    col('CustomId', { rule: 'reference' }),
  ],
  // Semicolon, no quotes at all (vendor: "avoid using quotes"), header required, 1 MB per file.
  output: { delimiter: ';', quoting: 'never', quoteChar: '"', encoding: 'utf-8', lineEnding: 'crlf', header: true, zip: false },
  limits: { maxBytes: 1 * MB, maxRows: null },
  fileName: '{touchpoint}_{date:YYYYMMDD}.csv',
  duplicateKey: ['Email'],
  // A second invitation to the same person must not go out: later rows with that e-mail stay out.
  duplicates: 'leave-out',
  receipt: 'none',
  variables: { touchpoint: '' },
  notes: presetNotes['hello-customer'],
};

const customerGauge: DestinationInput = {
  version: 1,
  name: 'CustomerGauge',
  presetId: 'customergauge',
  transport: { protocol: 'sftp', port: 22 },
  folder: '/',
  columns: [
    col('First Name'),
    col('Last Name'),
    col('Email', { required: true, rule: 'email' }),
    col('Language', { rule: 'language', letterCase: 'lower' }),
    col('Company'),
    col('Reference', { rule: 'reference' }),
  ],
  output: { delimiter: ',', quoting: 'standard', quoteChar: '"', encoding: 'utf-8', lineEnding: 'crlf', header: true, zip: false },
  // 5,000 contact lines per file; files under 20 MB recommended.
  limits: { maxBytes: 20 * MB, maxRows: 5000 },
  // A file is processed only if its name is new: date, time and counter make it so.
  fileName: 'contacts_{date:YYYYMMDD}_{time:HHmmss}_{counter}.csv',
  duplicateKey: ['Email'],
  receipt: 'none',
  columnsFromSample: true,
  notes: presetNotes['customergauge'],
};

/** Digitaleo's contact columns, in the documented order. */
export const digitaleoColumns: readonly string[] = [
  'Civilité',
  'Prénom',
  'Nom',
  'Email',
  'Téléphone Fixe',
  'Mobile',
  'Fax',
  'Adresse 1',
  'Adresse 2',
  'Code postal',
  'Ville',
  'Etat',
  'Pays',
  'Date de naissance',
  'Société',
  'Référence',
];

const digitaleoRules: Readonly<Record<string, Partial<TargetColumn>>> = {
  Email: { rule: 'email' },
  'Téléphone Fixe': { rule: 'phone' },
  Mobile: { rule: 'phone' },
  // The vendor takes any Fax and birth date: a doubtful one is a warning, never a blocked row.
  Fax: { rule: 'phone', lenient: true },
  'Date de naissance': { rule: 'date', dateFormat: 'DD/MM/YYYY', lenient: true },
  Référence: { rule: 'reference' },
};

/** Digitaleo's actions, each a folder `contacts/<action>/in`, with the means of contact it uses. */
export const digitaleoActions: ReadonlyArray<Readonly<{ action: DigitaleoAction; label: string; contactColumn: string | null }>> = [
  { action: 'import', label: 'Import contacts into a list', contactColumn: null },
  { action: 'optoutEMAIL', label: 'Unsubscribe from e-mails', contactColumn: 'Email' },
  { action: 'optoutSMS', label: 'Unsubscribe from text messages', contactColumn: 'Mobile' },
  { action: 'optoutVOICE', label: 'Unsubscribe from voice calls', contactColumn: 'Téléphone Fixe' },
  { action: 'optoutVOICEMAIL', label: 'Unsubscribe from voicemail drops', contactColumn: 'Mobile' },
  { action: 'optinEMAIL', label: 'Subscribe again to e-mails', contactColumn: 'Email' },
  { action: 'optinSMS', label: 'Subscribe again to text messages', contactColumn: 'Mobile' },
  { action: 'optinVOICE', label: 'Subscribe again to voice calls', contactColumn: 'Téléphone Fixe' },
  { action: 'optinVOICEMAIL', label: 'Subscribe again to voicemail drops', contactColumn: 'Mobile' },
  { action: 'delete', label: 'Delete contacts', contactColumn: null },
];

/** Digitaleo's import modes that match a list by the file's name (2: add to it, 3: sync it). */
const LIST_MODES: ReadonlyArray<DigitaleoOptions['importMode']> = ['addToExistingList', 'syncExistingList'];

/** The file name of the list modes: exactly the list name, every run. */
export const DIGITALEO_LIST_FILE_NAME = '{list}.csv';
/** The preset's file name for new lists (mode 1): the date and time keep each list apart. */
export const DIGITALEO_NEW_LIST_FILE_NAME = '{list}_{date:YYYYMMDD}_{time:HHmmss}.csv';

/** Digitaleo's phone contact columns. */
const PHONE_CONTACT_COLUMNS = ['Téléphone Fixe', 'Mobile'];

/** The contact columns Digitaleo's options decide on: whether each is required. */
const DIGITALEO_CONTACT_COLUMNS = ['Email', 'Téléphone Fixe', 'Mobile', 'Référence'];

/**
 * Re-derives a Digitaleo destination from its options; applied on every save, so a changed
 * option always takes effect.
 *
 * A contact needs one valid Email, Téléphone Fixe or Mobile, unless the account deduplicates by
 * customer reference (then `Référence` alone is required); an opt-out/opt-in requires its medium's
 * column; a multi-account file ends with a `dispatch` column. In import modes 2 and 3 the file is
 * named exactly after the list, the same every run. Other columns keep what the person chose.
 */
export function applyDigitaleoOptions(destination: Destination, options: Partial<DigitaleoOptions> = {}): Destination {
  const digitaleo: DigitaleoOptions = {
    action: 'import',
    importMode: null,
    multiAccount: false,
    uniqueness: 'email+phone+mobile',
    ...destination.digitaleo,
    ...options,
  };
  const medium = digitaleoActions.find(a => a.action === digitaleo.action)?.contactColumn ?? null;
  const byReference = digitaleo.uniqueness === 'reference';
  const decides = (name: string) => DIGITALEO_CONTACT_COLUMNS.includes(name);
  const columns = destination.columns
    .filter(c => c.name !== 'dispatch')
    .map(c => {
      if (!decides(c.name)) return c;
      const required = (byReference && c.name === 'Référence') || (!byReference && medium !== null && c.name === medium);
      // A phone the numbering plan doubts (the vendor's own example `336 90 78 56 90`) is taken by
      // Digitaleo: a warning, unless it is the one medium an opt-in/opt-out acts on.
      if (!PHONE_CONTACT_COLUMNS.includes(c.name)) return { ...c, required };
      const { lenient: _old, ...rest } = c;
      return required ? { ...rest, required } : { ...rest, required, lenient: true };
    });
  // The account's reference is the file's last column (vendor: "one another column at the end").
  if (digitaleo.multiAccount) columns.push(destination.columns.find(c => c.name === 'dispatch') ?? { name: 'dispatch', required: true, rule: 'reference' });
  const has = (n: string) => columns.some(c => c.name === n);
  const atLeastOneOf = byReference || medium !== null ? [] : ['Email', 'Téléphone Fixe', 'Mobile'].filter(has);
  const keys: Record<DigitaleoOptions['uniqueness'], string[]> = {
    'email+phone+mobile': ['Email', 'Téléphone Fixe', 'Mobile'],
    reference: ['Référence'],
    email: ['Email'],
    mobile: ['Mobile'],
    phone: ['Téléphone Fixe'],
    none: [],
  };
  const listMode = digitaleo.action === 'import' && LIST_MODES.includes(digitaleo.importMode);
  const naming = listMode
    ? // Zipped, the file is sent as `<list>.zip` holding `<list>.csv` (the preparation names both).
      { fileName: DIGITALEO_LIST_FILE_NAME, nameReuse: 'same-every-run' as const }
    : destination.nameReuse === 'same-every-run'
      ? // Back from a list mode: a new list per file again, never under a name used before.
        { fileName: destination.fileName === DIGITALEO_LIST_FILE_NAME ? DIGITALEO_NEW_LIST_FILE_NAME : destination.fileName, nameReuse: 'never' as const }
      : {};
  return parseDestination({
    ...destination,
    ...naming,
    digitaleo,
    columns,
    atLeastOneOf,
    duplicateKey: keys[digitaleo.uniqueness].filter(has),
  });
}

const digitaleo: DestinationInput = {
  version: 1,
  name: 'Digitaleo',
  presetId: 'digitaleo',
  transport: { protocol: 'ftps', port: 21 },
  folder: '/',
  columns: digitaleoColumns.map(name => col(name, digitaleoRules[name] ?? {})),
  // UTF-8 without BOM, LF line endings, comma; 20 MB per file (CSV or zip).
  output: { delimiter: ',', quoting: 'standard', quoteChar: '"', encoding: 'utf-8', lineEnding: 'lf', header: true, zip: false },
  limits: { maxBytes: 20 * MB, maxRows: null },
  // The list takes the file's name (import modes 2 and 3 match lists by name).
  fileName: '{list}_{date:YYYYMMDD}_{time:HHmmss}.csv',
  variables: { list: 'contacts' },
  receipt: 'digitaleo',
  digitaleo: { action: 'import', importMode: null, multiAccount: false, uniqueness: 'email+phone+mobile' },
  phoneCountry: 'FR',
  notes: presetNotes['digitaleo'],
};

const blueConic: DestinationInput = {
  version: 1,
  name: 'BlueConic',
  presetId: 'blueconic',
  transport: { protocol: 'sftp', port: 22, auth: 'password' },
  folder: '/',
  columns: [
    col('customer_id', { required: true, rule: 'reference' }),
    col('email', { rule: 'email' }),
    col('first_name'),
    col('last_name'),
    col('language', { rule: 'language', letterCase: 'lower' }),
  ],
  output: { delimiter: ',', quoting: 'standard', quoteChar: '"', encoding: 'utf-8', lineEnding: 'lf', header: true, zip: false },
  limits: { maxBytes: null, maxRows: null },
  // BlueConic picks files by name or pattern and skips files it already imported.
  fileName: 'profiles_{date:YYYYMMDD}_{time:HHmmss}.csv',
  duplicateKey: ['customer_id'],
  receipt: 'done-suffix',
  notes: presetNotes['blueconic'],
};

const evaluAgent: DestinationInput = {
  version: 1,
  name: 'EvaluAgent',
  presetId: 'evaluagent',
  transport: { protocol: 'sftp', port: 22, auth: 'key' },
  folder: '/',
  columns: [
    col('Contact ID', { required: true, rule: 'reference' }),
    col('Agent Email', { required: true, rule: 'email' }),
    col('Date', { required: true, rule: 'date', dateFormat: 'YYYY-MM-DD' }),
    col('Direction'),
    col('Customer Phone', { rule: 'phone' }),
    col('Duration', { rule: 'number' }),
  ],
  output: { delimiter: ',', quoting: 'standard', quoteChar: '"', encoding: 'utf-8', lineEnding: 'crlf', header: true, zip: false },
  limits: { maxBytes: null, maxRows: null },
  fileName: 'contacts_{date:YYYYMMDD}_{time:HHmmss}.csv',
  duplicateKey: ['Contact ID'],
  receipt: 'none',
  // The vendor allows columns after the agreed template: unmapped source columns follow it.
  extraColumns: true,
  columnsFromSample: true,
  notes: presetNotes['evaluagent'],
};

const generic: DestinationInput = {
  version: 1,
  name: 'Generic drop',
  presetId: 'generic',
  transport: { protocol: 'sftp', port: 22 },
  folder: '/',
  columns: [col('Email', { required: true, rule: 'email' })],
  output: { delimiter: ',', quoting: 'standard', quoteChar: '"', encoding: 'utf-8', lineEnding: 'crlf', header: true, zip: false },
  limits: { maxBytes: null, maxRows: null },
  fileName: 'export_{date:YYYYMMDD}_{time:HHmmss}.csv',
  receipt: 'none',
};

const definitions: ReadonlyArray<{ id: PresetId; label: string; description: string; input: DestinationInput }> = [
  { id: 'hello-customer', label: 'Hello Customer', description: 'Survey respondents over FTPS: semicolon, no quotes, e-mail and language required, 1 MB per file.', input: helloCustomer },
  { id: 'customergauge', label: 'CustomerGauge', description: 'NPS contacts over SFTP: columns of the sample file, 5,000 contacts per file, always a new file name.', input: customerGauge },
  { id: 'digitaleo', label: 'Digitaleo', description: 'Contact lists, opt-outs and deletions over an FTP deposit: UTF-8, LF, 20 MB, receipt in ok/ko.', input: digitaleo },
  { id: 'blueconic', label: 'BlueConic', description: 'Profiles for BlueConic to pick up from an SFTP folder, with a .done receipt.', input: blueConic },
  { id: 'evaluagent', label: 'EvaluAgent', description: 'Call and contact records over SFTP with an SSH key, in the agreed sample-file layout.', input: evaluAgent },
  { id: 'generic', label: 'Other FTPS or SFTP drop', description: 'Any drop: set every column and format by hand.', input: generic },
];

/** Every built-in preset, in the order shown to people. */
export const presets: readonly Preset[] = definitions.map(d => ({
  id: d.id,
  label: d.label,
  description: d.description,
  destination: d.id === 'digitaleo' ? applyDigitaleoOptions(parseDestination(d.input)) : parseDestination(d.input),
}));

/** The preset with this id, or undefined. */
export function findPreset(id: string): Preset | undefined {
  return presets.find(p => p.id === id);
}

/** A fresh copy of a preset's destination, optionally renamed (presets themselves never change). */
export function destinationFromPreset(id: PresetId, name?: string): Destination {
  const preset = findPreset(id);
  if (!preset) throw new Error(`Unknown preset ${id}`);
  const copy = structuredCloneJson(preset.destination);
  return name === undefined ? copy : parseDestination({ ...copy, name });
}

const structuredCloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Target columns from a vendor's sample file (CustomerGauge, EvaluAgent): its header names in its
 * order, each with a rule guessed from the name and the sample values.
 *
 * Blank header cells are skipped at the end and named `Column N` in the middle; nothing is
 * required until the person setting it up says so.
 */
export function columnsFromSample(header: readonly string[], sampleRows: ReadonlyArray<readonly string[]> = []): TargetColumn[] {
  let last = header.length;
  while (last > 0 && header[last - 1]!.trim() === '') last--;
  const seen = new Set<string>();
  const columns: TargetColumn[] = [];
  for (let i = 0; i < last; i++) {
    let name = header[i]!.trim() || `Column ${i + 1}`;
    for (let n = 2; seen.has(name); n++) name = `${header[i]!.trim() || `Column ${i + 1}`} (${n})`;
    seen.add(name);
    const values = sampleRows.map(r => r[i] ?? '').filter(v => v.trim() !== '');
    const rule = guessRule(name, values);
    const column: TargetColumn = { name, required: false, rule };
    if (rule === 'date') column.dateFormat = guessDateFormat(values) ?? 'YYYY-MM-DD';
    if (rule === 'language') {
      // Write codes the way the vendor's sample does (`EN` or `en`).
      const codes = values.filter(v => /^[A-Za-z]{2}$/.test(v.trim()));
      if (codes.length > 0 && codes.every(v => v === v.toUpperCase())) column.letterCase = 'upper';
      else if (codes.length > 0 && codes.every(v => v === v.toLowerCase())) column.letterCase = 'lower';
    }
    columns.push(column);
  }
  return columns;
}

function guessDateFormat(values: readonly string[]): string | null {
  const v = values[0]?.trim() ?? '';
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return 'YYYY-MM-DD';
  if (/^\d{2}\/\d{2}\/\d{4}$/.test(v)) return 'DD/MM/YYYY';
  if (/^\d{2}-\d{2}-\d{4}$/.test(v)) return 'DD-MM-YYYY';
  if (/^\d{2}\.\d{2}\.\d{4}$/.test(v)) return 'DD.MM.YYYY';
  return null;
}
