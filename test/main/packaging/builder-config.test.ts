import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
// js-yaml comes with electron-builder (which reads this file with it).
const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

type FileSet = { from: string; to: string; filter?: string[] };
type Association = { ext: string; mimeType?: string; rank?: string; role?: string };
type Config = {
  files: string[];
  extraResources: FileSet[];
  electronFuses?: Record<string, boolean>;
  fileAssociations?: unknown;
  win: { target: string[]; extraResources: FileSet[]; fileAssociations?: unknown };
  nsis: { include?: string; oneClick?: boolean; perMachine?: boolean };
  msi?: { perMachine?: boolean; upgradeCode?: string };
  mac: {
    extraResources: FileSet[];
    hardenedRuntime?: boolean;
    entitlements?: string;
    entitlementsInherit?: string;
    notarize?: boolean;
    fileAssociations?: Association[];
  };
  linux: { executableName: string; extraResources: FileSet[]; fileAssociations?: Association[] };
  deb: { depends?: string[]; recommends?: string[]; afterInstall?: string; afterRemove?: string };
};
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
const text = (path: string) => readFileSync(join(root, path), 'utf8');

/** The launcher files a platform's package gets in resources/bin. */
const launchers = (sets: FileSet[]) =>
  sets.filter(s => s.from === 'packaging/bin' && s.to === 'bin').flatMap(s => s.filter ?? []);

describe('electron-builder.yml: the `courier` command ships with the app', () => {
  it('is accepted by electron-builder’s own configuration schema', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new () => unknown };
    await expect(validateConfiguration(config, new DebugLogger())).resolves.toBeUndefined();
  });

  it('puts the launcher for each OS into resources/bin, and the CLI bundle into the app', () => {
    expect(launchers(config.linux.extraResources)).toEqual(['courier']);
    expect(launchers(config.mac.extraResources)).toEqual(['courier']);
    expect(launchers(config.win.extraResources)).toEqual(['courier.cmd']);
    // The launchers run out/main/cli.js inside app.asar.
    expect(config.files).toContain('out/**');
  });

  it('NSIS includes the script that adds the launcher folder to the user’s PATH and removes it', () => {
    expect(config.nsis.include).toBe('packaging/installer.nsh');
    const nsh = text('packaging/installer.nsh');
    expect(nsh).toMatch(/!macro customInstall\s+!insertmacro courierUserPath add\s/);
    expect(nsh).toMatch(/!macro customUnInstall\s+!insertmacro courierUserPath remove\s/);
    expect(nsh).toContain('$INSTDIR\\resources\\bin');
    expect(nsh).toContain('CurrentUser');
    expect(nsh).toContain('ExpandString');
  });

  it('the deb links /usr/bin/courier to the launcher (not the app binary) and unlinks it on removal', () => {
    expect(config.linux.executableName).toBe('courier');
    expect(config.deb.afterInstall).toBe('packaging/linux/after-install.sh');
    expect(config.deb.afterRemove).toBe('packaging/linux/after-remove.sh');
    const launcher = "'/opt/${sanitizedProductName}/resources/bin/courier'";
    const install = text('packaging/linux/after-install.sh');
    expect(install).toContain(
      `update-alternatives --install '/usr/bin/\${executable}' '\${executable}' ${launcher} 100`
    );
    expect(install).not.toMatch(/\/opt\/\$\{sanitizedProductName\}\/\$\{executable\}' /);
    // What the default script does besides the link is kept (sandbox, AppArmor, desktop database).
    expect(install).toContain('chrome-sandbox');
    expect(install).toContain('apparmor_parser');
    expect(text('packaging/linux/after-remove.sh')).toContain(
      `update-alternatives --remove '\${executable}' ${launcher}`
    );
  });
});

