import {
  OutputEncoding,
  type Destination,
  type TargetColumn,
} from '../../../src-core/destinations/destination';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isTimeZone } from '../../../src-core/output/time-zone';
import { learnXmlSample, withXmlSample } from '../../../src-core/output/xml-sample';
import { UsageError } from '../cli-io';

/** One `KEY=VALUE` setting of `courier destinations set`: what it changes and how it reads its value. */
type Setting = Readonly<{
  /** The value forms, for the usage text and messages. */
  values: string;
  apply: (d: Destination, value: string, key: string) => Destination;
}>;

const fail = (key: string, values: string, value: string): never => {
  throw new UsageError(`${key} must be ${values} (got “${value}”).`);
};

const oneOf =
  <T extends string>(
    choices: Readonly<Record<string, T>>,
    values: string,
    set: (d: Destination, v: T) => Destination
  ) =>
  (d: Destination, value: string, key: string): Destination => {
    const chosen = choices[value.toLowerCase()];
    return chosen === undefined ? fail(key, values, value) : set(d, chosen);
  };

const yesNo = { yes: true, true: true, on: true, no: false, false: false, off: false } as const;
const flag =
  (set: (d: Destination, v: boolean) => Destination) =>
  (d: Destination, value: string, key: string): Destination => {
    const chosen = (yesNo as Record<string, boolean>)[value.toLowerCase()];
    return chosen === undefined ? fail(key, 'yes or no', value) : set(d, chosen);
  };

const limit =
  (field: 'maxRows' | 'maxBytes') =>
  (d: Destination, value: string, key: string): Destination => {
    if (value.toLowerCase() === 'none') return { ...d, limits: { ...d.limits, [field]: null } };
    if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
      return fail(key, 'a whole number above 0, or “none”', value);
    return { ...d, limits: { ...d.limits, [field]: Number(value) } };
  };

const encodings = Object.fromEntries(OutputEncoding.options.map(e => [e, e])) as Record<
  string,
  OutputEncoding
>;

