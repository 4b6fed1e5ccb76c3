import { z } from 'zod';
import { CourierError } from '../errors';
import { receivedErrorCode } from '../error-codes';
import { HostName, RemoteFolder, Transport, UserName } from './transport';
import { codedIssue } from '../error-schema';
import { settingProblems } from './setting-problems';
import { isTimeZone } from '../output/time-zone';
import { XmlLayout } from '../output/xml-layout';

/**
 * A destination as data: where files go and exactly what they must look like.
 *
 * Stored as JSON (`<home>/destinations/<name>.json`), versioned so that a later Courier can
 * migrate what an older one saved. Every field of a preset stays editable.
 */

/** What a target column's values must be. */
export const ColumnRule = z.enum(['text', 'email', 'language', 'phone', 'date', 'reference', 'number']);
export type ColumnRule = z.infer<typeof ColumnRule>;

/** One column of the output file, in output order. */
export const TargetColumn = z.object({
  /** The header written to the file, exactly as the platform expects it. */
  name: z.string().min(1, 'A column needs a name.'),
  required: z.boolean().default(false),
  rule: ColumnRule.default('text'),
  /** When set, only these values (compared case-insensitively, written as listed) are accepted. */
  allowedValues: z.array(z.string()).optional(),
  /** For `date` columns: the format the platform expects, e.g. `YYYY-MM-DD` or `DD/MM/YYYY`. */
  dateFormat: z.string().optional(),
  /** For `language` columns: how the two letters are written (`EN` or `en`). */
  letterCase: z.enum(['upper', 'lower']).optional(),
  /** Extra header names that feed this column (added to the built-in synonyms when mapping). */
  synonyms: z.array(z.string()).optional(),
  /** A fixed value written in every row when no source column is mapped (e.g. an account code). */
  fixedValue: z.string().optional(),
  /**
   * A value that breaks the rule is a warning, never a blocked row (the platform takes it as it
   * is: Digitaleo's Fax and birth date).
   */
  lenient: z.boolean().optional(),
  /** A multi-value column (BlueConic lists): its items joined with the output's `multiValueSeparator`. */
  multiValue: z
    .object({
      /** What separates the items in the source value (`;`, `,`…); empty: each source value is one item. */
      sourceSeparator: z.string().max(3).default(''),
      /** Further source columns whose values are added as items, in order (`Interest 2`, `Interest 3`). */
      alsoFrom: z.array(z.string().min(1)).default([]),
    })
    .optional(),
});
export type TargetColumn = z.infer<typeof TargetColumn>;

export const OutputEncoding = z.enum(['utf-8', 'utf-8-bom', 'windows-1252', 'iso-8859-1']);
export type OutputEncoding = z.infer<typeof OutputEncoding>;

/** A time zone name (IANA), e.g. `Europe/Brussels` or `UTC`. */
export const TimeZoneName = z.string().refine(isTimeZone, 'Not a time zone name such as Europe/Brussels or UTC.');

/** How the output file is written, byte for byte. */
export const OutputFormat = z.object({
  delimiter: z.enum([',', ';', '\t', '|']).default(','),
  /** `standard`: quote a value only when it needs it (RFC 4180); `always`: quote every value; `never`: never quote. */
  quoting: z.enum(['standard', 'always', 'never']).default('standard'),
  /** `none`: no quote character at all (the file is written as with quoting `never`). */
  quoteChar: z.enum(['"', "'", 'none']).default('"'),
  encoding: OutputEncoding.default('utf-8'),
  lineEnding: z.enum(['lf', 'crlf']).default('crlf'),
  header: z.boolean().default(true),
  /** Zip the (single) output file; the zip holds exactly one file at its root. */
  zip: z.boolean().default(false),
  /**
   * The kind of file: CSV, a workbook of one sheet (`xls`: Excel 97–2003, `xlsx`), or XML in the
   * structure of a vendor's sample (`xml`, with `xml`). Workbooks and XML ignore the text settings above.
   */
  format: z.enum(['csv', 'xls', 'xlsx', 'xml']).default('csv'),
  /** For `xml`: the structure learnt from the vendor's sample file. */
  xml: XmlLayout.nullable().default(null),
  // Numbers, lists and dates as the platform reads them (BlueConic's connection settings, issue 16).
  /** The decimal separator of number columns, whatever the source used: one file never mixes both. */
  decimal: z.enum(['.', ',']).default('.'),
  /** What separates the items of a multi-value column (`sports|music`). */
  multiValueSeparator: z.string().min(1, 'A multi-value separator cannot be empty.').max(3).default('|'),
  /** The format of date columns that set none of their own (e.g. `YYYY-MM-DD HH:mm:ss`); null: `YYYY-MM-DD`. */
  dateFormat: z.string().min(1).nullable().default(null),
  /** The time zone date-times are written in; null: written as read, without conversion. */
  timeZone: TimeZoneName.nullable().default(null),
  /** The time zone the source's date-times are in; null: this computer's. */
  sourceTimeZone: TimeZoneName.nullable().default(null),
});
export type OutputFormat = z.infer<typeof OutputFormat>;