describe('electron-builder.yml: hardening', () => {
  it('sets the fuses: cookie encryption, ASAR integrity and ASAR only on; NODE_OPTIONS and --inspect off', () => {
    expect(config.electronFuses).toEqual({
      // On, because the `courier` launchers run the app binary in Node mode (README explains it).
      runAsNode: true,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The page comes from app://courier, not file://.
      grantFileProtocolExtraPrivileges: false,
    });
    // RunAsNode stays on only while a launcher needs it.
    expect(text('packaging/bin/courier')).toContain('ELECTRON_RUN_AS_NODE=1');
    expect(text('packaging/bin/courier.cmd')).toContain('ELECTRON_RUN_AS_NODE=1');
  });

  it('the deb keeps electron-builder’s default dependencies and only recommends a Secret Service provider', () => {
    // Setting `depends` would replace electron-builder's whole default list (GTK, NSS, …).
    expect(config.deb.depends).toBeUndefined();
    // That default list holds libsecret-1-0, which the keychain library needs.
    const fpm = text('node_modules/app-builder-lib/out/targets/FpmTarget.js');
    const debDefaults = /case "deb":\s*return (\[[^\]]*\])/.exec(fpm)![1]!;
    expect(JSON.parse(debDefaults)).toEqual(
      expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libsecret-1-0'])
    );
    expect(config.deb.recommends).toContain(
      'gnome-keyring | kwalletmanager | ksecretd | keepassxc'
    );
    expect(JSON.stringify(config.deb)).not.toMatch(/"gnome-keyring"/);
  });
});

describe('electron-builder.yml: "Open with Courier" and installers for IT', () => {
  const exports = ['csv', 'tsv', 'txt', 'xls', 'xlsx'];

  it('macOS lists the exports in CFBundleDocumentTypes, never as their default app', () => {
    // Not top level: on Windows electron-builder would make Courier the default for .csv and .xlsx.
    expect(config.fileAssociations).toBeUndefined();
    expect(config.win.fileAssociations).toBeUndefined();
    expect(config.mac.fileAssociations!.map(a => a.ext)).toEqual(exports);
    for (const a of config.mac.fileAssociations!) {
      expect(a.rank).toBe('Alternate');
      expect(a.role).toBe('Viewer');
    }
  });

  it('Linux desktop file gets each export’s MIME type', () => {
    expect(config.linux.fileAssociations!.map(a => [a.ext, a.mimeType])).toEqual([
      ['csv', 'text/csv'],
      ['tsv', 'text/tab-separated-values'],
      ['txt', 'text/plain'],
      ['xls', 'application/vnd.ms-excel'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
  });

  it('Windows adds "Open with Courier" (OpenWithProgids) on install and removes it on uninstall', () => {
    const nsh = text('packaging/installer.nsh');
    for (const ext of exports) {
      expect(nsh).toContain(`!insertmacro courierOpenWithExt \${ACTION} ${ext}`);
    }
    expect(nsh).toContain('Software\\Classes\\.${EXT}\\OpenWithProgids" "Courier.Export"');
    expect(nsh).toContain('DeleteRegValue SHELL_CONTEXT "Software\\Classes\\.${EXT}\\OpenWithProgids" "Courier.Export"');
    // Never the default program: the extension's own default value is not written.
    expect(nsh).not.toMatch(/WriteRegStr SHELL_CONTEXT "Software\\Classes\\\.\$\{EXT\}" ""/);
    expect(nsh).toMatch(/!macro customInstall[^!]*!insertmacro courierUserPath add\s+!insertmacro courierOpenWith add\s+!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall[^!]*!insertmacro courierUserPath remove\s+!insertmacro courierOpenWith remove\s+!macroend/);
    // A per-machine install puts the launcher on the system PATH instead of the user's.
    expect(nsh).toContain("$$env:COURIER_PATH_SCOPE -eq 'all'");
    expect(nsh).toContain('LocalMachine');
  });

  it('Windows: NSIS offers per-user or per-machine; an MSI installs per machine', () => {
    expect(config.win.target).toEqual(['nsis', 'msi']);
    // oneClick false + perMachine false = the "only for me / anyone" page (/currentuser, /allusers).
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.msi!.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('macOS: hardened runtime, minimal entitlements, notarization from the environment only', () => {
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      entitlements: 'packaging/mac/entitlements.mac.plist',
      entitlementsInherit: 'packaging/mac/entitlements.mac.plist',
      notarize: true,
    });
    const plist = text('packaging/mac/entitlements.mac.plist');
    const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map(m => m[1]);
    // JIT only (V8 needs it on arm64); no unsigned memory, no library-validation bypass, no devices.
    expect(granted).toEqual(['com.apple.security.cs.allow-jit']);
    // No credential in the repository's builder config: they come from the release machine's environment.
    expect(text('electron-builder.yml')).not.toMatch(/APPLE_(ID|APP_SPECIFIC_PASSWORD|API_KEY)\s*[:=]/);
  });
});
