import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appFilesHandler } from '../../../src-main/protocol/app-files';
import {
  APP_ORIGIN,
  APP_PAGE_URL,
  originOf,
  resolveAppPath,
} from '../../../src-main/protocol/app-scheme';
import { isTrustedSender } from '../../../src-main/ipc/trusted-sender';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/electron/windows/window-factory';
import { tempHome } from '../../harness/temp-home';

// The renderer's build folder as the app has it, beside a secret the scheme must never serve.
const parent = tempHome('app-scheme-', { shared: true });
let root: string;
beforeAll(async () => {
  root = join(parent.path, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Courier</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'my file.css'), 'body{}');
  await writeFile(join(parent.path, 'secret.txt'), 'host password');
});

describe('resolveAppPath: only the renderer build folder, whatever the address', () => {
  it('serves the page and its assets', () => {
    expect(resolveAppPath(root, APP_PAGE_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/`)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/index-abc.js?v=1#x`)).toBe(
      join(root, 'assets', 'index-abc.js')
    );
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/my%20file.css`)).toBe(
      join(root, 'assets', 'my file.css')
    );
  });

  it.each([
    ['a parent segment', `${APP_ORIGIN}/../secret.txt`],
    ['a parent segment inside', `${APP_ORIGIN}/assets/../../secret.txt`],
    ['an encoded parent segment', `${APP_ORIGIN}/%2e%2e/secret.txt`],
    ['a half-encoded parent segment', `${APP_ORIGIN}/.%2E/secret.txt`],
    ['a twice-encoded parent segment', `${APP_ORIGIN}/%252e%252e/secret.txt`],
    ['an encoded slash and parent', `${APP_ORIGIN}/assets%2f..%2f..%2fsecret.txt`],
    ['a backslash', `${APP_ORIGIN}/..\\secret.txt`],
    ['an encoded backslash', `${APP_ORIGIN}/..%5csecret.txt`],
    ['an absolute path', `${APP_ORIGIN}//etc/passwd`],
    ['an encoded absolute path', `${APP_ORIGIN}/%2fetc%2fpasswd`],
    ['a Windows drive', `${APP_ORIGIN}/C:/Windows/win.ini`],
    ['an encoded Windows drive', `${APP_ORIGIN}/C%3a%5cWindows%5cwin.ini`],
    ['a NUL', `${APP_ORIGIN}/index.html%00.js`],
    ['a raw NUL', `${APP_ORIGIN}/index.html\u0000.js`],
    ['a control character', `${APP_ORIGIN}/index%0a.html`],
    ['a malformed escape', `${APP_ORIGIN}/%E0%A4%A`],
    ['a dot segment', `${APP_ORIGIN}/./index.html`],
    ['another host', 'app://evil/index.html'],
    ['no host', 'app:///index.html'],
    ['a user in the address', 'app://ann:pw@courier/index.html'],
    ['a port', 'app://courier:80/index.html'],
    ['another scheme', `file://${root}/index.html`],
    ['a web address', 'https://courier/index.html'],
    ['not an address', 'index.html'],
  ])('refuses %s', (_what, address) => {
    expect(resolveAppPath(root, address)).toBeNull();
  });
});

describe('the app:// handler (the web Request and Response Electron’s protocol.handle uses)', () => {
  const handler = () => appFilesHandler(root, CONTENT_SECURITY_POLICY);

  it('answers with the file, its type and the strict Content-Security-Policy', async () => {
    const page = await handler()(new Request(APP_PAGE_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Courier</title>');
    const script = await handler()(new Request(`${APP_ORIGIN}/assets/index-abc.js`));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404, naming nothing, for what is outside the folder or missing, and with the CSP too', async () => {
    for (const address of [
      `${APP_ORIGIN}/%2e%2e/secret.txt`,
      `${APP_ORIGIN}/..%5csecret.txt`,
      `${APP_ORIGIN}/index.html%00`,
      `${APP_ORIGIN}/missing.js`,
      `${APP_ORIGIN}/assets`,
    ]) {
      const answer = await handler()(new Request(address));
      expect(answer.status, address).toBe(404);
      const body = await answer.text();
      expect(body).not.toContain('host password');
      expect(body).not.toContain(parent.path);
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses to change anything (only GET and HEAD)', async () => {
    const answer = await handler()(new Request(APP_PAGE_URL, { method: 'POST', body: 'x' }));
    expect(answer.status).toBe(405);
  });
});

describe('the app:// origin', () => {
  it('is what IPC trusts, and no other custom scheme (whose WHATWG origin is also "null")', () => {
    expect(new URL(APP_PAGE_URL).origin).toBe('null');
    expect(originOf(APP_PAGE_URL)).toBe(APP_ORIGIN);
    const ours = new Set([7]);
    const sender = (frameUrl: string) => ({ webContentsId: 7, frameUrl, isMainFrame: true });
    expect(isTrustedSender(sender(APP_PAGE_URL), ours, [APP_ORIGIN])).toBe(true);
    expect(isTrustedSender(sender('evil://courier/index.html'), ours, [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender(sender('app://other/index.html'), ours, [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender(sender('file:///opt/courier/index.html'), ours, [APP_ORIGIN])).toBe(
      false
    );
    expect(isTrustedSender(sender('data:text/html,x'), ours, [APP_ORIGIN, 'null'])).toBe(false);
  });
});

describe('the Electron side, with fake Electron objects', () => {
  it('registers app:// as a standard, secure scheme that bypasses nothing, and serves the folder', async () => {
    const { registerAppScheme, serveAppScheme } =
      await import('../../../src-main/electron/protocol/app-protocol');
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: schemes => void registered.push(...schemes) });
    expect(registered).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          bypassCSP: false,
          corsEnabled: false,
          allowServiceWorkers: false,
        }),
      },
    ]);
    const handled = new Map<string, (request: Request) => Promise<Response>>();
    serveAppScheme(
      { handle: (scheme, handler) => void handled.set(scheme, handler as never) },
      root,
      CONTENT_SECURITY_POLICY
    );
    const answer = await handled.get('app')!(new Request(`${APP_ORIGIN}/%2e%2e/secret.txt`));
    expect(answer.status).toBe(404);
    expect((await handled.get('app')!(new Request(APP_PAGE_URL))).status).toBe(200);
  });

  it('opens only the app’s help links in the browser, checked at the call itself', async () => {
    const { openHelpLink } = await import('../../../src-main/electron/help-link-opener');
    const opened: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    const help = 'https://help.courier.example/destinations';
    expect(openHelpLink(shell, 'https://evil.example/', [help])).toBe(false);
    expect(openHelpLink(shell, 'file:///etc/passwd', [help])).toBe(false);
    expect(openHelpLink(shell, `${help}@evil.example`, [help])).toBe(false);
    // Courier ships no help links yet: nothing at all is opened by default.
    expect(openHelpLink(shell, help)).toBe(false);
    expect(openHelpLink(shell, help, [help])).toBe(true);
    expect(opened).toEqual([help]);
  });
});
