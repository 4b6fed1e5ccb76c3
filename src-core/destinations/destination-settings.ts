import { CourierError } from '../errors';
import {
  ColumnRule,
  DigitaleoAction,
  OutputEncoding,
  ReceiptRule,
  type Destination,
  type DigitaleoOptions,
  type OutputFormat,
  type TargetColumn,
} from './destination';
import { columnsFromSample } from './presets';
import { settleDestination } from './settle';
import { isTimeZone } from '../output/time-zone';
import { recordingsSettings } from './recordings-settings';
import { applyRelatedSetting, relatedSettingsHelp } from './related-settings';

/**
 * The editor's settings as `KEY=VALUE` words: one vocabulary for `courier destinations set` and
 * the app's editor, validated here so both say the same thing about the same mistake.
 */

/** A setting's value was refused: `destination.setting-invalid`, naming the key. */
export function settingInvalid(key: string, values: string, value: string): CourierError {
  return new CourierError(
    'destination.setting-invalid',
    `${key} must be ${values} (got “${value}”).`,
    { params: { setting: key, value, values } }
  );
}

const fail = (key: string, values: string, value: string): never => {
  throw settingInvalid(key, values, value);
};

/** One `KEY=VALUE` setting: what it changes and how it reads its value. */
type Setting = Readonly<{
  /** The value forms, for the usage text and messages. */
  values: string;
  apply: (d: Destination, value: string, key: string) => Destination;
}>;

const oneOf =
  <T>(
    choices: Readonly<Record<string, T>>,
    values: string,
    set: (d: Destination, v: T) => Destination
  ) =>
  (d: Destination, value: string, key: string): Destination => {
    const chosen = Object.prototype.hasOwnProperty.call(choices, value.toLowerCase())
      ? choices[value.toLowerCase()]
      : undefined;
    return chosen === undefined ? fail(key, values, value) : set(d, chosen);
  };

const yesNo: Readonly<Record<string, boolean>> = {
  yes: true,
  true: true,
  on: true,
  no: false,
  false: false,
  off: false,
};
const flag =
  (set: (d: Destination, v: boolean) => Destination) =>
  (d: Destination, value: string, key: string): Destination =>
    oneOf(yesNo, 'yes or no', set)(d, value, key);

const limit =
  (field: 'maxRows' | 'maxBytes') =>
  (d: Destination, value: string, key: string): Destination => {
    if (value.toLowerCase() === 'none') return { ...d, limits: { ...d.limits, [field]: null } };
    if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
      return fail(key, 'a whole number above 0, or “none”', value);
    return { ...d, limits: { ...d.limits, [field]: Number(value) } };
  };

const output = (d: Destination, patch: Partial<OutputFormat>): Destination => ({
  ...d,
  output: { ...d.output, ...patch },
});

const words = (list: readonly string[]) => list.map(v => `“${v}”`).join(', ');

/** Digitaleo's settings apply to Digitaleo destinations only. */
const digitaleo =
  <T>(
    choices: Readonly<Record<string, T>>,
    values: string,
    set: (o: DigitaleoOptions, v: T) => DigitaleoOptions
  ) =>
  (d: Destination, value: string, key: string): Destination => {
    if (d.presetId !== 'digitaleo' || !d.digitaleo)
      throw settingInvalid(key, 'set on a Digitaleo destination only', value);
    const options = d.digitaleo;
    return oneOf(choices, values, (dest, v: T) => ({ ...dest, digitaleo: set(options, v) }))(
      d,
      value,
      key
    );
  };

const identity = <T extends string>(list: readonly T[]): Record<string, T> =>
  Object.fromEntries(list.map(v => [v.toLowerCase(), v])) as Record<string, T>;

const importModes: Readonly<Record<string, DigitaleoOptions['importMode']>> = {
  create: 'createNewList',
  add: 'addToExistingList',
  sync: 'syncExistingList',
  none: null,
  createnewlist: 'createNewList',
  addtoexistinglist: 'addToExistingList',
  syncexistinglist: 'syncExistingList',
};
const uniqueness: Readonly<Record<string, DigitaleoOptions['uniqueness']>> = {
  'email+phone+mobile': 'email+phone+mobile',
  default: 'email+phone+mobile',
  reference: 'reference',
  email: 'email',
  mobile: 'mobile',
  phone: 'phone',
  none: 'none',
};

