import { sourceOptions } from '../source-options';
import type { Language } from '../../../src-core/words/i18n';
import { languageOption, readSendRequest } from '../send-request-options';
import { ExitCode, parseCommandArgs, type CliCommand, type CliIo } from '../cli-io';
import type { Services } from '../../services/services';
import { prepareFile, type FilePreparation } from '../../preparation/prepare-file';
import { issueCodes, type RowIssue } from '../../../src-core/validation/issues';
import { checkUsage } from './usage';
import { fixOption } from '../fix-option';
import { englishIssueText } from '../../../src-core/words/issue-text';

const usage = checkUsage;

const options = {
  destination: { type: 'string', short: 'd' },
  mapping: { type: 'string', short: 'm' },
  out: { type: 'string', short: 'o' },
  'exclude-invalid': { type: 'boolean' },
  'keep-duplicates': { type: 'boolean' },
  'remember-mapping': { type: 'boolean' },
  ...languageOption,
  json: { type: 'boolean' },
  ...fixOption,
  ...sourceOptions,
} as const;

/** Parses the options of `check` and `prepare` (bad ones become usage errors). */
export function parsePreparationArgs(args: readonly string[]) {
  return parseCommandArgs(args, options);
}

/** Reads the options `check` and `prepare` share and runs the preparation. */
export async function runPreparation(
  args: readonly string[],
  { home, destinations, mappings }: Pick<Services, 'home' | 'destinations' | 'mappings'>,
  extra: Readonly<{ excludeInvalid?: boolean; keepRejectedCells?: boolean }> = {}
): Promise<FilePreparation & Readonly<{ mappingRemembered: boolean; language: Language }>> {
  const { values, positionals } = parsePreparationArgs(args);
  // What to check is what `send` would send: core's SendRequest, from the same flags.
  const request = await readSendRequest(positionals, values);
  const destination = await destinations.resolve(request.destination);
  const result = await prepareFile(request.path, destination, {
    source: {
      ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
      ...(request.headerRow !== undefined ? { headerRow: request.headerRow } : {}),
    },
    mapping: request.mapping,
    fixes: request.fixes,
    excludeInvalid: extra.excludeInvalid ?? request.excludeInvalid,
    now: new Date(),
    home,
    keepRejectedCells: extra.keepRejectedCells,
  });
  // As the app's Columns step does when the person confirms: the next file with these columns
  // (a send, a job, a check) uses this mapping without --mapping.
  const remember = values['remember-mapping'] === true;
  if (remember) await mappings.remember(request.destination, result.source.columns, result.mapping);
  return { ...result, mappingRemembered: remember, language: request.language ?? 'en' };
}

/** The sentence said after a check or prepare given --remember-mapping. */
export const rememberedLine = (destination: string) =>
  `The mapping is remembered for ${destination}: files with these columns use it from now on.\n`;

export { withKeepDuplicates } from '../send-request-options';

/** An issue as the `--json` contract documents it: its English sentence, said from the catalogue (the raw values stay out). */
const reportedIssue = (i: RowIssue) => ({
  row: i.row,
  sourceLine: i.sourceLine,
  column: i.column,
  code: i.code,
  message: englishIssueText(i),
  severity: i.severity,
});

/** What the `check` report is made of: a preparation here, or a send's (its files already written: sizes only). */
export type CheckReportSource = Pick<
  FilePreparation,
  | 'destination'
  | 'mapping'
  | 'rowCount'
  | 'validRowCount'
  | 'duplicateRowCount'
  | 'issues'
  | 'summary'
> &
  Readonly<{
    files: readonly Readonly<{ name: string; rows: number; bytes: Uint8Array | number }>[];
  }>;

/** The `--json` document of `check` (a documented contract). */
export function checkReport(result: CheckReportSource) {
  return {
    destination: result.destination,
    mapping: result.mapping,
    rowCount: result.rowCount,
    validRowCount: result.validRowCount,
    duplicateRowCount: result.duplicateRowCount,
    issues: result.issues.map(reportedIssue),
    summary: result.summary,
    files: result.files.map(f => ({
      name: f.name,
      rows: f.rows,
      bytes: typeof f.bytes === 'number' ? f.bytes : f.bytes.length,
    })),
  };
}

/**
 * Prints a report like `printJson` does, but writes the issues in batches: a million issues
 * would not fit in one JavaScript string.
 */
export async function printReportJson(
  io: CliIo,
  report: Record<string, unknown> & { issues: readonly unknown[] }
): Promise<void> {
  const { issues, ...rest } = report;
  const keys = Object.keys(report);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let seen = false;
  for (const key of keys) {
    if (key === 'issues') seen = true;
    else (seen ? after : before)[key] = rest[key];
  }
  const inner = (value: Record<string, unknown>) => JSON.stringify(value, null, 2).slice(1, -2);
  const write = (text: string) =>
    io.stdout.write(text)
      ? Promise.resolve()
      : new Promise<void>(resolve => io.stdout.once('drain', () => resolve()));
  await write(`{${Object.keys(before).length > 0 ? `${inner(before)},` : ''}\n  "issues": [`);
  for (let i = 0; i < issues.length; i += 1000) {
    const batch = issues
      .slice(i, i + 1000)
      .map(issue => `\n    ${JSON.stringify(issue, null, 2).replace(/\n/g, '\n    ')}`);
    await write((i > 0 ? ',' : '') + batch.join(','));
  }
  const tail = Object.keys(after).length > 0 ? `,${inner(after)}` : '';
  await write(`${issues.length > 0 ? '\n  ' : ''}]${tail}\n}\n`);
}

