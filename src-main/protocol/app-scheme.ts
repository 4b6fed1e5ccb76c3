import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The `app://` scheme the window's page is served from instead of `file://` (Electron's security
 * checklist, item 18): the page gets a real origin of its own, and only the renderer's build folder
 * can be read through it. Pure: the Electron side (`electron/protocol/app-protocol.ts`) only
 * registers these rules.
 */

/** The scheme's name, registered as privileged before the app is ready. */
export const APP_SCHEME = 'app';
/** The one host the scheme serves; any other host is refused. */
export const APP_HOST = 'courier';
/** The page's origin, trusted by the IPC router (`ipc/trusted-sender.ts`). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The address of the window's page. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * The file under `root` an `app://courier/…` address names, or null when the address is not one
 * Courier serves: another scheme or host, a `..` segment (plain or percent-encoded, even twice),
 * a backslash, a drive letter or colon, a NUL or other control character, an empty segment
 * (`//etc/passwd`), or anything that would resolve outside `root`.
 */
export function resolveAppPath(root: string, address: string): string | null {
  // Raw checks before URL parsing: the parser would quietly fold `..` and `\` away, hiding the intent.
  const rawPath = address.startsWith(`${APP_ORIGIN}/`)
    ? address.slice(APP_ORIGIN.length).replace(/[?#].*$/s, '')
    : null;
  if (rawPath === null) return null;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username || url.password || url.port) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null; // a malformed escape
  }
  // A `%` left after one decoding is a second layer of encoding (`%252e%252e`): never needed by our build.
  if (decoded.includes('%')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:]/.test(decoded)) return null;
  const segments = decoded.slice(1).split('/');
  if (segments.length === 1 && segments[0] === '') segments[0] = 'index.html';
  if (segments.some(s => s === '' || s === '.' || s === '..')) return null;
  const base = resolve(root);
  const file = resolve(join(base, ...segments));
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  if (inside.split(sep).includes('..')) return null;
  return file;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

/** The Content-Type a file of the renderer's build is served with (unknown kinds as bytes). */
export function appContentType(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The origin of an address as the IPC and navigation checks compare it: `app://courier` for our
 * scheme and `file://` for files (WHATWG URL gives a custom scheme the opaque origin "null", which would match any other
 * custom scheme), the URL's own origin otherwise; null when it is not an address.
 */
export function originOf(address: string): string | null {
  try {
    const url = new URL(address);
    if (url.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${url.host}`;
    if (url.protocol === 'file:') return 'file://';
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}