/** Per-file limits; exceeding them splits the output into several files. */
export const Limits = z.object({
  /** Encoded bytes per file, header (and BOM) included in every part. */
  maxBytes: z.number().int().positive().nullable().default(null),
  /** Data rows per file (the header does not count). */
  maxRows: z.number().int().positive().nullable().default(null),
});
export type Limits = z.infer<typeof Limits>;

/** What to look for on the server after an upload to know whether the platform took the file. */
export const ReceiptRule = z.enum(['none', 'digitaleo', 'done-suffix']);
export type ReceiptRule = z.infer<typeof ReceiptRule>;

/** Digitaleo's FTP actions: one folder per action under `contacts/`. */
export const DigitaleoAction = z.enum([
  'import',
  'optoutEMAIL',
  'optoutSMS',
  'optoutVOICE',
  'optoutVOICEMAIL',
  'optinEMAIL',
  'optinSMS',
  'optinVOICE',
  'optinVOICEMAIL',
  'delete',
]);
export type DigitaleoAction = z.infer<typeof DigitaleoAction>;

/** Digitaleo's import modes, chosen by an empty marker file in `contacts/import/`. */
export const DigitaleoImportMode = z.enum(['createNewList', 'addToExistingList', 'syncExistingList']);
export type DigitaleoImportMode = z.infer<typeof DigitaleoImportMode>;

/** Digitaleo specifics: action, import mode marker and multi-account dispatch. */
export const DigitaleoOptions = z.object({
  action: DigitaleoAction.default('import'),
  /** The marker file to create in `contacts/import/` (null: leave the account's setting alone). */
  importMode: DigitaleoImportMode.nullable().default(null),
  /** Multi-account file: a last `dispatch` column; opt-outs also need `.explodeAndDispatch`. */
  multiAccount: z.boolean().default(false),
  /** The account's uniqueness criterion; `reference` makes `Référence` the only required value. */
  uniqueness: z.enum(['email+phone+mobile', 'reference', 'email', 'mobile', 'phone', 'none']).default('email+phone+mobile'),
});
export type DigitaleoOptions = z.infer<typeof DigitaleoOptions>;

/**
 * Call recordings sent alongside the records (EvaluAgent): `column` of the records names each
 * row's recording (a file name or a path relative to the folder the send is given), and the
 * recordings are uploaded to `remoteFolder` before the records file.
 */
export const RecordingsOption = z.object({
  column: z.string().trim().min(1, 'Name the column that holds the recording of each row.'),
  remoteFolder: RemoteFolder.pipe(z.string().trim().min(1, 'Name the remote folder the recordings go to.')),
});
export type RecordingsOption = z.infer<typeof RecordingsOption>;

/**
 * Another file sent with the main one in the same run, linked to it by id columns (BlueConic's
 * profiles, orders, products): its own columns and file name, the destination's output settings.
 */
export const RelatedFileSet = z.object({
  /** What the person calls this file (`orders`): the key of `--related orders=FILE`. */
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'A related file name is letters, digits, - and _ (e.g. orders).')
    .refine(n => n.toLowerCase() !== 'main', 'A related file cannot be called “main” (that is the main file).'),
  columns: z.array(TargetColumn).min(1, 'A related file needs at least one column.'),
  fileName: z.string().min(1),
});
export type RelatedFileSet = z.infer<typeof RelatedFileSet>;

