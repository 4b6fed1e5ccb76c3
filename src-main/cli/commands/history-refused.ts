import { resolve } from 'node:path';
import type { Run } from '../../../src-core/history/run';
import { ExitCode, UsageError, parseCommandArgs, printJson, type CommandContext } from '../cli-io';

/** What `courier history` says under a run the platform refused, with how to see the file. */
export function refusedLines(run: Run): string {
  if (run.receipt.status !== 'rejected') return '';
  return (
    `  The platform refused the file: it did not import it${run.destination ? ` into ${run.destination}` : ''}. ` +
    `Digitaleo put it aside in its ko folder, usually because of the file's layout (separator, quotes, columns).\n` +
    `  See the file as Digitaleo kept it: courier history download-refused ${run.id} --out DIR\n`
  );
}

/**
 * `courier history download-refused RUN_ID --out DIR`: the files Digitaleo refused in that run,
 * downloaded as it kept them (the same service as History's button in the app).
 */
export async function downloadRefused(
  { io, services }: CommandContext,
  rest: readonly string[]
): Promise<number> {
  const { values, positionals } = parseCommandArgs(rest, {
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('give one RUN_ID (see “courier history”).');
  if (!values.out) throw new UsageError('--out DIR is required.');
  const { files } = await services.refusedFiles.download(
    positionals[0]!,
    resolve(process.cwd(), values.out)
  );
  if (values.json) {
    printJson(io, { files });
    return ExitCode.ok;
  }
  for (const file of files)
    io.stdout.write(
      `${file.name} → ${file.savedAs} (${file.bytes} bytes; ${file.sameAsSent ? 'the same bytes Courier sent' : 'not the bytes Courier sent: Digitaleo changed it'})\n`
    );
  return ExitCode.ok;
}
