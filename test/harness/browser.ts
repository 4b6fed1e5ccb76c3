import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { checkEvent, routeCall, type Emit, type Handlers } from '../../src-main/ipc/ipc-router';
import { createMainHandlers, type ServiceContext } from '../../src-main/services/main-handlers';
import { createServices, type Services } from '../../src-main/services/services';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/windows/window-factory';
import { OpenedFiles } from '../../src-main/files/opened-files';
import './page-globals';

/**
 * The browser test harness: the built renderer in Debian's Chromium, with the real main-process
 * services behind the same `window.courier` API the preload gives it.
 *
 * `startBrowser()` once per test file; `openApp()` per scenario (a fresh context and settings
 * folder); `close()` at the end.
 */

const root = resolve(import.meta.dirname, '../..');
const rendererDir = join(root, 'out/renderer');
const CHROMIUM = '/usr/bin/chromium';
const appVersion = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;

/** One page of the app with its own settings folder and real services. */
export type AppPage = Readonly<{
  page: Page;
  context: BrowserContext;
  home: string;
  /** The services behind the handlers, built by the same `createServices` as the app's. */
  services: Services;
  handlers: Handlers;
  /** The files the person chose in this app (main's list): dropped, picked in the dialog, given on the command line. */
  openedFiles: OpenedFiles;
  /** Sends an event from "main" to the page, validated like the app's sendEvent. */
  emit: Emit;
  /** The events main sent, in order (for assertions). */
  emitted: ReadonlyArray<{ channel: string; payload: unknown }>;
  close: () => Promise<void>;
}>;

/** Options for one app page. */
export type OpenAppOptions = Readonly<{
  /** The system locale main reports (`app:info`); also the browser's locale. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Settings folder; a fresh temporary one by default (removed on close). */
  home?: string;
  viewport?: Readonly<{ width: number; height: number }>;
  /** Extra services for the handlers (e.g. a fake file dialog: Electron objects may be faked). */
  services?: Partial<ServiceContext>;
}>;

/** A running browser serving the built renderer. */
export type BrowserHarness = Readonly<{
  browser: Browser;
  baseUrl: string;
  openApp: (options?: OpenAppOptions) => Promise<AppPage>;
  close: () => Promise<void>;
}>;

/** Builds the renderer if no build is present (`npm test` builds first; plain vitest may not). */
export function ensureRendererBuilt(): void {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  const lock = join(root, 'out', '.renderer-build-lock');
  mkdirSync(join(root, 'out'), { recursive: true });
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // Another test file is building; wait for its result below.
  }
  if (owner) {
    try {
      const result = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
        cwd: root,
        stdio: 'inherit',
      });
      if (result.status !== 0)
        throw new Error('The app did not build (npx electron-vite build failed).');
    } finally {
      rmSync(lock, { recursive: true, force: true, maxRetries: 10 });
    }
    return;
  }
  const until = Date.now() + 180_000;
  while (existsSync(lock) && Date.now() < until) spawnSync('sleep', ['0.2']);
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error('The renderer build did not appear in out/renderer.');
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves a copy of out/renderer on 127.0.0.1 (file:// cannot load module scripts), with the
 * app's CSP. A copy, so that a rebuild running meanwhile cannot pull files from under the page.
 */
async function serveRenderer(): Promise<{ server: Server; baseUrl: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ui-renderer-'));
  await cp(rendererDir, dir, { recursive: true });
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, urlPath === '/' ? 'index.html' : urlPath));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      body => {
        res.writeHead(200, {
          'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'Cache-Control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(500).end()
    );
  });
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The test server has no port.');
  return { server, baseUrl: `http://127.0.0.1:${address.port}`, dir };
}

let bridgeScript: Promise<string> | undefined;

/** Bundles test/harness/browser-bridge.ts (buildApi + the binding transport) into one script. */
function bundleBridge(): Promise<string> {
  bridgeScript ??= (async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: {
          entry: join(import.meta.dirname, 'browser-bridge.ts'),
          formats: ['iife'],
          name: 'CourierBridge',
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Array<{
      output?: Array<{ type: string; code?: string }>;
    }>;
    const chunk = outputs.flatMap(o => o.output ?? []).find(o => o.type === 'chunk' && o.code);
    if (!chunk?.code) throw new Error('Could not bundle the browser bridge.');
    return chunk.code;
  })();
  return bridgeScript;
}

