import { ExitCode, UsageError, printError, type CliIo } from './cli-io';
import { commands } from './commands/index';
import { ensureHome, resolveHome } from '../settings/home';
import { onSettingsProblem } from '../settings/settings-file';
import { redact } from '../logging/redact';
import type { ServiceOverrides } from '../services/services';

import { COURIER_VERSION as VERSION } from './version';

function overview(): string {
  const width = Math.max(...commands.map(c => c.name.length), 8);
  return [
    'Usage: courier <command> [options]',
    '',
    'Commands:',
    ...commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    "  --home DIR   settings folder (default: $COURIER_HOME, else the app's own folder)",
    '  --help       show help for a command',
    '  --version    show the version',
    '',
    'Exit codes: 0 success; 1 the file has blocking problems; 2 usage error;',
    '            3 connection, trust, authentication or transfer failure.',
  ].join('\n');
}

/**
 * Runs the `courier` command line and returns its exit code.
 *
 * Global options (`--home`) may stand anywhere; the first other word chooses the command, and the
 * remaining words are that command's own arguments.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  overrides: ServiceOverrides = {}
): Promise<number> {
  const rest: string[] = [];
  let homeOption: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--home') {
      homeOption = argv[++i];
      if (homeOption === undefined) {
        io.stderr.write('courier: --home needs a folder.\n');
        return ExitCode.usage;
      }
    } else if (arg.startsWith('--home=')) homeOption = arg.slice('--home='.length);
    else rest.push(arg);
  }
  const [name, ...args] = rest;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${overview()}\n`);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`courier ${VERSION}\n`);
    return ExitCode.ok;
  }
  const entry = commands.find(c => c.name === name);
  if (!entry) {
    io.stderr.write(`courier: unknown command “${name}”.\n\n${overview()}\n`);
    return ExitCode.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${entry.usage ?? (await entry.load()).usage}\n`);
    return ExitCode.ok;
  }
  // Only the command that runs is loaded (see commands/index.ts).
  const command = await entry.load();
  const json = args.includes('--json');
  // A settings file that cannot be read is kept and said here, on stderr (stdout stays the result).
  const stopTelling = onSettingsProblem(problem =>
    io.stderr.write(`courier: ${redact(problem.message)}\n`)
  );
  try {
    const home = await ensureHome(resolveHome(homeOption, io.env));
    // The composition root of the CLI: the services are built once and passed to the command.
    // Loaded here, not at the top: `courier --help` needs none of it.
    const { createServices } = await import('../services/services');
    const services = createServices(home, overrides);
    return await command.run({ args, home, io, services });
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr.write(`courier ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return ExitCode.usage;
    }
    printError(io, error, json);
    return ExitCode.blocked;
  } finally {
    stopTelling();
  }
}
