import { resolve } from 'node:path';
import { toPlainError } from '../../../src-core/errors';
import { ExitCode, UsageError, parseCommandArgs, printJson, type CliCommand } from '../cli-io';

const usage = `Usage: courier dummy-data DESTINATION --rows N --out FILE [--seed N] [--json]

Writes a file of invented contacts (common first and last names, addresses, e-mail addresses at
example.com and example.org, phone numbers valid in the destination's country) in exactly the
format the destination receives: columns, separator, quoting, encoding, line endings, zip. Every
value passes the destination's own checks. Send it first, so the vendor can check the format
before any real contact goes out. The same --seed (default 1) writes the same rows.

DESTINATION is a configured destination, a preset id or a destination file. When the
destination's limits split the rows, FILE_2, FILE_3… are written beside FILE.

Exit codes: 0 written; 1 the file could not be written; 2 usage error or an unknown destination.`;

/** `courier dummy-data`: a dummy-data file in a destination's exact format. */
export const dummyDataCommand: CliCommand = {
  name: 'dummy-data',
  summary: "write a file of invented contacts in a destination's exact format",
  usage,
  run: async ({ args, io, services }) => {
    const { values, positionals } = parseCommandArgs(args, {
      rows: { type: 'string' },
      out: { type: 'string', short: 'o' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('give one DESTINATION.');
    if (!values.out)
      throw new UsageError('--out FILE is required (where the dummy-data file goes).');
    const rows = Number(values.rows ?? '');
    if (!/^\d+$/.test(values.rows ?? '') || rows < 1)
      throw new UsageError(`--rows must be a whole number above 0 (got “${values.rows ?? ''}”).`);
    if (values.seed !== undefined && !/^\d+$/.test(values.seed))
      throw new UsageError(`--seed must be a whole number (got “${values.seed}”).`);
    const json = values.json === true;
    try {
      const result = await services.destinations.writeDummyData(positionals[0]!, {
        rows,
        path: resolve(process.cwd(), values.out),
        ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
      });
      if (json) printJson(io, result);
      else
        for (const file of result.files)
          io.stdout.write(`Wrote ${file.path}: ${file.rows} dummy rows, ${file.bytes} bytes.\n`);
      return ExitCode.ok;
    } catch (error) {
      const plain = toPlainError(error);
      if (json) printJson(io, { error: { code: plain.code, message: plain.message } });
      else io.stderr.write(`courier: ${plain.message}\n`);
      return plain.code.startsWith('destination.') || plain.code.startsWith('input.')
        ? ExitCode.usage
        : ExitCode.blocked;
    }
  },
};