/** The settings `courier destinations set NAME KEY=VALUE …` changes (output format, limits, naming). */
export const destinationSettings: Readonly<Record<string, Setting>> = {
  delimiter: {
    values: '“,”, “;”, “|” or “tab”',
    apply: oneOf(
      { ',': ',', ';': ';', '|': '|', tab: '\t', '\t': '\t', '\\t': '\t' } as const,
      '“,”, “;”, “|” or “tab”',
      (d, delimiter) => ({
        ...d,
        output: { ...d.output, delimiter },
      })
    ),
  },
  encoding: {
    values: OutputEncoding.options.join(', '),
    apply: oneOf(encodings, OutputEncoding.options.join(', '), (d, encoding) => ({
      ...d,
      output: { ...d.output, encoding },
    })),
  },
  quoting: {
    values: 'standard or never',
    apply: oneOf(
      { standard: 'standard', never: 'never' } as const,
      'standard or never',
      (d, quoting) => ({ ...d, output: { ...d.output, quoting } })
    ),
  },
  'quote-char': {
    values: '" or \'',
    apply: oneOf({ '"': '"', "'": "'" } as const, '" or \'', (d, quoteChar) => ({
      ...d,
      output: { ...d.output, quoteChar },
    })),
  },
  'line-ending': {
    values: 'lf or crlf',
    apply: oneOf({ lf: 'lf', crlf: 'crlf' } as const, 'lf or crlf', (d, lineEnding) => ({
      ...d,
      output: { ...d.output, lineEnding },
    })),
  },
  header: {
    values: 'yes or no',
    apply: flag((d, header) => ({ ...d, output: { ...d.output, header } })),
  },
  zip: { values: 'yes or no', apply: flag((d, zip) => ({ ...d, output: { ...d.output, zip } })) },
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
  'output.format': {
    values: 'csv, xls (Excel 97–2003), xlsx, or xml (with output.xml-sample=FILE)',
    apply: oneOf(
      { csv: 'csv', xls: 'xls', xlsx: 'xlsx', xml: 'xml' } as const,
      'csv, xls (Excel 97–2003), xlsx, or xml (with output.xml-sample=FILE)',
      (d, format) => ({ ...d, output: { ...d.output, format } })
    ),
  },
  // Numbers, lists and dates as the platform reads them (BlueConic's connection settings).
  'output.decimal': {
    values: '“.” or “,”',
    apply: oneOf({ '.': '.', ',': ',' } as const, '“.” or “,”', (d, decimal) => ({
      ...d,
      output: { ...d.output, decimal },
    })),
  },
  'output.multi-value': {
    values: 'one to three characters, e.g. |',
    apply: (d, value, key) =>
      value.length < 1 || value.length > 3 || value.trim() === ''
        ? fail(key, 'one to three characters, e.g. |', value)
        : { ...d, output: { ...d.output, multiValueSeparator: value } },
  },
  'output.date-format': {
    values: 'a format such as YYYY-MM-DD HH:mm:ss, or “none”',
    apply: (d, value, key) => {
      if (value.toLowerCase() === 'none')
        return { ...d, output: { ...d.output, dateFormat: null } };
      return /YYYY|YY/.test(value) && /MM|M/.test(value) && /DD|D/.test(value)
        ? { ...d, output: { ...d.output, dateFormat: value } }
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
};

/** A time zone setting: an IANA name, or the word that clears it. */
function zone(field: 'timeZone' | 'sourceTimeZone', clear: string, values: string) {
  return (d: Destination, value: string, key: string): Destination => {
    if (value.toLowerCase() === clear) return { ...d, output: { ...d.output, [field]: null } };
    return isTimeZone(value)
      ? { ...d, output: { ...d.output, [field]: value } }
      : fail(key, values, value);
  };
}

/** `column.NAME.split=;`, `column.NAME.combine=A,B`, `column.NAME.multi-value=no`: a multi-value column. */
const COLUMN_LIST = /^column\.(.+)\.(split|combine|multi-value)$/i;

function applyColumnList(
  d: Destination,
  name: string,
  part: string,
  value: string,
  key: string
): Destination {
  const column = d.columns.find(c => c.name === name);
  if (!column)
    throw new UsageError(
      `${key}: ${d.name} has no column “${name}” (its columns: ${d.columns.map(c => c.name).join(', ')}).`
    );
  const list = {
    sourceSeparator: column.multiValue?.sourceSeparator ?? '',
    alsoFrom: column.multiValue?.alsoFrom ?? [],
  };
  let next: TargetColumn;
  switch (part.toLowerCase()) {
    case 'split':
      if (value.length > 3)
        fail(
          key,
          'the separator of the items in the source (one to three characters), or “none”',
          value
        );
      next = {
        ...column,
        multiValue: { ...list, sourceSeparator: value.toLowerCase() === 'none' ? '' : value },
      };
      break;
    case 'combine':
      next = {
        ...column,
        multiValue: {
          ...list,
          alsoFrom: value
            .split(',')
            .map(v => v.trim())
            .filter(v => v !== ''),
        },
      };
      break;
    default: {
      const chosen = (yesNo as Record<string, boolean>)[value.toLowerCase()];
      if (chosen === undefined) fail(key, 'yes or no', value);
      if (chosen) next = { ...column, multiValue: list };
      else {
        const { multiValue: _gone, ...plain } = column;
        next = plain;
      }
    }
  }
  return { ...d, columns: d.columns.map(c => (c === column ? next : c)) };
}

/** `output.xml-sample=FILE`: the vendor's sample XML, whose structure the files follow. */
const XML_SAMPLE = 'output.xml-sample';

/** `var.NAME=VALUE` sets a file-name variable (e.g. `var.touchpoint=NPS`); an empty value removes it. */
const VARIABLE = /^var\.([A-Za-z_][A-Za-z0-9_]*)$/;

/** The usage lines of the settings. */
export const settingsUsage = [
  ...Object.entries(destinationSettings).map(([key, s]) => `  ${`${key}=`.padEnd(16)} ${s.values}`),
  `  ${'var.NAME='.padEnd(16)} a file-name variable, e.g. var.touchpoint=NPS (empty: removed)`,
  `  ${`${XML_SAMPLE}=`.padEnd(16)} the platform's sample XML FILE: files follow its structure (sets output.format=xml)`,
  `  ${'column.NAME.split='.padEnd(16)} makes NAME a multi-value column whose source items are separated by this (e.g. ;), or “none”`,
  `  ${'column.NAME.combine='.padEnd(16)} further source columns added to NAME's items, separated by commas (e.g. Interest 2,Interest 3)`,
  `  ${'column.NAME.multi-value='.padEnd(16)} yes or no (no: a plain column again)`,
].join('\n');

/**
 * Applies `KEY=VALUE` words to a destination; an unknown key or a bad value is a usage error.
 *
 * `output.xml-sample=FILE` reads the sample and learns its structure (a sample Courier cannot
 * follow is refused with its reason); it also sets `output.format=xml`.
 */
export async function applySettings(
  destination: Destination,
  words: readonly string[]
): Promise<Destination> {
  let next = destination;
  for (const word of words) {
    const at = word.indexOf('=');
    if (at <= 0) throw new UsageError(`“${word}” is not KEY=VALUE (for example delimiter=;).`);
    const key = word.slice(0, at).trim().toLowerCase();
    const value = word.slice(at + 1);
    const variable = VARIABLE.exec(word.slice(0, at).trim());
    if (variable) {
      const { [variable[1]!]: _old, ...rest } = next.variables;
      next = { ...next, variables: value === '' ? rest : { ...rest, [variable[1]!]: value } };
      continue;
    }
    if (key === XML_SAMPLE) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(value);
      } catch {
        throw new UsageError(`${XML_SAMPLE}: there is no readable file at “${value}”.`);
      }
      const layout = learnXmlSample(
        bytes,
        next.columns.map(c => c.name),
        basename(value)
      );
      next = withXmlSample(next, layout);
      continue;
    }
    const list = COLUMN_LIST.exec(word.slice(0, at).trim());
    if (list) {
      next = applyColumnList(next, list[1]!, list[2]!, value, word.slice(0, at).trim());
      continue;
    }
    const setting = destinationSettings[key];
    if (!setting)
      throw new UsageError(
        `there is no setting “${key}”; choose one of ${[...Object.keys(destinationSettings), XML_SAMPLE, 'var.NAME', 'column.NAME.split', 'column.NAME.combine', 'column.NAME.multi-value'].join(', ')}.`
      );
    next = setting.apply(next, value, key);
  }
  return next;
}
