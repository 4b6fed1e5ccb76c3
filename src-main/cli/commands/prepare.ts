import { ExitCode, UsageError, type CliCommand } from '../cli-io';
import { REJECTED_FILE, REJECTED_FOLDER, writePreparedFiles, writeRejectedRows } from '../../preparation/prepare-file';
import { checkReport, parsePreparationArgs, printReportJson, printSummary, runPreparation } from './check';
import { basename } from 'node:path';

const usage = `Usage: courier prepare FILE --destination D --out DIR [--mapping M] [--exclude-invalid] [--keep-duplicates] [--json]

Writes exactly the files that would be sent to the destination into DIR, and prints their names.

  --destination D     a configured destination, a preset id or a destination JSON file
  --out DIR           the folder to write into (created if needed)
  --mapping M         a JSON mapping file (see courier check --help)
  --exclude-invalid   leave rows with errors out and write them, with the reason and every
                      source column, to DIR/${REJECTED_FOLDER}/${REJECTED_FILE}, apart from the files to send
  --keep-duplicates   write later rows with the same key too, for a destination that sends
                      only the first (Hello Customer); otherwise they are left out and listed
  --json              print one JSON object: the check report plus written and rejected

Without --exclude-invalid, a file with errors is not written (exit code 1).`;

/** `courier prepare`: write the output files (and the rejected rows) into a folder. */
export const prepareCommand: CliCommand = {
  name: 'prepare',
  summary: 'write exactly the files that would be sent into a folder',
  usage,
  run: async ({ args, home, io }) => {
    const { values } = parsePreparationArgs(args);
    if (!values.out) throw new UsageError('--out DIR is required.');
    const result = await runPreparation(args, home);
    if (result.blocked) {
      if (values.json) await printReportJson(io, { ...checkReport(result), written: [], rejected: null });
      else {
        printSummary(io, result);
        io.stderr.write('courier: some rows have errors, so nothing was written. Fix them, or use --exclude-invalid to leave them out.\n');
      }
      return ExitCode.blocked;
    }
    const written = await writePreparedFiles(result, values.out);
    const rejected = await writeRejectedRows(result, values.out);
    if (values.json) {
      await printReportJson(io, { ...checkReport(result), written, rejected });
    } else {
      for (const path of written) io.stdout.write(`${basename(path)}\n`);
      if (rejected) io.stderr.write(`${result.rejected.length === 1 ? '1 row was' : `${result.rejected.length} rows were`} left out; see ${rejected}.\n`);
    }
    return ExitCode.ok;
  },
};
