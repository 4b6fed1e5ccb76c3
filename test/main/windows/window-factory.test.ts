import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY, createWindow } from '../../../src-main/electron/windows/window-factory';

/** A fake BrowserWindow recording what the factory does to it (Electron objects are faked). */
function fakeWindowClass() {
  const created: FakeWindow[] = [];
  class FakeContents extends EventEmitter {
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    headersListener: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | null = null;
    requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void) | null = null;
    checkHandler: ((contents: unknown, permission: string, origin: string, details?: unknown) => boolean) | null = null;
    session = {
      webRequest: { onHeadersReceived: (l: FakeContents['headersListener']) => { this.headersListener = l; } },
      setPermissionRequestHandler: (h: FakeContents['requestHandler']) => { this.requestHandler = h; },
      setPermissionCheckHandler: (h: FakeContents['checkHandler']) => { this.checkHandler = h; },
    };
    setWindowOpenHandler(h: FakeContents['openHandler']) { this.openHandler = h; }
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeContents();
    loaded: string | null = null;
    constructor(readonly options: BrowserWindowConstructorOptions) { super(); created.push(this); }
    loadURL(url: string) { this.loaded = url; return Promise.resolve(); }
    show() {}
  }
  return { Window: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow, created };
}

describe('createWindow', () => {
  const page = 'file:///opt/courier/out/renderer/index.html';

  it('locks the renderer down', () => {
    const { Window, created } = fakeWindowClass();
    createWindow(Window, { preloadPath: '/p/preload.cjs', pageUrl: page, openExternal: () => {} });
    const prefs = created[0]!.options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, preload: '/p/preload.cjs' });
    expect(created[0]!.loaded).toBe(page);
  });

  it('cancels navigation away from our page and denies new windows', () => {
    const { Window, created } = fakeWindowClass();
    const opened: string[] = [];
    createWindow(Window, { preloadPath: '/p', pageUrl: page, openExternal: url => opened.push(url) });
    const contents = created[0]!.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => { prevented = true; } }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(page)).toBe(false);
    expect(contents.openHandler!({ url: 'https://help.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    // Courier ships no help links yet: nothing the page asks for is opened in the browser.
    expect(opened).toEqual([]);
  });

  it('opens only the app’s own help links in the browser', () => {
    const { Window, created } = fakeWindowClass();
    const opened: string[] = [];
    const help = 'https://help.courier.example/destinations';
    createWindow(Window, { preloadPath: '/p', pageUrl: page, openExternal: url => opened.push(url), externalLinks: [help] });
    const contents = created[0]!.webContents;
    for (const url of [help, 'https://evil.example/', `${help}/../../x`, `https://help.courier.example/destinations@evil.example`, 'http://help.courier.example/destinations', 'file:///etc/passwd', 'smb://share/x']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([help]);
  });

  it('adds the strict Content-Security-Policy to every response', () => {
    const { Window, created } = fakeWindowClass();
    createWindow(Window, { preloadPath: '/p', pageUrl: page, openExternal: () => {} });
    let result: { responseHeaders: Record<string, string[]> } | null = null;
    created[0]!.webContents.headersListener!({ responseHeaders: { 'X-A': ['b'] } }, r => { result = r as typeof result; });
    expect(result!.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('refuses every permission the page asks for or checks', () => {
    const { Window, created } = fakeWindowClass();
    createWindow(Window, { preloadPath: '/p', pageUrl: page, openExternal: () => {} });
    const contents = created[0]!.webContents;
    const permissions = ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'midi', 'hid', 'serial', 'usb', 'display-capture', 'pointerLock', 'idle-detection', 'unknown'];
    for (const permission of permissions) {
      const answers: boolean[] = [];
      contents.requestHandler!(contents, permission, granted => answers.push(granted), { requestingUrl: page });
      expect(answers).toEqual([false]);
      expect(contents.checkHandler!(contents, permission, 'file://', {})).toBe(false);
    }
  });
});

describe('createWindow with the app:// page', () => {
  it('loads app://courier/index.html and cancels navigation to any other page, scheme or host', () => {
    const { Window, created } = fakeWindowClass();
    const page = 'app://courier/index.html';
    createWindow(Window, { preloadPath: '/p', pageUrl: page, openExternal: () => {} });
    expect(created[0]!.loaded).toBe(page);
    const contents = created[0]!.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => { prevented = true; } }, url);
      return prevented;
    };
    expect(navigate(page)).toBe(false);
    for (const url of ['app://courier/other.html', 'app://evil/index.html', 'evil://courier/index.html', 'file:///opt/courier/out/renderer/index.html', 'https://courier/index.html']) {
      expect(navigate(url), url).toBe(true);
    }
  });
});
