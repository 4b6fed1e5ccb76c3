import type { CliCommand } from '../cli-io';
import {
  checkUsage,
  historyUsage,
  inspectUsage,
  jobsUsage,
  keysUsage,
  prepareUsage,
  sendUsage,
} from './usage';

/**
 * One `courier` command as `courier --help` lists it: its name and summary here, its code loaded
 * only when it runs (or shows its own usage), so that `courier --help` starts without loading
 * spreadsheet readers, SSH, the keychain and the rest.
 */
export type CommandEntry = Readonly<{
  name: string;
  /** One line for `courier --help` (the same as the command's own `summary`; a test checks it). */
  summary: string;
  /** Full usage for `courier <name> --help` without loading the command (else it is loaded for it). */
  usage?: string;
  load: () => Promise<CliCommand>;
}>;

/**
 * Every `courier` command. Each lives in its own module beside this one; add it here.
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'inspect',
    summary: 'detect format and show columns, row count and sample rows',
    usage: inspectUsage,
    load: async () => (await import('./inspect')).inspectCommand,
  },
  {
    name: 'keys',
    summary: 'make, import and show SSH keys kept in the system keychain',
    usage: keysUsage,
    load: async () => (await import('./keys')).keysCommand,
  },
  {
    name: 'destinations',
    summary: 'list, show, add, change, remove, rename, test, export and import destinations',
    load: async () => (await import('./destinations')).destinationsCommand,
  },
  {
    name: 'dummy-data',
    summary: "write a file of invented contacts in a destination's exact format",
    load: async () => (await import('./dummy-data')).dummyDataCommand,
  },
  {
    name: 'check',
    summary: 'map and validate a file for a destination; list the problems',
    usage: checkUsage,
    load: async () => (await import('./check')).checkCommand,
  },
  {
    name: 'prepare',
    summary: 'write exactly the files that would be sent into a folder',
    usage: prepareUsage,
    load: async () => (await import('./prepare')).prepareCommand,
  },
  {
    name: 'history',
    summary: 'past runs (interactive, scheduled and command line)',
    usage: historyUsage,
    load: async () => (await import('./history')).historyCommand,
  },
  {
    name: 'jobs',
    summary: 'add, list, run and remove saved (scheduled) jobs',
    usage: jobsUsage,
    load: async () => (await import('./jobs')).jobsCommand,
  },
  {
    name: 'doctor',
    summary: 'check secrets, keychain, proxy (and with --connect the servers) of destinations',
    load: async () => (await import('./doctor')).doctorCommand,
  },
  {
    name: 'diagnostics',
    summary: 'versions, OS and destination kinds for a support request (no personal data)',
    load: async () => (await import('./diagnostics')).diagnosticsCommand,
  },
  {
    name: 'reports',
    summary: 'download Digitaleo’s report zips (each once, verified, never over a local file)',
    load: async () => (await import('./reports')).reportsCommand,
  },
  {
    name: 'send',
    summary: 'prepare a file and upload it to a destination, with progress',
    usage: sendUsage,
    load: async () => (await import('./send')).sendCommand,
  },
];