/** Launches Chromium and the renderer server. Fails, saying what to install, when Chromium is missing. */
export async function startBrowser(): Promise<BrowserHarness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: run "sudo apt-get install -y chromium".`
    );
  }
  ensureRendererBuilt();
  const [{ server, baseUrl, dir }, script] = await Promise.all([serveRenderer(), bundleBridge()]);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const open = new Set<AppPage>();

  const openApp = async (options: OpenAppOptions = {}): Promise<AppPage> => {
    const locale = options.locale ?? 'en-GB';
    const ownHome = options.home === undefined;
    const home = options.home ?? (await mkdtemp(join(tmpdir(), 'ui-home-')));
    await mkdir(home, { recursive: true });
    const context = await browser.newContext({
      locale,
      colorScheme: options.colorScheme ?? 'light',
      viewport: options.viewport ?? { width: 1200, height: 800 },
      reducedMotion: 'reduce',
    });
    const emitted: Array<{ channel: string; payload: unknown }> = [];
    const openedFiles = new OpenedFiles();
    const emit: Emit = (channel, payload) => {
      const checked = checkEvent(channel, payload);
      // As the app's entry point: a file given on the command line is one the person chose.
      if (channel === 'app:open-file')
        openedFiles.add((checked as { path: string }).path, 'command-line');
      emitted.push({ channel, payload: checked });
      for (const page of context.pages()) {
        page
          .evaluate(
            ([c, p]) =>
              (
                window as unknown as { __courierDispatch: (c: string, p: unknown) => void }
              ).__courierDispatch(c, p),
            [channel, checked] as const
          )
          .catch(() => undefined); // the page may be closing; the app ignores events to closed windows too
      }
    };
    const services = createServices(home);
    const handlers = createMainHandlers({
      services,
      emit,
      appVersion,
      locale,
      openedFiles,
      ...options.services,
    } as ServiceContext);
    await context.exposeBinding(
      '__courierInvoke',
      async (_source, channel: string, request: unknown) =>
        routeCall(handlers, channel, request, true)
    );
    await context.addInitScript({ content: script });
    const page = await context.newPage();
    chosenFiles.set(page, openedFiles);
    await page.goto(baseUrl + '/');
    const appPage: AppPage = {
      page,
      context,
      home,
      services,
      handlers,
      openedFiles,
      emit,
      emitted,
      close: async () => {
        open.delete(appPage);
        await context.close();
        if (ownHome) await rm(home, { recursive: true, force: true, maxRetries: 10 });
      },
    };
    open.add(appPage);
    return appPage;
  };

  return {
    browser,
    baseUrl,
    openApp,
    close: async () => {
      for (const appPage of [...open]) await appPage.close();
      await browser.close();
      await new Promise(done => server.close(done));
      await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}

// Each page's list of chosen files, so that `dropFile` can tell main of the drop.
const chosenFiles = new WeakMap<Page, OpenedFiles>();

/**
 * Drops a file from disk onto the window, as a user dragging it from the file manager.
 *
 * In the app the preload sees the real (trusted) drop event and tells main the path on a
 * private channel; a drop a test dispatches is never trusted, so the harness plays the
 * preload's part here and tells main directly, then dispatches the drop for the page.
 */
export async function dropFile(page: Page, path: string, target = 'body'): Promise<void> {
  chosenFiles.get(page)?.add(path, 'drop');
  await page.evaluate(
    ([name, hostPath, selector]) => {
      const file = new File(['(dropped in a test)'], name);
      (
        window as unknown as { __courierRegisterFile: (f: File, p: string) => void }
      ).__courierRegisterFile(file, hostPath);
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(file);
      const element = document.querySelector(selector) ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(
          new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true })
        );
      }
    },
    [basename(path), path, target] as const
  );
}

const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page; returns the serious and critical violations in readable form. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map(n => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
}

/** Saves a screenshot of the page as docs/screenshots/<screen>-<theme>.png (the README shows them). */
export async function saveScreenshot(
  page: Page,
  screen: string,
  theme: 'light' | 'dark'
): Promise<void> {
  const dir = join(root, 'docs/screenshots');
  await mkdir(dir, { recursive: true });
  await page.emulateMedia({ colorScheme: theme });
  // The screen from its top, whatever the test scrolled to.
  await page.evaluate(() => document.getElementById('content')?.scrollTo(0, 0));
  await page.screenshot({ path: join(dir, `${screen}-${theme}.png`) });
}
