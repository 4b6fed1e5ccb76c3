import { ExitCode, UsageError, type CliCommand } from '../cli-io';
import { writePreparedFiles, writeRejectedRows } from '../../preparation/prepare-file';
import {
  checkReport,
  parsePreparationArgs,
  printReportJson,
  printSummary,
  rememberedLine,
  runPreparation,
} from './check';
import { basename } from 'node:path';
import { prepareUsage } from './usage';

const usage = prepareUsage;

/** `courier prepare`: write the output files (and the rejected rows) into a folder. */
export const prepareCommand: CliCommand = {
  name: 'prepare',
  summary: 'write exactly the files that would be sent into a folder',
  usage,
  run: async ({ args, services, io }) => {
    const { values } = parsePreparationArgs(args);
    if (!values.out) throw new UsageError('--out DIR is required.');
    const result = await runPreparation(args, services);
    if (result.blocked) {
      if (values.json)
        await printReportJson(io, { ...checkReport(result), written: [], rejected: null });
      else {
        printSummary(io, result);
        io.stderr.write(
          'courier: some rows have errors, so nothing was written. Fix them, or use --exclude-invalid to leave them out.\n'
        );
      }
      return ExitCode.blocked;
    }
    const written = await writePreparedFiles(result, values.out);
    const rejected = await writeRejectedRows(result, values.out, result.language);
    if (values.json) {
      await printReportJson(io, {
        ...checkReport(result),
        written,
        rejected,
        ...(result.mappingRemembered ? { mappingRemembered: true } : {}),
      });
    } else {
      for (const path of written) io.stdout.write(`${basename(path)}\n`);
      if (rejected)
        io.stderr.write(
          `${result.rejected.length === 1 ? '1 row was' : `${result.rejected.length} rows were`} left out; see ${rejected}.\n`
        );
      if (result.mappingRemembered) io.stderr.write(rememberedLine(result.destination));
    }
    return ExitCode.ok;
  },
};
