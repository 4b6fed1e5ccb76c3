import type { Message } from './message';

/** English words of About, diagnostics, recent files and shortcuts (part of en.ts). */
export const enDesktopWords = {
  'recent.open': 'Open {file}',
  'recent.missing': 'Not found — moved or deleted',
  'recent.remove': 'Remove {file} from the list',
  'recent.none': 'Files you open appear here.',
  'desktop.about': 'About Courier',
  'desktop.aboutTitle': 'About Courier',
  'desktop.version': 'Version',
  'desktop.electron': 'Electron',
  'desktop.chrome': 'Chrome',
  'desktop.node': 'Node.js',
  'desktop.os': 'System',
  'desktop.notElectron': 'not running in Electron',
  'desktop.licence':
    'Courier is built on Electron and Chromium and open-source libraries, each under its own licence (see the LICENSES files beside the app).',
  'desktop.copyDiagnostics': 'Copy diagnostic information',
  'desktop.copied':
    'Copied. Paste it into your support request: it holds no password, user name or server.',
  'desktop.diagnosticsShown':
    'Select this text and copy it into your support request: it holds no password, user name or server.',
  'desktop.shortcuts': 'Keyboard shortcuts',
  'desktop.shortcutsTitle': 'Keyboard shortcuts',
  'desktop.shortcut.open': 'Open a file',
  'desktop.shortcut.destinations': 'Destinations',
  'desktop.shortcut.history': 'History',
  'desktop.shortcut.help': 'This list of shortcuts',
  'desktop.shortcut.close': 'Close a dialog',
} satisfies Record<string, Message>;
