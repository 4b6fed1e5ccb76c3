import type { DestinationSetup } from '../../../src-core/destinations/setup-check-ipc';
import { checkSetup } from '../../destinations/setup-check';
import { formatConnectionStep } from '../../transfers/destination-test';
import { ExitCode, parseCommandArgs, printJson, UsageError, type CliCommand } from '../cli-io';

/** `courier doctor --help`. */
export const doctorUsage = `Usage: courier doctor [DESTINATION] [--connect] [--json]

Checks that Courier can send from this computer, without printing any secret: for each
destination (or the one named), where its secret comes from and whether it can be read now,
which proxy its connections go through, and whether the system keychain is reachable (needed
only by destinations that keep something in it). With --connect, also tests each connection
(network, proxy, server identity, login, folder).

Exit codes: 0 everything is in place; 1 something needs attention (a secret that cannot be
read, a keychain that is needed and cannot be reached, a proxy password missing);
3 a connection test failed (--connect).`;

const proxyWords = (proxy: DestinationSetup['proxy']): string => {
  const from =
    proxy.setting === 'environment'
      ? ' (from ALL_PROXY / HTTPS_PROXY)'
      : proxy.setting === 'system'
        ? " (the computer's proxy settings)"
        : '';
  const line = proxy.via ? `through ${proxy.via}${from}` : `direct, no proxy${from}`;
  return proxy.error ? `${line} — ${proxy.error.message}` : line;
};

/** `courier doctor`: the setup check of the app's "Check setup", for a terminal or a script. */
export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'check secrets, keychain, proxy (and with --connect the servers) of destinations',
  usage: doctorUsage,
  run: async ({ args, io, home, services }) => {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      connect: { type: 'boolean' },
    });
    if (positionals.length > 1) throw new UsageError('doctor takes at most one DESTINATION.');
    const json = values.json === true;
    const report = await checkSetup(home, services.secrets, positionals[0] ?? null, {
      connect: values.connect === true,
      env: io.env,
    });
    const connectionFailed = report.destinations.some(d => d.connection && !d.connection.ok);
    const code = report.ok ? ExitCode.ok : connectionFailed ? ExitCode.transfer : ExitCode.blocked;
    if (json) {
      printJson(io, report);
      return code;
    }
    const out = (line: string) => io.stdout.write(`${line}\n`);
    const { keychain } = report;
    const needed = report.destinations.some(d => d.needsKeychain);
    out(
      keychain.reachable
        ? `System keychain: reachable (${keychain.backend}).`
        : `System keychain: cannot be reached${needed ? '' : ' (no destination needs it)'} — ${keychain.error?.message ?? ''}`
    );
    for (const problem of report.problems)
      out(`Destination file ${problem.file}: ${problem.message}`);
    if (report.destinations.length === 0) out('No destinations yet.');
    for (const d of report.destinations) {
      out(`${d.name}: ${d.ok ? 'ready' : 'NEEDS ATTENTION'}`);
      out(
        `  secret:  ${d.secret.source} — ${d.secret.readable ? 'can be read now' : `cannot be read now: ${d.secret.error?.message ?? ''}`}`
      );
      if (d.needsKeychain && !keychain.reachable)
        out('  keychain: needed by this destination, and cannot be reached');
      out(`  proxy:   ${proxyWords(d.proxy)}`);
      if (d.connection) {
        out(
          `  server:  ${d.connection.ok ? 'the connection works' : 'the connection does not work'}`
        );
        for (const step of d.connection.steps) out(`    ${formatConnectionStep(step)}`);
      } else out('  server:  not contacted (add --connect to test the connection)');
    }
    return code;
  },
};
