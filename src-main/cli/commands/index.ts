import type { CliCommand } from '../cli-io';
import { inspectCommand } from './inspect';
import { keysCommand } from './keys';
import { destinationsCommand } from './destinations';
import { checkCommand } from './check';
import { prepareCommand } from './prepare';
import { historyCommand } from './history';
import { jobsCommand } from './jobs';
import { sendCommand } from './send';

/**
 * Every `courier` command. Each lives in its own module beside this one; add it here.
 */
export const commands: readonly CliCommand[] = [inspectCommand, keysCommand, destinationsCommand, checkCommand, prepareCommand, historyCommand, jobsCommand, sendCommand];
