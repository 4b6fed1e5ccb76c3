import { ExitCode, parseCommandArgs, printJson, type CliCommand } from '../cli-io';
import { COURIER_VERSION } from '../version';
import { collectDiagnostics, diagnosticText } from '../../support/diagnostics';

const usage = `Usage: courier diagnostics [--json]

Prints what a support person needs to know about this Courier: its version, the Electron,
Chrome, Node and V8 versions, the OS, the settings folder (your home folder shown as ~), and
how many destinations there are, by preset and protocol. Never a destination's name, server,
user name, folder or secret. The app's Help menu copies the same text ("Copy diagnostic
information").

Options:
  --json    the same facts as JSON`;

/** `courier diagnostics`: the app's "Copy diagnostic information", on stdout. */
export const diagnosticsCommand: CliCommand = {
  name: 'diagnostics',
  summary: 'versions, OS and destination kinds for a support request (no personal data)',
  usage,
  run: async ({ args, io, services }) => {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const facts = await collectDiagnostics(services, {
      appVersion: COURIER_VERSION,
      surface: 'cli',
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
    });
    const text = diagnosticText(facts);
    if (values.json) printJson(io, { ...facts, text });
    else io.stdout.write(text);
    return ExitCode.ok;
  },
};