/** The names of a `columns=` or `duplicate-key=` value: comma-separated, spaces around trimmed. */
const nameList = (value: string) =>
  value
    .split(',')
    .map(n => n.trim())
    .filter(n => n !== '');

/** A time zone setting: an IANA name, or the word that clears it. */
function zone(field: 'timeZone' | 'sourceTimeZone', clear: string, values: string) {
  return (d: Destination, value: string, key: string): Destination => {
    if (value.toLowerCase() === clear) return output(d, { [field]: null });
    return isTimeZone(value) ? output(d, { [field]: value }) : fail(key, values, value);
  };
}

/** The settings `KEY=VALUE` changes (output format, limits, naming, columns, platform options). */
export const destinationSettings: Readonly<Record<string, Setting>> = {
  delimiter: {
    values: '“,”, “;”, “|” or “tab”',
    apply: oneOf(
      { ',': ',', ';': ';', '|': '|', tab: '\t', '\t': '\t', '\\t': '\t' } as const,
      '“,”, “;”, “|” or “tab”',
      (d, delimiter) => output(d, { delimiter })
    ),
  },
  encoding: {
    values: OutputEncoding.options.join(', '),
    apply: oneOf(
      identity(OutputEncoding.options),
      OutputEncoding.options.join(', '),
      (d, encoding) => output(d, { encoding })
    ),
  },
  quoting: {
    values: 'standard, always or never',
    apply: oneOf(
      { standard: 'standard', always: 'always', never: 'never' } as const,
      'standard, always or never',
      (d, quoting) => output(d, { quoting })
    ),
  },
  'quote-char': {
    values: '", \' or none',
    apply: oneOf({ '"': '"', "'": "'", none: 'none' } as const, '", \' or none', (d, quoteChar) =>
      output(d, { quoteChar })
    ),
  },
  'line-ending': {
    values: 'lf or crlf',
    apply: oneOf({ lf: 'lf', crlf: 'crlf' } as const, 'lf or crlf', (d, lineEnding) =>
      output(d, { lineEnding })
    ),
  },
  header: { values: 'yes or no', apply: flag((d, header) => output(d, { header })) },
  zip: { values: 'yes or no', apply: flag((d, zip) => output(d, { zip })) },
  'max-rows': { values: 'a whole number above 0, or “none”', apply: limit('maxRows') },
  'max-bytes': { values: 'a whole number above 0, or “none”', apply: limit('maxBytes') },
  'file-name': {
    values: 'a file-name template such as export_{date:YYYYMMDD}.csv',
    apply: (d, value, key) =>
      value.trim() === ''
        ? fail(key, 'a file-name template such as export_{date:YYYYMMDD}.csv', value)
        : { ...d, fileName: value },
  },
  'phone-country': {
    values: 'two capital letters such as BE',
    apply: (d, value, key) =>
      /^[A-Z]{2}$/.test(value)
        ? { ...d, phoneCountry: value }
        : fail(key, 'two capital letters such as BE', value),
  },
  'formula-guard': {
    values: 'yes or no',
    apply: flag((d, neutraliseFormulas) => ({ ...d, neutraliseFormulas })),
  },
  notes: { values: 'any text', apply: (d, notes) => ({ ...d, notes }) },
  // The file type and how numbers, lists and dates are written (BlueConic's connection settings).
  'output.format': {
    values: 'csv, xls (Excel 97–2003), xlsx, or xml (with output.xml-sample=FILE)',
    apply: oneOf(
      { csv: 'csv', xls: 'xls', xlsx: 'xlsx', xml: 'xml' } as const,
      'csv, xls (Excel 97–2003), xlsx, or xml (with output.xml-sample=FILE)',
      (d, format) => output(d, { format })
    ),
  },
  'output.decimal': {
    values: '“.” or “,”',
    apply: oneOf({ '.': '.', ',': ',' } as const, '“.” or “,”', (d, decimal) =>
      output(d, { decimal })
    ),
  },
  'output.multi-value': {
    values: 'one to three characters, e.g. |',
    apply: (d, value, key) =>
      value.length < 1 || value.length > 3 || value.trim() === ''
        ? fail(key, 'one to three characters, e.g. |', value)
        : output(d, { multiValueSeparator: value }),
  },
  'output.date-format': {
    values: 'a format such as YYYY-MM-DD HH:mm:ss, or “none”',
    apply: (d, value, key) => {
      if (value.toLowerCase() === 'none') return output(d, { dateFormat: null });
      return /YYYY|YY/.test(value) && /MM|M/.test(value) && /DD|D/.test(value)
        ? output(d, { dateFormat: value })
        : fail(key, 'a format such as YYYY-MM-DD HH:mm:ss, or “none”', value);
    },
  },
  'output.time-zone': {
    values: 'a time zone such as Europe/Brussels or UTC, or “none” (no conversion)',
    apply: zone(
      'timeZone',
      'none',
      'a time zone such as Europe/Brussels or UTC, or “none” (no conversion)'
    ),
  },
  'output.source-time-zone': {
    values: 'the source’s time zone such as Europe/Brussels, or “system”',
    apply: zone(
      'sourceTimeZone',
      'system',
      'the source’s time zone such as Europe/Brussels, or “system”'
    ),
  },
  'extra-columns': {
    values: 'yes or no',
    apply: flag((d, extraColumns) => ({ ...d, extraColumns })),
  },
  'name-reuse': {
    values: 'never or same-every-run',
    apply: oneOf(
      { never: 'never', 'same-every-run': 'same-every-run' } as const,
      'never or same-every-run',
      (d, nameReuse) => ({ ...d, nameReuse })
    ),
  },
  receipt: {
    values: ReceiptRule.options.join(', '),
    apply: oneOf(identity(ReceiptRule.options), ReceiptRule.options.join(', '), (d, receipt) => ({
      ...d,
      receipt,
    })),
  },
  duplicates: {
    values: 'leave-out or keep',
    apply: oneOf(
      { 'leave-out': 'leave-out', keep: 'keep' } as const,
      'leave-out or keep',
      (d, duplicates) => ({ ...d, duplicates })
    ),
  },
  'duplicate-key': {
    values: 'column names separated by commas (empty: no check)',
    apply: (d, value) => ({
      ...d,
      duplicateKey: nameList(value).map(n => findColumn(d, n, 'duplicate-key', value).name),
    }),
  },
  touchpoint: {
    values: 'the Hello Customer touchpoint, as the file name starts with it',
    apply: (d, value) => setVariable(d, 'touchpoint', value),
  },
  columns: {
    values: 'the column names in output order, separated by commas',
    apply: (d, value, key) => {
      const names = nameList(value);
      if (names.length === 0) return fail(key, 'at least one column name', value);
      const seen = new Set<string>();
      const columns: TargetColumn[] = names.map(name => {
        const existing =
          d.columns.find(c => c.name === name) ??
          d.columns.find(c => c.name.toLowerCase() === name.toLowerCase());
        if (seen.has(name.toLowerCase())) throw settingInvalid(key, 'each column name once', value);
        seen.add(name.toLowerCase());
        return existing ? { ...existing, name } : { name, required: false, rule: 'text' };
      });
      const kept = new Set(columns.map(c => c.name));
      return {
        ...d,
        columns,
        duplicateKey: d.duplicateKey.filter(k => kept.has(k)),
        atLeastOneOf: d.atLeastOneOf.filter(k => kept.has(k)),
      };
    },
  },
  ...recordingsSettings,
  'digitaleo.action': {
    values: DigitaleoAction.options.join(', '),
    apply: digitaleo(
      identity(DigitaleoAction.options),
      DigitaleoAction.options.join(', '),
      (o, action) => ({ ...o, action })
    ),
  },
  'digitaleo.mode': {
    values: 'create, add, sync or none',
    apply: digitaleo(importModes, 'create, add, sync or none', (o, importMode) => ({
      ...o,
      importMode,
    })),
  },
  'digitaleo.unique': {
    values: 'email+phone+mobile, reference, email, mobile, phone or none',
    apply: digitaleo(
      uniqueness,
      'email+phone+mobile, reference, email, mobile, phone or none',
      (o, v) => ({ ...o, uniqueness: v })
    ),
  },
  'digitaleo.multi-account': {
    values: 'yes or no',
    apply: digitaleo(yesNo, 'yes or no', (o, multiAccount) => ({ ...o, multiAccount })),
  },
  'digitaleo.list': {
    values: 'the Digitaleo list name (the file is named after it)',
    apply: (d, value, key) => {
      if (d.presetId !== 'digitaleo')
        throw settingInvalid(key, 'set on a Digitaleo destination only', value);
      // The list name becomes the file name: characters a file name cannot hold are refused here.
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
      if (value.trim() === '' || /[/\\:*?"<>|\u0000-\u001f]/.test(value))
        return fail(key, 'a list name without / \\ : * ? " < > |', value);
      return setVariable(d, 'list', value.trim());
    },
  },
};

/** The properties `column.NAME.PROPERTY=VALUE` sets. */
const columnProperties: Readonly<
  Record<
    string,
    Readonly<{
      values: string;
      apply: (c: TargetColumn, value: string, key: string) => TargetColumn;
    }>
  >
> = {
  name: {
    values: 'a new column name',
    apply: (c, value, key) =>
      value.trim() === '' ? fail(key, 'a new column name', value) : { ...c, name: value.trim() },
  },
  rule: {
    values: ColumnRule.options.join(', '),
    apply: (c, value, key) =>
      oneOfColumn(
        identity(ColumnRule.options),
        ColumnRule.options.join(', '),
        key,
        value,
        rule => ({ ...c, rule })
      ),
  },
  required: {
    values: 'yes or no',
    apply: (c, value, key) =>
      oneOfColumn(yesNo, 'yes or no', key, value, required => ({ ...c, required })),
  },
  lenient: {
    values: 'yes or no',
    apply: (c, value, key) =>
      oneOfColumn(yesNo, 'yes or no', key, value, lenient =>
        withOptional(c, 'lenient', lenient ? true : undefined)
      ),
  },
  value: {
    values: 'a fixed value (empty: none)',
    apply: (c, value) => withOptional(c, 'fixedValue', value === '' ? undefined : value),
  },
  'date-format': {
    values: 'a date format such as YYYY-MM-DD or DD/MM/YYYY',
    apply: (c, value, key) =>
      /^(?=.*YYYY|.*YY)(?=.*MM)(?=.*DD)[YMDHhms.:/\- T]+$/.test(value)
        ? { ...c, dateFormat: value }
        : fail(key, 'a date format such as YYYY-MM-DD or DD/MM/YYYY', value),
  },
  'letter-case': {
    values: 'upper, lower or as-is',
    apply: (c, value, key) => {
      const cases: Readonly<Record<string, 'upper' | 'lower' | undefined>> = {
        upper: 'upper',
        lower: 'lower',
        'as-is': undefined,
      };
      return oneOfColumn(
        cases,
        'upper, lower or as-is',
        key,
        value,
        letterCase => withOptional(c, 'letterCase', letterCase),
        true
      );
    },
  },
  split: {
    values:
      'the separator of the items in the source (one to three characters), or “none”: a multi-value column',
    apply: (c, value, key) =>
      value.length > 3
        ? fail(
            key,
            'the separator of the items in the source (one to three characters), or “none”',
            value
          )
        : {
            ...c,
            multiValue: {
              ...listOf(c),
              sourceSeparator: value.toLowerCase() === 'none' ? '' : value,
            },
          },
  },
  combine: {
    values:
      'further source columns added as items, separated by commas (e.g. Interest 2,Interest 3)',
    apply: (c, value) => ({
      ...c,
      multiValue: { ...listOf(c), alsoFrom: nameList(value) },
    }),
  },
  'multi-value': {
    values: 'yes or no (no: a plain column again)',
    apply: (c, value, key) =>
      oneOfColumn(yesNo, 'yes or no', key, value, chosen =>
        withOptional(c, 'multiValue', chosen ? listOf(c) : undefined)
      ),
  },
  allowed: {
    values: 'the allowed values separated by | (empty: any value)',
    apply: (c, value) => {
      const allowed = value
        .split('|')
        .map(v => v.trim())
        .filter(v => v !== '');
      return withOptional(c, 'allowedValues', allowed.length > 0 ? allowed : undefined);
    },
  },
};

/** A column's multi-value settings so far (none yet: items not split, no further columns). */
function listOf(c: TargetColumn): NonNullable<TargetColumn['multiValue']> {
  return {
    sourceSeparator: c.multiValue?.sourceSeparator ?? '',
    alsoFrom: c.multiValue?.alsoFrom ?? [],
  };
}

function oneOfColumn<T>(
  choices: Readonly<Record<string, T>>,
  values: string,
  key: string,
  value: string,
  set: (v: T) => TargetColumn,
  undefinedAllowed = false
): TargetColumn {
  const lower = value.toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(choices, lower)) return fail(key, values, value);
  const chosen = choices[lower] as T;
  if (chosen === undefined && !undefinedAllowed) return fail(key, values, value);
  return set(chosen);
}

function withOptional<K extends keyof TargetColumn>(
  c: TargetColumn,
  key: K,
  value: TargetColumn[K] | undefined
): TargetColumn {
  const { [key]: _old, ...rest } = c;
  return (value === undefined ? rest : { ...rest, [key]: value }) as TargetColumn;
}

function setVariable(d: Destination, name: string, value: string): Destination {
  const { [name]: _old, ...rest } = d.variables;
  return { ...d, variables: value === '' ? rest : { ...rest, [name]: value } };
}

function findColumn(d: Destination, name: string, key: string, value: string): TargetColumn {
  const found =
    d.columns.find(c => c.name === name) ??
    d.columns.find(c => c.name.toLowerCase() === name.toLowerCase());
  if (!found)
    throw settingInvalid(key, `one of the columns (${words(d.columns.map(c => c.name))})`, value);
  return found;
}

/** `output.xml-sample=FILE`: read by the caller (a file), then learnt with `learnXmlSample`. */
export const XML_SAMPLE_SETTING = 'output.xml-sample';

/** `var.NAME=VALUE` sets a file-name variable (e.g. `var.touchpoint=NPS`); an empty value removes it. */
const VARIABLE = /^var\.([A-Za-z_][A-Za-z0-9_]*)$/;
/** `column.NAME.PROPERTY=VALUE` changes one column (NAME may hold dots: the property is the last part). */
const COLUMN = new RegExp(`^column\\.(.+)\\.(${Object.keys(columnProperties).join('|')})$`, 'i');

/** The usage lines of the settings (for the CLI and documentation). */
export const settingsUsage = [
  ...Object.entries(destinationSettings).map(([key, s]) => `  ${`${key}=`.padEnd(26)} ${s.values}`),
  `  ${'var.NAME='.padEnd(26)} a file-name variable, e.g. var.touchpoint=NPS (empty: removed)`,
  `  ${'output.xml-sample='.padEnd(26)} the platform's sample XML FILE: files follow its structure (sets output.format=xml)`,
  ...Object.entries(columnProperties).map(
    ([p, s]) => `  ${`column.NAME.${p}=`.padEnd(26)} ${s.values}`
  ),
  ...relatedSettingsHelp,
].join('\n');

/**
 * Applies one `KEY=VALUE` setting (already split) to a destination, without the platform rules.
 * Throws `destination.setting-invalid` naming the key when the key or the value is wrong.
 */
export function applySetting(d: Destination, rawKey: string, value: string): Destination {
  const trimmed = rawKey.trim();
  const variable = VARIABLE.exec(trimmed);
  if (variable) return setVariable(d, variable[1]!, value);
  const related = applyRelatedSetting(d, trimmed, value);
  if (related) return related;
  const column = COLUMN.exec(trimmed);
  if (column) {
    const property = column[2]!.toLowerCase();
    const target = findColumn(d, column[1]!, trimmed, column[1]!);
    const changed = columnProperties[property]!.apply(target, value, trimmed);
    if (
      changed.name !== target.name &&
      d.columns.some(c => c !== target && c.name.toLowerCase() === changed.name.toLowerCase())
    )
      throw settingInvalid(trimmed, 'a name no other column has', value);
    const rename = (n: string) => (n === target.name ? changed.name : n);
    return {
      ...d,
      ...(d.recordings
        ? { recordings: { ...d.recordings, column: rename(d.recordings.column) } }
        : {}),
      columns: d.columns.map(c => (c === target ? changed : c)),
      duplicateKey: d.duplicateKey.map(rename),
      atLeastOneOf: d.atLeastOneOf.map(rename),
    };
  }
  const lower = trimmed.toLowerCase();
  // `output.delimiter` is `delimiter`, and `format` is `output.format`: either spelling works.
  const key =
    [lower, lower.replace(/^output\./, ''), `output.${lower}`].find(k =>
      Object.prototype.hasOwnProperty.call(destinationSettings, k)
    ) ?? lower;
  const setting = Object.prototype.hasOwnProperty.call(destinationSettings, key)
    ? destinationSettings[key]
    : undefined;
  if (!setting)
    throw new CourierError(
      'destination.setting-unknown',
      `There is no setting “${trimmed}”; choose one of ${[...Object.keys(destinationSettings), 'output.xml-sample', 'var.NAME', 'column.NAME.PROPERTY', 'related.NAME.columns'].join(', ')}.`,
      {
        params: { setting: trimmed },
      }
    );
  return setting.apply(d, value, key);
}

/** Splits `KEY=VALUE` words (the CLI's form); a word without `=` is refused. */
export function settingPairs(words: readonly string[]): Array<readonly [string, string]> {
  return words.map(word => {
    const at = word.indexOf('=');
    if (at <= 0)
      throw new CourierError(
        'destination.setting-unknown',
        `“${word}” is not KEY=VALUE (for example delimiter=;).`,
        { params: { setting: word } }
      );
    return [word.slice(0, at), word.slice(at + 1)] as const;
  });
}

/**
 * Applies settings in order, then the platform rules and the schema (`settleDestination`): the
 * destination exactly as it will be saved. Nothing is changed when one setting is refused.
 */
export function applySettings(
  d: Destination,
  settings: ReadonlyArray<readonly [string, string]>
): Destination {
  let next = d;
  for (const [key, value] of settings) next = applySetting(next, key, value);
  return settleDestination(next);
}

/** What a vendor's sample file tells about the output it wants (as read by Courier's readers). */
export type SampleFile = Readonly<{
  /** The header, in order. */
  columns: readonly string[];
  /** A few data rows (cells in header order). */
  rows: ReadonlyArray<readonly string[]>;
  /** The sample's delimiter; null for a workbook. */
  delimiter: string | null;
  /** The sample's text encoding (`utf-8`, `windows-1252`…); null for a workbook. */
  encoding: string | null;
  /** Whether a UTF-8 sample starts with a byte order mark. */
  bom: boolean;
  /** The sample's line ending; null for a workbook. */
  newline: string | null;
}>;

/**
 * The sample's header as the destination's columns (rules guessed from the values, see
 * `columnsFromSample`) and its text format proposed as the output format; a workbook sample
 * proposes no format. Keys and mappings naming columns that are gone are dropped.
 */
export function destinationFromSample(d: Destination, sample: SampleFile): Destination {
  const columns = columnsFromSample(sample.columns, sample.rows);
  if (columns.length === 0)
    throw new CourierError(
      'destination.sample-empty',
      'This sample file has no column names in its first row.'
    );
  const names = new Set(columns.map(c => c.name));
  const format: Partial<OutputFormat> = {};
  if (
    sample.delimiter === ',' ||
    sample.delimiter === ';' ||
    sample.delimiter === '\t' ||
    sample.delimiter === '|'
  )
    format.delimiter = sample.delimiter;
  if (sample.encoding === 'utf-8') format.encoding = sample.bom ? 'utf-8-bom' : 'utf-8';
  else if (sample.encoding === 'windows-1252') format.encoding = 'windows-1252';
  if (sample.newline === '\n') format.lineEnding = 'lf';
  else if (sample.newline === '\r\n') format.lineEnding = 'crlf';
  return {
    ...d,
    columns,
    output: { ...d.output, ...format },
    duplicateKey: d.duplicateKey.filter(k => names.has(k)),
    atLeastOneOf: d.atLeastOneOf.filter(k => names.has(k)),
    columnsFromSample: true,
  };
}
