import { readFile, stat } from 'node:fs/promises';
import { appContentType, resolveAppPath } from './app-scheme';

/** What answers an `app://` request: a web `Request` in, a web `Response` out (Electron's `protocol.handle`). */
export type AppRequestHandler = (request: Request) => Promise<Response>;

/**
 * Serves the renderer's build folder on `app://courier/`, with the page's Content-Security-Policy
 * on every answer (the scheme's responses are ours, so the header is set here, not patched in).
 * Anything `resolveAppPath` refuses, or that is not a file, is a plain 404 naming nothing.
 */
export function appFilesHandler(root: string, contentSecurityPolicy: string): AppRequestHandler {
  const headers = (type: string): Record<string, string> => ({
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  const notFound = () =>
    new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
  return async request => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', {
        status: 405,
        headers: headers('text/plain; charset=utf-8'),
      });
    }
    const file = resolveAppPath(root, request.url);
    if (!file) return notFound();
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) return notFound();
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: headers(appContentType(file)) });
  };
}
