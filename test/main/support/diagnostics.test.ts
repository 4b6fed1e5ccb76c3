import { readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';
import { commands } from '../../../src-main/cli/commands/index';
import { COURIER_VERSION } from '../../../src-main/cli/version';
import { createServices } from '../../../src-main/services/services';
import { createMainHandlers } from '../../../src-main/services/main-handlers';
import { OpenedFiles } from '../../../src-main/files/opened-files';
import { aboutInfo, diagnosticText, withoutUserHome } from '../../../src-main/support/diagnostics';

const root = join(import.meta.dirname, '..', '..', '..');
const temp = tempHome('courier-diagnostics-');

// What must never be in a diagnostic text: the destinations' names, servers, user names, folders
// and secrets, and the person's own user name.
const secrets = {
  name: 'Acme Hello Customer',
  host: 'drop.acme-secret.example',
  user: 'acme_upload_user',
  password: 'Pw-4cme!Tr0ub4dor',
  folder: 'incoming-acme-private',
  proxyHost: 'proxy.corp-secret.example',
  proxyPassword: 'Pr0xy-Pa55',
};

/** Two destinations as IT would add them: SFTP with a password, FTPS through a proxy with one. */
async function addDestinations(home: string): Promise<void> {
  const first = await courier(
    [
      'destinations',
      'add',
      secrets.name,
      '--preset',
      'hello-customer',
      '--protocol',
      'sftp',
      '--host',
      secrets.host,
      '--user',
      secrets.user,
      '--folder',
      secrets.folder,
      '--password-stdin',
      'touchpoint=NPS',
    ],
    { home, stdin: `${secrets.password}\n` }
  );
  expect(first.code, first.stderr).toBe(0);
  const second = await courier(
    [
      'destinations',
      'add',
      'Second',
      '--protocol',
      'ftps',
      '--host',
      secrets.host,
      '--user',
      `${secrets.user}2`,
      '--proxy',
      `http://proxyuser@${secrets.proxyHost}:3128`,
      '--proxy-password-stdin',
    ],
    { home, stdin: `${secrets.proxyPassword}\n` }
  );
  expect(second.code, second.stderr).toBe(0);
}

function expectNothingPersonal(text: string): void {
  for (const [what, value] of Object.entries(secrets)) expect(text, what).not.toContain(value);
  expect(text).not.toContain('proxyuser');
  expect(text).not.toContain('Second');
  const me = userInfo().username;
  // The person's user name is in their home folder: shown as ~.
  if (me.length > 2) expect(text).not.toMatch(new RegExp(`\\b${me}\\b`));
}

describe('courier diagnostics', () => {
  it('says versions, OS, settings folder and destination kinds; never a name, server, user or secret', async () => {
    await addDestinations(temp.path);
    const { code, stdout, stderr } = await courier(['diagnostics'], { home: temp.path });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`Courier ${COURIER_VERSION} (cli)`);
    expect(stdout).toContain(`Node: ${process.versions.node}`);
    expect(stdout).toContain('Electron: not running in Electron');
    expect(stdout).toMatch(/^OS: .+\((linux|darwin|win32), /m);
    expect(stdout).toContain('Destinations: 2');
    expect(stdout).toContain('1 × hello-customer over sftp, secret from keychain');
    expect(stdout).toContain('1 × generic over ftps through a proxy, secret from keychain');
    expectNothingPersonal(stdout);

    const json = await courier(['diagnostics', '--json'], { home: temp.path });
    expect(json.code).toBe(0);
    const facts = JSON.parse(json.stdout) as { destinations: unknown[]; text: string };
    expect(facts.destinations).toHaveLength(2);
    expectNothingPersonal(json.stdout);
  });

  it('is the same service as the app’s "Copy diagnostic information" (which copies it)', async () => {
    await addDestinations(temp.path);
    const copied: string[] = [];
    const handlers = createMainHandlers({
      services: createServices(temp.path),
      emit: () => undefined,
      appVersion: COURIER_VERSION,
      locale: 'en-GB',
      openedFiles: new OpenedFiles(),
      copyText: text => void copied.push(text),
    });
    const answer = await handlers['support:diagnostics']({ copy: true });
    expect(answer.copied).toBe(true);
    expect(copied).toEqual([answer.text]);
    const cli = await courier(['diagnostics'], { home: temp.path });
    // Only the surface differs (and the locale: the app's UI language, the CLI's system one).
    const strip = (t: string) => t.replace(/\((app|cli)\)/, '').replace(/^Locale: .*$/m, '');
    expect(strip(answer.text)).toBe(strip(cli.stdout));
    expectNothingPersonal(answer.text);
    // Without a clipboard (the browser tests), the text is shown instead: nothing pretends.
    const noClipboard = createMainHandlers({
      services: createServices(temp.path),
      emit: () => undefined,
      appVersion: COURIER_VERSION,
      locale: 'en-GB',
    });
    expect((await noClipboard['support:diagnostics']({ copy: true })).copied).toBe(false);
  });

  it('is listed in courier --help under a name no other command uses', async () => {
    const names = commands.map(c => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('diagnostics');
    const help = await courier(['--help']);
    expect(help.stdout).toMatch(/^ {2}diagnostics +versions, OS and destination kinds/m);
    expect((await courier(['diagnostics', '--help'])).stdout).toContain(
      'Usage: courier diagnostics'
    );
  });
});

describe('the diagnostic text, unit by unit', () => {
  it('shows the home folder as ~ (it holds the user name on every OS)', () => {
    expect(withoutUserHome('/home/ann/.config/Courier', '/home/ann')).toBe('~/.config/Courier');
    expect(withoutUserHome('/home/ann', '/home/ann')).toBe('~');
    expect(withoutUserHome('/home/annabel/x', '/home/ann')).toBe('/home/annabel/x');
    expect(withoutUserHome('/srv/courier', '/home/ann')).toBe('/srv/courier');
    expect(withoutUserHome(join(homedir(), 'x'))).toBe(join('~', 'x'));
  });

  it('passes through the logger’s redaction as a last net (a secret in a folder name)', () => {
    const text = diagnosticText(
      {
        about: aboutInfo(
          '1.2.3',
          { ...process.versions, electron: '45.5.0', chrome: '142.0' } as NodeJS.ProcessVersions,
          'Linux 6.1 (linux, x64)'
        ),
        surface: 'app',
        locale: 'fr-BE',
        home: '/srv/courier/password=hunter22',
        destinations: [],
        unreadableDestinations: 1,
      },
      '/home/ann'
    );
    expect(text).toContain('Electron: 45.5.0');
    expect(text).toContain('Chrome: 142.0');
    expect(text).toContain('Destinations: 0');
    expect(text).toContain('Destination files that could not be read: 1');
    expect(text).not.toContain('hunter22');
  });

  it('the CLI’s version is package.json’s', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(COURIER_VERSION).toBe(pkg.version);
  });
});
