import { resolve } from 'node:path';
import { ExitCode, UsageError, parseCommandArgs, printJson, type CliCommand } from '../cli-io';
import { downloadReports } from '../../reports/report-downloads';

/** `courier reports`' usage text. */
export const reportsUsage = `Usage: courier reports download DESTINATION [--since YYYY-MM-DD] --out DIR [--json]

Downloads Digitaleo's report zips (reporting/<day>/<day>_Daily.zip and one zip per campaign:
openers, clickers, unsubscribers; Digitaleo keeps seven days) into DIR.
Each zip is downloaded once: Courier remembers what it fetched for this destination, checks each
zip is whole (its size and every file's CRC), and never writes over a file in DIR (a zip whose
name is taken is saved as "NAME (2).zip"). It lists each zip's files with their row counts.

Options:
  --since DAY   only the days from DAY on (YYYY-MM-DD)
  --out DIR     the folder the zips go to (created if missing)
  --json        print { downloaded: [{ day, name, savedAs, bytes, sha256, entries: [{ name, rows }] }],
                alreadyDownloaded: [{ day, name }] }

Exit codes: 0 done (also when nothing was new); 2 usage error; 1 anything else, said in words
(not a Digitaleo destination, the server could not be reached, a zip arrived damaged).`;

/** `courier reports download`: Digitaleo's report zips, each once. */
export const reportsCommand: CliCommand = {
  name: 'reports',
  summary: 'download Digitaleo’s report zips (each once, verified, never over a local file)',
  usage: reportsUsage,
  run: async ({ args, home, io, services }) => {
    const { values, positionals } = parseCommandArgs(args, {
      since: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals[0] !== 'download')
      throw new UsageError('say what to do: courier reports download DESTINATION --out DIR.');
    if (positionals.length !== 2) throw new UsageError('give one DESTINATION.');
    if (!values.out) throw new UsageError('--out DIR is required.');
    const destination = await services.destinations.resolve(positionals[1]!);
    const result = await downloadReports({
      home,
      destination,
      secrets: services.secrets,
      out: resolve(values.out),
      since: values.since,
    });
    if (values.json) {
      printJson(io, result);
      return ExitCode.ok;
    }
    if (result.downloaded.length === 0)
      io.stdout.write(
        `No new reports${result.alreadyDownloaded.length > 0 ? ` (${result.alreadyDownloaded.length} downloaded before)` : ''}.\n`
      );
    for (const report of result.downloaded) {
      io.stdout.write(
        `${report.day}  ${report.name} → ${report.savedAs} (${report.bytes} bytes)\n`
      );
      for (const entry of report.entries)
        io.stdout.write(`    ${entry.name}: ${entry.rows} ${entry.rows === 1 ? 'row' : 'rows'}\n`);
    }
    return ExitCode.ok;
  },
};
