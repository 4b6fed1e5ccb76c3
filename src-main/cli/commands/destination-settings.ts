import { OutputEncoding, type Destination } from '../../../src-core/destinations/destination';
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
};

/** `var.NAME=VALUE` sets a file-name variable (e.g. `var.touchpoint=NPS`); an empty value removes it. */
const VARIABLE = /^var\.([A-Za-z_][A-Za-z0-9_]*)$/;

/** The usage lines of the settings. */
export const settingsUsage = [
  ...Object.entries(destinationSettings).map(([key, s]) => `  ${`${key}=`.padEnd(16)} ${s.values}`),
  `  ${'var.NAME='.padEnd(16)} a file-name variable, e.g. var.touchpoint=NPS (empty: removed)`,
].join('\n');

/** Applies `KEY=VALUE` words to a destination; an unknown key or a bad value is a usage error. */
export function applySettings(destination: Destination, words: readonly string[]): Destination {
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
    const setting = destinationSettings[key];
    if (!setting)
      throw new UsageError(
        `there is no setting “${key}”; choose one of ${[...Object.keys(destinationSettings), 'var.NAME'].join(', ')}.`
      );
    next = setting.apply(next, value, key);
  }
  return next;
}
