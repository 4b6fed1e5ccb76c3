import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { isHelpLink } from '../../../src-core/help-links';
import { originOf } from '../../protocol/app-scheme';

/**
 * The Content-Security-Policy of every Courier window: our own scripts and styles only, no
 * remote content, no eval, no plugins, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The web preferences every Courier window is created with; nothing else may loosen them. */
export function lockedDownWebPreferences(
  preloadPath: string
): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  };
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/**
 * Creates a Courier window. The one place windows are made, so every window is locked down:
 * isolated and sandboxed renderer, strict CSP on every response, navigation away from our page
 * cancelled and new windows denied (the app's help links open in the system browser instead).
 */
export function createWindow(
  Window: WindowConstructor,
  options: Readonly<{
    preloadPath: string;
    /** The URL of our page; navigation to anything else is cancelled. */
    pageUrl: string;
    openExternal: (url: string) => void;
    /** The links the page may open in the browser (default: the app's help links, `help-links.ts`). */
    externalLinks?: readonly string[];
    extra?: Omit<BrowserWindowConstructorOptions, 'webPreferences'>;
  }>
): BrowserWindow {
  const window = new Window({
    width: 1200,
    height: 800,
    minWidth: 860,
    minHeight: 560,
    show: false,
    title: 'Courier',
    ...options.extra,
    webPreferences: lockedDownWebPreferences(options.preloadPath),
  });
  lockDownContents(
    window.webContents,
    options.pageUrl,
    options.openExternal,
    options.externalLinks
  );
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.pageUrl);
  return window;
}

/** Applies the navigation, new-window and CSP rules to a window's contents. */
export function lockDownContents(
  contents: WebContents,
  pageUrl: string,
  openExternal: (url: string) => void,
  externalLinks?: readonly string[]
): void {
  const ourOrigin = originOf(pageUrl);
  contents.on('will-navigate', (event, url) => {
    if (ourOrigin === null || originOf(url) !== ourOrigin || url !== pageUrl) event.preventDefault();
  });
  contents.on('will-attach-webview', event => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Only the app's own help links: a compromised page must not send the person anywhere else.
    if (isHelpLink(url, externalLinks)) openExternal(url);
    return { action: 'deny' };
  });
  denyAllPermissions(contents.session);
  contents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

/**
 * Refuses every permission a page may ask for or check (camera, microphone, notifications,
 * geolocation, clipboard reading, …): Courier's page uses none (notifications go through main).
 */
export function denyAllPermissions(
  session: Pick<WebContents['session'], 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