/** Whether any row (or the whole file) has an error. */
export const hasErrors = (result: FilePreparation): boolean =>
  result.issues.some(i => i.severity === 'error');

const n = (value: number) => value.toLocaleString('en');
const plural = (count: number, one: string, many: string) =>
  `${n(count)} ${count === 1 ? one : many}`;

/** The human-readable summary of a preparation, shared by `check` and `prepare`. */
export function printSummary(io: CliIo, result: FilePreparation, maxIssues = 20): void {
  const out = (line = '') => io.stdout.write(`${line}\n`);
  out(`${result.source.path} → ${result.destination}`);
  out(`${plural(result.rowCount, 'row', 'rows')}; ${n(result.validRowCount)} ready to send.`);
  if (result.duplicateRowCount > 0) {
    const left =
      result.duplicateRowCount === 1
        ? '1 duplicate row is'
        : `${n(result.duplicateRowCount)} duplicate rows are`;
    const key = result.issues.find(i => i.code === 'duplicate.key')?.params.key ?? [];
    out(
      `${left} left out: only the first row with the same ${key.join(' and ')} is sent (--keep-duplicates sends them too).`
    );
  }
  if (result.mappingOrigin !== 'given')
    out(
      `Columns matched ${result.mappingOrigin === 'remembered' ? 'as remembered for this file layout' : 'by Courier’s suggestions'}:`
    );
  else out('Columns:');
  for (const [target, source] of Object.entries(result.mapping))
    out(`  ${target} ← ${source ?? '(nothing)'}`);
  if (result.headerChanges) {
    const c = result.headerChanges;
    out('The file’s columns changed since the mapping was remembered:');
    for (const r of c.renamed) out(`  renamed: “${r.from}” → “${r.to}”`);
    for (const a of c.added) out(`  new: “${a}”`);
    for (const g of c.gone) out(`  gone: “${g}”`);
  }
  const codes = Object.entries(result.summary);
  if (codes.length > 0) {
    out();
    out('Problems:');
    for (const [code, count] of codes) {
      const title = (issueCodes as Record<string, { title: string; severity: string }>)[code];
      out(
        `  ${n(count).padStart(7)}  ${title?.title ?? code}${title?.severity === 'warning' ? ' (warning)' : ''}`
      );
    }
    const zeros = result.issues.find(i => i.code === 'phone.leading-zero');
    if (zeros?.column)
      out(
        `Excel removed the leading 0 of ${plural(result.summary['phone.leading-zero'] ?? 0, 'phone number', 'phone numbers')}; --fix restore-leading-zero:${zeros.column} puts it back.`
      );
    // The fixes that correct a whole column, each said once with the first column that needs it.
    const fixable = [
      ['text.invalid-bytes', 'read-as-windows-1252', 'reads the bytes that were not valid UTF-8 as Windows-1252'],
      ['text.control-characters', 'remove-control-characters', 'removes the invisible control characters'],
    ] as const;
    for (const [code, fix, does] of fixable) {
      const first = result.issues.find(i => i.code === code && i.column !== null);
      if (first) out(`--fix ${fix}:${first.column} ${does}.`);
    }
    out();
    for (const issue of result.issues.slice(0, maxIssues))
      out(`  ${issue.severity === 'error' ? '✗' : '!'} ${englishIssueText(issue)}`);
    if (result.issues.length > maxIssues)
      out(`  … and ${n(result.issues.length - maxIssues)} more (use --json for all of them).`);
  }
  out();
  out(result.files.length === 1 ? 'File to send:' : `Files to send (${result.files.length}):`);
  for (const f of result.files)
    out(
      `  ${f.name}  ${plural(f.rows, 'row', 'rows')}, ${plural(f.bytes.length, 'byte', 'bytes')}`
    );
}

/** `courier check`: map and validate; list the problems. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'map and validate a file for a destination; list the problems',
  usage,
  run: async ({ args, services, io }) => {
    const result = await runPreparation(args, services, { keepRejectedCells: false });
    if (args.includes('--json'))
      await printReportJson(io, {
        ...checkReport(result),
        ...(result.mappingRemembered ? { mappingRemembered: true } : {}),
      });
    else {
      printSummary(io, result);
      if (result.mappingRemembered) io.stdout.write(rememberedLine(result.destination));
    }
    return hasErrors(result) ? ExitCode.blocked : ExitCode.ok;
  },
};
