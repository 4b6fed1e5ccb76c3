import { arch, homedir, release, type as osType } from 'node:os';
import { sep } from 'node:path';
import type { Destination } from '../../src-core/destinations/destination';
import { redact } from '../logging/redact';
import type { Services } from '../services/services';

/** The product's copyright, as the installers say it (electron-builder.yml `copyright`). */
export const COPYRIGHT = 'Copyright © 2026 Courier';

/** What the About window and the diagnostic text say about the running program. */
export type AboutInfo = Readonly<{
  name: string;
  version: string;
  /** Electron, Chrome and V8 are missing when the CLI runs under plain Node (development). */
  electron: string | null;
  chrome: string | null;
  node: string;
  v8: string | null;
  os: string;
  copyright: string;
}>;

/** The versions of the running program, from `process.versions` (Electron adds its own and Chrome's). */
export function aboutInfo(
  appVersion: string,
  versions: NodeJS.ProcessVersions = process.versions,
  os: string = `${osType()} ${release()} (${process.platform}, ${arch()})`
): AboutInfo {
  const v = versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    name: 'Courier',
    version: appVersion,
    electron: v.electron ?? null,
    chrome: v.chrome ?? null,
    node: v.node,
    v8: v.v8 ?? null,
    os,
    copyright: COPYRIGHT,
  };
}

/** One destination as the diagnostic text shows it: its kind only, never name, host, user or secret. */
export type DestinationKind = Readonly<{
  preset: string;
  protocol: string;
  proxy: boolean;
  secretSource: string;
}>;

/** What a support person needs to know about a Courier, and nothing personal. */
export type DiagnosticFacts = Readonly<{
  about: AboutInfo;
  /** Where the app or the CLI runs from: `app` or `cli`. */
  surface: 'app' | 'cli';
  locale: string;
  home: string;
  destinations: readonly DestinationKind[];
  /** Destination files that could not be read (counted, not named). */
  unreadableDestinations: number;
}>;

/** The kind of a destination (preset, protocol, proxy or not, where its secret comes from). */
export function destinationKind(destination: Destination): DestinationKind {
  return {
    preset: destination.presetId,
    protocol: destination.transport.protocol ?? 'not set',
    proxy: destination.transport.proxy !== undefined,
    secretSource: destination.transport.secretSource?.kind ?? 'keychain',
  };
}

/**
 * A folder as the diagnostic text shows it: the person's home folder as `~` (it holds their user
 * name on every OS).
 */
export function withoutUserHome(path: string, userHome: string = homedir()): string {
  if (!userHome || userHome === sep) return path;
  if (path === userHome) return '~';
  return path.startsWith(userHome + sep) ? `~${path.slice(userHome.length)}` : path;
}

/**
 * The text "Copy diagnostic information" puts on the clipboard and `courier diagnostics` prints:
 * versions, OS, settings folder (home folder as `~`), and each destination's kind. Never a
 * destination's name, host, user name, folder or secret; and the whole text goes through the
 * logger's redaction as a last net.
 */
export function diagnosticText(facts: DiagnosticFacts, userHome: string = homedir()): string {
  const { about } = facts;
  const byKind = new Map<string, number>();
  for (const d of facts.destinations) {
    const line = `${d.preset} over ${d.protocol}${d.proxy ? ' through a proxy' : ''}, secret from ${d.secretSource}`;
    byKind.set(line, (byKind.get(line) ?? 0) + 1);
  }
  const lines = [
    `Courier ${about.version} (${facts.surface})`,
    `Electron: ${about.electron ?? 'not running in Electron'}`,
    `Chrome: ${about.chrome ?? '—'}`,
    `Node: ${about.node}`,
    `V8: ${about.v8 ?? '—'}`,
    `OS: ${about.os}`,
    `Locale: ${facts.locale || '—'}`,
    `Settings folder: ${withoutUserHome(facts.home, userHome)}`,
    `Destinations: ${facts.destinations.length}`,
    ...[...byKind].map(([line, n]) => `  ${n} × ${line}`),
    ...(facts.unreadableDestinations > 0
      ? [`Destination files that could not be read: ${facts.unreadableDestinations}`]
      : []),
  ];
  return redact(lines.join('\n')) + '\n';
}

/** Gathers the diagnostic facts from the services (the same for the app and the CLI). */
export async function collectDiagnostics(
  services: Pick<Services, 'home' | 'destinations'>,
  options: Readonly<{ appVersion: string; surface: 'app' | 'cli'; locale: string }>
): Promise<DiagnosticFacts> {
  const listed = await services.destinations.list();
  return {
    about: aboutInfo(options.appVersion),
    surface: options.surface,
    locale: options.locale,
    home: services.home,
    destinations: listed.destinations.map(destinationKind),
    unreadableDestinations: listed.problems.length,
  };
}
