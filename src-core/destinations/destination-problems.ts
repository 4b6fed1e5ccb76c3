import { CourierError, type ErrorParams } from '../errors';
import { receivedErrorCode } from '../error-codes';
import { Destination, parseDestination, type OutputFormat, type TargetColumn } from './destination';

/**
 * What stands between an edited destination and saving it, each problem at the field it
 * concerns (the editor shows it there; the destination service refuses the save with it).
 */

/** One problem of an edited destination: `field` is its path, e.g. `columns.2.name` or `variables.touchpoint`. */
export type FieldProblem = Readonly<{
  field: string;
  code: string;
  message: string;
  params: ErrorParams;
}>;

/** The template parts every destination knows; any other `{name}` is a variable of the destination. */
const BUILT_IN = new Set(['date', 'time', 'counter']);

/** The variables a file-name template needs (besides date, time and counter), in order of use. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(/\{([A-Za-z0-9_-]+)(?::[^}]*)?\}/g)) {
    const name = m[1]!;
    if (!BUILT_IN.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

const problem = (
  field: string,
  code: string,
  message: string,
  params: ErrorParams = {}
): FieldProblem => ({
  field,
  code,
  message,
  params,
});

/** Every problem of a destination as edited (empty: it can be saved). */
export function destinationProblems(value: unknown): FieldProblem[] {
  const parsed = Destination.safeParse(value);
  if (!parsed.success) {
    return parsed.error.issues.map(issue => {
      const field = issue.path.join('.') || 'destination';
      const empty =
        issue.code === 'too_small' &&
        (issue as { origin?: string; type?: string }).origin !== 'number' &&
        (issue as { type?: string }).type !== 'number';
      return empty && /name$|fileName$/.test(field)
        ? problem(field, 'destination.field-empty', `This field cannot be empty (${field}).`, {
            field,
          })
        : problem(field, 'destination.field-invalid', `${issue.message} (${field})`, { field });
    });
  }
  const d = parsed.data;
  const problems: FieldProblem[] = [];
  const names = new Set<string>();
  d.columns.forEach((c, i) => {
    if (names.has(c.name))
      problems.push(
        problem(
          `columns.${i}.name`,
          'destination.column-twice',
          `The column “${c.name}” appears twice.`,
          { column: c.name }
        )
      );
    names.add(c.name);
  });
  for (const [field, keys] of [
    ['duplicateKey', d.duplicateKey],
    ['atLeastOneOf', d.atLeastOneOf],
  ] as const) {
    for (const key of keys) {
      if (!names.has(key))
        problems.push(
          problem(field, 'destination.not-a-column', `“${key}” is not one of its columns.`, {
            column: key,
          })
        );
    }
  }
  for (const variable of templateVariables(d.fileName)) {
    if ((d.variables[variable] ?? '').trim() === '')
      problems.push(
        problem(
          `variables.${variable}`,
          'destination.variable-missing',
          `The file name needs a value for “${variable}”.`,
          { variable }
        )
      );
  }
  return problems;
}

/** Parses a destination for saving: refuses the first problem with its field (nothing is saved). */
export function parseSavable(value: unknown): Destination {
  // The schema's own refusal first (its sentence names the field), then what the schema leaves open.
  const destination = parseDestination(value);
  const [first] = destinationProblems(destination);
  if (first)
    throw new CourierError(receivedErrorCode(first.code), first.message, {
      params: { ...first.params, field: first.field },
    });
  return destination;
}

/** One saved job, as far as the columns it maps matter. */
export type MappedJob = Readonly<{
  name: string;
  destination: string;
  mapping: Readonly<Record<string, string | null>>;
}>;

/**
 * The jobs a change of columns affects: jobs of this destination whose mapping feeds a column
 * that no longer exists (their mapping keeps the columns whose names still match).
 */
export function jobsAffectedByColumns(
  jobs: readonly MappedJob[],
  destinationName: string,
  columns: readonly Pick<TargetColumn, 'name'>[]
): Array<{ name: string; gone: string[] }> {
  const names = new Set(columns.map(c => c.name));
  const out: Array<{ name: string; gone: string[] }> = [];
  for (const job of jobs) {
    if (job.destination.toLowerCase() !== destinationName.toLowerCase()) continue;
    const gone = Object.entries(job.mapping)
      .filter(([target, source]) => source !== null && !names.has(target))
      .map(([target]) => target);
    if (gone.length > 0) out.push({ name: job.name, gone });
  }
  return out;
}

/**
 * The output format a vendor's sample text file is written in, as far as its first bytes tell:
 * line endings and whether values are quoted (delimiter and encoding come from the reader).
 */
export function formatOfSampleText(text: string, delimiter: string | null): Partial<OutputFormat> {
  const format: Partial<OutputFormat> = {};
  if (delimiter === ',' || delimiter === ';' || delimiter === '\t' || delimiter === '|')
    format.delimiter = delimiter;
  const crlf = text.includes('\r\n');
  if (crlf || text.includes('\n')) format.lineEnding = crlf ? 'crlf' : 'lf';
  // A quote right after a delimiter or at a line's start: the vendor quotes values.
  if (/(^|[\n,;\t|])"/.test(text)) {
    format.quoting = 'standard';
    format.quoteChar = '"';
  } else if (/(^|[\n,;\t|])'/.test(text)) {
    format.quoting = 'standard';
    format.quoteChar = "'";
  } else format.quoting = 'never';
  return format;
}

/** The output encoding matching what the reader detected, or null when there is none. */
export function outputEncodingOf(detected: string | null): OutputFormat['encoding'] | null {
  const e = (detected ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (e === 'utf8bom') return 'utf-8-bom';
  if (e === 'utf8') return 'utf-8';
  if (e === 'windows1252' || e === 'cp1252' || e === 'win1252') return 'windows-1252';
  if (e === 'iso88591' || e === 'latin1') return 'iso-8859-1';
  if (e === 'ascii') return 'utf-8';
  return null;
}

const IP_ADDRESS = /^(\d{1,3}\.){3}\d{1,3}$|^\[?[0-9a-f]*:[0-9a-f:]*\]?$/i;

/** A vendor's rule a destination departs from (a warning: presets stay editable). */
export type VendorWarning = 'hello-customer.ip-address' | 'hello-customer.not-ftps';

/**
 * The warnings the vendors ask for (PLATFORMS.md): Hello Customer wants its host name, never an
 * IP address (the address behind it can change), and FTPS only.
 */
export function vendorWarnings(d: Pick<Destination, 'presetId' | 'transport'>): VendorWarning[] {
  const warnings: VendorWarning[] = [];
  if (d.presetId !== 'hello-customer') return warnings;
  const host = (d.transport.host ?? '').trim();
  if (host !== '' && IP_ADDRESS.test(host)) warnings.push('hello-customer.ip-address');
  const protocol = d.transport.protocol;
  if (protocol && protocol !== 'ftps' && protocol !== 'ftps-implicit')
    warnings.push('hello-customer.not-ftps');
  return warnings;
}