/** A destination name: shown to people, used as the settings file name and keychain account. */
export const DestinationName = z
  .string()
  .trim()
  .min(1, 'A destination needs a name.')
  .max(80, 'A destination name has at most 80 characters.')
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine(n => !/[/\\:*?"<>|\u0000-\u001f]/.test(n) && n !== '.' && n !== '..', 'A destination name cannot contain / \\ : * ? " < > |.');

export const PresetId = z.enum(['hello-customer', 'customergauge', 'digitaleo', 'blueconic', 'evaluagent', 'generic']);
export type PresetId = z.infer<typeof PresetId>;

export const Destination = z.object({
  version: z.literal(1),
  name: DestinationName,
  presetId: PresetId.default('generic'),
  /**
   * Connection settings (filled by the transfer set-up). Host and user may be missing or empty
   * until then; the transfer checks the complete settings before it connects.
   */
  transport: Transport.partial().extend({ host: HostName.optional(), user: UserName.optional() }).default({}),
  /** The remote folder files are uploaded to. */
  folder: RemoteFolder.default('/'),
  columns: z.array(TargetColumn).min(1, 'A destination needs at least one column.'),
  output: OutputFormat.default(OutputFormat.parse({})),
  limits: Limits.default(Limits.parse({})),
  /**
   * The file-name template: `{date:YYYYMMDD}`, `{time:HHmmss}`, `{counter}`, or `{<variable>}` for
   * any entry of `variables` (e.g. `{touchpoint}`).
   */
  fileName: z.string().min(1).default('export_{date:YYYYMMDD}_{time:HHmmss}.csv'),
  /** Target columns whose values together identify a duplicate row (empty: no check). */
  duplicateKey: z.array(z.string()).default([]),
  /**
   * What happens to a later row with the same key: `leave-out` keeps only the first (counted and
   * listed as left out), `keep` sends every row and only warns.
   */
  duplicates: z.enum(['leave-out', 'keep']).default('keep'),
  receipt: ReceiptRule.default('none'),
  /** Values for the file-name template, e.g. `{ touchpoint: 'NPS_after_visit' }`. */
  variables: z.record(z.string(), z.string()).default({}),
  /** A row is valid only if at least one of these columns holds a valid value (Digitaleo). */
  atLeastOneOf: z.array(z.string()).default([]),
  digitaleo: DigitaleoOptions.optional(),
  /** Call recordings uploaded before the records, each named by a column (EvaluAgent). */
  recordings: RecordingsOption.optional(),
  /** Further files sent with the main one, all or none, uploaded after it in this order (BlueConic). */
  related: z.array(RelatedFileSet).optional(),
  /** ISO 3166 country used to read phone numbers written without a country code. */
  phoneCountry: z.string().regex(/^[A-Z]{2}$/, 'A country is two capital letters, e.g. BE.').default('BE'),
  /** Text starting with = + - @ tab or CR gets a leading ' so spreadsheets do not run it. */
  neutraliseFormulas: z.boolean().default(true),
  /**
   * Also send the source columns that are not in the template: unmapped source columns follow the
   * template columns, in their original order (EvaluAgent allows it; off elsewhere for privacy).
   */
  extraColumns: z.boolean().default(false),
  /**
   * `never`: a file name already used on this destination gets `-2`, `-3`… (CustomerGauge skips a
   * name it has seen); `same-every-run`: the name is kept as rendered, every run (Digitaleo's
   * list modes: the file name is the list name, and the platform moves each file away itself).
   */
  nameReuse: z.enum(['never', 'same-every-run']).default('never'),
  /** The columns come from a sample file the vendor sends (CustomerGauge, EvaluAgent). */
  columnsFromSample: z.boolean().default(false),
  /** Free text for the person setting it up (what the vendor agreed, contacts…). */
  notes: z.string().default(''),
});
/** A destination as stored and used (defaults applied). */
export type Destination = z.infer<typeof Destination>;
/** A destination as written by hand or received over IPC (defaults may be missing). */
export type DestinationInput = z.input<typeof Destination>;

/** Parses a destination, turning schema problems into one readable sentence. */
export function parseDestination(value: unknown): Destination {
  const parsed = Destination.safeParse(value);
  if (parsed.success) return checkDestination(parsed.data);
  // A field with its own error (a control character in the host, user or folder) says so plainly.
  const coded = codedIssue(parsed.error.issues);
  if (coded) throw new CourierError(receivedErrorCode(coded.code), coded.message);
  throw invalid(`${settingProblems(parsed.error.issues, value)}.`);
}

const invalid = (detail: string) => new CourierError('destination.invalid', `This destination is not valid: ${detail}`);

function checkDestination(d: Destination): Destination {
  const names = new Set<string>();
  for (const c of d.columns) {
    if (names.has(c.name)) throw invalid(`the column “${c.name}” appears twice.`);
    names.add(c.name);
  }
  for (const key of [...d.duplicateKey, ...d.atLeastOneOf]) {
    if (!names.has(key)) throw invalid(`“${key}” is not one of its columns.`);
  }
  if (d.output.quoting === 'always' && d.output.quoteChar === 'none')
    throw invalid('output.quoteChar: quoting “always” needs a quote character.');
  if (d.output.format === 'xml' && !d.output.xml) throw invalid('XML files need the structure of a sample file (load the vendor’s sample XML).');
  // With extra columns on, a source column outside the template may name the recordings.
  if (d.recordings && !d.extraColumns && !names.has(d.recordings.column)) throw invalid(`the recordings are named in “${d.recordings.column}”, which is not one of its columns.`);
  const sets = new Set<string>();
  for (const set of d.related ?? []) {
    if (sets.has(set.name.toLowerCase())) throw invalid(`the related file “${set.name}” appears twice.`);
    sets.add(set.name.toLowerCase());
    const inSet = new Set<string>();
    for (const c of set.columns) {
      if (inSet.has(c.name)) throw invalid(`the column “${c.name}” appears twice in the related file “${set.name}”.`);
      inSet.add(c.name);
    }
  }
  if (d.related?.length && d.output.format === 'xml') throw invalid('related files cannot be written as XML from a sample (the sample describes the main file only).');
  for (const field of d.output.xml?.fields ?? []) {
    if (!names.has(field.column)) throw invalid(`the XML field “${field.name}” takes its value from “${field.column}”, which is not one of its columns.`);
  }
  return d;
}

/** The remote folder to upload into (Digitaleo: `contacts/<action>/in` under the folder). */
export function uploadFolder(d: Destination): string {
  if (d.presetId !== 'digitaleo' || !d.digitaleo) return d.folder;
  const base = d.folder.replace(/\/+$/, '');
  return `${base}/contacts/${d.digitaleo.action}/in`;
}

const IP_ADDRESS = /^(\d{1,3}\.){3}\d{1,3}$|^\[?[0-9a-f:]+:[0-9a-f:]*\]?$/i;

/**
 * Advice when a destination's settings depart from what its platform documents (PLATFORMS.md):
 * sentences for the person setting it up. Presets stay editable, so this warns, it never refuses.
 */
export function destinationAdvice(d: Destination): string[] {
  const advice: string[] = [];
  const protocol = d.transport.protocol;
  const host = d.transport.host ?? '';
  switch (d.presetId) {
    case 'hello-customer':
      if (protocol && protocol !== 'ftps' && protocol !== 'ftps-implicit') advice.push('Hello Customer accepts FTPS only (not SFTP or plain FTP).');
      if (IP_ADDRESS.test(host)) advice.push('Hello Customer asks to connect by host name (import.hellocustomer.com), never by IP address: the address behind it can change.');
      if (d.output.delimiter !== ';' && d.output.delimiter !== '\t') advice.push('Hello Customer expects semicolon-separated or tab-separated files.');
      if (d.output.quoting !== 'never') advice.push('Hello Customer asks for files without quotes.');
      if (d.output.encoding !== 'utf-8' && d.output.encoding !== 'iso-8859-1') advice.push('Hello Customer reads UTF-8 or Latin-1 (ISO 8859-1) files.');
      if (!d.output.header) advice.push('Hello Customer needs the column names in the first row.');
      if (d.limits.maxBytes === null || d.limits.maxBytes > 1_000_000) advice.push('Hello Customer takes files of at most 1 MB.');
      if (!/\{date/.test(d.fileName)) advice.push('Hello Customer wants the touchpoint name and the date in the file name.');
      break;
    case 'customergauge':
      if (protocol && protocol !== 'sftp') advice.push('CustomerGauge receives files over SFTP.');
      if (d.limits.maxRows === null || d.limits.maxRows > 5000) advice.push('CustomerGauge takes at most 5,000 contacts per file.');
      if (!/\{(time|counter)/.test(d.fileName)) advice.push('CustomerGauge processes a file only if its name is new: add {time} or {counter} to the file name.');
      break;
    case 'digitaleo':
      if (d.output.encoding !== 'utf-8') advice.push('Digitaleo expects UTF-8 files (without BOM).');
      if (d.output.lineEnding !== 'lf') advice.push('Digitaleo expects Unix line endings (LF).');
      if (d.limits.maxBytes === null || d.limits.maxBytes > 20_000_000) advice.push('Digitaleo takes files (CSV or zip) of at most 20 MB.');
      break;
    case 'blueconic':
    case 'evaluagent':
      if (protocol && protocol !== 'sftp') advice.push(`${d.presetId === 'blueconic' ? 'BlueConic' : 'EvaluAgent'} works over SFTP.`);
      break;
    default:
      break;
  }
  if (protocol === 'ftp') advice.push('Plain FTP sends passwords and contacts unencrypted; use FTPS or SFTP if the server offers it.');
  return advice;
}
