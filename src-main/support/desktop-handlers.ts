import { CourierError } from '../../src-core/errors';
import type { Emit, Handlers } from '../ipc/ipc-router';
import type { OpenedFiles } from '../files/opened-files';
import type { RecentFiles } from '../files/recent-files';
import type { Services } from '../services/services';
import { aboutInfo, collectDiagnostics, diagnosticText } from './diagnostics';

/** What the desktop handlers need from the entry point. */
export type DesktopContext = Readonly<{
  services: Pick<Services, 'home' | 'destinations'>;
  appVersion: string;
  locale: string;
  emit: Emit;
  recentFiles: RecentFiles;
  openedFiles: OpenedFiles;
  /** Puts text on the system clipboard (Electron's `clipboard` in the app); absent where there is none. */
  copyText?: (text: string) => void;
  /** Told when the recent files changed (the app menu and the OS's recent documents follow). */
  onRecentFilesChanged?: (added?: string) => void;
}>;

type DesktopChannels =
  'support:about' | 'support:diagnostics' | 'recent:list' | 'recent:open' | 'recent:remove';

/** About, "Copy diagnostic information" and the recent files, over the same services as the CLI. */
export function createDesktopHandlers(context: DesktopContext): Pick<Handlers, DesktopChannels> {
  const changed = (added?: string) => {
    context.emit('recent:changed', {});
    context.onRecentFilesChanged?.(added);
  };
  return {
    'support:about': () => aboutInfo(context.appVersion),
    'support:diagnostics': async ({ copy }) => {
      const facts = await collectDiagnostics(context.services, {
        appVersion: context.appVersion,
        surface: 'app',
        locale: context.locale,
      });
      const text = diagnosticText(facts);
      if (copy && context.copyText) context.copyText(text);
      return { text, copied: copy && context.copyText !== undefined };
    },
    'recent:list': async () => ({ files: await context.recentFiles.list() }),
    'recent:open': async ({ path }) => {
      // Only a file on the list (one the person opened before) becomes a file the window may open.
      if (!(await context.recentFiles.has(path))) {
        throw new CourierError(
          'files.not-chosen',
          'Courier only opens files you choose or drop on its window. Choose the file again.',
          { params: { file: path.split(/[\\/]/).pop() ?? '' } }
        );
      }
      context.openedFiles.add(path, 'recent');
      return { path };
    },
    'recent:remove': async ({ path }) => {
      await context.recentFiles.remove(path);
      changed();
      return { files: await context.recentFiles.list() };
    },
  };
}

/**
 * Wraps `files:open` so that a file that opened goes to the top of the recent files (a file that
 * failed to open is not remembered).
 */
export function rememberOpenedFiles(
  handlers: Handlers,
  recentFiles: RecentFiles,
  changed: (added: string) => void
): Handlers {
  const open = handlers['files:open'];
  return {
    ...handlers,
    'files:open': async request => {
      const opened = await open(request);
      await recentFiles.add(request.path).then(
        () => changed(request.path),
        () => undefined // the list is a convenience: a read-only settings folder must not stop the file
      );
      return opened;
    },
  };
}
